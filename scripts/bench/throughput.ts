// GET /api/products at the most requests/s autocannon gets (20 connections): through api-gateway, product-service
// alone (with its stack's key, as the gateway calls it) and the monolith; and one hop's added latency, sequential.
import type { RunningApp } from "./app";
import { percentile } from "./app";
import { STOREFRONT_ROUTES, storefrontPath } from "../../lib/contract/storefront-paths";
import { state } from "./control";
import { autocannon, type LoadResult } from "./load";
import { timeSequential } from "./sequential";
import { serviceKeyHeaders } from "./service-key";

export interface HopFigures {
  directP50Ms: number;
  directP95Ms: number;
  viaGatewayP50Ms: number;
  viaGatewayP95Ms: number;
}

async function productService(app: RunningApp): Promise<{ url: string; headers: Record<string, string> }> {
  const product = (await state(app)).services.find((service) => service.id === "product-service" && service.stack === "microservices");
  if (!product?.address || !product.pid) throw new Error("product-service is not running");
  return { url: `${product.address}/products`, headers: serviceKeyHeaders(product.pid) };
}

async function entryOf(app: RunningApp, stack: "microservices" | "monolith"): Promise<string> {
  const url = (await state(app)).stacks.find((candidate) => candidate.id === stack)?.storefrontUrl;
  if (!url) throw new Error(`the ${stack} stack is not running`);
  return `${url}${storefrontPath(STOREFRONT_ROUTES.products)}`;
}

/** Interleaved rounds of 100 (straight, then through the gateway), so a machine busier in one moment than the next weighs on both. */
export async function measureHop(app: RunningApp, rounds = 10): Promise<HopFigures> {
  const product = await productService(app);
  const gateway = await entryOf(app, "microservices");
  await timeSequential(gateway, 200); // warm up both paths
  await timeSequential(product.url, 200, product.headers);
  const direct: number[] = [];
  const viaGateway: number[] = [];
  for (let round = 0; round < rounds; round++) {
    direct.push(...(await timeSequential(product.url, 100, product.headers)));
    viaGateway.push(...(await timeSequential(gateway, 100)));
  }
  return { directP50Ms: percentile(direct, 50), directP95Ms: percentile(direct, 95), viaGatewayP50Ms: percentile(viaGateway, 50), viaGatewayP95Ms: percentile(viaGateway, 95) };
}

export async function measureMicroservicesThroughput(app: RunningApp, seconds = 10): Promise<{ gateway: LoadResult; product: LoadResult }> {
  const product = await productService(app);
  return { product: await autocannon(product.url, { seconds, headers: product.headers }), gateway: await autocannon(await entryOf(app, "microservices"), { seconds }) };
}

export const measureMonolithThroughput = async (app: RunningApp, seconds = 10): Promise<LoadResult> => autocannon(await entryOf(app, "monolith"), { seconds });
