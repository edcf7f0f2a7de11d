// Whether a server keeps a client's idle keep-alive connection open (lib/http/keep-alive.ts): two GETs with
// a silence between them, sent as a client that reuses its connections sends them.
import http from "node:http";

/** Longer than Node's own idle keep-alive timeout (5 s), which Node lets run over by up to a second or so. */
export const PAST_NODE_IDLE_TIMEOUT_MS = new http.Server().keepAliveTimeout + 2_000;

const get = (agent: http.Agent, url: string) =>
  new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.once("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.once("error", reject);
  });

/**
 * The second GET's status, and whether it went out on the first one's connection after `idleMs` of silence;
 * `atEndOfSilence` looks at what else is still open just before it is sent.
 */
export async function getAgainAfterSilence(
  url: string,
  idleMs: number,
  atEndOfSilence?: () => unknown,
): Promise<{ status: number; reused: boolean }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await get(agent, url);
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    await atEndOfSilence?.();
    return await get(agent, url);
  } finally {
    agent.destroy();
  }
}
