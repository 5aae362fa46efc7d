// A class in two browsers, against the app in classroom mode: the student's page follows the presenter's selection,
// screen and lesson step, stops following on the student's own click and follows again in one click; a poll is
// opened, voted, revealed with what the sandbox measured beside it; and the student's page offers nothing that acts.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { CLASSROOM_TOKEN, classroomURL } from "../playwright.config";
import { graphNode } from "./helpers";

const PRESENTER = { authorization: `Bearer ${CLASSROOM_TOKEN}` };
/** What a control on the sandbox is called: none may be visible on a student's page. */
const ACTING = /^(kill|stop|start|redeploy|scale|microservices|monolith|both|traffic|break it|scenarios|shop|reset.*|show me|put it back|restart lesson|run both.*|start traffic.*|stop traffic.*|clear (all|every|faults).*|inject.*|close voting|reveal|open the poll|new audience link.*|let the class shop.*|ask this step.*)$/i;

/** Inputs that set how much to do (requests per second, replicas): only acting controls have them. */
const ACTING_INPUT = /\[(number|range)\]$/;
const isActing = (name: string) => ACTING.test(name.replace(/ \[[a-z-]+\]$/, "")) || ACTING_INPUT.test(name);

async function joinCode(request: APIRequestContext): Promise<string> {
  const answer = await request.get(`${classroomURL}/api/classroom`, { headers: PRESENTER });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { joinCode: string }).joinCode;
}

async function open(browser: Browser, link: string): Promise<{ page: Page; acting: string[] }> {
  const context = await browser.newContext({ baseURL: classroomURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Every request that would act, as the page sends it (a vote is the one a student may send).
  const acting: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() !== "GET" && request.method() !== "HEAD" && path !== "/api/classroom/vote") acting.push(`${request.method()} ${path}`);
  });
  await page.goto(link);
  return { page, acting };
}

/** The names of every visible control on the page that a person could press or change. */
async function visibleControls(page: Page): Promise<string[]> {
  const controls = page.locator("button:visible, input:visible, select:visible, [role=switch]:visible, [role=tab]:visible");
  const names: string[] = [];
  for (const control of await controls.all()) {
    names.push(
      await control.evaluate((element) => {
        const input = element as HTMLInputElement;
        const label = element.getAttribute("aria-label") ?? input.labels?.[0]?.innerText ?? (element as HTMLElement).innerText;
        return `${label?.trim() || "(unnamed)"}${element instanceof HTMLInputElement ? ` [${input.type}]` : ""}`;
      }),
    );
  }
  return names;
}

