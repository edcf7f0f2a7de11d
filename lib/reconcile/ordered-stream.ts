// Works through a long keyset-ordered list without stopping at page ends:
// items are loaded a page ahead, started as the concurrency limit allows
// (it may change between starts), and handed to `commit` in their original
// order, a batch at a time, while later items are still in flight. Only a
// finished prefix is ever committed, so a cursor saved with each batch says
// "everything up to here is done" — what lets a run cut short resume.
// Commits run one after another; a failing work item or commit stops new
// starts, waits for what is in flight, and rethrows.

export interface OrderedStreamOptions<T, R> {
  /** The next items after the last one loaded; empty when there are no more. */
  load(after: T | null): Promise<T[]>;
  work(item: T): Promise<R>;
  commit(results: R[]): Promise<void>;
  /** Read before every start. */
  limit(): number;
  /** Keep starting new items while this holds (a time budget). */
  more(): boolean;
  /** Commit once this many finished in order… */
  batchSize: number;
  /** …or once the oldest uncommitted result is this old. */
  maxDelayMs?: number;
}

/** True when every item was worked on and committed; false when `more()` ended it first. */
export async function streamInOrder<T, R>(o: OrderedStreamOptions<T, R>): Promise<boolean> {
  const maxDelayMs = o.maxDelayMs ?? 1_000;
  const items = new Map<number, T>();
  const results = new Map<number, R>();
  let loaded = 0; // items ever loaded
  let started = 0;
  let committed = 0;
  let inFlight = 0;
  let sourceDone = false;
  let last: T | null = null;
  let failure: { error: unknown } | undefined;
  let committing: Promise<void> | null = null;
  let firstWaitingSince: number | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const readyPrefix = () => {
    let n = committed;
    while (results.has(n)) n++;
    return n - committed;
  };

  const flush = (force: boolean) => {
    if (committing || failure) return;
    const ready = readyPrefix();
    const due =
      ready >= o.batchSize ||
      (ready > 0 && (force || (firstWaitingSince !== null && Date.now() - firstWaitingSince >= maxDelayMs)));
    if (!due) return;
    const batch: R[] = [];
    for (let i = committed; i < committed + ready; i++) {
      batch.push(results.get(i)!);
      results.delete(i);
    }
    committed += ready;
    firstWaitingSince = results.size > 0 ? Date.now() : null;
    committing = o.commit(batch).then(
      () => {
        committing = null;
        notify();
      },
      (error: unknown) => {
        failure ??= { error };
        committing = null;
        notify();
      },
    );
  };

  const start = (index: number) => {
    const item = items.get(index)!;
    items.delete(index);
    inFlight++;
    o.work(item).then(
      (result) => {
        results.set(index, result);
        firstWaitingSince ??= Date.now();
        inFlight--;
        flush(false);
        notify();
      },
      (error: unknown) => {
        failure ??= { error };
        inFlight--;
        notify();
      },
    );
  };

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  for (;;) {
    if (failure) break;
    // Keep a page's worth ahead of the starts so the next start never waits for the database.
    if (!sourceDone && loaded - started <= o.batchSize) {
      const page = await o.load(last);
      if (page.length === 0) sourceDone = true;
      for (const item of page) items.set(loaded++, item);
      last = page.at(-1) ?? last;
      continue;
    }
    const canStart = started < loaded && o.more();
    if (canStart && inFlight < Math.max(1, o.limit())) {
      start(started++);
      continue;
    }
    if (!canStart && inFlight === 0) break;
    flush(false);
    await idle(maxDelayMs);
  }

  // Let what is in flight land, then commit what finished in order.
  while (inFlight > 0 || committing) await idle(maxDelayMs);
  if (!failure) flush(true);
  while (committing) await idle(maxDelayMs);
  if (failure) throw failure.error;
  return sourceDone && started === loaded && committed === loaded;
}
