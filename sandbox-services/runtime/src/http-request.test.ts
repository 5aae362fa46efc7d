// The request between services over kept-alive connections, against a real local server: one connection serves
// call after call; a kept socket the callee drops is retried on a new one for a read, never for a write; a late
// answer is a TimeoutError.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { httpRequest } from "./http-request";

let server: http.Server;
let base: string;
let connections = 0;
/** What the callee does with the n-th request it reads on one connection (1-based). */
let onRequest: (nth: number, request: http.IncomingMessage, response: http.ServerResponse) => void;
const served: string[] = [];

const answer = (response: http.ServerResponse, body: unknown) => {
  const text = JSON.stringify(body);
  response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
};

beforeAll(async () => {
  server = http.createServer();
  const seen = new WeakMap<object, number>();
  server.on("connection", () => connections++);
  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    const nth = (seen.get(request.socket) ?? 0) + 1;
    seen.set(request.socket, nth);
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      served.push(`${request.method} ${request.url} ${body}`);
      onRequest(nth, request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  connections = 0;
  served.length = 0;
  onRequest = (nth, request, response) => answer(response, { nth });
});

describe("kept-alive connections", () => {
  it("serves twenty calls in a row over one connection, each answer read whole", async () => {
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await httpRequest(base, "GET", `/products?i=${i}`, {}, undefined, 1_000));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    // Each answer says how many requests its connection had carried: one after another on the same connection.
    const first = JSON.parse(answers[0].text).nth;
    expect(answers.map((a) => JSON.parse(a.text).nth)).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
    expect(connections).toBeLessThanOrEqual(1);
  });

  it("sends a write's body with its length", async () => {
    const body = JSON.stringify({ items: [{ productId: "p-mouse", quantity: 2 }], note: "ünïcode" });
    await httpRequest(base, "POST", "/orders", { "content-type": "application/json" }, body, 1_000);
    expect(served).toEqual([`POST /orders ${body}`]);
  });
});

describe("a kept socket the callee drops", () => {
  // The callee hangs up on /drop-me when it arrives on a connection that carried a request before, without an
  // answer: what a callee closing an idle kept-alive socket just as the next request arrives looks like to the caller.
  const dropOnKeptSocket = (nth: number, request: http.IncomingMessage, response: http.ServerResponse) =>
    nth > 1 && request.url === "/drop-me" ? response.socket?.destroy() : answer(response, { nth });

  it("sends a read again on a new connection, and it is answered", async () => {
    onRequest = dropOnKeptSocket;
    await httpRequest(base, "GET", "/products", {}, undefined, 1_000);
    const connectionsBefore = connections;
    const second = await httpRequest(base, "GET", "/drop-me", {}, undefined, 1_000);
    expect(second.status).toBe(200);
    expect(JSON.parse(second.text).nth).toBe(1); // the first request of a new connection
    expect(connections).toBe(connectionsBefore + 1);
    expect(served.filter((line) => line.startsWith("GET /drop-me"))).toHaveLength(2);
  });

  it("never sends a write twice: the drop is the caller's error", async () => {
    onRequest = dropOnKeptSocket;
    await httpRequest(base, "GET", "/products", {}, undefined, 1_000);
    await expect(httpRequest(base, "POST", "/drop-me", {}, "{}", 1_000)).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(served.filter((line) => line.startsWith("POST"))).toHaveLength(1);
  });
});

describe("time allowed", () => {
  it("rejects with a TimeoutError when no answer comes in time", async () => {
    onRequest = () => undefined; // never answers
    await expect(httpRequest(base, "GET", "/slow", {}, undefined, 50)).rejects.toMatchObject({ name: "TimeoutError" });
  });
});
