// A page of another site that frames the app (the start of a click-jacking page), served by a real server of its own
// on this machine (another port is another origin; a page from the internet would be kept from a loopback frame by
// the browser's local-network checks anyway), and what its frame shows once loaded.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page } from "@playwright/test";

/** The page's complaints of the Content-Security-Policy: the app's own page must load with none. */
export function policyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Serves one framing page holding `url`; returns its address and how to stop it. */
async function framingSite(url: string): Promise<{ origin: string; close(): Promise<void> }> {
  const page = `<!doctype html><title>Claim your prize</title><h1>Click to claim your prize</h1><iframe id="app" src="${url}" width="1200" height="700" onload="document.body.dataset.framed='loaded'"></iframe>`;
  const server = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Opens the framing page with `url` in its frame and waits until the frame has loaded, whatever it shows; returns
 * whether the frame holds a document of `appOrigin` and its text.
 */
export async function framedFromAnotherSite(page: Page, url: string, appOrigin: string): Promise<{ appDocument: boolean; text: string }> {
  const site = await framingSite(url);
  try {
    await page.goto(`${site.origin}/`);
    await expect(page.locator("body")).toHaveAttribute("data-framed", "loaded");
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    const appDocument = frame?.url().startsWith(appOrigin) ?? false;
    const text = frame && appDocument ? await frame.locator("body").innerText({ timeout: 5_000 }).catch(() => "") : "";
    return { appDocument, text };
  } finally {
    await site.close();
  }
}
