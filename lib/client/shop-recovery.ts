// When the shop's stack is healthy again after an outage, the panel asks the shop again: an error or an empty
// catalogue from while a service was down must not stay on screen once the service is back.
import type { SandboxState } from "../contract/control";
import type { StackId } from "../contract/events";
import { loadProducts, refreshNotifications, refreshOrders, shopperStore } from "./shopper-store";
import { sandboxStore } from "./store";

/** Every process of the stack answers its health check (the broker included: orders go through it). */
export function stackHealthy(sandbox: SandboxState | null, stack: StackId): boolean {
  if (!sandbox) return false;
  const processes = sandbox.services.filter((service) => service.stack === stack);
  return processes.length > 0 && processes.every((service) => service.status === "healthy");
}

/** What the panel shows that came from the shop being down: an error message, or a catalogue it could not load. */
export function showsOutage(view: { products: unknown[] | null; message: { kind: string } | null }): boolean {
  return view.products === null || view.message?.kind === "error";
}

async function reloadAfterOutage(): Promise<void> {
  const hadError = shopperStore.getState().message?.kind === "error";
  if (hadError) shopperStore.setState({ message: null });
  await Promise.all([loadProducts(), refreshOrders(), refreshNotifications()]);
  const after = shopperStore.getState();
  if (hadError && after.message === null && after.products !== null) shopperStore.setState({ message: { kind: "ok", text: "The shop answers again: products, orders and emails reloaded." } });
}

/** Starts watching; returns the function that stops it. */
export function watchShopRecovery(): () => void {
  let healthy = stackHealthy(sandboxStore.getState().sandbox, shopperStore.getState().stack);
  return sandboxStore.subscribe((view) => {
    const now = stackHealthy(view.sandbox, shopperStore.getState().stack);
    const cameBack = now && !healthy;
    healthy = now;
    if (cameBack && showsOutage(shopperStore.getState())) void reloadAfterOutage();
  });
}
