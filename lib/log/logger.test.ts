import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

const env = {
  POINTS_PRIVATE_KEY: "live-private-key-123456",
  POINTS_WEBHOOK_SECRETS: "whsec-current-abcdef,whsec-old-ghijkl",
  AUTH_SECRET: "auth-secret-0123456789-0123456789-xyz",
  ALERT_WEBHOOK_URL: "https://hooks.slack.example/services/T0/B0/alert-hook-token",
};

describe("logger", () => {
  it("never writes configured secrets, phone numbers, passwords or credential headers", () => {
    const { lines, stream } = capture();
    const log = createLogger(stream, env);
    log.error(
      {
        headers: {
          "x-api-key": "live-private-key-123456",
          "x-webhook-secret": "whsec-old-ghijkl",
          cookie: "session=abc",
          authorization: "Bearer t",
        },
        body: { phone_number: "0512345678", note: "call +966512345678 or 00966598765432", password: "hunter22" },
        error: new Error("Points rejected key live-private-key-123456"),
      },
      "request to Points failed with whsec-current-abcdef for 0551234567, alert to https://hooks.slack.example/services/T0/B0/alert-hook-token",
    );
    const out = lines.join("");
    for (const leaked of [
      "live-private-key-123456",
      "whsec-current-abcdef",
      "whsec-old-ghijkl",
      "session=abc",
      "Bearer t",
      "hunter22",
      "512345678",
      "598765432",
      "551234567",
      "alert-hook-token",
    ])
      expect(out).not.toContain(leaked);
    expect(out).toContain("[redacted]");
    expect(out).toContain("******78");
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, app: "points-ops" });
  });

  it("keeps ordinary data readable", () => {
    const { lines, stream } = capture();
    createLogger(stream, env).info({ orderNumber: "ORD-2026-0001", amount: 150.75 }, "refund sent");
    expect(JSON.parse(lines[0]!)).toMatchObject({ orderNumber: "ORD-2026-0001", amount: 150.75, msg: "refund sent" });
  });
});
