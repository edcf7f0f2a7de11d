// Saved views on a real database: the canonical query is stored, a name is
// one view per user and list (saving again replaces it), the number of views
// is bounded, and nobody deletes or sees another person's views.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { deleteView, listSavedViews, saveView, saveViewInput } from "./saved-views";
import { MAX_VIEWS_PER_LIST } from "./view-limits";

let database: TestDatabase;
let db: Db;
let ana: string;
let omar: string;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "saved_views" });
  db = createDb(database.url);
  ana = (await db.user.create({ data: { email: "ana@example.com", name: "Ana", role: "ops" } })).id;
  omar = (await db.user.create({ data: { email: "omar@example.com", name: "Omar", role: "ops" } })).id;
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const save = (userId: string, list: "webhooks" | "orders", name: string, query: string) =>
  db.$transaction((tx) => saveView(tx, userId, { list, name, query }));

describe("saved views", () => {
  it("stores the list's own query, replaces a view saved again under its name, and lists by name", async () => {
    const first = await save(ana, "webhooks", "Failed", "to=&status=failed&older=1_2");
    expect(first).toMatchObject({ ok: true, replaced: false, view: { name: "Failed", query: "status=failed" } });
    const again = await save(ana, "webhooks", "Failed", "status=failed&event=captured");
    expect(again).toMatchObject({ ok: true, replaced: true, view: { query: "event=captured&status=failed" } });
    await save(ana, "webhooks", "All captured", "event=captured");
    await save(ana, "orders", "Failed", "status=cancelled");

    expect((await listSavedViews(db, ana, "webhooks")).map((v) => [v.name, v.query])).toEqual([
      ["All captured", "event=captured"],
      ["Failed", "event=captured&status=failed"],
    ]);
    expect(await listSavedViews(db, omar, "webhooks")).toEqual([]);
  });

  it("refuses filters the list would refuse, and stores nothing", async () => {
    expect(await save(ana, "webhooks", "Bad", "from=0000-01-01T00:00")).toEqual({
      ok: false,
      reason: "query",
      error: 'The filter "from" must be a date and time.',
    });
    expect((await listSavedViews(db, ana, "webhooks")).map((v) => v.name)).not.toContain("Bad");
  });

  it("keeps names bounded and free of what the store cannot hold", () => {
    const parse = (name: string) => saveViewInput.safeParse({ list: "orders", name, query: "" }).success;
    expect(parse("  Cancelled this week  ")).toBe(true);
    expect(parse("طلبات ملغاة")).toBe(true);
    expect(parse("   ")).toBe(false);
    expect(parse("x".repeat(81))).toBe(false);
    expect(parse("a\u0000b")).toBe(false);
    expect(saveViewInput.safeParse({ list: "users", name: "x", query: "" }).success).toBe(false);
    expect(saveViewInput.safeParse({ list: "orders", name: "x", query: "q=".padEnd(2_001, "a") }).success).toBe(false);
  });

  it("stops at the most views a list can hold, but still replaces an existing one", async () => {
    for (let i = 0; i < MAX_VIEWS_PER_LIST; i++) await save(omar, "orders", `View ${i}`, `q=N${i}`);
    expect(await save(omar, "orders", "One more", "q=x")).toEqual({ ok: false, reason: "tooMany" });
    expect(await save(omar, "orders", "View 0", "q=changed")).toMatchObject({ ok: true, replaced: true });
  });

  it("deletes only the user's own view", async () => {
    const [view] = await listSavedViews(db, ana, "webhooks");
    expect(await db.$transaction((tx) => deleteView(tx, omar, view!.id))).toBeNull();
    expect(await db.$transaction((tx) => deleteView(tx, ana, view!.id))).toEqual({
      name: view!.name,
      list: "webhooks",
    });
    expect((await listSavedViews(db, ana, "webhooks")).map((v) => v.id)).not.toContain(view!.id);
  });
});
