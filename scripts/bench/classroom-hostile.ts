// A class with one hostile viewer: while N viewers follow the presenter and vote, one viewer opens sockets and votes
// (with its own pass and with forged ones) as fast as it can. Measured: the presenter's view → followers p95, and
// whether the poll still counts every viewer once.
import type { Socket } from "socket.io-client";
import { ms, percentile, type RunningApp, waitFor } from "./app";
import { audienceCookie, open } from "./classroom-audience";

const ACTIONS = 40;
/** Machines of the room the hostile round uses, apart from the earlier rounds'. */
const FIRST_MACHINE = 1_000;

const post = (base: string, path: string, headers: Record<string, string>, body: unknown) =>
  fetch(`${base}${path}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });

export async function measureHostileViewer(app: RunningApp, presenterHeaders: Record<string, string>, viewers: number): Promise<string[]> {
  const base = app.baseUrl;
  const cookies: string[] = [];
  for (let i = 0; i < viewers; i++) cookies.push(await audienceCookie(base, presenterHeaders, FIRST_MACHINE + i));
  const hostile = await audienceCookie(base, presenterHeaders, FIRST_MACHINE + viewers);
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  const sockets: Socket[] = [];
  for (const cookie of cookies) {
    const socket = await open(base, { cookie });
    socket.on("classroom:view", (view: { viewport: { x: number } | null } | null) => {
      const at = sent.get(view?.viewport?.x ?? -1);
      if (at !== undefined) latencies.push(performance.now() - at);
    });
    sockets.push(socket);
  }
  const poll = (await (await post(base, "/api/classroom/poll", presenterHeaders, { question: "Up?", choices: [{ id: "yes", label: "Yes" }, { id: "no", label: "No" }] })).json()) as { poll: { id: string } };

  // The hostile viewer, until the round ends: sockets opened 20 at a time, votes 10 at a time.
  let running = true;
  const attack = { socketsAdmitted: 0, socketsRefused: 0, votes: 0, votesCounted: 0 };
  const hostileSockets: Socket[] = [];
  const flood = async () => {
    while (running) {
      const tries = await Promise.allSettled(Array.from({ length: 20 }, () => open(base, { cookie: hostile })));
      for (const attempt of tries) {
        if (attempt.status === "fulfilled") (attack.socketsAdmitted++, hostileSockets.push(attempt.value));
        else attack.socketsRefused++;
      }
    }
  };
  const stuff = async (worker: number) => {
    for (let n = 0; running; n++) {
      // Its own pass, and passes it made up: another id under its own signature, or no signature at all.
      const cookie = n % 3 === 0 ? hostile : n % 3 === 1 ? hostile.replace(/=([^.]+)\./, `=$1x${worker}${n}.`) : `sandbox_audience=made-up-${worker}-${n}`;
      const answer = await post(base, "/api/classroom/vote", { cookie }, { pollId: poll.poll.id, choice: "yes" }).catch(() => undefined);
      attack.votes++;
      if (answer?.status === 200) attack.votesCounted++;
    }
  };
  const attacking = Promise.all([flood(), ...Array.from({ length: 10 }, (_, worker) => stuff(worker))]);

  await Promise.all(cookies.map((cookie, i) => post(base, "/api/classroom/vote", { cookie }, { pollId: poll.poll.id, choice: i % 2 === 0 ? "yes" : "no" })));
  const presenter = await open(base, presenterHeaders);
  const startedAt = performance.now();
  for (let action = 1; action <= ACTIONS; action++) {
    sent.set(action, performance.now());
    await new Promise<void>((resolve) => presenter.emit("classroom:view", { route: "/", selection: null, viewport: { x: action, y: 0, zoom: 1 } }, () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await waitFor("every view delivered", async () => (latencies.length >= viewers * ACTIONS ? true : undefined), 10_000).catch(() => undefined);
  const attackS = (performance.now() - startedAt) / 1000;
  running = false;
  await attacking;
  const revealed = (await (await post(base, "/api/classroom/poll/reveal", presenterHeaders, {})).json()) as { poll: { votes: number; tally: Record<string, number> } };
  for (const socket of [...sockets, ...hostileSockets, presenter]) socket.disconnect();

  const expected = { yes: Math.ceil(viewers / 2) + 1, no: Math.floor(viewers / 2) };
  const correct = revealed.poll.votes === viewers + 1 && revealed.poll.tally.yes === expected.yes && revealed.poll.tally.no === expected.no;
  return [
    `${viewers} viewers and one hostile viewer: presenter's view → follower p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, ${viewers * ACTIONS - latencies.length} of ${viewers * ACTIONS} lost`,
    `  the hostile viewer in ${attackS.toFixed(1)} s: ${attack.socketsAdmitted} sockets admitted, ${attack.socketsRefused} refused; ${attack.votes} votes sent, ${attack.votesCounted} taken (its own, changed again and again)`,
    `  the poll: ${revealed.poll.votes} votes, yes ${revealed.poll.tally.yes} / no ${revealed.poll.tally.no} (${viewers} viewers and the hostile one: yes ${expected.yes} / no ${expected.no}) — ${correct ? "correct" : "WRONG"}`,
  ];
}
