// Natural batching: calls that arrive while every slot is busy are sent
// together, as one batch, when a slot frees up. A call that finds a slot free
// goes at once, alone, so nothing waits on a timer: batches form only under
// load, exactly when one statement for many rows saves the most (one round
// trip, one commit and one WAL flush instead of one each).

export interface BatchOptions {
  /** Batches in flight at once: the connections they may use. */
  slots: number;
  /** The most calls one batch carries. */
  maxBatch: number;
}

/**
 * Wraps `run`, which answers a batch of items with one result per item in the
 * same order, into a function of one item. If `run` throws, every call of
 * that batch rejects with its error.
 */
export function batchCalls<T, R>(run: (items: T[]) => Promise<R[]>, opts: BatchOptions): (item: T) => Promise<R> {
  const waiting: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;

  const send = () => {
    while (inFlight < opts.slots && waiting.length > 0) {
      const batch = waiting.splice(0, opts.maxBatch);
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

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      send();
    });
}
