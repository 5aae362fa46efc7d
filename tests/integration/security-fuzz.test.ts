// Property-based fuzzing of the control API and the storefront (through the app) with fast-check: at least 500
// generated bad requests a run — wrong types, missing and extra fields, `__proto__` keys, sizes, encodings, path
// tricks, foreign origins — each answered 4xx with {error}, never a 5xx or a hang, and nothing changes.
// The seed is printed; FUZZ_SEED=<seed> repeats a run.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";
import { fingerprint } from "./support/fingerprint";
import { rawRequest } from "./support/raw-http";

const RUNS = 500;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ env: { SANDBOX_ARCHITECTURE: "both" } });
});

afterAll(async () => {
  await app?.stop();
});

interface Attempt {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const SERVICES = ["api-gateway", "order-service", "payment-service", "monolith", "redis"];
const junkKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "", "a".repeat(300)), fc.string({ maxLength: 12 }));
const junkValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 40 }), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
/** A value of the wrong type for any field the sandbox reads (they are strings or numbers). */
const wrongType = fc.oneof(fc.constant(null), fc.boolean(), fc.array(junkValue, { maxLength: 3 }), fc.dictionary(junkKey, junkValue, { maxKeys: 3 }));

/** A JSON object whose field `field` has the wrong type (or is missing), with junk keys around it. */
const badObject = (field: string) =>
  fc.tuple(fc.dictionary(junkKey, junkValue, { maxKeys: 4 }), fc.option(wrongType, { nil: undefined })).map(([junk, value]) => {
    // Built as text: a `__proto__` key must arrive as a key, as an attacker would send it.
    const entries = Object.entries(junk).filter(([key]) => key !== field).map(([key, v]) => `${JSON.stringify(key)}:${JSON.stringify(v)}`);
    if (value !== undefined) entries.push(`${JSON.stringify(field)}:${JSON.stringify(value)}`);
    if (entries.length === 0) entries.push(`"__proto__":{"${field}":1}`);
    return `{${entries.join(",")}}`;
  });

/** A body that is not an acceptable JSON object at all: other JSON, broken JSON, a BOM, other encodings, bytes. */
const notAnObject = fc.oneof(
  fc.constantFrom("[]", "null", "1", "true", '"x"', "{", '{"a":', "{'a':1}", "\u0000", "[{}]", "{}}", '{"__proto__":'),
  fc.string({ minLength: 1, maxLength: 60 }).filter((text) => text.trim() !== "" && text.trim() !== "{}"),
);

/** Turns text into the bytes sent: UTF-8, with a BOM, as UTF-16, or with bytes that are not UTF-8. */
const encoded = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.constantFrom("utf8", "bom", "utf16", "broken")).map(([value, how]) => {
    if (how === "bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(value)]);
    if (how === "utf16") return Buffer.from(value, "utf16le");
    if (how === "broken") return Buffer.concat([Buffer.from(value), Buffer.from([0xc3, 0x28, 0xff])]);
    return Buffer.from(value);
  });

const json = { "content-type": "application/json" };

/** Control routes that read a body, each with the field it needs. */
const BODY_ROUTES: Array<[string, string]> = [
  ["/api/sandbox/architecture", "architecture"],
  ["/api/sandbox/resilience", "retries"],
  ["/api/services/payment-service/redeploy", "strategy"],
  ["/api/services/product-service/scale", "replicas"],
  ["/api/services/order-service/restart-policy", "restart"],
  ["/api/faults", "service"],
  ["/api/traffic", "rps"],
];

/** Acting with no body: only a request that is not the app's own (another page) is sent to these. */
const BODYLESS_ROUTES: Array<[string, string]> = [
  ["POST", "/api/sandbox/reset"],
  ["POST", "/api/services/payment-service/kill"],
  ["POST", "/api/services/payment-service/stop"],
  ["DELETE", "/api/faults"],
  ["DELETE", "/api/traffic"],
  ["POST", "/api/scenarios/payment-outage/start"],
  ["POST", "/api/scenarios/stop"],
];

const STOREFRONT_ROUTES: Array<[string, string]> = [
  ["/api/auth/register", "email"],
  ["/api/auth/login", "email"],
  ["/api/orders", "items"],
];

/** A bad body for a control route: wrong types, missing fields, junk keys, not an object, other encodings. */
const badControlBody: fc.Arbitrary<Attempt> = fc
  .tuple(fc.constantFrom(...BODY_ROUTES), fc.boolean())
  .chain(([[path, field], asObject]) => encoded(asObject ? badObject(field) : notAnObject).map((body) => ({ method: "POST", path, headers: json, body })));

/** Another web page: a foreign Origin, a form without one, or a DNS-rebound Host, on any route. */
const crossSite: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...BODYLESS_ROUTES), fc.constantFrom(...BODY_ROUTES).map(([path]) => ["POST", path] as [string, string]), fc.constantFrom(...STOREFRONT_ROUTES).map(([path]) => ["POST", `/storefront/microservices${path}`] as [string, string])),
    fc.oneof(
      fc.record({ origin: fc.constantFrom("http://evil.example", "null", "http://127.0.0.1.evil.example", "https://127.0.0.1", "http://localhost:1") }),
      fc.record({ "content-type": fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "text/json") }),
      fc.record({ host: fc.constantFrom("evil.example", "127.0.0.1", "localhost:80", "[::1]:1", "127.0.0.1.nip.io") }),
    ),
    fc.oneof(fc.constant('{"architecture":"monolith"}'), fc.constant(""), fc.string({ maxLength: 30 })),
  )
  .map(([[method, path], headers, body]) => ({ method, path, headers, body: Buffer.from(body) }));

