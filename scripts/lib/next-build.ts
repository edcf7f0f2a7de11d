// `npm start` builds only when the sources changed since the last build.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "i18n",
  "instrumentation-client.ts",
  "messages",
  "public",
  "next.config.ts",
  "proxy.ts",
  "package.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const SKIP = new Set(["generated", "node_modules"]);

function newestMtime(entry: string): number {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (!SKIP.has(child)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function buildIsStale(root: string): boolean {
  let built: number;
  try {
    built = statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

export function nextBuild(root: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}
