// The shared service runtime: what every shop module, and the monolith, imports. Starting a microservice (with its
// broker connection) is the separate entry "@sandbox/runtime/service", so the monolith never loads BullMQ.
export { runProcess, type ProcessParts } from "./process";
export { HttpError, ServiceUnavailableError, badRequest, conflict, notFound, unauthorized } from "./errors";
export { databaseAnswers, describeStatement, isUniqueViolation, onQuery, openDatabase, type Database, type Migration, type QueryRecord } from "./database";
export type { Publisher, EventHandlers } from "./queues";
export type { ServiceClient, CallResult, CallOptions } from "./http-client";
export { createInProcessClient, type ModuleDirectory } from "./in-process-client";
export { createInProcessBus, type InProcessBus } from "./in-process-bus";
export { withModuleFaults } from "./module-routes";
export type { Routes, Handler, Request, Reply } from "./router";
export { log } from "./log";
export { parseBody } from "./validate";
export { beforeConsuming, beforeHandling, setFaults } from "./faults";
export { setResilience } from "./resilience";
