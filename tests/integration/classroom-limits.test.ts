// A classroom one student cannot break, on the real app: sockets and votes counted per viewer the server signed,
// join codes throttled per client, the shop's login limit kept to the guesser, nothing of a shopper in what the room
// receives, the served path judged by the gate, and headers that stop framing.
import { readFileSync } from "node:fs";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassroomView } from "../../lib/contract/classroom";
import { CLASSROOM_NAMESPACE } from "../../lib/contract/classroom-socket";
import type { SandboxState } from "../../lib/contract/control";
import { MAX_SOCKETS_PER_VIEWER } from "../../lib/classroom/classroom";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { rawRequest } from "./support/raw-http";
import { uniqueEmail } from "./support/storefront";
import { waitFor } from "./support/wait";

const TOKEN = "classroom-limits-test-token-0123456789abcdef";
const PRESENTER = { authorization: `Bearer ${TOKEN}` };
const sockets: Socket[] = [];
let app: RunningApp;

const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) => rawRequest(app.origin, method, path, headers, body);
const classroom = async (headers: Record<string, string> = PRESENTER) => (await requestJson<ClassroomView & { enabled: true }>(`${app.origin}/api/classroom`, { headers })).body;
const cookiesOf = (answer: { headers: http.IncomingHttpHeaders }) => ([] as string[]).concat(answer.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; ");

/** A link opened from another machine of the room: the same app, reached from another loopback address. */
function openFrom(localAddress: string, path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const { hostname, port, host } = new URL(app.origin);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path, localAddress, headers: { host, accept: "text/html" }, agent: false }, (answer) => {
      answer.resume();
      answer.once("end", () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers }));
    });
    request.once("error", reject);
    request.end();
  });
}

/** A viewer as a browser becomes one: the join code exchanged for the pass the server signs. */
async function join(from = "127.0.0.1"): Promise<string> {
  const answer = await openFrom(from, `/?join=${(await classroom()).joinCode}`);
  expect(answer.status).toBe(303);
  return cookiesOf(answer);
}

/** A page's class socket (on the class's namespace, counted as a viewer) or its stream socket. */
function socket(headers: Record<string, string>, classSocket = true): Socket {
  const client = connect(`${app.origin}${classSocket ? CLASSROOM_NAMESPACE : ""}`, { transports: ["websocket"], extraHeaders: headers, reconnection: false, forceNew: true });
  sockets.push(client);
  return client;
}
const outcome = (client: Socket) => new Promise<boolean>((resolve) => (client.connected ? resolve(true) : (client.once("connect", () => resolve(true)), client.once("connect_error", () => resolve(false)))));

beforeAll(async () => {
  app = await startApp({ env: { SANDBOX_CLASSROOM: "1", SANDBOX_PRESENTER_TOKEN: TOKEN }, readHeaders: PRESENTER });
});

afterAll(async () => {
  for (const client of sockets) client.disconnect();
  await app?.stop();
});

describe("identities the server issues", () => {
  it("gives the presenter a signed session, not the token, and lets nobody vote under a made-up id", async () => {
    const link = await raw("GET", `/?token=${TOKEN}`);
    expect(link.status).toBe(303);
    const presenterCookie = cookiesOf(link);
    expect(presenterCookie).toMatch(/^sandbox_presenter=/);
    expect(presenterCookie).not.toContain(TOKEN);
    expect((await classroom({ cookie: presenterCookie })).role).toBe("presenter");

    const opened = await requestJson(`${app.origin}/api/classroom/poll`, { method: "POST", headers: PRESENTER, body: { question: "Up?", choices: [{ id: "yes", label: "Yes" }, { id: "no", label: "No" }] } });
    const pollId = opened.body.poll.id;
    const viewer = await join();
    const [id, mac] = viewer.replace(/^sandbox_audience=/, "").split(".");
    const vote = (cookie: string) => raw("POST", "/api/classroom/vote", { cookie, "content-type": "application/json" }, JSON.stringify({ pollId, choice: "yes" }));
    const forged = Array.from({ length: 50 }, (_, index) => `sandbox_audience=${index % 2 ? `forged${index}.${mac}` : `${id}x${index}.${mac}`}`);
    const answers = await Promise.all([vote(viewer), ...forged.map(vote)]);
    expect(answers[0].status).toBe(200);
    expect(answers.slice(1).every((answer) => answer.status === 403)).toBe(true);
    expect((await classroom()).poll?.votes).toBe(1);
    // An oversized vote is refused as too large, not as malformed.
    expect((await raw("POST", "/api/classroom/vote", { cookie: viewer, "content-type": "application/json" }, JSON.stringify({ pollId, choice: "x".repeat(10_000) }))).status).toBe(413);
  });
});

