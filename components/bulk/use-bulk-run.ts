"use client";
// Runs a bulk action over everything a filter matches, one server chunk at a
// time: each chunk answers where to continue, the tally grows as chunks come
// back, and a stop request takes effect between chunks (never mid-chunk, so no
// item is left half done). Reconciliation's bulk actions and webhook bulk
// replay both go through it; what a chunk does and reports is theirs.
import { useRef } from "react";

export type ChunkAnswer<C> = { ok: true; data: C } | { ok: false; message: string };

/** The part of a chunk's answer the loop reads. */
export interface Chunk {
  done: boolean;
  nextCursor: string | null;
}

export interface BulkOutcome<T> {
  tally: T;
  /** Why the server refused a chunk; the chunks before it stand. */
  refused: string | null;
  /** Stopped on request before the end. */
  stopped: boolean;
}

export function useBulkRun() {
  const stopRequested = useRef(false);

  async function run<T, C extends Chunk>(opts: {
    chunk: (cursor: string | null) => Promise<ChunkAnswer<C>>;
    start: T;
    add: (tally: T, chunk: C) => T;
    onProgress: (tally: T) => void;
  }): Promise<BulkOutcome<T>> {
    stopRequested.current = false;
    let tally = opts.start;
    opts.onProgress(tally);
    let cursor: string | null = null;
    for (;;) {
      const answer = await opts.chunk(cursor);
      if (!answer.ok) return { tally, refused: answer.message, stopped: false };
      tally = opts.add(tally, answer.data);
      opts.onProgress(tally);
      if (answer.data.done) return { tally, refused: null, stopped: false };
      if (stopRequested.current) return { tally, refused: null, stopped: true };
      cursor = answer.data.nextCursor;
    }
  }

  return { run, requestStop: () => void (stopRequested.current = true) };
}
