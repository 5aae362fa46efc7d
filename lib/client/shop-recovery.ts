// When the shop's stack is healthy again after an outage, the panel asks the shop again: an error or an empty
// catalogue from while a service was down must not stay on screen once the service is back.
import type { SandboxState } from "../contract/control";
import type { StackId } from "../contract/events";
import { loadProducts, refreshNotifications, refreshOrders, shopperStore } from "./stores/shopper-store";
import { sandboxStore } from "./stores/sandbox-store";

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

/** What the catalogue needs to answer: the gateway and product-service, or the monolith. */
export function catalogueUp(sandbox: SandboxState | null, stack: StackId): boolean {
  const needed = stack === "monolith" ? ["monolith"] : ["api-gateway", "product-service"];
  return needed.every((id) => sandbox?.services.some((service) => service.stack === stack && service.id === id && service.status === "healthy") ?? false);
}

/** Starts watching; returns the function that stops it. */
export function watchShopRecovery(): () => void {
  let healthy = stackHealthy(sandboxStore.getState().sandbox, shopperStore.getState().stack);
  let loading = false;
  return sandboxStore.subscribe((view) => {
    const now = stackHealthy(view.sandbox, shopperStore.getState().stack);
    const cameBack = now && !healthy;
    healthy = now;
    if (cameBack && showsOutage(shopperStore.getState())) void reloadAfterOutage();
    // A catalogue never loaded (the page opened while the shop was starting) is asked for again as soon as the part
    // of the shop that serves it answers, even while another service (payment, say) is down.
    else if (!loading && shopperStore.getState().products === null && catalogueUp(view.sandbox, shopperStore.getState().stack)) {
      loading = true;
      void loadProducts().finally(() => (loading = false));
    }
  });
}
