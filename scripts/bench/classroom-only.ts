// `node --import tsx scripts/bench/classroom-only.ts`: only the classroom's figures of `npm run bench`, on their own app.
import { measureClassroom } from "./classroom";

for (const line of await measureClassroom(Number(process.env.BENCH_PORT ?? 3300) + 1)) console.log(`  ${line}`);
