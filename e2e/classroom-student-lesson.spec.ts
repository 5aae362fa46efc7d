// A student in a classroom watches the presenter do a lesson: the step asks them to watch the presenter do it, not "Do this",
// and no ring points at a control the student cannot use; the presenter's own page keeps both.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { CLASSROOM_TOKEN, classroomURL } from "../playwright.config";

const PRESENTER = { authorization: `Bearer ${CLASSROOM_TOKEN}` };

async function open(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: classroomURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(link);
  return page;
}

test("a student's lesson says what the presenter does, with no ring to press", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const { joinCode } = (await (await request.get(`${classroomURL}/api/classroom`, { headers: PRESENTER })).json()) as { joinCode: string };
  const presenter = await open(browser, `/?token=${CLASSROOM_TOKEN}`);
  const student = await open(browser, `/?join=${joinCode}`);
  await expect(student.getByText("Following the presenter")).toBeVisible();

  await presenter.goto("/tutorial/payment-outage");
  const mine = presenter.locator('.lesson-panel[data-lesson="payment-outage"]');
  await expect(mine).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  await expect(mine.locator(".lesson-todo")).toContainText(/^Do this:/);
  await expect(presenter.locator(".lesson-pointer")).toBeVisible();

  const theirs = student.locator('.lesson-panel[data-lesson="payment-outage"]');
  await expect(theirs).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  await expect(theirs.locator(".lesson-todo")).toContainText(/^Watch the presenter do this:/);
  await expect(theirs.locator(".lesson-todo")).not.toContainText("Do this:");
  await expect(student.locator(".lesson-pointer")).toHaveCount(0);
  await presenter.context().close();
  await student.context().close();
});
