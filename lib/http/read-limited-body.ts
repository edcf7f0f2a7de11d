// Reads a request body as text, stopping as soon as it passes the limit:
// Content-Length is only a hint and is not trusted.
import type { Readable } from "node:stream";

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body is larger than ${limit} bytes`);
  }
}

/** A web stream (route handlers) or any async iterable of bytes (node:http requests). */
export type BodySource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export async function readLimitedBody(body: BodySource | null, limit: number): Promise<string> {
  return (await readLimitedBytes(body, limit)).toString("utf8");
}

/** The body's bytes as sent, for a caller that must keep what is not valid UTF-8. */
export async function readLimitedBytes(body: BodySource | null, limit: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  if (isNodeStream(body)) return readNodeStream(body, limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream, so an oversized body is not read to its end.
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

const isNodeStream = (body: BodySource): body is Readable & AsyncIterable<Uint8Array> =>
  typeof (body as Partial<Readable>).on === "function";

/**
 * A node:http request, read with its events: its async iterator costs every
 * request a few promises and listeners more, on the receiver's hottest path.
 * Past the limit it stops reading (paused, not destroyed: the socket must still
 * carry the 413, with `connection: close`); a request that closes before its
 * end is refused.
 */
function readNodeStream(stream: Readable, limit: number): Promise<Buffer> {
  if (stream.destroyed) return Promise.reject(new Error("the body was closed before it was read"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      stream.off("data", onData).off("end", onEnd).off("error", settle).off("close", onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      settle(new BodyTooLarge(limit));
      stream.pause();
    };
    const onEnd = () => settle();
    const onClose = () => settle(new Error("the body ended before it was complete"));
    stream.on("data", onData).on("end", onEnd).on("error", settle).on("close", onClose);
  });
}
