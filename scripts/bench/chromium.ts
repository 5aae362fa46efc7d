// The one way the bench and the screenshots start Debian's Chromium: quiet, so no update check or first-run page
// competes with what is measured.
import { chromium, type Browser } from "@playwright/test";

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"] });
