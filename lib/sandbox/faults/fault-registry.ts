// The faults in force: added, listed and cleared here, then sent to every process of the stacks they target. A hidden
// fault (a diagnosis challenge's culprit) bites like any other but is left out of what the screens and the API list,
// until it is revealed.
import { randomUUID } from "node:crypto";
import type { Fault, FaultBody } from "../../contract/faults";
import type { StackId } from "../../contract/events";
import { MONOLITH_ID } from "../../contract/services";
import { conflict } from "../refused";

/** More would not teach anything more, and every process checks the list on every request. */
export const MAX_FAULTS = 20;

export class FaultRegistry {
  private faults: Fault[] = [];
  private readonly hidden = new Set<string>();

  /**
   * `changed` hears every change (the list to send to the processes); `added` hears each fault put in force, even
   * one put back after a scenario, so whatever it costs shoppers is measured from that moment.
   */
  constructor(
    private readonly changed: (faults: Fault[]) => void,
    private readonly added: (fault: Fault) => void = () => {},
  ) {}

  /** What the processes are sent: every fault in force, a hidden one saying so (its failures then say nothing of it). */
  private sent(): Fault[] {
    return this.hidden.size === 0 ? this.faults : this.faults.map((fault) => (this.hidden.has(fault.id) ? { ...fault, hidden: true } : fault));
  }

  /** The faults anyone may see: those in force, hidden ones left out. */
  list(): Fault[] {
    return this.hidden.size === 0 ? this.faults : this.faults.filter((fault) => !this.hidden.has(fault.id));
  }

  /** Every fault in force, hidden ones included and marked: what the processes apply. */
  inForce(): Fault[] {
    return this.sent();
  }

  /** The hidden fault in force that matches `body`'s service and type, if any. */
  hiddenMatching(body: Pick<FaultBody, "service" | "type">): Fault | undefined {
    return this.faults.find((fault) => this.hidden.has(fault.id) && fault.service === body.service && fault.type === body.type);
  }

  /** A hidden fault becomes one like any other: listed, and cleared from the screens. */
  reveal(id: string): void {
    if (!this.hidden.delete(id)) return;
    this.changed(this.sent());
  }

  /**
   * Adds a fault; an identical one already in force is returned instead of stacking a second. A hidden one is not
   * counted as an incident either: nothing the screens read may tell of it.
   */
  add(body: FaultBody, options: { hidden?: boolean } = {}): Fault {
    const same = this.faults.find((fault) => fault.service === body.service && fault.type === body.type && fault.peer === body.peer && fault.stack === body.stack);
    if (same && same.ms === body.ms && same.rate === body.rate) return same;
    // A new value for a fault in force replaces it, so it never counts against the limit.
    if (!same && this.faults.length >= MAX_FAULTS) throw conflict(`at most ${MAX_FAULTS} faults can be in force: clear some first`);
    const fault: Fault = { id: `f-${randomUUID().slice(0, 8)}`, ...body, createdAt: Date.now() };
    // A new value for the same fault replaces the old one.
    this.faults = [...this.faults.filter((candidate) => candidate !== same), fault];
    if (same) this.hidden.delete(same.id);
    if (options.hidden) this.hidden.add(fault.id);
    this.changed(this.sent());
    if (!options.hidden) this.added(fault);
    return fault;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    if (this.faults.length === before) return false;
    this.hidden.delete(id);
    this.changed(this.sent());
    return true;
  }

  clear(): void {
    if (this.faults.length === 0) return;
    this.faults = [];
    this.hidden.clear();
    this.changed(this.sent());
  }

  /**
   * Whether the next process of `serviceId` in `stack` is a bad release. In the monolith every module ships in
   * the one process, so a bad release of any module takes the whole monolith down at start.
   */
  crashesOnStart(stack: StackId, serviceId: string): boolean {
    return this.faults.some((fault) => fault.type === "crash-on-start" && (!fault.stack || fault.stack === stack) && (serviceId === MONOLITH_ID ? stack === "monolith" : fault.service === serviceId));
  }
}
