import { describe, expect, it } from "vitest";
import { actionMatch, auditFilterToParams, parseAuditFilter, parseAuditQuery } from "./audit-filters";

const parse = (init: Record<string, string>) => parseAuditQuery(new URLSearchParams(init));

describe("parseAuditQuery", () => {
  it("accepts no filter, and treats empty fields as none", () => {
    expect(parse({})).toEqual({ ok: true, value: {} });
    expect(parse({ actor: " ", action: "", target: "", from: "", to: "" })).toEqual({ ok: true, value: {} });
  });

  it("accepts every filter at once, trimmed", () => {
    const result = parse({
      actor: " admin@ ",
      action: "auth.*",
      target: "ORD-1",
      from: "2026-04-18T10:00",
      to: "2026-04-18T12:00:00+03:00",
    });
    expect(result).toEqual({
      ok: true,
      value: {
        actor: "admin@",
        action: "auth.*",
        target: "ORD-1",
        from: "2026-04-18T10:00",
        to: "2026-04-18T12:00:00+03:00",
      },
    });
  });

  it.each(["auth.sign_in", "order.refund_requested", "webhook.*", "order.*", "billing.something_new"])(
    "accepts the action %j",
    (action) => {
      expect(parse({ action }).ok).toBe(true);
    },
  );

  it.each(["auth", "*", "billing.*", "auth.%", "AUTH.SIGN_IN", "auth.sign in"])(
    "refuses the action %j with a clear message",
    (action) => {
      const result = parse({ action });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatch(
          /^The filter "action" must be an action such as auth\.sign_in, or one of alerts\.\*, audit\.\*, auth\.\*, go_live\.\*, integration\.\*, lifecycle\.\*, order\.\*, reconcile\.\*, settings\.\*, smoke\.\*, user\.\*, saved_view\.\*, webhook\.\*, webhook_endpoint\.\*\.$/,
        );
    },
  );

  it("refuses a time that is not one, and a range that ends before it starts", () => {
    expect(parse({ from: "yesterday" })).toMatchObject({
      ok: false,
      error: 'The filter "from" must be a date and time.',
    });
    expect(parse({ from: "2026-04-18T12:00", to: "2026-04-18T10:00" })).toMatchObject({
      ok: false,
      error: 'The filter "to" must not be before from.',
    });
  });

  it("refuses an overlong text filter and a malformed page position", () => {
    expect(parse({ target: "x".repeat(201) })).toMatchObject({ ok: false, error: 'The filter "target" is too long.' });
    expect(parse({ older: "not-a-cursor" })).toMatchObject({
      ok: false,
      error: 'The filter "older" is not a page position.',
    });
  });

  it("leaves page positions out of the export filter", () => {
    expect(parseAuditFilter(new URLSearchParams({ action: "auth.*", older: "1_2" }))).toEqual({
      ok: true,
      value: { action: "auth.*" },
    });
  });
});

describe("helpers", () => {
  it("tells a prefix from an exact action", () => {
    expect(actionMatch("order.*")).toEqual({ prefix: "order." });
    expect(actionMatch("order.refund")).toEqual({ exact: "order.refund" });
  });

  it("writes filters in a fixed order without empty ones", () => {
    expect(auditFilterToParams({ to: "2026-04-18T12:00", actor: "a@", action: undefined }).toString()).toBe(
      "actor=a%40&to=2026-04-18T12%3A00",
    );
  });
});
