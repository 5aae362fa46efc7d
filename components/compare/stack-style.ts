// How each stack is drawn everywhere on the Compare screen: a colour and a line pattern, so colour is never alone.
import type { StackId } from "../../lib/contract/events";

export const STACK_STYLE: Record<StackId, { className: string; dash: string | undefined; label: string }> = {
  microservices: { className: "stack-micro", dash: undefined, label: "microservices (solid)" },
  monolith: { className: "stack-mono", dash: "7 5", label: "monolith (dashed)" },
};
