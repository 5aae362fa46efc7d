// Where each shop process keeps its database: one SQLite file in its data folder, named after the process, so the
// services (which write it) and the sandbox's server (which reads it for the audit and the Data tab) agree.
import path from "node:path";

/** The database file of the process `serviceId` (a microservice, or the monolith) whose data folder is `dataDir`. */
export const databaseFile = (dataDir: string, serviceId: string): string => path.join(dataDir, `${serviceId}.sqlite`);
