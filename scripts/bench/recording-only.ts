// `node --import tsx scripts/bench/recording-only.ts` (or `BENCH_ONLY=recording npm run bench`): only Rewind and saved
// runs (history memory, saved-run size, Rewind's jump in Chromium), on their own app.
import os from "node:os";
import { allHealthy, startApp, waitFor } from "./app";
import { measureRecording } from "./recording";

export async function recordingOnly(port: number): Promise<void> {
  const app = startApp(port);
  try {
    await waitFor("every service healthy", async () => (allHealthy(await app.state()) ? true : undefined));
    const load = os.loadavg()[0];
    console.log(`Rewind and saved runs (load average ${load.toFixed(1)} at the start)`);
    for (const line of await measureRecording(app)) console.log(`  ${line}`);
    console.log(`  load average at the end: ${os.loadavg()[0].toFixed(1)}`);
  } finally {
    await app.stop();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await recordingOnly(Number(process.env.BENCH_PORT ?? 3300));
