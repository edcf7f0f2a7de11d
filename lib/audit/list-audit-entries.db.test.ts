import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { getLogger } from "@/lib/log/logger";
import { parseAuditQuery, type AuditQuery } from "./audit-filters";
import { openAuditCsv } from "./export-audit-csv";
import { auditEntryBatches, listAuditEntries, type AuditRow } from "./list-audit-entries";

let database: TestDatabase;
let db: Db;
const base = new Date("2026-04-18T07:00:00.000Z"); // 10:00 in Riyadh
const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);

// [minute, actor, action, target]; minutes 3 and 5 hold several entries each, so ties on created_at are exercised.
const ENTRIES: Array<[number, "admin" | "support" | null, string, string | null]> = [
  [0, "admin", "auth.sign_in", "admin@example.com"],
  [1, null, "auth.sign_in_failed", "nobody@example.com"],
  [2, "support", "auth.sign_in", "support@example.com"],
  [3, "support", "order.refund_requested", "order:ORD-1001"],
  [3, "admin", "order.refund_approved", "order:ORD-1001"],
  [3, "admin", "order.refund", "order:ORD-1001"],
  [4, "admin", "webhook.replay", "webhook_delivery:7"],
  [5, "admin", "webhook.bulk_replay", null],
  [5, "support", "order.cancel", "order:ORD_1002"],
  [6, "support", "auth.sign_out", null],
  [7, "admin", "order.shipping", "order:ORD%1003"],
  [8, "admin", "order.complete", "order:ORD\\1004"],
];

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "audit_entries" });
  db = createDb(database.url);
  const admin = await db.user.create({ data: { email: "Admin@Example.com", name: "Demo Admin", role: "admin" } });
  const support = await db.user.create({
    data: { email: "support@example.com", name: "Demo Support", role: "support" },
  });
  const ids = { admin: admin.id, support: support.id };
  for (const [minute, actor, action, target] of ENTRIES) {
    await db.auditLog.create({
      data: { actorId: actor && ids[actor], action, target, detail: { minute }, createdAt: at(minute) },
    });
  }
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

