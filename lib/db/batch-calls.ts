// Natural batching: calls that arrive while every slot is busy are sent
// together, as one batch, when a slot frees up. A call that finds a slot free
// goes at once, alone, so nothing waits on a timer: batches form only under
// load, exactly when one statement for many rows saves the most (one round
// trip, one commit and one WAL flush instead of one each).

export interface BatchOptions<T> {
  /** Batches in flight at once: the connections they may use. */
  slots: number;
  /** The most calls one batch carries. */
  maxBatch: number;
  /** With `weigh`: the most weight one batch carries (a single heavier call still goes, alone). */
  maxWeight?: number;
  weigh?: (item: T) => number;
}

/**
 * Wraps `run`, which answers a batch of items with one result per item in the
 * same order, into a function of one item. If `run` throws, every call of
 * that batch rejects with its error.
 */
export function batchCalls<T, R>(run: (items: T[]) => Promise<R[]>, opts: BatchOptions<T>): (item: T) => Promise<R> {
  const waiting: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;

  const send = () => {
    while (inFlight < opts.slots && waiting.length > 0) {
      const batch = waiting.splice(0, batchLength());
      inFlight++;
      run(batch.map((w) => w.item))
        .then(
          (results) => batch.forEach((w, i) => w.resolve(results[i]!)),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          inFlight--;
          send();
        });
    }
  };

  /** How many of the waiting calls the next batch takes: at least one, then while count and weight allow. */
  const batchLength = () => {
    const { weigh = () => 0, maxWeight = Infinity } = opts;
    let weight = weigh(waiting[0]!.item);
    let n = 1;
    while (n < Math.min(opts.maxBatch, waiting.length)) {
      weight += weigh(waiting[n]!.item);
      if (weight > maxWeight) break;
      n++;
    }
    return n;
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      send();
    });
}
