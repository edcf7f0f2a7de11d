import { describe, expect, it } from "vitest";
import { checkWebhookSecret, createAcceptedSecrets } from "./accepted-secrets";

function source(stored: string[], opts: { failingLoads?: number } = {}) {
  let clock = 1_000;
  const state = { stored, loads: 0, clock: { advance: (ms: number) => (clock += ms) } };
  const accepted = createAcceptedSecrets({
    configured: ["env-secret"],
    loadStored: async () => {
      state.loads++;
      if (state.loads <= (opts.failingLoads ?? 0)) throw new Error("database down");
      return [...state.stored];
    },
    minReloadIntervalMs: 5_000,
    now: () => clock,
  });
  return { accepted, state };
}

describe("accepted webhook secrets", () => {
  it("accepts configured and stored secrets, reading the table once for any number of correct deliveries", async () => {
    const { accepted, state } = source(["stored-secret"]);
    for (let i = 0; i < 20; i++) {
      expect(await checkWebhookSecret("stored-secret", accepted)).toMatchObject({ ok: true });
      expect(await checkWebhookSecret("env-secret", accepted)).toEqual({ ok: true, index: 0 });
    }
    expect(state.loads).toBe(1);
  });

  it("on a miss re-reads the table (another instance's new endpoint, even just after the first read), at most once per interval", async () => {
    const { accepted, state } = source([]);
    expect(await checkWebhookSecret("env-secret", accepted)).toMatchObject({ ok: true });
    state.stored.push("created-elsewhere");
    expect(await checkWebhookSecret("created-elsewhere", accepted)).toMatchObject({ ok: true });
    expect(state.loads).toBe(2);

    // A flood of wrong secrets costs no read within the interval…
    for (let i = 0; i < 10; i++)
      expect(await checkWebhookSecret("wrong", accepted)).toEqual({ ok: false, reason: "wrong_secret" });
    expect(state.loads).toBe(2);
    // …and one read once it has passed.
    state.clock.advance(5_000);
    expect(await checkWebhookSecret("wrong", accepted)).toEqual({ ok: false, reason: "wrong_secret" });
    expect(state.loads).toBe(3);
  });

  it("a missing header never reads the table", async () => {
    const { accepted, state } = source([]);
    await accepted.current();
    state.clock.advance(60_000);
    expect(await checkWebhookSecret(null, accepted)).toEqual({ ok: false, reason: "missing_secret" });
    expect(state.loads).toBe(1);
  });

  it("reload() picks up a change at once, whatever the interval (this process created or deleted an endpoint)", async () => {
    const { accepted, state } = source(["old-endpoint"]);
    expect(await checkWebhookSecret("old-endpoint", accepted)).toMatchObject({ ok: true });
    state.stored.splice(0, 1, "new-endpoint");
    await accepted.reload();
    expect(await checkWebhookSecret("new-endpoint", accepted)).toMatchObject({ ok: true });
    expect(await checkWebhookSecret("old-endpoint", accepted)).toEqual({ ok: false, reason: "wrong_secret" });
  });

  it("keeps accepting the configured secrets when the table cannot be read, and tries again after the interval", async () => {
    const { accepted, state } = source(["stored-secret"], { failingLoads: 2 });
    expect(await checkWebhookSecret("env-secret", accepted)).toMatchObject({ ok: true });
    expect(await checkWebhookSecret("stored-secret", accepted)).toEqual({ ok: false, reason: "wrong_secret" });
    expect(await checkWebhookSecret("stored-secret", accepted)).toEqual({ ok: false, reason: "wrong_secret" });
    expect(state.loads).toBe(2);
    state.clock.advance(5_000);
    expect(await checkWebhookSecret("stored-secret", accepted)).toMatchObject({ ok: true });
  });

  it("still takes a plain list (tests, benchmarks)", async () => {
    expect(await checkWebhookSecret("a", ["b", "a"])).toEqual({ ok: true, index: 1 });
  });
});
