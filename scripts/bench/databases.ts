// The services' own SQLite databases under load: placing an order through the gateway (two transactions in two
// databases, a dozen statements), how many database spans an order adds to the telemetry, and how soon a new order's
// row shows on order-service's Data tab in Chromium.
import { launchChromium } from "./chromium";
import { ms, percentile, waitFor, type RunningApp } from "./app";
import { audit, call, control, shopper } from "./control";
import { recordGoal } from "./goals";
import { STOREFRONT_ROUTES, storefrontPath } from "../../lib/contract/storefront-paths";

/** Sequential orders by one shopper: the latency a shopper sees, not the most the shop can take. */
export async function measureDatabases(app: RunningApp, orders = 200): Promise<string[]> {
  const { storefront, token } = await shopper(app);
  const started = Date.now();
  const times: number[] = [];
  for (let i = 0; i < orders; i++) {
    const before = performance.now();
    const { status } = await call(`${storefront}${storefrontPath(STOREFRONT_ROUTES.placeOrder)}`, "POST", { items: [{ productId: "p-mouse", quantity: 1 }] }, token);
    if (status !== 202) throw new Error(`an order answered ${status}`);
    times.push(performance.now() - before);
  }
  await waitFor("every order settled", async () => ((await audit(app)).pending === 0 ? true : undefined), 120_000, 200);
  const seconds = Math.ceil((Date.now() - started) / 1_000) + 1;
  const otlp = await control<{ resourceSpans: Array<{ resource: { attributes: Array<{ value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: Array<{ kind: number }> }> }> }>(app, "GET", `/api/recording/otlp?seconds=${seconds}`);
  const dbSpans = otlp.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)).filter((span) => span.kind === 3).length;
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  recordGoal("order placement through the gateway (SQLite in order- and product-service)", "(context)", `p50 ${ms(p50)}, p95 ${ms(p95)}`, `${orders} sequential orders by one shopper`, undefined);
  return [
    ...(await measureDataTab(app)),
    `placing an order through the gateway, ${orders} in a row: p50 ${ms(p50)}, p95 ${ms(p95)} (reserve in product-service's database, then the order and its outbox entry in one transaction in order-service's)`,
    `database spans in the telemetry: ${(dbSpans / orders).toFixed(1)} per order, from the placement to the email (${dbSpans} for ${orders} orders)`,
  ];
}

/**
 * From the moment an order is sent to the moment its row is on order-service's Data tab, left open in Chromium at
 * 1280×800: the page reads the database again when order-service's span says it wrote.
 */
export async function measureDataTab(app: RunningApp, orders = 20): Promise<string[]> {
  const { storefront, token } = await shopper(app);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.baseUrl);
    await page.locator('.react-flow [data-service="order-service"][data-status="healthy"]').click({ timeout: 30_000 });
    const data = page.locator('[data-service-data="order-service"]');
    await data.locator("summary").click();
    await data.locator('[data-table="orders"]').waitFor({ timeout: 30_000 });
    const times: number[] = [];
    for (let i = 0; i < orders; i++) {
      const sent = performance.now();
      const { status, body } = await call<{ order: { id: string } }>(`${storefront}${storefrontPath(STOREFRONT_ROUTES.placeOrder)}`, "POST", { items: [{ productId: "p-mouse", quantity: 1 }] }, token);
      if (status !== 202) throw new Error(`an order answered ${status}`);
      await data.locator('[data-table="orders"]').getByRole("cell", { name: body.order.id, exact: true }).waitFor({ timeout: 30_000 });
      times.push(performance.now() - sent);
    }
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    recordGoal("a new order's row on order-service's Data tab (Chromium, from the order sent)", "≤ 1 s", `p50 ${ms(p50)}, p95 ${ms(p95)}`, `${orders} orders, the tab left open`, p95 <= 1_000);
    return [`a new order's row on order-service's Data tab, from the order sent, ${orders} orders: p50 ${ms(p50)}, p95 ${ms(p95)} (goal ≤ 1 s)`];
  } finally {
    await browser.close();
  }
}
