// Lesson: a database per service — in the microservices each table belongs to one process, and another learns what
// is in it only from an event; in the monolith one process opens every module's tables. Read from the database spans.
import type { LessonInput } from "../../contract/lessons";

const TABLES = ["orders", "charges"];

export const databasePerService: LessonInput = {
  id: "database-per-service",
  title: "A database per service",
  proves: "Each microservice keeps its own data, which no other service reads: what another needs to know, it is told by an event. In a monolith every module can read every table.",
  minutes: 3,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "own-tables",
      title: "Whose table is it?",
      text: "Every microservice here has its own SQLite file. order-service keeps the orders; payment-service keeps the charges. Each statement a service runs is reported as a span, with its table.",
      todo: "In the Shop tab, choose Microservices under “Shop at”, register and order one product. Then click order-service on the graph and open its Data tab.",
      target: { kind: "tab", id: "shop" },
      predict: {
        question: "order-service marks your order paid. How does it know the payment went through?",
        choices: [
          { id: "read", label: "It reads the charges table", explain: "It cannot: the charges table is in payment-service's own file, and no other process opens it." },
          { id: "event", label: "payment-service tells it, with an event", explain: "payment-service writes the charge in its own database, then publishes PaymentSucceeded; order-service updates its own orders table when the event arrives." },
        ],
        expected: "event",
        measured: "orders was touched by {orders.readers}, charges by {charges.readers}: {processes} processes, each with its own file. order-service heard of the payment {PaymentSucceeded.afterMs} ms after the order, from PaymentSucceeded.",
      },
      hints: ["Order-service's Data tab lists its tables: charges is not among them.", "The event stream's db rows show each statement, its process and its table."],
      solution: [{ do: "order", stack: "microservices", count: 1 }],
      check: [
        { is: "databaseAccess", tables: TABLES, shared: false },
        { is: "traceChain", stack: "microservices", chain: ["OrderCreated", "PaymentSucceeded"] },
      ],
    },
    {
      id: "one-file",
      title: "The monolith's one database",
      text: "The monolith runs the same modules, with the same tables, in one process and one SQLite file.",
      todo: "Choose Monolith under “Shop at”, register there too (each shop keeps its own shoppers) and order one product. Then pick Monolith beside “Drawn:” above the graph, click the monolith's box and open its Data tab.",
      target: { kind: "tab", id: "shop" },
      predict: {
        question: "In the monolith, could the order module read the charges table?",
        choices: [
          { id: "yes", label: "Yes, nothing stops it", explain: "Every module's tables are in the one file the one process has open: only the code's discipline keeps modules apart." },
          { id: "no", label: "No, each module has its own database", explain: "The modules share one process and one file, so every table is in reach of every module." },
        ],
        expected: "yes",
        measured: "One process, {charges.readers}, ran the statements on both orders and charges: {queries} statements in one file.",
      },
      hints: ["The monolith's Data tab lists every module's tables together, in one file.", "Press “Show me” to place the order for you."],
      solution: [{ do: "order", stack: "monolith", count: 1 }],
      check: [{ is: "databaseAccess", tables: TABLES, shared: true }],
    },
  ],
  result: [
    "Microservices: orders was touched only by {own-tables:orders.readers} and charges only by {own-tables:charges.readers}; order-service learned of the payment from an event, {own-tables:PaymentSucceeded.afterMs} ms after the order.",
    "Monolith: {one-file:charges.readers}, one process, touched both tables in one file. Keeping modules apart there is up to the code.",
  ],
};
