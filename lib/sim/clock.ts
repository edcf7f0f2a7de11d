// The dashboard dedupes webhooks on (order.id, event, order.updated_at), so two
// changes of one order inside the same millisecond must still get distinct,
// ordered timestamps. One clock per sim instance guarantees that globally.
export interface Clock {
  next(): Date;
}

export function createClock(now: () => number = Date.now): Clock {
  let last = 0;
  return {
    next() {
      last = Math.max(now(), last + 1);
      return new Date(last);
    },
  };
}
