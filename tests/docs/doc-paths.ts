// The file paths and links a Markdown page names, and which of them do not exist in the repository.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Folders that are not the project's own files: installed, built or written by a run (a hidden folder too, such as
 * StrykerJS's sandbox copies of the sources, except the CI script's).
 */
const NOT_SOURCE = new Set(["node_modules", "test-results", "reports", "playwright-report"]);
const isSource = (name: string) => !NOT_SOURCE.has(name) && (!name.startsWith(".") || name === ".ci");

/**
 * Paths the pages name that a run creates rather than the repository holds (the services' build, the mutation
 * report, the test reports): named on purpose, never checked.
 */
const GENERATED = /^(\.build|reports|\.test-reports|test-results|node_modules|\.next)(\/|$)/;

/** Endings that make a backticked word a file name even without a folder ("deploy-strategies.ts"). */
const FILE_ENDING = /\.(ts|tsx|mjs|js|json|md|css|sh|png|svg)$/;

export interface Named {
  /** As written on the page. */
  text: string;
  /** How it was found: a Markdown link or a code span. */
  kind: "link" | "code";
}

/** Every file of the repository, relative to its root, for bare file names and folders. */
export function repositoryFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (isSource(name)) walk(full);
      } else files.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(root);
  return files;
}

/**
 * Markdown links (not to the web, a mail address or an anchor on the same page), and the words of code spans and
 * fenced blocks that look like paths: a command such as `npx vitest run lib/lessons` names a path too.
 */
export function namedPaths(markdown: string): Named[] {
  const named: Named[] = [];
  const fences = [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]);
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, "");
  for (const match of prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = match[1];
    if (/^([a-z][a-z0-9+.-]*:|#)/i.test(target)) continue;
    named.push({ text: target, kind: "link" });
  }
  const code = [...[...prose.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]), ...fences];
  for (const word of code.flatMap((text) => text.split(/\s+/))) {
    const text = word.replace(/^[(\[]+/, "").replace(/[).,;\]]+$/, "");
    // A URL path on the app (`/api/...`), an option, a header, a variable, a placeholder or a pattern is not a file.
    if (text === "" || /[:<>{}*?|$'"=,`\\]/.test(text) || /^[/-]/.test(text) || text.includes("...")) continue;
    if (text.includes("/") || FILE_ENDING.test(text)) named.push({ text, kind: "code" });
  }
  return named;
}

/**
 * Which named paths do not exist. A link resolves from the page's folder; a code span from the repository's root,
 * or, as a bare file name, anywhere in it. A code span with a folder whose first part is not one of the repository's
 * own (e.g. `application/json`) is not a path; one that is must exist.
 */
export function missingPaths(root: string, page: string, markdown: string, files: readonly string[]): string[] {
  const topLevel = new Set(readdirSync(root));
  const basenames = new Set(files.map((file) => file.slice(file.lastIndexOf("/") + 1)));
  const missing: string[] = [];
  for (const { text, kind } of namedPaths(markdown)) {
    const target = decodeURI(text.split("#")[0]);
    if (target === "") continue;
    if (kind === "link") {
      const resolved = path.relative(root, path.resolve(root, path.dirname(page), target)).split(path.sep).join("/");
      if (!GENERATED.test(resolved) && !existsSync(path.join(root, resolved))) missing.push(`${page}: link ${text}`);
      continue;
    }
    if (GENERATED.test(target)) continue;
    if (!target.includes("/")) {
      if (!basenames.has(target)) missing.push(`${page}: file name \`${text}\``);
      continue;
    }
    if (!topLevel.has(target.split("/")[0]) && !FILE_ENDING.test(target)) continue;
    if (!existsSync(path.join(root, target))) missing.push(`${page}: path \`${text}\``);
  }
  return missing;
}
