// The bench's baseline: a bare Node HTTP server answering the catalogue's JSON, or a bare proxy in front of one
// (node:http, a keep-alive agent, nothing else). Plain JavaScript, started with the services' own Node flags, so
// its memory and its hop are what Node itself costs on this machine at this moment. Prints its port on stdout.
import http from "node:http";

const [mode, target] = process.argv.slice(2);
// The same answer product-service gives for GET /products: six products, ~475 bytes of JSON.
const catalogue = JSON.stringify({ products: Array.from({ length: 6 }, (_, i) => ({ id: `p-item-${i}`, name: `Baseline product ${i}`, priceCents: 1000 * (i + 1), stock: 50_000 })) });

let handler;
if (mode === "server") {
  handler = (request, response) => {
    request.resume();
    response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(catalogue) });
    response.end(catalogue);
  };
} else if (mode === "proxy") {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  const port = Number(target);
  handler = (request, response) => {
    const upstream = http.request({ agent, hostname: "127.0.0.1", port, method: request.method, path: request.url, headers: { accept: "application/json" } }, (answer) => {
      const chunks = [];
      answer.on("data", (chunk) => chunks.push(chunk));
      answer.on("end", () => {
        const body = Buffer.concat(chunks);
        response.writeHead(answer.statusCode ?? 502, { "content-type": "application/json; charset=utf-8", "content-length": body.length });
        response.end(body);
      });
    });
    upstream.on("error", () => {
      response.writeHead(502, { "content-type": "application/json" });
      response.end('{"error":"upstream failed"}');
    });
    request.pipe(upstream);
  };
} else {
  console.error("usage: bare-http.mjs server | proxy <port>");
  process.exit(2);
}

const server = http.createServer(handler);
server.listen(0, "127.0.0.1", () => console.log(String(server.address().port)));
process.on("SIGTERM", () => process.exit(0));
