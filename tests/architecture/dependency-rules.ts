// The rules the code's imports keep, for dependency-cruiser: which folder may reach which, no import circle, and
// test-only code never loaded by what ships. Shared by the test that checks the tree and the one that checks the rules.
import type { IForbiddenRuleType } from "dependency-cruiser";

const TEST_FILE = "[.](test|spec)[.]tsx?$";

export const DEPENDENCY_RULES: IForbiddenRuleType[] = [
  {
    name: "no-circular",
    comment: "An import circle makes two files one: neither can be read, tested or moved without the other.",
    severity: "error",
    from: {},
    to: { circular: true },
  },
  {
    name: "sandbox-not-lessons",
    comment: "The sandbox runs processes; the lessons are wired to it where the app is composed (lib/composition-root.ts).",
    severity: "error",
    from: { path: "^lib/sandbox/" },
    to: { path: "^(lib/(lessons|classroom|client|composition-root)|components|app)/?" },
  },
  {
    name: "composition-root-only-from-the-server",
    comment: "The composition root builds everything: only the server (and what starts it) may import it.",
    severity: "error",
    from: { path: "^(lib|components|app|sandbox-services)/", pathNot: "^lib/composition-root[.]ts$" },
    to: { path: "^lib/composition-root[.]ts$" },
  },
  {
    name: "contract-stands-alone",
    comment: "lib/contract is the shapes every side shares: it imports none of the sides.",
    severity: "error",
    from: { path: "^lib/contract/" },
    to: { path: "^(lib/(?!contract/)|components|app|sandbox-services|server[.]ts)" },
  },
  {
    name: "services-only-contract",
    comment: "The shop's processes share only the contract with the app, never its server or browser code.",
    severity: "error",
    from: { path: "^sandbox-services/", pathNot: TEST_FILE },
    to: { path: "^(lib/(?!contract/)|components|app|server[.]ts)" },
  },
  {
    name: "testing-only-from-tests",
    comment: "A testing/ folder holds what tests are built from; nothing that ships loads it.",
    severity: "error",
    from: { path: "^(lib|components|app|sandbox-services)/", pathNot: `${TEST_FILE}|/testing/` },
    to: { path: "/testing/" },
  },
];
