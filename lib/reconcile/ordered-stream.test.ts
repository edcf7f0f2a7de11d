import { describe, expect, it } from "vitest";
import { streamInOrder, type OrderedStreamOptions } from "./ordered-stream";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Items 0…n-1 in pages of `page`; work finishes out of order (later items often first).
function harness(n: number, page: number, overrides: Partial<OrderedStreamOptions<number, number>> = {}) {
  const batches: number[][] = [];
  let inFlight = 0;
  let peak = 0;
  const loads: Array<number | null> = [];
  const options: OrderedStreamOptions<number, number> = {
    load: async (after) => {
      loads.push(after);
      const from = after === null ? 0 : after + 1;
      return Array.from({ length: Math.max(0, Math.min(page, n - from)) }, (_, i) => from + i);
    },
    work: async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick((i * 7) % 5);
      inFlight--;
      return i * 10;
    },
    commit: async (results) => {
      await tick(1);
      batches.push(results);
    },
    limit: () => 3,
    more: () => true,
    batchSize: 4,
    ...overrides,
  };
  return { options, batches, loads, peak: () => peak };
}

describe("streamInOrder", () => {
  it("commits every result once, in the original order, in batches, never more than the limit in flight", async () => {
    const h = harness(23, 5);
    expect(await streamInOrder(h.options)).toBe(true);
    expect(h.batches.flat()).toEqual(Array.from({ length: 23 }, (_, i) => i * 10));
    expect(h.batches.every((b) => b.length > 0 && b.length <= 23)).toBe(true);
    expect(h.peak()).toBeLessThanOrEqual(3);
    expect(h.peak()).toBeGreaterThan(1);
    expect(h.loads.slice(0, 2)).toEqual([null, 4]); // keyset: each load starts after the last item loaded
  });

  it("reads the limit before every start, so a lowered limit takes effect", async () => {
    let limit = 6;
    const h = harness(40, 10, { limit: () => limit });
    const run = streamInOrder(h.options);
    await tick(5);
    limit = 1;
    const peakBefore = h.peak();
    expect(await run).toBe(true);
    expect(peakBefore).toBeGreaterThan(1);
    expect(h.batches.flat()).toHaveLength(40);
  });

  it("stops starting when told, and commits only a finished prefix", async () => {
    let started = 0;
    const h = harness(100, 10, {
      more: () => started < 17,
      work: async (i) => {
        started++;
        await tick(i % 3);
        return i;
      },
    });
    expect(await streamInOrder(h.options)).toBe(false);
    expect(h.batches.flat()).toEqual(Array.from({ length: 17 }, (_, i) => i));
  });

  it("an empty source is finished at once", async () => {
    const h = harness(0, 10);
    expect(await streamInOrder(h.options)).toBe(true);
    expect(h.batches).toEqual([]);
  });

  it("a failing item stops the stream: what is in flight lands, nothing after the gap is committed, the error is thrown", async () => {
    let settled = 0;
    const h = harness(50, 10, {
      work: async (i) => {
        await tick(2);
        settled++;
        if (i === 12) throw new Error("boom");
        return i;
      },
    });
    await expect(streamInOrder(h.options)).rejects.toThrow("boom");
    const committed = h.batches.flat();
    expect(committed).toEqual(Array.from({ length: committed.length }, (_, i) => i));
    expect(committed.length).toBeLessThanOrEqual(12);
    expect(settled).toBeLessThan(50);
  });

  it("a failing commit is thrown too", async () => {
    const h = harness(30, 10, {
      commit: async () => {
        throw new Error("database gone");
      },
    });
    await expect(streamInOrder(h.options)).rejects.toThrow("database gone");
  });
});
