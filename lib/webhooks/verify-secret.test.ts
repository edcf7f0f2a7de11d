import { describe, expect, it } from "vitest";
import { verifyWebhookSecret } from "./verify-secret";

describe("verifyWebhookSecret", () => {
  const secrets = ["current-secret", "previous-secret"];

  it("accepts the current secret", () => {
    expect(verifyWebhookSecret("current-secret", secrets)).toEqual({ ok: true, index: 0 });
  });

  it("accepts a rotated-out secret that is still listed", () => {
    expect(verifyWebhookSecret("previous-secret", secrets)).toEqual({ ok: true, index: 1 });
  });

  it.each([
    ["wrong", "current-secreT"],
    ["shorter", "current"],
    ["longer", "current-secret-and-more"],
    ["prefix of another", "previous"],
  ])("rejects a %s secret", (_name, given) => {
    expect(verifyWebhookSecret(given, secrets)).toEqual({ ok: false, reason: "wrong_secret" });
  });

  it.each([null, undefined, ""])("rejects a missing secret (%j)", (given) => {
    expect(verifyWebhookSecret(given, secrets)).toEqual({ ok: false, reason: "missing_secret" });
  });

  it("accepts nothing when no secret is configured", () => {
    expect(verifyWebhookSecret("anything", [])).toEqual({ ok: false, reason: "wrong_secret" });
  });
});
