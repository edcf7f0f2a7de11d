import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/require-user";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { flattenThresholds, parseThresholdsForm, resetThresholds, saveThresholds } from "./save-thresholds";
import { defaultThresholds, loadThresholds } from "./thresholds";

let database: TestDatabase;
let db: Db;
let admin: StaffUser;

const form = (patch: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(flattenThresholds(defaultThresholds())).map(([k, v]) => [k, String(v)])),
  ...patch,
});

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "alert_thresholds" });
  db = createDb(database.url);
  admin = await db.user.create({
    data: { email: "admin@example.com", name: "Admin", role: "admin" },
    select: { id: true, email: true, name: true, role: true },
  });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("alert thresholds form", () => {
  it("reports every bad field by its form name and saves nothing", () => {
    const parsed = parseThresholdsForm(
      form({ "points5xx.minCount": "0", "spike.factor": "", "spike.baselineMinutes": "3" }),
    );
    expect(parsed).toEqual({
      ok: false,
      message: "Nothing was saved: 3 fields need a different value.",
      fieldErrors: {
        "points5xx.minCount": "must be at least 1 (a count)",
        "spike.factor": "enter a number",
        "spike.baselineMinutes": "must be longer than the spike window, or there is nothing to compare with",
      },
    });
  });

  it("saves the values, audits what changed, and the evaluator reads them", async () => {
    const parsed = parseThresholdsForm(form({ "points5xx.windowMinutes": "1", "spike.factor": "2.5" }));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await saveThresholds(db, admin, parsed.value)).toEqual({
      ok: true,
      message: "Saved 2 changes; the next evaluation uses them.",
    });
    const now = await loadThresholds(db);
    expect(now.points5xx).toEqual({ windowMinutes: 1, minCount: 1 });
    expect(now.spike.factor).toBe(2.5);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.alert_thresholds" } });
    expect(audit).toMatchObject({ actorId: admin.id, target: "alert_thresholds" });
    expect(audit.detail).toEqual({
      changes: [
        { field: "points5xx.windowMinutes", from: 10, to: 1 },
        { field: "spike.factor", from: 3, to: 2.5 },
      ],
    });
    expect(await saveThresholds(db, admin, parsed.value)).toEqual({ ok: true, message: "Nothing changed." });
  });

  it("resets to the defaults, audited", async () => {
    expect(await resetThresholds(db, admin)).toMatchObject({
      ok: true,
      message: "Back to the defaults; the next evaluation uses them.",
    });
    expect(await loadThresholds(db)).toEqual(defaultThresholds());
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.alert_thresholds_reset" } });
    expect(audit.detail).toEqual({
      changes: [
        { field: "points5xx.windowMinutes", from: 1, to: 10 },
        { field: "spike.factor", from: 2.5, to: 3 },
      ],
    });
    expect(await resetThresholds(db, admin)).toMatchObject({ message: "The defaults are already in force." });
  });
});
