import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const base = { DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db" };

describe("parseEnv", () => {
  it("fills sandbox defaults", () => {
    const c = parseEnv(base);
    expect(c.pointsEnv).toBe("sandbox");
    expect(c.points.apiBaseUrl).toBe("http://127.0.0.1:4010/api/v1");
    expect(c.webhookSecrets).toEqual(["points-demo-webhook-secret"]);
    expect(c.demoUsersAllowed).toBe(true);
  });

  it("splits and trims the webhook secrets list", () => {
    expect(parseEnv({ ...base, POINTS_WEBHOOK_SECRETS: " new-secret , old-secret ,," }).webhookSecrets).toEqual([
      "new-secret",
      "old-secret",
    ]);
  });

  it.each([
    [{ DATABASE_URL: undefined }, /^Invalid configuration: DATABASE_URL is required/],
    [{ DATABASE_URL: "mysql://x" }, /^Invalid configuration: DATABASE_URL must be a postgres/],
    [
      { POINTS_ENV: "staging" },
      /^Invalid configuration: POINTS_ENV must be "sandbox" or "production" \(got "staging"\)$/,
    ],
    [{ POINTS_API_BASE_URL: "https://api.papp.sa/v2" }, /POINTS_API_BASE_URL must end in \/api\/v1/],
    [{ POINTS_API_BASE_URL: "not a url" }, /POINTS_API_BASE_URL must be an http\(s\) URL/],
    [{ AUTH_SECRET: "short" }, /AUTH_SECRET must be at least 32 characters \(got "…"\)/],
    [{ REFUND_APPROVAL_THRESHOLD_SAR: "lots" }, /REFUND_APPROVAL_THRESHOLD_SAR must be a number of SAR/],
  ])("names the bad variable in one line: %j", (patch, message) => {
    const run = () => parseEnv({ ...base, ...patch });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });

  it("takes this app's public URL from APP_URL, else from Vercel's variables", () => {
    expect(parseEnv(base).appUrl).toBeUndefined();
    expect(parseEnv({ ...base, VERCEL_URL: "ops-abc123.vercel.app" }).appUrl).toBe("https://ops-abc123.vercel.app");
    expect(
      parseEnv({ ...base, VERCEL_URL: "ops-abc123.vercel.app", VERCEL_PROJECT_PRODUCTION_URL: "ops.example.com" })
        .appUrl,
    ).toBe("https://ops.example.com");
    expect(parseEnv({ ...base, APP_URL: "https://ops.shop.sa/", VERCEL_URL: "x.vercel.app" }).appUrl).toBe(
      "https://ops.shop.sa",
    );
    expect(() => parseEnv({ ...base, APP_URL: "ops.shop.sa" })).toThrow(
      /^Invalid configuration: APP_URL must be an http\(s\) URL/,
    );
  });

  it("gives smoke tests the sandbox's earning test customer, and never a default one in production", () => {
    expect(parseEnv(base).smoke).toEqual({ receiverUrl: undefined, phoneNumber: "500000002" });
    expect(parseEnv({ ...base, SMOKE_RECEIVER_URL: "https://t.example/api/webhooks/points" }).smoke.receiverUrl).toBe(
      "https://t.example/api/webhooks/points",
    );
    // The number is personal data: the error does not repeat it.
    expect(() => parseEnv({ ...base, SMOKE_PHONE_NUMBER: "12345" })).toThrow(
      /^Invalid configuration: SMOKE_PHONE_NUMBER must be a Saudi mobile number \(5XXXXXXXX\) \(got "…"\)$/,
    );
  });

  describe("production", () => {
    const prod = {
      ...base,
      POINTS_ENV: "production",
      POINTS_API_BASE_URL: "https://api.papp.sa/api/v1",
      POINTS_PRIVATE_KEY: "live-private",
      POINTS_PUBLIC_KEY: "live-public",
      POINTS_WEBHOOK_SECRETS: "whsec",
      AUTH_SECRET: "x".repeat(40),
      CRON_SECRET: "y".repeat(20),
    };

    it("accepts a complete production setup and forbids demo users", () => {
      expect(parseEnv(prod).demoUsersAllowed).toBe(false);
      expect(parseEnv(prod).smoke.phoneNumber).toBeUndefined();
      expect(parseEnv({ ...prod, SMOKE_PHONE_NUMBER: "0551234567" }).smoke.phoneNumber).toBe("0551234567");
    });

    it.each([
      [{ POINTS_PRIVATE_KEY: undefined }, /POINTS_PRIVATE_KEY is required when POINTS_ENV=production/],
      [{ POINTS_PRIVATE_KEY: "points-demo-private-key" }, /sandbox double's demo key/],
      [{ POINTS_API_BASE_URL: "http://127.0.0.1:4010/api/v1" }, /POINTS_API_BASE_URL points at a sandbox/],
      [{ POINTS_API_BASE_URL: "https://sandbox.papp.sa/api/v1" }, /points at a sandbox \(sandbox.papp.sa\)/],
    ])("refuses %j", (patch, message) => {
      expect(() => parseEnv({ ...prod, ...patch })).toThrow(message);
    });
  });
});
