// Classroom mode on the real app: only the presenter acts (every control route, storefront write and acting socket
// message is refused 403 without the presenter's token, and nothing changes); the audience reads and votes; the
// class's messages travel on its own socket.io namespace; a rotated audience link drops its viewers; the app is
// reachable from the network, and has a class namespace, only when classroom mode is on.
import type { LessonRun } from "../../lib/contract/lessons";
import net from "node:net";
import { io as connect, Manager, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassroomPublic, ClassroomView, PresenterView, SocketAck } from "../../lib/contract/classroom";
import { CLASSROOM_NAMESPACE } from "../../lib/contract/classroom-socket";
import { networkAddresses } from "../../lib/classroom/hosts";
import { startApp, type RunningApp } from "./support/app";
import { fingerprint } from "./support/fingerprint";
import { requestJson } from "./support/http";
import { rawRequest } from "./support/raw-http";
import { waitFor } from "./support/wait";

const TOKEN = "classroom-integration-test-token-0123456789";
const PRESENTER = { authorization: `Bearer ${TOKEN}` };
const sockets: Socket[] = [];

let app: RunningApp;
/** The audience's cookies, as a browser that opened the audience link holds them. */
let audience: string;

const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) => rawRequest(app.origin, method, path, headers, body);
const classroom = async (headers: Record<string, string> = PRESENTER) => (await requestJson<ClassroomView & { enabled: true }>(`${app.origin}/api/classroom`, { headers })).body;

