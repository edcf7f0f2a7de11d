import http from "node:http";
import https from "node:https";

export interface PostResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One webhook attempt. `agent: false` gives every attempt its own connection,
 * like an independent sender, and leaves no keep-alive sockets that would
 * keep a test receiver (or this process) from closing.
 */
export function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PostResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, error, durationMs: Date.now() - started });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      done(null, "invalid_url");
      return;
    }
    const lib = target.protocol === "https:" ? https : http;
    const req = lib.request(target, {
      method: "POST",
      agent: false,
      signal,
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(() => {
      done(null, "timeout");
      req.destroy();
    }, timeoutMs);
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode ?? null, null));
      res.on("error", () => done(res.statusCode ?? null, null));
    });
    req.on("error", (err: NodeJS.ErrnoException) => done(null, signal.aborted ? "aborted" : (err.code ?? err.message)));
    req.end(body);
  });
}
