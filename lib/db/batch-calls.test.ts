import { describe, expect, it } from "vitest";
import { batchCalls } from "./batch-calls";

/** A `run` that records each batch it was given and answers when told to. */
function recorder() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve, reject) =>
      pending.push(() => (items.includes(-1) ? reject(new Error("bad batch")) : resolve(items.map((n) => n * 10)))),
    );
  };
  const answerAll = async () => {
    while (pending.length) pending.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { run, batches, answerAll };
}

describe("batchCalls", () => {
  it("sends a call at once while a slot is free, and what arrives meanwhile as one batch", async () => {
    const r = recorder();
    const call = batchCalls(r.run, { slots: 2, maxBatch: 100 });
    const results = [1, 2, 3, 4, 5].map((n) => call(n));
    expect(r.batches).toEqual([[1], [2]]);
    await r.answerAll();
    expect(r.batches).toEqual([[1], [2], [3, 4, 5]]);
    await r.answerAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50]);
  });

  it("never puts more than maxBatch calls in one batch", async () => {
    const r = recorder();
    const call = batchCalls(r.run, { slots: 1, maxBatch: 2 });
    const results = [1, 2, 3, 4, 5, 6].map((n) => call(n));
    for (let i = 0; i < 4; i++) await r.answerAll();
    expect(r.batches).toEqual([[1], [2, 3], [4, 5], [6]]);
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it("cuts a batch at maxWeight, and sends a call heavier than that alone", async () => {
    const r = recorder();
    const call = batchCalls(r.run, { slots: 1, maxBatch: 100, maxWeight: 10, weigh: (n) => n });
    const results = [1, 4, 5, 2, 30, 3].map((n) => call(n));
    for (let i = 0; i < 5; i++) await r.answerAll();
    expect(r.batches).toEqual([[1], [4, 5], [2], [30], [3]]);
    expect(await Promise.all(results)).toEqual([10, 40, 50, 20, 300, 30]);
  });

  it("rejects every call of a failed batch, and only those", async () => {
    const r = recorder();
    const call = batchCalls(r.run, { slots: 1, maxBatch: 10 });
    const first = call(1);
    const failed = [call(-1), call(2)].map((p) =>
      p.then(
        () => "ok",
        (e: Error) => e.message,
      ),
    );
    await r.answerAll();
    await r.answerAll();
    expect(await first).toBe(10);
    expect(await Promise.all(failed)).toEqual(["bad batch", "bad batch"]);
    const after = call(3);
    await r.answerAll();
    expect(await after).toBe(30);
  });
});
