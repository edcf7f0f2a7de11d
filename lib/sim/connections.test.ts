import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAgainAfterSilence, PAST_NODE_IDLE_TIMEOUT_MS } from "@/lib/testing/idle-connection";
import { startSim, type SimServer } from "./server";

describe("the double's connections", () => {
  let sim: SimServer;
  beforeAll(async () => {
    sim = await startSim({ port: 0 });
  });
  afterAll(() => sim.close());

  // Playwright's request context keeps idle connections with no timer: a test that called the double
  // Node's 5 s earlier could send on a connection as the double closed it, and get ECONNRESET.
  it("stays open while a client is silent past Node's idle timeout", async () => {
    const again = await getAgainAfterSilence(`${sim.url}/health`, PAST_NODE_IDLE_TIMEOUT_MS);
    expect(again).toEqual({ status: 200, reused: true });
  }, 20_000);
});
