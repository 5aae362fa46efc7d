// Steady shoppers for tests that must prove "no failed request": a few loops browsing through the app's storefront
// proxy (which follows redeploys and replicas, as a shopper's browser would) until told to stop.
import { requestJson } from "./http";

export interface LoadResult {
  ok: number;
  failed: string[];
}

/** Runs `loops` concurrent loops of GET `path` against `origin`; stop() ends them and returns what they saw. */
export function steadyLoad(origin: string, path = "/storefront/microservices/api/products", loops = 4): { stop(): Promise<LoadResult>; sent(): number } {
  const result: LoadResult = { ok: 0, failed: [] };
  let running = true;
  const loop = async () => {
    // Bounded: a test that forgets to stop still ends after this many requests per loop.
    for (let i = 0; running && i < 20_000; i++) {
      try {
        const { status, body } = await requestJson(`${origin}${path}`, { timeoutMs: 5_000 });
        if (status === 200) result.ok++;
        else result.failed.push(`${status} ${JSON.stringify(body)}`);
      } catch (error) {
        result.failed.push(`no answer: ${(error as Error).message}`);
      }
    }
  };
  const all = Promise.all(Array.from({ length: loops }, loop));
  return {
    sent: () => result.ok + result.failed.length,
    async stop() {
      running = false;
      await all;
      return result;
    },
  };
}
