// Every file path and link named in README.md, CONTRIBUTING.md and docs/*.md exists, so a moved file fails the unit
// tests rather than misleads a reader; and docs/testing.md lists every test file.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingPaths, namedPaths, repositoryFiles } from "./doc-paths";

const root = path.resolve(import.meta.dirname, "../..");
const pages = ["README.md", "CONTRIBUTING.md", ...readdirSync(path.join(root, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];
const files = repositoryFiles(root);

describe("the documentation's paths and links", () => {
  it("names only files and folders that exist", () => {
    const missing = pages.flatMap((page) => missingPaths(root, page, readFileSync(path.join(root, page), "utf8"), files));
    expect(missing).toEqual([]);
  });

  it("is read: the front door links every page of the manual, and the map of the code names its folders", () => {
    const readme = namedPaths(readFileSync(path.join(root, "README.md"), "utf8")).map((named) => named.text);
    for (const page of pages.filter((page) => page.startsWith("docs/"))) expect(readme).toContain(page);
    const map = namedPaths(readFileSync(path.join(root, "docs/architecture.md"), "utf8")).map((named) => named.text);
    expect(map).toEqual(expect.arrayContaining(["app/rewind/", "components/rewind/", "components/shared/", "lib/sandbox/processes/"]));
  });
});

describe("the test inventory", () => {
  it("lists every test file of the repository in docs/testing.md", () => {
    const listed = new Set(namedPaths(readFileSync(path.join(root, "docs/testing.md"), "utf8")).map((named) => named.text));
    const tests = files.filter((file) => /\.(test|spec)\.tsx?$/.test(file));
    expect(tests.length).toBeGreaterThan(100);
    expect(tests.filter((file) => !listed.has(file))).toEqual([]);
  });
});

describe("what counts as a path on a page", () => {
  const page = [
    "See [the lessons](docs/lessons.md#writing-a-lesson), [a site](https://example.com) and [above](#top).",
    "The code: `lib/gone/file.ts`, `moved-away.ts`, `README.md`, `app/rewind/`, `.build/server.mjs`.",
    "Not paths: `npm run bench`, `/api/services/:id/kill`, `sandbox-services/<service>/src`, `--flag=a/b`; a type: `application/json`.",
    "A command: `npx vitest run --project unit lib/lessons`.",
    "```sh",
    "npx playwright test e2e/missing.spec.ts   # and/or a comment",
    "```",
  ].join("\n");

  it("finds links, and paths in code spans and in commands, and leaves routes, options and placeholders alone", () => {
    expect(namedPaths(page).map((named) => named.text)).toEqual(["docs/lessons.md#writing-a-lesson", "lib/gone/file.ts", "moved-away.ts", "README.md", "app/rewind/", ".build/server.mjs", "application/json", "lib/lessons", "e2e/missing.spec.ts", "and/or"]);
  });

  it("reports a path or a file name that is not in the repository, and nothing that is, is built, or is no repository path", () => {
    expect(missingPaths(root, "README.md", page, files)).toEqual(["README.md: path `lib/gone/file.ts`", "README.md: file name `moved-away.ts`", "README.md: path `e2e/missing.spec.ts`"]);
  });

  it("resolves a link from the page's own folder", () => {
    expect(missingPaths(root, "docs/api.md", "[back](../CONTRIBUTING.md) [lost](lessons.md) [wrong](docs/lessons.md)", files)).toEqual(["docs/api.md: link docs/lessons.md"]);
  });
});
