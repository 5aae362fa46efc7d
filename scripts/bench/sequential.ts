// One GET after another over a kept-alive connection, timed: the latency of a path with nothing else in flight.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function timedGet(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent, headers }, (response) => {
        response.resume();
        response.on("end", () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url}: ${response.statusCode}`))));
      })
      .on("error", reject);
  });
}

export async function timeSequential(url: string, count: number, headers: Record<string, string> = {}): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < count; i++) durations.push(await timedGet(url, headers));
  return durations;
}
