// `GET /health` (or `/ready`) of a shop process, as the supervisor asks it at start and every second: plain node:http, not
// fetch, whose per-call cost (undici's machinery) would be most of the server's CPU while the sandbox sits idle.
import http from "node:http";

/** Whether `address` (http://127.0.0.1:port) answers 2xx on `probe` within `timeoutMs`. Never throws. */
export function answersHealth(address: string | null, timeoutMs: number, probe: "/health" | "/ready" = "/health"): Promise<boolean> {
  if (!address) return Promise.resolve(false);
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(ok);
    };
    // A fresh connection each time (no agent): a probe must see a process that stopped accepting, not a kept socket.
    const request = http.get(`${address}${probe}`, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => done(response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300));
      response.on("error", () => done(false));
    });
    request.on("error", () => done(false));
    const timer = setTimeout(() => {
      request.destroy();
      done(false);
    }, timeoutMs);
  });
}
