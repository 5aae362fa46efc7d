// order-service's tables in a process of its own that is killed half way through saving an order, for the test of a
// kill inside the transaction: the first order is saved whole; during the second, right after the order's row and its
// first event are written and before its outbox entry, the process sends itself SIGKILL, as `kill -9` would.
import { onQuery, openDatabase } from "@sandbox/runtime";
import { orderTables } from "../order-tables";

const [file] = process.argv.slice(2);
const tables = orderTables(openDatabase(file));
const order = (id: string) => ({ id, userId: "u-1", items: [{ productId: "p-mouse", quantity: 1, priceCents: 2900 }], totalCents: 2900 });
tables.insert(order("o-whole"), JSON.stringify({ orderId: "o-whole" }));
process.stdout.write("saved o-whole\n");
onQuery((query) => {
  if (query.kind !== "INSERT" || query.table !== "order_events") return;
  process.kill(process.pid, "SIGKILL");
  // SIGKILL is not handled: nothing after this line runs, not even the rest of the transaction.
  for (;;);
});
tables.insert(order("o-cut"), JSON.stringify({ orderId: "o-cut" }));
process.stdout.write("saved o-cut\n");
