"use client";
// A challenge beside the live sandbox: the goal in numbers next to where the sandbox stands now, the clock and the
// actions against par, hints only when asked for (and counted), and for a diagnosis the form that names the culprit.
// No ring and no "do this": the way there is the learner's.
import { useEffect, useState } from "react";
import type { Lesson, LessonRun } from "../../lib/contract/lessons";
import { FAULT_TYPES, type FaultType } from "../../lib/contract/faults";
import { SHOP_SERVICE_IDS, type ServiceId } from "../../lib/contract/service-names";

type Count = NonNullable<LessonRun["challenge"]>;

const seconds = (count: Count, now: number) => Math.max(0, Math.round(((count.endedAt ?? now) - count.startedAt) / 1000));

export function ChallengeCount({ count }: { count: Count }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (count.endedAt !== null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [count.endedAt]);
  const wrong = count.guesses.filter((guess) => !guess.right).length;
  return (
    <p className="challenge-count" data-challenge-actions={count.actions} data-challenge-par={count.par}>
      <span>{seconds(count, now)} s</span> · <span className={count.actions > count.par ? "warn-text" : undefined}>{count.actions} {count.actions === 1 ? "action" : "actions"} (par {count.par})</span> · <span>{count.hints} {count.hints === 1 ? "hint" : "hints"}</span>
      {count.guesses.length > 0 && <span> · {wrong} wrong {wrong === 1 ? "guess" : "guesses"}</span>}
      {count.shown && <span> · shown by “Show me”</span>}
    </p>
  );
}

/** The diagnosis form: which service, which kind of fault; a wrong guess is listed and counted, the right one reveals it. */
export function CulpritForm({ count, onGuess, disabled }: { count: Count; onGuess: ((service: ServiceId, type: FaultType) => void) | null; disabled: boolean }) {
  const [service, setService] = useState<ServiceId>(SHOP_SERVICE_IDS[0]);
  const [type, setType] = useState<FaultType>(FAULT_TYPES[0]);
  if (count.culprit) {
    return (
      <p className="challenge-culprit" data-culprit-named>
        ✓ Named: a <strong>{count.culprit.type}</strong> fault on <strong>{count.culprit.service}</strong>. It now shows on its box and in Break it.
      </p>
    );
  }
  return (
    <form
      className="challenge-guess"
      aria-label="name the culprit"
      onSubmit={(event) => {
        event.preventDefault();
        onGuess?.(service, type);
      }}
    >
      <label>
        service{" "}
        <select value={service} onChange={(event) => setService(event.target.value as ServiceId)}>
          {SHOP_SERVICE_IDS.map((id) => <option key={id} value={id}>{id}</option>)}
        </select>
      </label>
      <label>
        fault{" "}
        <select value={type} onChange={(event) => setType(event.target.value as FaultType)}>
          {FAULT_TYPES.map((kind) => <option key={kind} value={kind}>{kind}</option>)}
        </select>
      </label>
      <button type="submit" disabled={!onGuess || disabled}>Name it</button>
      {count.guesses.length > 0 && (
        <ul className="challenge-guesses" aria-label="your guesses">
          {count.guesses.map((guess, index) => <li key={index}>✗ not a {guess.type} fault on {guess.service}</li>)}
        </ul>
      )}
    </form>
  );
}

export function ChallengeGoal({ lesson }: { lesson: Lesson }) {
  return (
    <div className="challenge-goal" data-challenge-goal>
      <p><strong>Goal:</strong> {lesson.challenge!.goal}</p>
    </div>
  );
}
