// Which process touched which table, read from the database spans the processes report: in the microservices every
// table has one process that opens its file, in the monolith one process opens every module's tables.
import type { StackId } from "../contract/events";
import type { PredicateSpec } from "../contract/lessons";
import { contradicted, outcome, type CheckInput, type CheckOutcome } from "./check-input";

type Spec = Extract<PredicateSpec, { is: "databaseAccess" }>;

interface StackReading {
  stack: StackId;
  /** The processes that ran a statement on each table, in the order they first did. */
  readers: Map<string, string[]>;
  /** When each table was first touched. */
  firstAt: Map<string, number>;
  queries: number;
}

function readStacks(spec: Spec, input: CheckInput): StackReading[] {
  // Only the work of requests made in the window: an order placed before the step (paid late, as after a restart)
  // says nothing about what the learner did in it.
  const madeHere = new Set(input.events.flatMap((event) => (event.type === "http" && event.from === "client" ? [event.traceId] : [])));
  const byStack = new Map<StackId, StackReading>();
  for (const event of input.events) {
    if (event.type !== "db" || !madeHere.has(event.traceId) || !spec.tables.includes(event.table) || (spec.stack && event.stack !== spec.stack)) continue;
    const reading = byStack.get(event.stack) ?? { stack: event.stack, readers: new Map(), firstAt: new Map(), queries: 0 };
    byStack.set(event.stack, reading);
    const readers = reading.readers.get(event.table) ?? [];
    if (!readers.includes(event.service)) readers.push(event.service);
    reading.readers.set(event.table, readers);
    if (!reading.firstAt.has(event.table)) reading.firstAt.set(event.table, event.ts);
    reading.queries += 1;
  }
  return [...byStack.values()];
}

const complete = (spec: Spec, reading: StackReading) => spec.tables.every((table) => reading.readers.has(table));

/** One process touched every table (shared), or no process touched two of them (owned). */
function holds(spec: Spec, reading: StackReading): boolean {
  const sets = spec.tables.map((table) => reading.readers.get(table)!);
  if (spec.shared) return sets[0].some((process) => sets.every((readers) => readers.includes(process)));
  const owners = sets.flat();
  return new Set(owners).size === owners.length;
}

const who = (spec: Spec, reading: StackReading) => spec.tables.map((table) => `${table} by ${reading.readers.get(table)!.join(" and ")}`).join(", ");

function figures(spec: Spec, reading: StackReading) {
  const processes = new Set(spec.tables.flatMap((table) => reading.readers.get(table) ?? []));
  return {
    stack: reading.stack,
    processes: processes.size,
    queries: reading.queries,
    ...Object.fromEntries(spec.tables.map((table) => [`${table}.readers`, (reading.readers.get(table) ?? []).join(" and ")])),
  };
}

export function databaseAccess(spec: Spec, input: CheckInput): CheckOutcome {
  const tables = spec.tables.join(" and ");
  const label = spec.shared ? `one process runs the statements on ${tables}` : `${tables} are each touched by their own process only`;
  const readings = readStacks(spec, input);
  const done = readings.filter((reading) => complete(spec, reading));
  const holding = done.find((reading) => holds(spec, reading));
  if (holding) return outcome(true, label, "", figures(spec, holding), Math.max(...holding.firstAt.values()));
  const against = done[0];
  if (against) {
    const said = spec.shared ? `in the ${against.stack} different processes touched them: ${who(spec, against)}` : `in the ${against.stack} one process touched more than one of them: ${who(spec, against)}`;
    return contradicted(label, said, figures(spec, against));
  }
  const seen = readings.flatMap((reading) => [...reading.readers.keys()]);
  const waiting = spec.tables.filter((table) => !seen.includes(table));
  return outcome(false, label, `no statement on ${waiting.join(" or ")} yet: place an order and let it be paid`);
}
