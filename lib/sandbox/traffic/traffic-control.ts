// What the rest of the sandbox may do with generated traffic: start it, stop it, read it (scenarios and lessons drive it).
import type { TrafficBody, TrafficView } from "../../contract/control";

export interface TrafficControl {
  start(body: TrafficBody): TrafficView;
  stop(): TrafficView;
  view(): TrafficView;
}
