// Runs `work` over `items` with at most `limit` at a time, in order, starting
// a new item only while `more()` holds. Every started item is awaited, so what
// finished is always a prefix of `items` — which is what lets a cursor say
// "everything up to here is done".
export async function mapPrefix<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
  more: () => boolean,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length && more()) {
      const i = next++;
      try {
        results[i] = await work(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
  if (failure) throw failure.error;
  return results;
}
