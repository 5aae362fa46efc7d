// The projector and the class's pages can be read and used: in the projector view at 1920×1080 the graph's texts
// are drawn at least 20 px high, operator chrome is gone, and the corner shows the join code, the QR code and the
// viewer count; axe-core finds nothing critical or serious on the presenter's console, the student's poll or the
// projector, light or dark.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { CLASSROOM_TOKEN, classroomURL } from "../playwright.config";
import { readGraph } from "./graph-reading";
import { graphNode } from "./helpers";

const PRESENTER = { authorization: `Bearer ${CLASSROOM_TOKEN}` };

async function open(browser: Browser, link: string, options: { width: number; height: number; scheme: "light" | "dark" }): Promise<Page> {
  const context = await browser.newContext({ baseURL: classroomURL, viewport: { width: options.width, height: options.height }, colorScheme: options.scheme });
  const page = await context.newPage();
  await page.goto(link);
  return page;
}

/** The smallest text the graph draws, in px as drawn (its font size times the graph's zoom). */
async function smallestGraphText(page: Page): Promise<{ px: number; text: string }> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport")!;
    const scale = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    let smallest = { px: Infinity, text: "" };
    for (const element of viewport.querySelectorAll("*")) {
      const own = [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== "");
      if (!own || element.closest(".visually-hidden") || (element as HTMLElement).offsetParent === null) continue;
      const px = parseFloat(getComputedStyle(element).fontSize) * scale;
      if (px < smallest.px) smallest = { px: Math.round(px * 10) / 10, text: element.textContent!.trim().slice(0, 40) };
    }
    return smallest;
  });
}

/** `parts`: the classroom's own parts of the page (the rest of each screen has its own axe tests), which also keeps axe quick on a loaded machine. */
async function seriousFindings(page: Page, parts: string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  for (const part of parts) builder.include(part);
  const results = await builder.analyze();
  return results.violations.filter((violation) => violation.impact === "critical" || violation.impact === "serious").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("on the projector a box opened keeps the graph at 20 px, every box inside its pane, before and after it is closed", async ({ browser }) => {
  test.setTimeout(120_000);
  const projector = await open(browser, `/?token=${CLASSROOM_TOKEN}`, { width: 1920, height: 1080, scheme: "light" });
  await projector.goto("/?projector=1");
  await expect(projector.locator("html")).toHaveAttribute("data-projector", "on");
  await expect(graphNode(projector, "order-service")).toBeVisible({ timeout: 60_000 });
  const readable = async (where: string) => {
    await expect.poll(async () => (await smallestGraphText(projector)).px, { message: `${where}: the smallest graph text, as drawn` }).toBeGreaterThanOrEqual(20);
    await expect.poll(async () => (await readGraph(projector)).outside, { message: `${where}: boxes outside the graph's pane` }).toEqual([]);
  };
  await readable("fresh");
  // Opened, the box is shown selected on the graph; no column takes the room's graph from it.
  await graphNode(projector, "order-service").click();
  await expect(graphNode(projector, "order-service").locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' react-flow__node ')]")).toHaveClass(/selected/);
  await expect(projector.locator(".right-panel")).toBeHidden();
  await readable("a box opened");
  await projector.keyboard.press("Escape");
  await readable("closed again");
  await projector.context().close();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the projector view draws the graph large, hides the operator's controls and shows how to join (${scheme})`, async ({ browser, request }) => {
    test.setTimeout(120_000);
    const projector = await open(browser, `/?token=${CLASSROOM_TOKEN}`, { width: 1920, height: 1080, scheme });
    await projector.goto("/?projector=1");
    await expect(projector.locator("html")).toHaveAttribute("data-projector", "on");
    await expect(graphNode(projector, "order-service")).toBeVisible({ timeout: 60_000 });
    await expect(projector.locator(".left-panel")).toBeHidden();
    await expect(projector.locator(".bottom-panel")).toBeHidden();
    const { joinCode } = (await (await request.get(`${classroomURL}/api/classroom`, { headers: PRESENTER })).json()) as { joinCode: string };
    const corner = projector.getByRole("complementary", { name: "join this class" });
    await expect(corner.locator("[data-join-code]")).toHaveText(joinCode);
    const qr = corner.getByRole("img", { name: /QR code of the audience link/ });
    await expect(qr).toBeVisible();
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(240);
    expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    await expect(corner.locator("[data-viewers]")).toHaveAttribute("data-viewers", /^\d+$/);
    await expect.poll(async () => (await smallestGraphText(projector)).px, { message: "the smallest graph text, as drawn" }).toBeGreaterThanOrEqual(20);
    expect(await seriousFindings(projector)).toEqual([]);
    await projector.context().close();
  });

  test(`the presenter's console and the student's poll have no critical or serious finding (${scheme})`, async ({ browser, request }) => {
    // Two pages of a live sandbox and three axe runs on a shared two-core machine.
    test.setTimeout(180_000);
    const presenter = await open(browser, `/?token=${CLASSROOM_TOKEN}`, { width: 1280, height: 800, scheme });
    await presenter.goto("/?projector=0");
    const { joinCode } = (await (await request.get(`${classroomURL}/api/classroom`, { headers: PRESENTER })).json()) as { joinCode: string };
    const student = await open(browser, `/?join=${joinCode}`, { width: 1280, height: 800, scheme });
    await presenter.getByRole("button", { name: "Presenter's console" }).click();
    await presenter.getByRole("textbox", { name: "Question" }).fill(`Will the shop stay up? (${scheme})`);
    await presenter.getByRole("textbox", { name: "Choices (comma-separated)" }).fill("Yes, No");
    await presenter.getByRole("button", { name: "Open the poll" }).click();
    await expect(student.locator("[data-poll-state]")).toHaveAttribute("data-poll-state", "open");
    await expect(graphNode(student, "order-service")).toBeVisible({ timeout: 60_000 });
    expect(await seriousFindings(presenter, [".presenter-console", ".classroom-strip"])).toEqual([]);
    expect(await seriousFindings(student, [".poll-card", ".classroom-strip"])).toEqual([]);
    // By keyboard: the vote is reachable with Tab and taken with Enter.
    const yes = student.locator("[data-poll-state]").getByRole("button", { name: "Yes" });
    await yes.focus();
    await student.keyboard.press("Enter");
    await expect(yes).toHaveAttribute("aria-pressed", "true");
    await presenter.getByRole("button", { name: "Reveal" }).click();
    await expect(student.locator("[data-poll-result]")).toBeVisible();
    expect(await seriousFindings(student, [".poll-card"])).toEqual([]);
    await presenter.context().close();
    await student.context().close();
  });
}
