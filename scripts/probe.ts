import { createTestDatabase } from "@/lib/db/test-database";
import { createDb } from "@/lib/db/prisma";
const d = await createTestDatabase({ prefix: "probe" });
const db = createDb(d.url);
try { await db.$transaction(async (tx) => { await tx.$executeRawUnsafe("select 1e13::numeric(12,2)"); }); } catch (e: any) {
  console.log(e.constructor.name, e.code, JSON.stringify(e.meta), Object.keys(e), e.cause?.code, e.message.slice(0,200));
}
try { await db.$executeRawUnsafe("select array_position($1::text[], $2)", ["a","b"], "b"); console.log("array ok") } catch (e: any) { console.log("arr", e.message.slice(0,300)); }
try { await db.$executeRawUnsafe("select '2026-01-01T00:00:00.123456Z'::timestamptz(3)"); console.log("tz3 ok") } catch (e: any) { console.log("tz3", e.message.slice(0,300)); }
console.log(Date.parse("2026-04-18T10:05:12.123456789Z"), Date.parse("2026-04-18T10:05:12.123456789+03:00"), Date.parse("0001-01-01T00:00:00Z"));
await db.$disconnect(); await d.drop();
