// ESLint: typescript-eslint (syntactic rules only, no type information: fast on
// small machines), Next's rules, React hooks, and the import rules that keep the
// layers: app → components → lib/<domain>, no import cycle between files or
// between lib domains, and production code never reaching the Points double or
// test helpers.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import noDomainCycle from "./eslint-rules/no-domain-cycle.mjs";

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/test-helpers.ts", "lib/testing/**"];
// Runs only in development and tests: the Points double and the local tooling.
const DEV_ONLY = ["lib/sim/**", "lib/dev/**"];

// Layers: a lower layer never imports a higher one. Client components may call
// the server actions of app (files named *actions.ts): that is how Next exposes them.
const LAYERS = [
  { target: "./lib", from: "./app", message: "lib is below app: move what both need into lib." },
  { target: "./lib", from: "./components", message: "lib is below components: move what both need into lib." },
  {
    target: "./components",
    from: "./app/**",
    except: ["**/*actions.ts"],
    message: "components are below app: move what both need into lib (only server actions may be imported).",
  },
];
const NO_DOUBLE = {
  target: "./{app,components,lib}/**",
  from: ["./lib/sim/**", "./lib/testing/**", "./**/*.test.ts", "./**/*.test.tsx", "./**/test-helpers.ts"],
  message: "production code never imports the Points double or test helpers.",
};

export default tseslint.config(
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      "prisma/migrations/**",
      ".data/**",
      "next-env.d.ts",
      "playwright-report/**",
      "test-results/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  nextPlugin.configs.recommended,
  nextPlugin.configs["core-web-vitals"],
  reactHooks.configs.flat.recommended,
  {
    plugins: { "import-x": importX, local: { rules: { "no-domain-cycle": noDomainCycle } } },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "local/no-domain-cycle": ["error", { ignore: ["generated"] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: [...TESTS, ...DEV_ONLY],
    rules: { "import-x/no-restricted-paths": ["error", { zones: [...LAYERS, NO_DOUBLE] }] },
  },
  {
    files: DEV_ONLY,
    ignores: TESTS,
    rules: { "import-x/no-restricted-paths": ["error", { zones: LAYERS }] },
  },
  // Tests read JSON answers of any shape.
  { files: TESTS, rules: { "@typescript-eslint/no-explicit-any": "off" } },
  { files: ["**/*.mjs"], languageOptions: { globals: globals.node } },
);
