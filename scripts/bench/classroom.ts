// Classroom mode under an audience: N viewers' sockets (socket.io-client) following the presenter while traffic
// runs at 200 requests/s; the presenter's view → every follower's arrival (p95), none lost, the server's memory per
// viewer, and the presenter's own round trip with 0 viewers and with N.
import type { Socket } from "socket.io-client";
import { ms, percentile, residentBytes, serverPid, startApp, waitFor, type RunningApp } from "./app";
import { audienceCookie, open } from "./classroom-audience";
import { measureHostileViewer } from "./classroom-hostile";

const TOKEN = "bench-classroom-presenter-token-0123456789";
const PRESENTER = { authorization: `Bearer ${TOKEN}` };
/** Presenter actions per audience size, one every 100 ms (a presenter clicking and zooming quickly). */
const ACTIONS = 40;

const startClassroomApp = (port: number): RunningApp =>
  startApp(port, { SANDBOX_CLASSROOM: "1", SANDBOX_HOST: "127.0.0.1", SANDBOX_PRESENTER_TOKEN: TOKEN }, PRESENTER);


interface Round {
  viewers: number;
  p95: number;
  p50: number;
  lost: number;
  ackP95: number;
  bytesPerViewer: number;
}

async function round(app: RunningApp, pid: number, viewers: number): Promise<Round> {
  // The server's own process: the viewers' sockets live there, not in the shop's services.
  const rssBefore = residentBytes(pid);
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  const sockets: Socket[] = [];
  for (let i = 0; i < viewers; i++) {
    // A fresh browser each, on a machine of its own: its own viewer cookie.
    const socket = await open(app.baseUrl, { cookie: await audienceCookie(app.baseUrl, PRESENTER, i) });
    socket.on("classroom:view", (view: { viewport: { x: number } | null } | null) => {
      const at = sent.get(view?.viewport?.x ?? -1);
      if (at === undefined) return;
      received++;
      latencies.push(performance.now() - at);
    });
    sockets.push(socket);
  }
  const rssAfter = residentBytes(pid);
  const presenter = await open(app.baseUrl, PRESENTER);
  const acks: number[] = [];
  for (let action = 1; action <= ACTIONS; action++) {
    const at = performance.now();
    sent.set(action, at);
    await new Promise<void>((resolve) =>
      presenter.emit("classroom:view", { route: "/", selection: { kind: "node", id: "order-service" }, viewport: { x: action, y: 0, zoom: 1 } }, () => {
        acks.push(performance.now() - at);
        resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const expected = viewers * ACTIONS;
  await waitFor("every view delivered", async () => (received >= expected ? true : undefined), 10_000).catch(() => undefined);
  for (const socket of [...sockets, presenter]) socket.disconnect();
  return {
    viewers,
    p50: latencies.length ? percentile(latencies, 50) : NaN,
    p95: latencies.length ? percentile(latencies, 95) : NaN,
    lost: expected - received,
    ackP95: percentile(acks, 95),
    bytesPerViewer: viewers ? (rssAfter - rssBefore) / viewers : 0,
  };
}

/** Audience sizes to try: 0 (the presenter alone), 200, and more while the figures hold (BENCH_CLASSROOM_MAX caps it). */
export async function measureClassroom(port: number): Promise<string[]> {
  const app = startClassroomApp(port);
  const lines: string[] = [];
  try {
    await waitFor("every service healthy", async () => {
      const state = await app.state();
      return state.services.length > 0 && state.services.every((service) => service.status === "healthy") ? true : undefined;
    }, 120_000);
    const pid = serverPid(app);
    const traffic = await fetch(`${app.baseUrl}/api/traffic`, { method: "POST", headers: { ...PRESENTER, "content-type": "application/json" }, body: JSON.stringify({ rps: 200, durationS: 600 }) });
    if (!traffic.ok) throw new Error(`starting the traffic answered ${traffic.status}`);
    const max = Number(process.env.BENCH_CLASSROOM_MAX ?? 400);
    let largestMeeting = 0;
    for (const viewers of [0, 200, 300, 400].filter((size) => size <= max)) {
      const result = await round(app, pid, viewers);
      const meets = viewers === 0 || (result.p95 < 250 && result.lost === 0);
      if (meets) largestMeeting = viewers;
      lines.push(
        viewers === 0
          ? `presenter alone: view acknowledged p95 ${ms(result.ackP95)}`
          : `${viewers} viewers: presenter's view → follower p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, ${result.lost} of ${viewers * ACTIONS} lost; presenter's ack p95 ${ms(result.ackP95)}; server memory ${(result.bytesPerViewer / 1024).toFixed(0)} KiB per viewer${meets ? "" : " — misses p95 < 250 ms or lost some"}`,
      );
      if (!meets) break;
    }
    lines.push(`largest audience tried that met p95 < 250 ms with none lost, under 200 requests/s: ${largestMeeting}`);
    lines.push(...(await measureHostileViewer(app, PRESENTER, 200)));
  } finally {
    await app.stop();
  }
  return lines;
}
