// The server's lesson run for the lesson and step in the address: asks the server to set that step up when it runs
// something else (a deep link, a fresh visit), once per address; and the calls the panel's buttons make.
import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import type { LessonRun } from "../contract/lessons";
import type { FaultType } from "../contract/faults";
import type { ServiceId } from "../contract/service-names";
import { callControl, type ApiResult } from "./sandbox-api";
import { lessonStore } from "./stores/lesson-store";
import { canAct, classroomStore } from "./stores/classroom-store";

/** Whether the run already serves this address: the same lesson, at this step or with this step done. */
export function runServes(run: LessonRun | null, lessonId: string, stepId: string): boolean {
  if (!run || run.lessonId !== lessonId) return false;
  // A finished lesson opened again at any step but the one it finished on (the course map, a deep link) begins again
  // there; its last step's address (a reload of the result card) keeps the result.
  if (run.result && stepId !== run.steps[run.steps.length - 1].id) return false;
  const step = run.steps.find((candidate) => candidate.id === stepId);
  return step !== undefined && (step.status === "active" || step.status === "done");
}

export function useLessonRun(lessonId: string, stepId: string) {
  const { heard, run } = useStore(lessonStore);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const requested = useRef<string | null>(null);
  // In a classroom only the presenter sets a lesson up; a viewer's page shows the presenter's run.
  const mayAct = useStore(classroomStore, (classroom) => classroom.checked && canAct(classroom));

  const act = async (what: string, ask: () => Promise<ApiResult<{ run: LessonRun | null }>>) => {
    setBusy(what);
    setError(null);
    const answer = await ask();
    setBusy(null);
    if (!answer.ok) setError(answer.error);
  };

  useEffect(() => {
    const address = `${lessonId}/${stepId}`;
    if (!heard || !mayAct || requested.current === address || runServes(run, lessonId, stepId)) return;
    requested.current = address;
    void act("setting up", () => callControl("startLesson", { params: { id: lessonId }, body: { step: stepId } }));
  }, [heard, mayAct, run, lessonId, stepId]);

  return {
    run: run?.lessonId === lessonId ? run : null,
    error,
    busy,
    showMe: () => act("showing", () => callControl("showMe", { body: {} })),
    predict: (step: string, choice: string | null) => act("predicting", () => callControl("predict", { body: { step, choice } })),
    markMoment: (step: string, at: number) => act("marking", () => callControl("markMoment", { body: { step, at } })),
    guess: (service: ServiceId, type: FaultType) => act("guessing", () => callControl("guessCulprit", { body: { service, type } })),
    askHint: () => act("hinting", () => callControl("challengeHint", { body: {} })),
    restore: () => act("putting back", () => callControl("restoreLesson", { body: {} })),
    restart: () => act("restarting", () => callControl("startLesson", { params: { id: lessonId }, body: {} })),
  };
}
