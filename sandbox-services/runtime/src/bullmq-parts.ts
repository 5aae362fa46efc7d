// The two parts of BullMQ the services use, imported from their own modules: through the package's index, the bundle
// kept all it exports (its Postgres backend, other Redis clients, job schedulers...), which every queue service then
// parsed at each start.
export { Queue } from "bullmq/dist/esm/classes/queue.js";
export { Worker } from "bullmq/dist/esm/classes/worker.js";
