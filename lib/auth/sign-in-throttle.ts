// Slows down password guessing: after a few failures for one email (or from one
// address) within the window, each further try must wait, doubling up to a cap.
import type { Db } from "@/lib/db/prisma";

const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES = 4;
const MAX_WAIT_MS = 5 * 60_000;
// An address is allowed more: an office behind one NAT shares it.
const ADDRESS_FACTOR = 5;

export function waitAfterFailures(failures: number, free = FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(1_000 * 2 ** (failures - free), MAX_WAIT_MS);
}

export async function signInRetryAfterMs(db: Db, email: string, address: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byEmail, byAddress] = await Promise.all([
    db.signInFailure.aggregate({ where: { email, createdAt: { gt: since } }, _count: true, _max: { createdAt: true } }),
    db.signInFailure.aggregate({
      where: { address, createdAt: { gt: since } },
      _count: true,
      _max: { createdAt: true },
    }),
  ]);
  const until = (count: number, last: Date | null, free: number) =>
    last ? last.getTime() + waitAfterFailures(count, free) - now.getTime() : 0;
  return Math.max(
    0,
    until(byEmail._count, byEmail._max.createdAt, FREE_FAILURES),
    until(byAddress._count, byAddress._max.createdAt, FREE_FAILURES * ADDRESS_FACTOR),
  );
}

export async function recordSignInFailure(db: Db, email: string, address: string): Promise<void> {
  await db.signInFailure.create({ data: { email, address } });
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email } });
}
