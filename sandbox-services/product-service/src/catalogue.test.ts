// The catalogue and its stock: reservations set stock aside once, payments settle them, and nothing oversells.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HttpError, openDatabase } from "@sandbox/runtime";
import { recordingPublisher } from "../../runtime/src/testing/recording-publisher";
import { STARTING_CATALOGUE, createCatalogue } from "./catalogue";


let dir: string;
let publisher: ReturnType<typeof recordingPublisher>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalogue-test-"));
  publisher = recordingPublisher();
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = () => createCatalogue(openDatabase(path.join(dir, "db.sqlite")), publisher);
const initialStock = (id: string) => STARTING_CATALOGUE.find((product) => product.id === id)!.initialStock;

describe("browsing", () => {
  it("opens with the starting catalogue, every product fully in stock", () => {
    const catalogue = open();
    expect(catalogue.list()).toHaveLength(STARTING_CATALOGUE.length);
    expect(catalogue.get("p-keyboard")).toEqual({ id: "p-keyboard", name: "Mechanical keyboard", priceCents: 8900, stock: 50_000 });
  });

  it("does not stock the shelves twice when a second replica opens", () => {
    open();
    const replica = open();
    expect(replica.list()).toHaveLength(STARTING_CATALOGUE.length);
  });

  it("answers an unknown product with a 404", () => {
    expect(() => open().get("p-unicorn")).toThrow(HttpError);
    expect(() => open().get("p-unicorn")).toThrow("no product with id p-unicorn");
  });
});

describe("reserve", () => {
  it("prices each line, totals the order and takes the items off the shelf", async () => {
    const catalogue = open();
    const result = await catalogue.reserve("o-1", [
      { productId: "p-keyboard", quantity: 2 },
      { productId: "p-mouse", quantity: 1 },
    ]);
    expect(result).toEqual({
      lines: [
        { productId: "p-keyboard", quantity: 2, priceCents: 8900 },
        { productId: "p-mouse", quantity: 1, priceCents: 2900 },
      ],
      totalCents: 2 * 8900 + 2900,
    });
    expect(catalogue.get("p-keyboard").stock).toBe(initialStock("p-keyboard") - 2);
    expect(catalogue.get("p-mouse").stock).toBe(initialStock("p-mouse") - 1);
  });

  it("refuses more than is in stock with a 409 and changes nothing", async () => {
    const catalogue = open();
    const error = await catalogue.reserve("o-1", [{ productId: "p-laptop", quantity: 51 }]).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(409);
    expect((error as HttpError).message).toBe("Developer laptop is out of stock: 50 left, 51 wanted");
    expect(catalogue.get("p-laptop").stock).toBe(50);
    expect(catalogue.reservations()).toEqual([]);
  });

  it("adds up lines for the same product before checking stock", async () => {
    const catalogue = open();
    await expect(
      catalogue.reserve("o-1", [
        { productId: "p-laptop", quantity: 30 },
        { productId: "p-laptop", quantity: 30 },
      ]),
    ).rejects.toMatchObject({ status: 409 });
    expect(catalogue.get("p-laptop").stock).toBe(50);
  });

  it("refuses an order once earlier orders took the stock", async () => {
    const catalogue = open();
    await catalogue.reserve("o-1", [{ productId: "p-laptop", quantity: 45 }]);
    await expect(catalogue.reserve("o-2", [{ productId: "p-laptop", quantity: 6 }])).rejects.toMatchObject({ status: 409 });
    await catalogue.reserve("o-3", [{ productId: "p-laptop", quantity: 5 }]);
    expect(catalogue.get("p-laptop").stock).toBe(0);
  });

  it("holds stock once when the same order is reserved twice (a retried call)", async () => {
    const catalogue = open();
    const items = [{ productId: "p-monitor", quantity: 3 }];
    const first = await catalogue.reserve("o-1", items);
    const second = await catalogue.reserve("o-1", items);
    expect(second).toEqual(first);
    expect(catalogue.get("p-monitor").stock).toBe(initialStock("p-monitor") - 3);
    expect(catalogue.reservations()).toHaveLength(1);
  });

  it("answers a retried reservation even when that order took the last items", async () => {
    const catalogue = open();
    const items = [{ productId: "p-laptop", quantity: 50 }];
    const first = await catalogue.reserve("o-1", items);
    await expect(catalogue.reserve("o-1", items)).resolves.toEqual(first);
    expect(catalogue.get("p-laptop").stock).toBe(0);
  });

  it("answers an unknown product with a 404 and reserves nothing", async () => {
    const catalogue = open();
    await expect(
      catalogue.reserve("o-1", [
        { productId: "p-mouse", quantity: 1 },
        { productId: "p-unicorn", quantity: 1 },
      ]),
    ).rejects.toMatchObject({ status: 404, message: "no product with id p-unicorn" });
    expect(catalogue.get("p-mouse").stock).toBe(initialStock("p-mouse"));
    expect(catalogue.reservations()).toEqual([]);
  });

  it("shows one replica's reservation in the other replica's stock", async () => {
    const first = open();
    const second = open();
    await first.reserve("o-1", [{ productId: "p-webcam", quantity: 4 }]);
    expect(second.get("p-webcam").stock).toBe(initialStock("p-webcam") - 4);
  });

  it("keeps reserved stock off the shelf after product-service restarts", async () => {
    await open().reserve("o-1", [{ productId: "p-webcam", quantity: 4 }]);
    expect(open().get("p-webcam").stock).toBe(initialStock("p-webcam") - 4);
  });

  it("opens with all stock back after a reset (the service stopped, its data folder emptied)", async () => {
    const db = openDatabase(path.join(dir, "db.sqlite"));
    await createCatalogue(db, publisher).reserve("o-1", [{ productId: "p-webcam", quantity: 4 }]);
    db.close();
    for (const file of fs.readdirSync(dir)) fs.rmSync(path.join(dir, file));
    expect(open().get("p-webcam").stock).toBe(initialStock("p-webcam"));
  });
});

