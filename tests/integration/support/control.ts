// The sandbox control API on the app's own origin: service actions, as a test would click them.
import type { ServiceAction, ServiceView } from "../../../lib/contract/control";
import type { RunningApp } from "./app";
import { requestJson, type JsonResponse } from "./http";

/** POST /api/services/:id/:action; `action` is a string so tests can ask for actions that do not exist. */
export function serviceAction(app: RunningApp, id: string, action: ServiceAction | string, body?: unknown): Promise<JsonResponse<{ service?: ServiceView; error?: string }>> {
  return requestJson(`${app.origin}/api/services/${encodeURIComponent(id)}/${encodeURIComponent(action)}`, { method: "POST", body, timeoutMs: 30_000 });
}

/** Each service's pid, by id. */
export async function pidsById(app: RunningApp): Promise<Map<string, number | null>> {
  return new Map((await app.state()).services.map((service) => [service.id, service.pid]));
}
