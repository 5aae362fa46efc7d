// Where a lesson's pointer goes on the page, found from the app's own ids each time, so it follows a redrawn node.
import type { PanelButton, PointerTarget, ServiceButton } from "../contract/lessons";

/** One place the pointer may land, and what its label says there. */
export interface PointerPlace {
  selector: string;
  label: string;
  /** "target": on the thing itself; "way": on what leads to it (the service to select, the tab to open). */
  at: "target" | "way";
}

const SERVICE_BUTTON_LABELS: Record<ServiceButton, string> = { kill: "Kill", start: "Start", redeploy: "Redeploy", scale: "Scale" };
const PANEL_BUTTONS: Record<PanelButton, { label: string; tab: "traffic" | "break"; tabLabel: string }> = {
  "start-traffic": { label: "Start traffic", tab: "traffic", tabLabel: "Traffic" },
  "inject-fault": { label: "Inject fault", tab: "break", tabLabel: "Break it" },
  "circuit-breaker": { label: "Circuit breaker", tab: "break", tabLabel: "Break it" },
  retries: { label: "Retries", tab: "break", tabLabel: "Break it" },
  timeout: { label: "Timeout", tab: "break", tabLabel: "Break it" },
  readiness: { label: "Readiness checks", tab: "break", tabLabel: "Break it" },
};

const serviceNode = (id: string) => `.react-flow [data-stack="${id === "monolith" ? "monolith" : "microservices"}"][data-service="${id}"]`;

/**
 * The places to try, best first: the pointer lands on the first one drawn. A button hidden in a closed tab or an
 * inspector not open yet is not drawn, so the pointer shows the way to it (the tab, the service) until it is.
 */
export function pointerPlaces(target: PointerTarget): PointerPlace[] {
  switch (target.kind) {
    case "service":
      return [{ selector: serviceNode(target.id), label: target.id, at: "target" }];
    case "queue":
      return [{ selector: `.react-flow [data-queue="${target.id}"]`, label: `the queue ${target.id}`, at: "target" }];
    case "tab":
      return [{ selector: `#op-tab-${target.id}`, label: `the ${target.id} tab`, at: "target" }];
    case "architecture":
      return [{ selector: `.segmented`, label: "the architecture switch", at: "target" }];
    case "timeline":
      return [
        { selector: `.time-bar [data-control="${target.id}"]`, label: target.id === "rewind" ? "Rewind" : "Slow motion", at: "target" },
        { selector: `.lesson-panel [data-control="mark-moment"]`, label: "stop on the moment, then this", at: "target" },
      ];
    case "button": {
      if (target.service !== undefined) {
        const label = SERVICE_BUTTON_LABELS[target.id as ServiceButton];
        return [
          { selector: `[data-service-inspector="${target.service}"] [data-action="${target.id}"]`, label: `press ${label}`, at: "target" },
          { selector: serviceNode(target.service), label: `select ${target.service}, then ${label}`, at: "way" },
        ];
      }
      const button = PANEL_BUTTONS[target.id as PanelButton];
      return [
        { selector: `#op-panel-${button.tab} [data-control="${target.id}"]`, label: button.label, at: "target" },
        { selector: `#op-tab-${button.tab}`, label: `open ${button.tabLabel}, then ${button.label}`, at: "way" },
      ];
    }
  }
}

/** The pointer's name in `data-pointer`: kind, id and, for a service's button, whose. */
export function pointerName(target: PointerTarget): string {
  return target.kind === "button" && target.service ? `button:${target.id}:${target.service}` : `${target.kind}:${target.id}`;
}
