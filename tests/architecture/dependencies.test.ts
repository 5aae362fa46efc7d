// The code's imports keep the layering docs/architecture.md draws: checked on the whole tree with dependency-cruiser,
// and each rule shown to catch what it forbids on a small tree made to break it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { describe, expect, it } from "vitest";
import { DEPENDENCY_RULES } from "./dependency-rules";

async function violations(root: string, folders: string[]): Promise<{ found: string[]; modules: string[] }> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const { output } = await cruise(folders, {
      validate: true,
      ruleSet: { forbidden: DEPENDENCY_RULES },
      doNotFollow: { path: "node_modules" },
      exclude: { path: "node_modules|^[.]build|^[.]next" },
      tsPreCompilationDeps: true,
      combinedDependencies: true,
    }, { extensions: [".ts", ".tsx", ".mjs", ".js"] });
    const result = output as ICruiseResult;
    const found = result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}${violation.cycle ? ` (${violation.cycle.map((step) => step.name).join(" → ")})` : ""}`);
    return { found, modules: result.modules.map((module) => module.source) };
  } finally {
    process.chdir(previous);
  }
}

describe("the code's imports", () => {
  it("keep every layering rule, with no import circle", { timeout: 120_000 }, async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const { found, modules } = await violations(root, ["lib", "components", "app", "sandbox-services", "server.ts"]);
    expect(found).toEqual([]);
    // The tree was really read: the server, the composition root and the screens are among what was checked.
    expect(modules).toEqual(expect.arrayContaining(["server.ts", "lib/composition-root.ts", "lib/sandbox/sandbox.ts", "components/screen/SandboxScreen.tsx"]));
    expect(modules.length).toBeGreaterThan(300);
  });
});

describe("the layering rules", () => {
  const tree = (files: Record<string, string>): string => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "layers-"));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    return root;
  };

  it("catch a circle, the sandbox reaching into the lessons, the composition root imported from below, and test code in what ships", { timeout: 60_000 }, async () => {
    const root = tree({
      "lib/sandbox/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "lib/sandbox/b.ts": 'import { a } from "./a";\nimport { lesson } from "../lessons/lesson";\nexport const b = () => [a, lesson];\n',
      "lib/lessons/lesson.ts": "export const lesson = 1;\n",
      "lib/sandbox/traffic/t.ts": 'import { compose } from "../../composition-root";\nexport const t = compose;\n',
      "lib/composition-root.ts": "export const compose = 1;\n",
      "lib/contract/shape.ts": 'import { t } from "../sandbox/traffic/t";\nexport const shape = t;\n',
      "lib/client/page.ts": 'import { fixture } from "./testing/fixture";\nexport const page = fixture;\n',
      "lib/client/testing/fixture.ts": "export const fixture = 1;\n",
      "sandbox-services/x/src/s.ts": 'import { page } from "../../../lib/client/page";\nexport const s = page;\n',
    });
    try {
      const { found } = await violations(root, ["lib", "sandbox-services"]);
      const rules = new Set(found.map((line) => line.split(":")[0]));
      expect([...rules].sort()).toEqual(["composition-root-only-from-the-server", "contract-stands-alone", "no-circular", "sandbox-not-lessons", "services-only-contract", "testing-only-from-tests"]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