function query(init: Record<string, string>): AuditQuery {
  const result = parseAuditQuery(new URLSearchParams(init));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The database as the export sees it, counting its queries; query number `failAt` fails. */
function counting(real: Db, failAt = Infinity) {
  let n = 0;
  const findMany = (args: Parameters<Db["auditLog"]["findMany"]>[0]) => {
    n += 1;
    return n === failAt ? Promise.reject(new Error("database went away")) : real.auditLog.findMany(args);
  };
  return { wrapped: { auditLog: { findMany } } as unknown as Db, calls: () => n };
}

const actions = (rows: AuditRow[]) => rows.map((r) => r.action);
const all = async (init: Record<string, string> = {}) => (await listAuditEntries(db, query(init), 100)).rows;

function isNewestFirst(rows: AuditRow[]): boolean {
  return rows.every((r, i) => {
    const prev = rows[i - 1];
    return !prev || prev.createdAt > r.createdAt || (prev.createdAt === r.createdAt && BigInt(prev.id) > BigInt(r.id));
  });
}

// ignoreBOM keeps the byte order mark, as a saved download keeps it.
async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("listAuditEntries", () => {
  it("lists newest first, ties broken by id, with actor and detail", async () => {
    const page = await listAuditEntries(db, {}, 100);
    expect(page.rows).toHaveLength(ENTRIES.length);
    expect(isNewestFirst(page.rows)).toBe(true);
    expect(page).toMatchObject({ prevCursor: null, nextCursor: null });
    expect(page.rows[0]).toMatchObject({
      action: "order.complete",
      actor: { name: "Demo Admin", email: "Admin@Example.com" },
      detail: { minute: 8 },
      createdAt: at(8).toISOString(),
    });
    expect(page.rows.find((r) => r.action === "auth.sign_in_failed")?.actor).toBeNull();
  });

  it("pages older and back newer without gaps or duplicates, across ties", async () => {
    const everything = (await all()).map((r) => r.id);
    const seen: string[] = [];
    let page = await listAuditEntries(db, {}, 4);
    const pages = [page];
    seen.push(...page.rows.map((r) => r.id));
    while (page.nextCursor) {
      page = await listAuditEntries(db, query({ older: page.nextCursor }), 4);
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(everything);
    expect(pages.map((p) => p.rows.length)).toEqual([4, 4, 4]);
    expect(pages[0]!.prevCursor).toBeNull();
    expect(pages.at(-1)!.nextCursor).toBeNull();

    const back = await listAuditEntries(db, query({ newer: pages[2]!.prevCursor! }), 4);
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    const top = await listAuditEntries(db, query({ newer: pages[1]!.prevCursor! }), 4);
    expect(top.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(top.prevCursor).toBeNull();
  });

  it("pages a filtered view without gaps or duplicates", async () => {
    const expected = (await all({ action: "order.*" })).map((r) => r.id);
    const first = await listAuditEntries(db, query({ action: "order.*" }), 2);
    const second = await listAuditEntries(db, query({ action: "order.*", older: first.nextCursor! }), 2);
    const third = await listAuditEntries(db, query({ action: "order.*", older: second.nextCursor! }), 2);
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.id)).toEqual(expected);
    expect(third.nextCursor).toBeNull();
  });
});

describe("filters", () => {
  it("by actor email, ignoring case, leaving out entries without an actor", async () => {
    const rows = await all({ actor: "admin@example" });
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.actor?.email === "Admin@Example.com")).toBe(true);
    expect(await all({ actor: "nobody" })).toEqual([]);
  });

  it("by action prefix or exact action", async () => {
    expect(actions(await all({ action: "auth.*" }))).toEqual([
      "auth.sign_out",
      "auth.sign_in",
      "auth.sign_in_failed",
      "auth.sign_in",
    ]);
    expect(actions(await all({ action: "webhook.*" }))).toEqual(["webhook.bulk_replay", "webhook.replay"]);
    expect(actions(await all({ action: "order.refund" }))).toEqual(["order.refund"]);
    expect(await all({ action: "order.unknown" })).toEqual([]);
  });

  it("by part of the target, ignoring case; the typed email of a failed sign-in is found", async () => {
    expect(actions(await all({ target: "ord-1001" }))).toEqual([
      "order.refund",
      "order.refund_approved",
      "order.refund_requested",
    ]);
    expect(await all({ target: "nobody@" })).toMatchObject([{ action: "auth.sign_in_failed", actor: null }]);
  });

  it("treats % and _ in a text filter as themselves, not as wildcards", async () => {
    expect(actions(await all({ target: "ORD_" }))).toEqual(["order.cancel"]);
    expect(actions(await all({ target: "ORD%" }))).toEqual(["order.shipping"]);
    expect(actions(await all({ target: "ORD\\" }))).toEqual(["order.complete"]);
  });

  it("by time range, inclusive, with typed times read as Riyadh time", async () => {
    const rows = await all({ from: "2026-04-18T10:03", to: "2026-04-18T10:05" });
    expect(rows.map((r) => r.createdAt)).toEqual(
      [at(5), at(5), at(4), at(3), at(3), at(3)].map((d) => d.toISOString()),
    );
    expect(await all({ from: "2026-04-18T07:06:00Z" })).toHaveLength(3);
  });

  it("combines filters", async () => {
    expect(actions(await all({ actor: "support", action: "order.*", target: "1002" }))).toEqual(["order.cancel"]);
  });

  it("keeps an entry whose actor was deleted, without the actor", async () => {
    const gone = await db.user.create({ data: { email: "gone@example.com", name: "Gone", role: "ops" } });
    const entry = await db.auditLog.create({ data: { actorId: gone.id, action: "auth.sign_out", createdAt: at(-10) } });
    await db.user.delete({ where: { id: gone.id } });
    const rows = await all({ to: "2026-04-18T09:55" });
    expect(rows).toMatchObject([{ id: entry.id.toString(), actor: null }]);
    await db.auditLog.delete({ where: { id: entry.id } });
  });
});

describe("export", () => {
  it("reads every matching entry once, in batches, newest first", async () => {
    const batches: AuditRow[][] = [];
    for await (const batch of auditEntryBatches(db, {}, 3)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 3]);
    expect(batches.flat().map((r) => r.id)).toEqual((await all()).map((r) => r.id));
  });

  it("streams the CSV across batch boundaries with the filter applied", async () => {
    const text = await readText(await openAuditCsv(db, { actor: "admin" }, "en", 2));
    expect(text.startsWith("\uFEFFid,time_riyadh,actor_name,actor_email,action,target,detail\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(
      /^\d+,2026-04-18T10:08:00\.000\+03:00,Demo Admin,Admin@Example\.com,order\.complete,order:ORD\\1004,"\{""minute"":8\}"$/,
    );
    expect(lines.map((l) => l.split(",")[4])).toEqual(actions(await all({ actor: "admin" })));
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("sends only the header when nothing matches", async () => {
    expect(await readText(await openAuditCsv(db, { action: "order.unknown" }, "en"))).toBe(
      "\uFEFFid,time_riyadh,actor_name,actor_email,action,target,detail\r\n",
    );
  });

  it("stops querying when the download is cancelled", async () => {
    const { wrapped, calls } = counting(db);
    const reader = (await openAuditCsv(wrapped, {}, "en", 2)).getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // at most the one batch already asked for when the reader left, never the remaining five
    expect(calls()).toBeLessThanOrEqual(2);
  });

  it("fails before sending anything when the first batch cannot be read", async () => {
    const { wrapped } = counting(db, 1);
    await expect(openAuditCsv(wrapped, {}, "en", 2)).rejects.toThrow("database went away");
  });

  it("errors the stream, rather than ending it cleanly, when a later batch fails", async () => {
    const { wrapped } = counting(db, 3);
    const logged = vi.spyOn(getLogger(), "error").mockImplementation(() => {});
    await expect(readText(await openAuditCsv(wrapped, {}, "en", 2))).rejects.toThrow("The audit export failed.");
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