describe("commit and release", () => {
  it("keeps paid-for stock sold and announces InventoryUpdated", async () => {
    const catalogue = open();
    await catalogue.reserve("o-1", [{ productId: "p-headset", quantity: 2 }]);
    await catalogue.commit("o-1");
    const stock = initialStock("p-headset") - 2;
    expect(catalogue.get("p-headset").stock).toBe(stock);
    expect(catalogue.reservations()).toEqual([{ id: "o-1", items: [{ productId: "p-headset", quantity: 2 }], state: "committed", heldAt: expect.any(Number) }]);
    expect(publisher.published).toEqual([
      { event: "InventoryUpdated", payload: { orderId: "o-1", change: "committed", items: [{ productId: "p-headset", stock }] }, key: "o-1" },
    ]);
  });

  it("puts released stock back on the shelf and announces it", async () => {
    const catalogue = open();
    await catalogue.reserve("o-1", [{ productId: "p-headset", quantity: 2 }]);
    await catalogue.release("o-1");
    const stock = initialStock("p-headset");
    expect(catalogue.get("p-headset").stock).toBe(stock);
    expect(publisher.published).toEqual([
      { event: "InventoryUpdated", payload: { orderId: "o-1", change: "released", items: [{ productId: "p-headset", stock }] }, key: "o-1" },
    ]);
  });

  it("releases once even when PaymentFailed is delivered twice, and announces it again with the same key", async () => {
    const catalogue = open();
    await catalogue.reserve("o-1", [{ productId: "p-headset", quantity: 2 }]);
    await catalogue.reserve("o-2", [{ productId: "p-headset", quantity: 5 }]);
    await catalogue.release("o-1");
    await catalogue.release("o-1");
    expect(catalogue.get("p-headset").stock).toBe(initialStock("p-headset") - 5);
    expect(publisher.published).toHaveLength(2);
    expect(publisher.published[1]).toEqual(publisher.published[0]);
  });

  it("commits once even when PaymentSucceeded is delivered twice", async () => {
    const catalogue = open();
    await catalogue.reserve("o-1", [{ productId: "p-headset", quantity: 2 }]);
    await catalogue.commit("o-1");
    await catalogue.commit("o-1");
    expect(catalogue.get("p-headset").stock).toBe(initialStock("p-headset") - 2);
    expect(catalogue.reservations().map((reservation) => reservation.state)).toEqual(["committed"]);
    expect(publisher.published.map((entry) => entry.key)).toEqual(["o-1", "o-1"]);
  });

  it("keeps sold stock sold when a stray PaymentFailed follows the commit", async () => {
    const catalogue = open();
    await catalogue.reserve("o-1", [{ productId: "p-headset", quantity: 2 }]);
    await catalogue.commit("o-1");
    await catalogue.release("o-1");
    expect(catalogue.get("p-headset").stock).toBe(initialStock("p-headset") - 2);
    expect(catalogue.reservations().map((reservation) => reservation.state)).toEqual(["committed"]);
  });

  it("fails to settle an order it never reserved, and publishes nothing", async () => {
    const catalogue = open();
    await expect(catalogue.commit("o-unknown")).rejects.toThrow("no reservation for order o-unknown");
    expect(publisher.published).toEqual([]);
  });
});

describe("cancel", () => {
  it("puts the stock of an order that was never saved back on the shelf, without announcing anything", async () => {
    const catalogue = open();
    const before = catalogue.get("p-mouse").stock;
    await catalogue.reserve("o-cut", [{ productId: "p-mouse", quantity: 3 }]);
    expect(catalogue.get("p-mouse").stock).toBe(before - 3);
    await catalogue.cancel("o-cut");
    expect(catalogue.get("p-mouse").stock).toBe(before);
    expect(publisher.published).toEqual([]);
  });

  it("makes a reserve that arrives after the cancel hold nothing", async () => {
    const catalogue = open();
    const before = catalogue.get("p-mouse").stock;
    await catalogue.cancel("o-late");
    await catalogue.reserve("o-late", [{ productId: "p-mouse", quantity: 2 }]);
    expect(catalogue.get("p-mouse").stock).toBe(before);
  });
});

describe("two replicas reserving at the same moment (two processes, one database file)", () => {
  const replica = (prefix: string, count: number) =>
    new Promise<{ reserved: number; refused: number }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./testing/catalogue-replica.ts", import.meta.url)), path.join(dir, "db.sqlite"), prefix, String(count)], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`replica ${prefix} exited with ${code}`))));
    });

  it("never oversell: the 50 laptops go to exactly 50 of 80 orders, and the shelf ends at 0", { timeout: 30_000 }, async () => {
    const [a, b] = await Promise.all([replica("a", 40), replica("b", 40)]);
    expect(a.reserved + b.reserved).toBe(initialStock("p-laptop"));
    expect(a.refused + b.refused).toBe(80 - initialStock("p-laptop"));
    const catalogue = open();
    expect(catalogue.get("p-laptop").stock).toBe(0);
    expect(catalogue.reservations().filter((reservation) => reservation.state === "held")).toHaveLength(initialStock("p-laptop"));
    // Both started on an empty file: the schema was made and the shelf stocked once.
    expect(catalogue.list()).toHaveLength(STARTING_CATALOGUE.length);
  });
});
