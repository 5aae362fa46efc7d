// PLACEHOLDER until the traffic generator lands: refuses to start.
import type { TrafficBody, TrafficView } from "../contract/control";
import type { Sandbox } from "./sandbox";
import type { TrafficControl } from "./sandbox-extras";

export class TrafficGenerator implements TrafficControl {
  constructor(private readonly sandbox: Sandbox) {}
  start(_body: TrafficBody): TrafficView {
    throw new RangeError("the traffic generator is not available yet");
  }
  stop(): TrafficView {
    return this.view();
  }
  view(): TrafficView {
    return { running: false, rps: 0, stacks: [], startedAt: null, endsAt: null };
  }
}