test("a student follows the presenter, unfollows, follows again, votes, and can act on nothing", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const presenter = await open(browser, `/?token=${CLASSROOM_TOKEN}`);
  const student = await open(browser, `/?join=${await joinCode(request)}`);
  // The links' secrets leave the address bar once exchanged for cookies.
  await expect(presenter.page).toHaveURL(`${classroomURL}/`);
  await expect(student.page).toHaveURL(`${classroomURL}/`);
  await expect(presenter.page.getByText("You present")).toBeVisible();
  await expect(student.page.getByText("Following the presenter")).toBeVisible();
  await expect(presenter.page.locator(".classroom-strip [data-viewers]")).toHaveAttribute("data-viewers", "1");

  // Selection: the presenter opens order-service; the student's inspector shows it.
  await expect(graphNode(presenter.page, "order-service")).toBeVisible({ timeout: 60_000 });
  await graphNode(presenter.page, "order-service").click();
  await expect(student.page.locator('[data-service-inspector="order-service"]')).toBeVisible();

  // The student's own click stops following; the presenter's next selection no longer moves the student's view.
  await graphNode(student.page, "payment-service").click();
  await expect(student.page.getByRole("button", { name: "Follow the presenter" })).toBeVisible();
  await expect(presenter.page.locator(".classroom-strip [data-following]")).toHaveAttribute("data-following", "0");
  await graphNode(presenter.page, "product-service").click();
  await expect(presenter.page.locator('[data-service-inspector="product-service"]')).toBeVisible();
  await expect(student.page.locator('[data-service-inspector="payment-service"]')).toBeVisible();
  // One click follows again, and catches up with where the presenter is.
  await student.page.getByRole("button", { name: "Follow the presenter" }).click();
  await expect(student.page.locator('[data-service-inspector="product-service"]')).toBeVisible();
  await expect(student.page.getByText("Following the presenter")).toBeVisible();

  // Viewport: the presenter zooms the graph by hand; the student's graph shows the same zoom. The student's own pan
  // stops following, and following again puts the presenter's viewport back.
  const zoomOf = (page: Page) => page.locator(".react-flow__viewport").evaluate((element) => Math.round(new DOMMatrixReadOnly(getComputedStyle(element).transform).a * 100) / 100);
  const pane = (page: Page) => page.locator(".react-flow__pane");
  const box = (await pane(presenter.page).boundingBox())!;
  await presenter.page.mouse.move(box.x + box.width / 2, box.y + box.height - 20);
  await presenter.page.mouse.wheel(0, 400);
  await expect.poll(() => zoomOf(presenter.page)).toBeLessThan(0.95);
  const presenterZoom = await zoomOf(presenter.page);
  await expect.poll(() => zoomOf(student.page)).toBe(presenterZoom);
  const studentBox = (await pane(student.page).boundingBox())!;
  await student.page.mouse.move(studentBox.x + 10, studentBox.y + studentBox.height - 10);
  await student.page.mouse.down();
  await student.page.mouse.move(studentBox.x + 200, studentBox.y + studentBox.height - 60, { steps: 5 });
  await student.page.mouse.up();
  await expect(student.page.getByRole("button", { name: "Follow the presenter" })).toBeVisible();
  await student.page.mouse.move(studentBox.x + studentBox.width / 2, studentBox.y + studentBox.height - 20);
  await student.page.mouse.wheel(0, -300);
  await expect.poll(() => zoomOf(student.page)).not.toBe(presenterZoom);
  await student.page.getByRole("button", { name: "Follow the presenter" }).click();
  await expect.poll(() => zoomOf(student.page)).toBe(presenterZoom);

  // Screen: the presenter goes to Compare.
  await presenter.page.getByRole("link", { name: "Compare" }).click();
  await expect(student.page).toHaveURL(`${classroomURL}/compare`);

  // A poll typed on the spot: the student votes, the tally stays hidden until the reveal.
  await presenter.page.getByRole("button", { name: "Presenter's console" }).click();
  await presenter.page.getByRole("textbox", { name: "Question" }).fill("Which stack answers faster under this traffic?");
  await presenter.page.getByRole("textbox", { name: "Choices (comma-separated)" }).fill("Microservices, Monolith");
  await presenter.page.getByRole("button", { name: "Open the poll" }).click();
  const poll = student.page.locator("[data-poll-state]");
  await expect(poll).toHaveAttribute("data-poll-state", "open");
  await poll.getByRole("button", { name: "Monolith" }).click();
  await expect(poll.getByRole("button", { name: "Monolith" })).toHaveAttribute("aria-pressed", "true");
  await expect(presenter.page.locator("[data-poll-votes]")).toHaveAttribute("data-poll-votes", "1");
  await expect(student.page.locator("[data-poll-result]")).toHaveCount(0);
  await presenter.page.getByRole("button", { name: "Reveal" }).click();
  await expect(poll).toHaveAttribute("data-poll-state", "revealed");
  await expect(poll.locator('[data-choice="c2"]')).toHaveAttribute("data-votes", "1");
  await expect(poll.locator('[data-choice="c1"]')).toHaveAttribute("data-votes", "0");
  await expect(poll.locator("[data-poll-measured]")).toContainText(/microservices/);
  await presenter.page.getByRole("button", { name: "Hide the console" }).click();
  await poll.getByRole("button", { name: "Hide the results" }).click();

  // Lesson step: the presenter opens a lesson; the student's page shows the same lesson at the same step.
  await presenter.page.goto("/tutorial/payment-outage/accept-orders");
  await expect(student.page).toHaveURL(/\/tutorial\/payment-outage\/[a-z-]+$/);
  const presenterStep = await presenter.page.locator(".lesson-panel").getAttribute("data-step");
  await expect(student.page.locator(".lesson-panel")).toHaveAttribute("data-step", presenterStep!);
  await expect(student.page).toHaveURL(presenter.page.url());

  // Nothing on the student's page acts on the sandbox (the lesson, the Sandbox screen with a service inspected,
  // Compare), and it never tried to.
  const noActingControl = async () => {
    const controls = await visibleControls(student.page);
    expect(controls.filter(isActing), `acting controls on ${student.page.url()}: ${controls.join(", ")}`).toEqual([]);
  };
  await noActingControl();
  await presenter.page.getByRole("link", { name: "Sandbox" }).click();
  await expect(student.page).toHaveURL(`${classroomURL}/`);
  await expect(graphNode(presenter.page, "order-service")).toBeVisible({ timeout: 60_000 });
  await graphNode(presenter.page, "order-service").click();
  await expect(student.page.locator('[data-service-inspector="order-service"]')).toBeVisible();
  await noActingControl();
  await presenter.page.getByRole("link", { name: "Compare" }).click();
  await expect(student.page).toHaveURL(`${classroomURL}/compare`);
  await expect(student.page.locator(".compare-controls")).toHaveCount(1);
  await noActingControl();
  expect(student.acting).toEqual([]);
});
