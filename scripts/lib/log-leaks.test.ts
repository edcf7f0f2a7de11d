import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findLeaks, PLANTED } from "./log-leaks";

const file = path.join(mkdtempSync(path.join(tmpdir(), "leaks-")), "server.log");
const env = {
  POINTS_WEBHOOK_SECRETS: "whsec-new,whsec-old",
  AUTH_SECRET: "auth-secret-value",
  CRON_SECRET: "cron-secret-value",
};

describe("findLeaks", () => {
  it("names each configured secret or planted value found in the log", () => {
    writeFileSync(
      file,
      `{"msg":"x","h":"whsec-old"}\n{"msg":"call ${PLANTED[0]}"}\n{"key":"points-demo-private-key"}\n`,
    );
    expect(findLeaks(file, env).sort()).toEqual(
      ["POINTS_PRIVATE_KEY", "POINTS_WEBHOOK_SECRETS", "a planted value", "a planted value"].sort(),
    );
  });

  it("finds nothing in a clean log", () => {
    writeFileSync(file, `{"msg":"server started","phone":"******67","secret":"[redacted]"}\n`);
    expect(findLeaks(file, env)).toEqual([]);
  });
});
