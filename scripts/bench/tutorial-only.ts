// `node --import tsx scripts/bench/tutorial-only.ts`: only the guided lessons' figures of `npm run bench`, on their own app.
import { allHealthy, startApp, waitFor } from "./app";
import { measureTutorial } from "./tutorial";

const app = startApp(Number(process.env.BENCH_PORT ?? 3300));
try {
  await waitFor("every service healthy", async () => (allHealthy(await app.state()) ? true : undefined));
  for (const line of await measureTutorial(app.baseUrl)) console.log(`  ${line}`);
} finally {
  await app.stop();
}
