// A fixed-window counter per key, in this process's memory. Enough to stop one
// client hammering a public page; not a quota across instances.
export function createRateLimiter({
  limit,
  windowMs,
  maxKeys = 10_000,
}: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}) {
  const windows = new Map<string, { start: number; count: number }>();
  return function allow(key: string, now = Date.now()): boolean {
    let w = windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (windows.size >= maxKeys) windows.clear(); // bounded memory beats perfect fairness
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    return w.count <= limit;
  };
}
