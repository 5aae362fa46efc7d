// Where a lesson's pointer goes on the page, found from the app's own ids each time, so it follows a redrawn node.
import type { PointerTarget } from "../contract/lessons";

export function pointerSelector(target: PointerTarget): string {
  switch (target.kind) {
    case "service":
      return `.react-flow [data-stack="${target.id === "monolith" ? "monolith" : "microservices"}"][data-service="${target.id}"]`;
    case "queue":
      return `.react-flow [data-queue="${target.id}"]`;
    case "tab":
      return `#op-tab-${target.id}`;
    case "architecture":
      return `.segmented`;
  }
}

export function pointerLabel(target: PointerTarget): string {
  return target.kind === "tab" ? `the ${target.id} tab` : target.kind === "queue" ? `the queue ${target.id}` : target.kind === "architecture" ? "the architecture switch" : target.id;
}
