// What the two diagnoses share: the step that names the hidden culprit, then the step that clears it and watches the
// shop recover by the diagnosis's own measure.
import type { LessonInput } from "../../contract/lessons";

type Step = LessonInput["steps"][number];

/** Naming the culprit: the situation and where to look are the diagnosis's own. */
export const nameTheCulprit = ({ text, target, hints }: Pick<Step, "text" | "target" | "hints">): Step => ({
  id: "name",
  title: "Find the culprit",
  text,
  todo: "Name the service at fault and the kind of fault.",
  target,
  hints,
  solution: [{ do: "guess-culprit" }],
  check: [{ is: "culpritNamed" }],
});

/** Clearing it, checked by `recovered` (what the shop looks like once it is well again). */
export const fixTheCulprit = ({ todo, recovered }: { todo: string; recovered: Step["check"] }): Step => ({
  id: "fix",
  title: "Fix it",
  text: "Named, the fault now shows on its service like any other.",
  todo,
  target: { kind: "tab", id: "break" },
  hints: ["Faults in force are listed in Break it, each with a Clear button."],
  solution: [{ do: "clear-culprit" }],
  check: [{ is: "culpritCleared" }, ...recovered],
});