/** Paths that are not routes, or try to leave the API: `..`, encoded dots and slashes, NULs, unknown ids. */
const pathTrick: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD"),
    fc.oneof(
      fc.constantFrom("/api/sandbox/..", "/api/sandbox/../../etc/passwd", "/api/sandbox/%2e%2e/%2e%2e/package.json", "/api/services/%2e%2e%2f%2e%2e/kill", "/api/%00", "/api/services/redis%00/kill", "/api/faults/%ZZ", "/api/", "/api//sandbox", "/api/services/payment-service/explode"),
      fc.string({ minLength: 1, maxLength: 20 }).map((junk) => `/api/services/${encodeURIComponent(`x-${junk}`)}/kill`),
      fc.string({ minLength: 1, maxLength: 20 }).map((junk) => `/api/x-${encodeURIComponent(junk)}`),
      fc.string({ minLength: 1, maxLength: 20 }).map((junk) => `/api/scenarios/${encodeURIComponent(`x-${junk}`)}/start`),
      fc.string({ minLength: 1, maxLength: 20 }).map((junk) => `/storefront/${encodeURIComponent(`x${junk}`)}/api/products`),
    ),
  )
  .map(([method, path]) => ({ method, path, headers: json, body: method === "GET" || method === "HEAD" ? undefined : Buffer.from("{}") }));

/** Storefront calls through the app with bad bodies, bad keys, or too large; none may create an account or order. */
const badStorefront: fc.Arbitrary<Attempt> = fc
  .tuple(fc.constantFrom(...STOREFRONT_ROUTES), fc.constantFrom("microservices", "monolith"), fc.boolean(), fc.option(fc.string({ maxLength: 200 }), { nil: undefined }))
  .chain(([[path, field], stack, asObject, key]) =>
    encoded(asObject ? badObject(field) : notAnObject).map((body) => ({
      method: "POST",
      path: `/storefront/${stack}${path}`,
      headers: { ...json, ...(key === undefined ? {} : { "idempotency-key": encodeURIComponent(key) || "k" }), authorization: "Bearer forged.token" },
      body,
    })),
  );

/** Bodies over the limits, declared or not: 413 before parsing. */
const tooLarge: fc.Arbitrary<Attempt> = fc
  .tuple(fc.constantFrom("/api/faults", "/api/sandbox/architecture", "/storefront/microservices/api/auth/register", "/storefront/monolith/api/orders"), fc.integer({ min: 65 * 1024, max: 160 * 1024 }), fc.boolean())
  .map(([path, size, chunked]) => ({ method: "POST", path, headers: { ...json, ...(chunked ? { "transfer-encoding": "chunked" } : {}) }, body: Buffer.alloc(size, "{") }));

const attempt: fc.Arbitrary<Attempt> = fc.oneof(
  { weight: 3, arbitrary: badControlBody },
  { weight: 3, arbitrary: crossSite },
  { weight: 2, arbitrary: pathTrick },
  { weight: 3, arbitrary: badStorefront },
  { weight: 1, arbitrary: tooLarge },
);

describe("fuzzing the control API and the storefront", () => {
  it(`answers ${RUNS} generated bad requests with a 4xx and {error}, never a 5xx or a hang, and changes nothing`, async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)`);
    const before = await fingerprint(app);
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(attempt, async ({ method, path, headers, body }) => {
        const answer = await rawRequest(app.origin, method, path, headers, body, 15_000);
        sent++;
        expect(answer.status, `${method} ${path} ${JSON.stringify(headers)} → ${answer.status} ${answer.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${method} ${path} → ${answer.text.slice(0, 200)}`).toBeLessThan(500);
        if (method !== "HEAD") expect(typeof answer.body?.error, `${method} ${path} → ${answer.text.slice(0, 200)}`).toBe("string");
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    expect(await fingerprint(app)).toEqual(before);
    expect(app.output()).not.toMatch(/control API error|unexpected error/);
  });
});