/** Opens the audience link as a browser does: the join code is exchanged for cookies, and the address loses it. */
async function join(code: string): Promise<string> {
  const answer = await raw("GET", `/?join=${code}`, { accept: "text/html" });
  expect(answer.status).toBe(303);
  expect(answer.headers.location).toBe("/");
  const cookies = ([] as string[]).concat(answer.headers["set-cookie"] ?? []);
  for (const cookie of cookies) expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
  return cookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

/** A page's classroom socket (the one that counts as a viewer), on the class's own namespace. */
function socket(headers: Record<string, string>, origin = app.origin): Socket {
  const client = connect(`${origin}${CLASSROOM_NAMESPACE}`, { transports: ["websocket"], extraHeaders: headers, reconnection: false, forceNew: true });
  sockets.push(client);
  return client;
}

/** A page's stream socket, on the stream's namespace ("/"). */
function streamSocket(headers: Record<string, string>, origin = app.origin): Socket {
  const client = connect(origin, { transports: ["websocket"], extraHeaders: headers, reconnection: false, forceNew: true });
  sockets.push(client);
  return client;
}

const connected = (client: Socket) => new Promise<void>((resolve, reject) => (client.connected ? resolve() : (client.once("connect", () => resolve()), client.once("connect_error", reject))));
const emitView = (client: Socket, view: unknown) => new Promise<SocketAck>((resolve) => client.emit("classroom:view", view, resolve));

beforeAll(async () => {
  app = await startApp({ env: { SANDBOX_CLASSROOM: "1", SANDBOX_PRESENTER_TOKEN: TOKEN }, readHeaders: PRESENTER });
  audience = await join((await classroom()).joinCode);
});

afterAll(async () => {
  for (const client of sockets) client.disconnect();
  await app?.stop();
});

/** Every acting route: the control API's, the classroom's presenter routes, and a storefront write. */
const actingRoutes: Array<[method: string, path: string, body: string]> = [
  ["POST", "/api/sandbox/architecture", JSON.stringify({ architecture: "monolith" })],
  ["POST", "/api/sandbox/reset", ""],
  ["POST", "/api/sandbox/resilience", JSON.stringify({ retries: 3 })],
  ["POST", "/api/services/payment-service/kill", ""],
  ["POST", "/api/services/payment-service/stop", ""],
  ["POST", "/api/services/payment-service/start", ""],
  ["POST", "/api/services/payment-service/redeploy", JSON.stringify({ strategy: "recreate" })],
  ["POST", "/api/services/payment-service/scale", JSON.stringify({ replicas: 2 })],
  ["POST", "/api/services/payment-service/restart-policy", JSON.stringify({ restart: "on-failure" })],
  ["POST", "/api/faults", JSON.stringify({ service: "payment-service", type: "errors", rate: 1 })],
  ["DELETE", "/api/faults", ""],
  ["DELETE", "/api/faults/some-fault", ""],
  ["POST", "/api/traffic", JSON.stringify({ rps: 5 })],
  ["DELETE", "/api/traffic", ""],
  ["POST", "/api/scenarios/payment-outage/start", ""],
  ["POST", "/api/scenarios/stop", ""],
  ["POST", "/api/lessons/order-journey/start", ""],
  ["POST", "/api/lessons/run/show-me", ""],
  ["POST", "/api/lessons/run/restore", ""],
  ["POST", "/api/lessons/run/stop", ""],
  ["POST", "/api/classroom/audience/rotate", ""],
  ["POST", "/api/classroom/shop", JSON.stringify({ allowed: true })],
  ["POST", "/api/classroom/poll", JSON.stringify({ question: "Which?", choices: [{ id: "a", label: "A" }, { id: "b", label: "B" }] })],
  ["POST", "/api/classroom/poll/close", ""],
  ["POST", "/api/classroom/poll/reveal", ""],
  ["POST", "/api/classroom/poll/again", ""],
  ["POST", "/api/lessons/run/guess", JSON.stringify({ service: "product-service", type: "latency" })],
  ["POST", "/api/lessons/run/hint", ""],
  ["POST", "/api/lessons/run/moment", JSON.stringify({ step: "look-back", at: 1 })],
  ["POST", "/storefront/microservices/api/auth/register", JSON.stringify({ email: "student@example.com", password: "correct horse", name: "S" })],
];

/** What a refusal must leave alone: the sandbox, the shop's data, and the class (code, poll, view, shop permission). */
const everything = async () => {
  const { viewers: _viewers, ...rest } = await classroom();
  return { sandbox: await fingerprint(app), classroom: rest };
};

describe("classroom mode: only the presenter acts", () => {
  it("refuses every acting route to a visitor without a role, to the audience and to a wrong token, and nothing changes", async () => {
    const before = await everything();
    const strangers: Array<[string, Record<string, string>]> = [
      ["no credential", {}],
      ["the audience's cookies", { cookie: audience }],
      ["a wrong bearer token", { authorization: `Bearer ${TOKEN}x` }],
      ["a wrong presenter cookie", { cookie: "sandbox_presenter=guess" }],
    ];
    for (const [method, path, body] of actingRoutes) {
      for (const [who, headers] of strangers) {
        const answer = await raw(method, path, { "content-type": "application/json", ...headers }, body);
        expect({ who, method, path, status: answer.status, error: typeof answer.body?.error }).toEqual({ who, method, path, status: 403, error: "string" });
      }
    }
    expect(await everything()).toEqual(before);
  });

  it("prints the presenter's link and the audience's link with its join code at start", async () => {
    const { joinCode } = await classroom();
    await waitFor("the links on the console", () => (app.output().includes("?join=") ? true : undefined));
    // The machine's network address (where the class reaches it), not loopback.
    expect(app.output()).toMatch(new RegExp(`Presenter \\(keep it secret\\): http://[^ ]+/\\?token=${TOKEN}`));
    expect(app.output()).toMatch(new RegExp(`Audience: http://[^ ]+/\\?join=${joinCode} +join code ${joinCode}`));
  });

  it("lets reads through for the audience only, and refuses a stale or made-up link", async () => {
    for (const path of ["/api/sandbox", "/api/metrics", "/api/classroom", "/"]) {
      expect((await raw("GET", path)).status, `${path} without a role`).toBe(403);
      expect((await raw("GET", path, { cookie: audience })).status, `${path} for the audience`).toBe(200);
    }
    expect((await raw("GET", "/?join=ZZZZZZ", { accept: "text/html" })).status).toBe(403);
    expect((await raw("GET", "/?token=not-the-token")).status).toBe(403);
    // The QR code of the audience link, drawn on the server.
    const qr = await raw("GET", "/api/classroom/qr.svg", { cookie: audience });
    expect(qr.headers["content-type"]).toBe("image/svg+xml");
    expect(qr.text).toMatch(/^<svg/);
    const view = await classroom({ cookie: audience });
    expect(view.role).toBe("audience");
    expect(view.presenterUrl).toBeNull();
  });

  it("obeys the presenter: by bearer token, and by the cookie the presenter link gives", async () => {
    const fault = await requestJson(`${app.origin}/api/faults`, { method: "POST", headers: PRESENTER, body: { service: "notification-service", type: "latency", ms: 1 } });
    expect(fault.status).toBe(201);
    const link = await raw("GET", `/tutorial?token=${TOKEN}`);
    expect(link.status).toBe(303);
    expect(link.headers.location).toBe("/tutorial");
    const cookie = ([] as string[]).concat(link.headers["set-cookie"] ?? [])[0];
    expect(cookie).toMatch(/^sandbox_presenter=.*HttpOnly; SameSite=Strict/);
    const cleared = await raw("DELETE", `/api/faults/${fault.body.fault.id}`, { cookie: cookie.split(";")[0], "x-sandbox-client": "test" });
    expect(cleared.status).toBe(200);
    expect((await requestJson(`${app.origin}/api/faults`, { headers: PRESENTER })).body.faults).toEqual([]);
  });

  it("lets the class shop only while the presenter allows it", async () => {
    const register = () => raw("POST", "/storefront/microservices/api/auth/register", { cookie: audience, "content-type": "application/json" }, JSON.stringify({ email: `s${Date.now()}@example.com`, password: "correct horse", name: "S" }));
    expect((await register()).status).toBe(403);
    expect((await requestJson(`${app.origin}/api/classroom/shop`, { method: "POST", headers: PRESENTER, body: { allowed: true } })).body.letClassShop).toBe(true);
    expect((await register()).status).toBe(201);
    await requestJson(`${app.origin}/api/classroom/shop`, { method: "POST", headers: PRESENTER, body: { allowed: false } });
    expect((await register()).status).toBe(403);
  });
});

describe("classroom mode on the live stream", () => {
  const view: PresenterView = { route: "/compare", selection: { kind: "node", id: "order-service" }, viewport: { x: 10, y: 20, zoom: 1.5 } };

  it("refuses a socket without a role on either namespace, and the audience's acting message with 403, changing nothing", async () => {
    await expect(connected(socket({}))).rejects.toThrow();
    await expect(connected(streamSocket({}))).rejects.toThrow();
    const student = socket({ cookie: audience });
    await connected(student);
    const before = (await classroom()).view;
    expect(await emitView(student, view)).toEqual({ ok: false, status: 403, error: expect.any(String) });
    expect((await classroom()).view).toEqual(before);
  });

  it("relays the presenter's view to followers and counts who follows", async () => {
    // A viewer of their own: following is counted per viewer, and the audience's other sockets still follow.
    const student = socket({ cookie: await join((await classroom()).joinCode) });
    const seen: unknown[] = [];
    student.on("classroom:view", (received) => seen.push(received));
    await connected(student);
    const presenter = socket(PRESENTER);
    await connected(presenter);
    expect(await emitView(presenter, { ...view, route: "../etc" })).toMatchObject({ ok: false, status: 400 });
    expect(await emitView(presenter, view)).toEqual({ ok: true });
    await waitFor("the follower to get the presenter's view", () => (seen.some((received) => JSON.stringify(received) === JSON.stringify(view)) ? true : undefined));
    expect((await classroom()).view).toEqual(view);
    const following = (await classroom()).viewers.following;
    student.emit("classroom:following", false);
    await waitFor("the console to count one follower less", async () => ((await classroom()).viewers.following === following - 1 ? true : undefined));
  });

  it("sends a class socket the class and the presenter's view as it connects", async () => {
    const student = socket({ cookie: audience });
    const shared = new Promise<ClassroomPublic>((resolve) => student.once("classroom", resolve));
    const presenterView = new Promise<unknown>((resolve) => student.once("classroom:view", resolve));
    await connected(student);
    const now = await classroom();
    expect(await shared).toEqual({ joinCode: now.joinCode, viewers: now.viewers, letClassShop: now.letClassShop, poll: now.poll });
    expect(await presenterView).toEqual(now.view);
    expect(now.view).not.toBeNull();
  });

  it("keeps each namespace to its own messages: the stream off the class's socket, the class's off the stream socket", async () => {
    const classSocket = socket({ cookie: audience });
    let classGotStream = false;
    classSocket.on("snapshot", () => void (classGotStream = true));
    classSocket.on("events", () => void (classGotStream = true));
    await connected(classSocket);
    const stream = streamSocket({ cookie: audience });
    const streamGotClass: string[] = [];
    stream.on("classroom", () => void streamGotClass.push("classroom"));
    stream.on("classroom:view", () => void streamGotClass.push("classroom:view"));
    const batches: string[] = [];
    stream.on("events", (batch) => void batches.push(JSON.stringify(batch)));
    await new Promise<void>((resolve) => stream.once("snapshot", () => resolve()));
    // A change of the class: broadcast on the class's namespace.
    const broadcast = new Promise<void>((resolve) => classSocket.on("classroom", (shared: ClassroomPublic) => shared.letClassShop && resolve()));
    await requestJson(`${app.origin}/api/classroom/shop`, { method: "POST", headers: PRESENTER, body: { allowed: true } });
    await broadcast;
    // Then an event the stream carries (a storefront read by the presenter): it reaches the stream socket after
    // anything the server sent it before, the class's broadcast too had it been sent there.
    const probe = `namespace-probe-${Date.now()}`;
    await raw("GET", `/storefront/microservices/api/products/${probe}`, PRESENTER);
    await waitFor("the read in the stream socket's events", () => batches.some((batch) => batch.includes(probe)));
    await requestJson(`${app.origin}/api/classroom/shop`, { method: "POST", headers: PRESENTER, body: { allowed: false } });
    expect(classGotStream).toBe(false);
    expect(streamGotClass).toEqual([]);
  });

  it("counts a page's class socket and not its stream socket on one shared connection, and lets each go on its own", async () => {
    const before = (await classroom()).viewers.connected;
    const page = new Manager(app.origin, { transports: ["websocket"], extraHeaders: { cookie: await join((await classroom()).joinCode) }, reconnection: false });
    const stream = page.socket("/");
    const classSocket = page.socket(CLASSROOM_NAMESPACE);
    sockets.push(stream, classSocket);
    await connected(stream);
    await connected(classSocket);
    expect(classSocket.io.engine).toBe(stream.io.engine);
    expect((await classroom()).viewers.connected).toBe(before + 1);
    // The stream socket leaves and comes back on the same connection: the viewer stays counted by the class socket.
    stream.disconnect();
    stream.connect();
    await connected(stream);
    expect((await classroom()).viewers.connected).toBe(before + 1);
    // The class socket leaves while the stream's keeps the connection: the viewer is no longer counted.
    classSocket.disconnect();
    await waitFor("the viewer to leave with the class socket", async () => (await classroom()).viewers.connected === before);
    expect(stream.connected).toBe(true);
    classSocket.connect();
    await connected(classSocket);
    expect((await classroom()).viewers.connected).toBe(before + 1);
    stream.disconnect();
    classSocket.disconnect();
    await waitFor("the page's viewer to be gone", async () => (await classroom()).viewers.connected === before);
  });
});

describe("a poll", () => {
  it("takes one vote per viewer, changeable until closed, and hides the tally until the reveal, which adds what was measured", async () => {
    const opened = await requestJson(`${app.origin}/api/classroom/poll`, { method: "POST", headers: PRESENTER, body: { question: "Will orders still be accepted?", choices: [{ id: "yes", label: "Yes" }, { id: "no", label: "No" }] } });
    expect(opened.status).toBe(201);
    const pollId = opened.body.poll.id;
    const second = await join((await classroom()).joinCode);
    const vote = (cookie: string, choice: string) => requestJson(`${app.origin}/api/classroom/vote`, { method: "POST", headers: { cookie }, body: { pollId, choice } });
    expect((await vote(audience, "no")).status).toBe(200);
    expect((await vote(audience, "yes")).status).toBe(200);
    expect((await vote(second, "yes")).status).toBe(200);
    expect((await vote(second, "maybe")).status).toBe(409);
    expect((await requestJson(`${app.origin}/api/classroom/vote`, { method: "POST", headers: PRESENTER, body: { pollId, choice: "yes" } })).status).toBe(403);
    const hidden = await classroom({ cookie: audience });
    expect(hidden.poll).toMatchObject({ votes: 2, tally: null, state: "open" });
    expect(hidden.myVote).toBe("yes");
    const revealed = await requestJson(`${app.origin}/api/classroom/poll/reveal`, { method: "POST", headers: PRESENTER });
    expect(revealed.body.poll).toMatchObject({ state: "revealed", tally: { yes: 2, no: 0 }, measured: expect.stringMatching(/microservices/) });
    expect((await vote(audience, "no")).status).toBe(409);
  });

  it("opens a lesson step's prediction as the question", async () => {
    const opened = await requestJson(`${app.origin}/api/classroom/poll`, { method: "POST", headers: PRESENTER, body: { lessonId: "payment-outage", stepId: "accept-orders" } });
    expect(opened.status).toBe(201);
    expect(opened.body.poll).toMatchObject({ source: { lessonId: "payment-outage", stepId: "accept-orders" }, state: "open", votes: 0 });
    expect(opened.body.poll.choices.length).toBeGreaterThanOrEqual(2);
    const bad = await requestJson(`${app.origin}/api/classroom/poll`, { method: "POST", headers: PRESENTER, body: { lessonId: "no-such-lesson", stepId: "x" } });
    expect(bad.status).toBe(404);
  });

  it("runs a diagnosis for the room: the class votes on the culprit twice (before and after a discussion), and the reveal names it only once the presenter has", async () => {
    const started = await requestJson<{ run: LessonRun }>(`${app.origin}/api/lessons/who-broke-the-shop/start`, { method: "POST", headers: PRESENTER, body: {}, timeoutMs: 60_000 });
    expect(started.status).toBe(200);
    const opened = await requestJson(`${app.origin}/api/classroom/poll`, { method: "POST", headers: PRESENTER, body: { lessonId: "who-broke-the-shop", stepId: "name" } });
    expect(opened.status).toBe(201);
    const pollId = opened.body.poll.id;
    expect(opened.body.poll).toMatchObject({ question: "Which fault is at work in the shop?", round: 1 });
    expect(opened.body.poll.choices.map((choice: { id: string }) => choice.id)).toContain("latency@product-service");
    const second = await join((await classroom()).joinCode);
    const vote = (cookie: string, choice: string) => requestJson(`${app.origin}/api/classroom/vote`, { method: "POST", headers: { cookie }, body: { pollId, choice } });
    expect((await vote(audience, "latency@product-service")).status).toBe(200);
    expect((await vote(second, "latency@product-service")).status).toBe(200);
    expect((await requestJson(`${app.origin}/api/classroom/poll/close`, { method: "POST", headers: PRESENTER })).status).toBe(200);

    // Discussed, asked again: a fresh round, the first one's count hidden from the class until the reveal.
    const again = await requestJson(`${app.origin}/api/classroom/poll/again`, { method: "POST", headers: PRESENTER });
    expect(again.body.poll).toMatchObject({ state: "open", round: 2, votes: 0, tally: null, earlier: [] });
    expect((await classroom({ cookie: audience })).myVote).toBeNull();
    expect((await vote(audience, "cpu-hog@order-service")).status).toBe(200);
    expect((await vote(second, "latency@product-service")).status).toBe(200);
    expect((await requestJson(`${app.origin}/api/classroom/poll/again`, { method: "POST", headers: PRESENTER })).status).toBe(409);

    // Not named yet: the reveal gives both tallies and does not give the culprit away.
    const early = await requestJson(`${app.origin}/api/classroom/poll/reveal`, { method: "POST", headers: PRESENTER });
    expect(early.body.poll).toMatchObject({ tally: { "latency@product-service": 1, "cpu-hog@order-service": 1 }, earlier: [{ "latency@product-service": 2, "cpu-hog@order-service": 0 }] });
    expect(early.body.poll.measured).toMatch(/The culprit is not named yet/);

    // The presenter names it ("Show me" here); revealed again, the sandbox's answer stands beside the class's.
    expect((await requestJson(`${app.origin}/api/lessons/run/show-me`, { method: "POST", headers: PRESENTER, body: {}, timeoutMs: 60_000 })).status).toBe(200);
    const named = (await requestJson<{ run: LessonRun }>(`${app.origin}/api/lessons/run`, { headers: PRESENTER })).body.run.challenge!.culprit!;
    const revealed = await requestJson(`${app.origin}/api/classroom/poll/reveal`, { method: "POST", headers: PRESENTER });
    expect(revealed.body.poll.measured).toContain(`The culprit: a ${named.type} fault on ${named.service}`);
    await requestJson(`${app.origin}/api/lessons/run/stop`, { method: "POST", headers: PRESENTER, body: {} });
  });
});

describe("rotating the audience link", () => {
  it("drops the viewers who came in by the old link, on both namespaces, and refuses the old code", async () => {
    const student = socket({ cookie: audience });
    const stream = streamSocket({ cookie: audience });
    await connected(student);
    await connected(stream);
    const dropped = Promise.all([student, stream].map((client) => new Promise<void>((resolve) => client.once("disconnect", () => resolve()))));
    const rotated = await requestJson(`${app.origin}/api/classroom/audience/rotate`, { method: "POST", headers: PRESENTER });
    expect(rotated.status).toBe(200);
    await dropped;
    expect((await raw("GET", "/api/sandbox", { cookie: audience })).status).toBe(403);
    await expect(connected(socket({ cookie: audience }))).rejects.toThrow();
    await expect(connected(streamSocket({ cookie: audience }))).rejects.toThrow();
    const fresh = await join(rotated.body.joinCode);
    expect((await raw("GET", "/api/sandbox", { cookie: fresh })).status).toBe(200);
  });
});

/** Whether a TCP connection to this address and port is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.connect({ host, port }, () => (probe.destroy(), resolve(true)));
    probe.once("error", () => resolve(false));
  });

describe("where the app listens", () => {
  const lan = networkAddresses().find((address) => !address.startsWith("["));

  it.runIf(lan)("in classroom mode, on the machine's network address too", async () => {
    const port = Number(new URL(app.origin).port);
    expect(await accepts(lan!, port)).toBe(true);
    const answer = await requestJson(`http://${lan}:${port}/api/sandbox`, { headers: PRESENTER });
    expect(answer.status).toBe(200);
  });

  it.runIf(lan)("without classroom mode, on 127.0.0.1 only", async () => {
    const plain = await startApp();
    try {
      const port = Number(new URL(plain.origin).port);
      expect(await accepts("127.0.0.1", port)).toBe(true);
      expect(await accepts(lan!, port)).toBe(false);
      expect((await requestJson(`${plain.origin}/api/classroom`)).body).toEqual({ enabled: false });
    } finally {
      await plain.stop();
    }
  });
});

describe("without classroom mode", () => {
  it("has no class namespace: a socket of /classroom is refused, while the stream is served as always", async () => {
    const plain = await startApp();
    try {
      const stream = streamSocket({}, plain.origin);
      await new Promise<void>((resolve) => stream.once("snapshot", () => resolve()));
      await expect(connected(socket({}, plain.origin))).rejects.toThrow("Invalid namespace");
      // Asked on a connection the stream already holds, as a page would: refused too, and the stream stays.
      const page = new Manager(plain.origin, { transports: ["websocket"], reconnection: false });
      const pageStream = page.socket("/");
      sockets.push(pageStream);
      await connected(pageStream);
      const classSocket = page.socket(CLASSROOM_NAMESPACE);
      sockets.push(classSocket);
      await expect(connected(classSocket)).rejects.toThrow("Invalid namespace");
      expect(pageStream.connected).toBe(true);
    } finally {
      await plain.stop();
    }
  });
});