describe("limits per viewer, room for the presenter", () => {
  it("lets one viewer's cookie open only a few of 50 sockets, counts that viewer once, and still admits the presenter and another viewer", async () => {
    const hostile = await join();
    const flood = Array.from({ length: 50 }, (_, index) => socket({ cookie: hostile }, index % 2 === 0));
    const admitted = (await Promise.all(flood.map(outcome))).filter(Boolean).length;
    expect(admitted).toBeGreaterThan(0);
    expect(admitted).toBeLessThanOrEqual(MAX_SOCKETS_PER_VIEWER);
    expect(await outcome(socket(PRESENTER))).toBe(true);
    const other = await join();
    expect(await outcome(socket({ cookie: other }))).toBe(true);
    await waitFor("the console to count two viewers", async () => ((await classroom()).viewers.connected === 2 ? true : undefined));
    for (const client of flood) client.disconnect();
    await waitFor("the flood's viewer to be gone", async () => ((await classroom()).viewers.connected === 1 ? true : undefined));
  });

  it("throttles one client's wrong join codes with 429 and Retry-After, and not another client's", async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let attempt = 0; attempt < 200; attempt++) {
      const answer = await openFrom("127.0.0.3", `/?join=WRONG${String(attempt).padStart(3, "0")}`);
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter ??= answer.headers["retry-after"] as string;
    }
    expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(150);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // The right code from the throttled client waits too; from another client it still works.
    expect((await openFrom("127.0.0.3", `/?join=${(await classroom()).joinCode}`)).status).toBe(429);
    expect((await openFrom("127.0.0.4", `/?join=${(await classroom()).joinCode}`)).status).toBe(303);
  });
});

describe("limits keyed by who is shopping", () => {
  it("locks out the viewer who guesses passwords, not another viewer of the same address", async () => {
    await requestJson(`${app.origin}/api/classroom/shop`, { method: "POST", headers: PRESENTER, body: { allowed: true } });
    const shop = (cookie: string, path: string, body: unknown) => raw("POST", `/storefront/microservices/api/auth/${path}`, { cookie, "content-type": "application/json" }, JSON.stringify(body));
    const guesser = await join();
    const student = await join();
    const account = { email: uniqueEmail(), password: "correct horse battery", name: "Student" };
    expect((await shop(student, "register", account)).status).toBe(201);
    const guesses: number[] = [];
    for (let attempt = 0; attempt < 100; attempt++) guesses.push((await shop(guesser, "login", { email: uniqueEmail(), password: "wrong" })).status);
    expect(guesses.every((status) => status === 401)).toBe(true);
    const locked = await shop(guesser, "login", { email: uniqueEmail(), password: "wrong" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await shop(student, "login", { email: account.email, password: account.password })).status).toBe(200);
    // The traffic generator's new shoppers register and log in from this machine too: none of them is refused.
    await requestJson(`${app.origin}/api/traffic`, { method: "POST", headers: PRESENTER, body: { rps: 20, durationS: 2, stack: "microservices" } });
    const traffic = await waitFor("the traffic run to end", async () => {
      const view = (await requestJson(`${app.origin}/api/traffic`, { headers: PRESENTER })).body.traffic;
      return view.running ? undefined : view;
    }, { timeoutMs: 30_000 });
    expect(traffic.stacks[0]).toMatchObject({ stack: "microservices", refused: 0 });
    expect(traffic.stacks[0].ok).toBeGreaterThan(0);
    // A pass the client writes itself is not the proxy's: it is dropped, and the guesser stays locked out.
    expect((await raw("POST", "/storefront/microservices/api/auth/login", { cookie: guesser, "content-type": "application/json", "x-sandbox-shopper": "viewer:someone-else.forged" }, JSON.stringify({ email: uniqueEmail(), password: "x" }))).status).toBe(429);
  });
});

