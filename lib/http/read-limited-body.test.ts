// The body reader over both sources it is given: a node:http request (read with
// its events) and a web stream (a route handler's request).
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { BodyTooLarge, readLimitedBytes } from "./read-limited-body";

const nodeBody = (...chunks: string[]) => {
  const stream = new PassThrough();
  for (const c of chunks) stream.write(c);
  stream.end();
  return stream;
};

const webBody = (...chunks: string[]) => new Blob(chunks).stream();

describe("readLimitedBytes", () => {
  it("reads a node stream and a web stream to the same bytes", async () => {
    expect((await readLimitedBytes(nodeBody('{"a":', "1}"), 64)).toString()).toBe('{"a":1}');
    expect((await readLimitedBytes(webBody('{"a":', "1}"), 64)).toString()).toBe('{"a":1}');
    expect((await readLimitedBytes(nodeBody("12345678"), 8)).byteLength).toBe(8);
  });

  it("stops reading a node stream past the limit and refuses one that closes before its end", async () => {
    const big = nodeBody("12345", "6789");
    await expect(readLimitedBytes(big, 8)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(big.isPaused()).toBe(true);
    await expect(readLimitedBytes(webBody("12345", "6789"), 8)).rejects.toBeInstanceOf(BodyTooLarge);

    const cut = new PassThrough();
    cut.write("{");
    const reading = readLimitedBytes(cut, 64);
    cut.destroy();
    await expect(reading).rejects.toThrow(/before it was complete/);
    await expect(readLimitedBytes(cut, 64)).rejects.toThrow();
  });
});
