// Reads a request body as text, stopping as soon as it passes the limit:
// Content-Length is only a hint and is not trusted.
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
