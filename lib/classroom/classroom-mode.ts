// Classroom mode from the environment (SANDBOX_CLASSROOM=1): the session, the hosts and address the app listens on,
// and the lines printed at start. Outside classroom mode there is nothing: the app stays on 127.0.0.1.
import type { Challenge } from "../contract/lessons";
import type { Metrics } from "../contract/control";
import type { LessonRun } from "../contract/lessons";
import { findLesson } from "../lessons/lessons";
import { Classroom } from "./classroom";
import { classroomHosts } from "./hosts";
import { checkGivenToken, newPresenterToken } from "./secrets";

export interface ClassroomMode {
  classroom: Classroom;
  /** The same-origin policy's hosts: loopback and this machine's addresses on the port. */
  hosts: string[];
  /** Where the server listens: every interface (or SANDBOX_HOST). */
  listenHost: string;
  banner(): string;
}

export interface Readings {
  metrics(): Metrics;
  lesson(): LessonRun | null;
}

const percent = (rate: number) => `${Math.round(rate * 1000) / 10} %`;

/** What the sandbox measured, in words: the lesson step's own figures when the poll came from one, and what shoppers got. */
/**
 * A diagnosis asked of the whole room: which of the faults the challenge can hide (its culprits and decoys) is the one
 * at work. The room sees the candidates, never which one this run hid.
 */
export function culpritPoll(challenge: Challenge): { question: string; choices: Array<{ id: string; label: string }> } {
  const candidates = [...(challenge.culprits ?? []), ...(challenge.decoys ?? [])];
  const seen = new Set<string>();
  const choices = candidates.flatMap((fault) => {
    const id = culpritChoice(fault);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ id, label: `a ${fault.type} fault on ${fault.service}` }];
  });
  return { question: "Which fault is at work in the shop?", choices: choices.slice(0, 8) };
}

/** A culprit's choice id in a poll: kind and service, short enough for a poll's 40 characters. */
export const culpritChoice = (fault: { service: string; type: string }): string => `${fault.type}@${fault.service}`;

export function measuredNow(readings: Readings, source: { lessonId: string; stepId: string } | null): string {
  const lines: string[] = [];
  const run = readings.lesson();
  if (source && run?.lessonId === source.lessonId) {
    const step = run.steps.find((candidate) => candidate.id === source.stepId);
    if (step?.measured) lines.push(step.measured);
    // A diagnosis is revealed only once named in the run: before that, the poll's reveal does not give it away.
    if (run.challenge && findLesson(source.lessonId)?.challenge?.culprits) lines.push(run.challenge.culprit ? `The culprit: a ${run.challenge.culprit.type} fault on ${run.challenge.culprit.service}` : "The culprit is not named yet");
  }
  for (const stack of readings.metrics().stacks) {
    const got = stack.shoppers;
    if (!stack.up && got.requests === 0) lines.push(`${stack.stack}: down`);
    else if (got.requests === 0) lines.push(`${stack.stack}: no shopper requests in the last ${got.windowS} s`);
    else lines.push(`${stack.stack}: shoppers got ${got.rps} req/s, p95 ${got.p95Ms ?? "–"} ms, ${percent(got.errorRate)} failed (last ${got.windowS} s)`);
  }
  return lines.join(" · ");
}

export function classroomModeFromEnv(env: NodeJS.ProcessEnv, port: number, readings: Readings): ClassroomMode | undefined {
  if (env.SANDBOX_CLASSROOM !== "1") return undefined;
  const given = env.SANDBOX_PRESENTER_TOKEN;
  const problem = given === undefined ? undefined : checkGivenToken(given);
  if (problem) throw new Error(problem);
  const token = given ?? newPresenterToken();
  const listenHost = env.SANDBOX_HOST ?? "0.0.0.0";
  const { hosts, linkHost: networkHost } = classroomHosts(port, env.SANDBOX_PUBLIC_HOST);
  // Kept on loopback (SANDBOX_HOST=127.0.0.1, as the e2e tests do): the links name loopback too.
  const linkHost = listenHost === "127.0.0.1" && !env.SANDBOX_PUBLIC_HOST ? `127.0.0.1:${port}` : networkHost;
  const classroom = new Classroom({
    token,
    origin: `http://${linkHost}`,
    measure: (source) => measuredNow(readings, source),
    prediction(lessonId, stepId) {
      const lesson = findLesson(lessonId);
      const step = lesson?.steps.find((candidate) => candidate.id === stepId);
      if (step?.predict) return { question: step.predict.question, choices: step.predict.choices };
      return step && lesson?.challenge && step.check.some((spec) => spec.is === "culpritNamed") ? culpritPoll(lesson.challenge) : undefined;
    },
  });
  return {
    classroom,
    hosts,
    listenHost,
    banner: () =>
      [
        "Classroom mode: the sandbox is reachable from the network.",
        `  Presenter (keep it secret): ${classroom.presenterUrl}`,
        `  Audience: ${classroom.audienceUrl}   join code ${classroom.joinCode}`,
      ].join("\n"),
  };
}