describe("nothing private to the room", () => {
  it("keeps the email of a registration clash out of a viewer's stream, snapshot, recording and OTLP", async () => {
    await requestJson(`${app.origin}/api/classroom/shop`, { method: "POST", headers: PRESENTER, body: { allowed: true } });
    const viewer = await join();
    const stream = socket({ cookie: viewer }, false);
    const received: unknown[] = [];
    stream.on("events", (batch) => received.push(batch));
    expect(await outcome(stream)).toBe(true);
    const email = `clash-${Date.now()}@private.example`;
    const register = () => raw("POST", "/storefront/microservices/api/auth/register", { cookie: viewer, "content-type": "application/json" }, JSON.stringify({ email, password: "correct horse battery", name: "Alice" }));
    expect((await register()).status).toBe(201);
    const clash = await register();
    expect(clash.status).toBe(409);
    // The shopper who sent it is told; the room is not.
    expect(clash.body.error).toContain(email);
    await waitFor("the clash in the viewer's stream", () => (JSON.stringify(received).includes('"status":409') ? true : undefined));
    expect(JSON.stringify(received)).not.toContain("private.example");
    expect(JSON.stringify(received)).toContain("[an email] is already registered");
    const snapshot = await new Promise<unknown>((resolve) => {
      const late = socket({ cookie: viewer }, false);
      late.once("snapshot", resolve);
    });
    expect(JSON.stringify(snapshot)).toContain('"status":409');
    expect(JSON.stringify(snapshot)).not.toContain("private.example");
    const recording = await new Promise<Buffer>((resolve, reject) => {
      const { hostname, port, host } = new URL(app.origin);
      http.get({ host: hostname, port, path: "/api/recording", headers: { host, cookie: viewer } }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk)).once("end", () => resolve(Buffer.concat(chunks)));
      }).once("error", reject);
    });
    const unpacked = gunzipSync(recording).toString("utf8");
    expect(unpacked).toContain('"status":409');
    expect(unpacked).not.toContain("private.example");
    const otlp = await raw("GET", "/api/recording/otlp", { cookie: viewer });
    expect(otlp.status).toBe(200);
    expect(otlp.text).not.toContain("private.example");
  });

  it("shows a message written into a product id cut, and marked as the shopper's input", async () => {
    const viewer = await join();
    const stream = socket({ cookie: viewer }, false);
    const received: string[] = [];
    stream.on("events", (batch) => received.push(JSON.stringify(batch)));
    expect(await outcome(stream)).toBe(true);
    const message = `ATTENTION%20CLASS%20${"A".repeat(3000)}`;
    expect((await raw("GET", `/storefront/microservices/api/products/${message}`, { cookie: viewer })).status).toBeGreaterThanOrEqual(400);
    await waitFor("the call in the viewer's stream", () => (received.join("").includes("ATTENTION") ? true : undefined));
    expect(received.join("")).not.toContain("A".repeat(100));
  });
});

describe("the rest of the room's rules", () => {
  it("judges the served path: dots in a public file's path do not pass the gate", async () => {
    expect((await raw("GET", "/_next/static/../../compare")).status).toBe(403);
    expect((await raw("GET", "/_next/static/%2e%2e/%2e%2e/api/sandbox")).status).toBe(403);
  });

  it("sends a follower only to a path of the app itself", async () => {
    const presenter = socket(PRESENTER);
    expect(await outcome(presenter)).toBe(true);
    for (const route of ["//2130706433/phish", "/\\evil.example", "/a//b"]) {
      const ack = await new Promise((resolve) => presenter.emit("classroom:view", { route, selection: null, viewport: null }, resolve));
      expect(ack).toMatchObject({ ok: false, status: 400 });
    }
  });

  it("gives the shop's processes none of the app's secrets", async () => {
    const state = (await requestJson<SandboxState>(`${app.origin}/api/sandbox`, { headers: PRESENTER })).body;
    const pids = state.services.filter((service) => service.kind === "service").flatMap((service) => service.instances.map((instance) => instance.pid)).filter((pid): pid is number => typeof pid === "number");
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) {
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8");
      expect(environ).toContain("SERVICE_ID=");
      expect(environ).not.toContain("SANDBOX_PRESENTER_TOKEN");
      expect(environ).not.toContain(TOKEN);
    }
  });

  it("sends the headers that stop framing and sniffing on pages, the API and refusals", async () => {
    for (const [path, headers] of [["/", PRESENTER], ["/api/sandbox", PRESENTER], ["/api/sandbox", {}]] as const) {
      const answer = await raw("GET", path, headers);
      expect(answer.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    }
  });
});
