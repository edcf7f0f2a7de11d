import { describe, expect, it } from "vitest";
import { errorForStatus } from "@/lib/points/errors";
import { followedBy, foreignDetail, smokeDetail } from "./smoke-detail";
import { storedSmokeDetail } from "./smoke-detail-notice";

describe("smokeDetail", () => {
  it("words the English from the catalogue, units added, and keeps the key with the raw values", () => {
    expect(smokeDetail("refundPassed", { amount: 10, total: 100, orderNumber: "SMOKE-1-E", seconds: 1.25 })).toEqual({
      text: "Refunded 10 SAR of 100 SAR of SMOKE-1-E; our order store showed it partially refunded after 1.3 s.",
      notice: {
        key: "GoLive.smoke.details.refundPassed",
        values: { amount: 10, total: 100, orderNumber: "SMOKE-1-E", seconds: 1.25 },
      },
    });
  });

  it("keeps outside text apart from the sentence, quoted after it in the English", () => {
    const detail = smokeDetail(
      "endpointNotRegistered",
      {},
      "Points answered HTTP 422: The url has already been taken.",
    );
    expect(detail.text).toBe(
      "Could not register a temporary webhook endpoint at Points. (Points answered HTTP 422: The url has already been taken.)",
    );
    expect(detail.notice).toEqual({
      key: "GoLive.smoke.details.endpointNotRegistered",
      values: {},
      external: "Points answered HTTP 422: The url has already been taken.",
    });
  });

  it("says a plural in English by its count", () => {
    expect(smokeDetail("wrongSecret", { refused: 1 }).text).toMatch(/refused 1 delivery with/);
    expect(smokeDetail("wrongSecret", { refused: 3 }).text).toMatch(/refused 3 deliveries with/);
  });
});

describe("followedBy", () => {
  it("flattens the sentences that follow, Points' error by its own key", () => {
    const error = errorForStatus(409, { message: "locked" }, "/orders/x");
    const failure = followedBy(
      smokeDetail("notConfirmed", { call: "refund", orderNumber: "SMOKE-1-E" }),
      foreignDetail(error.message, error.notice),
    );
    const whole = followedBy(failure, smokeDetail("endpointDeleted"));
    expect(whole.notice).toEqual({
      key: "GoLive.smoke.details.notConfirmed",
      values: { call: "refund", orderNumber: "SMOKE-1-E" },
      then: [error.notice, { key: "GoLive.smoke.details.endpointDeleted", values: {} }],
    });
    expect(whole.text).toBe(
      "Points did not confirm the refund of SMOKE-1-E: it may or may not have acted; check in Points before trying again. locked The temporary endpoint and its secret are deleted again.",
    );
  });
});

describe("storedSmokeDetail", () => {
  it("reads back what was stored, dropping what is not a sentence", () => {
    const stored = followedBy(
      smokeDetail("receiverUnreachable", { url: "u", health: "h", seconds: 5 }),
      smokeDetail("receiverAdvice", {}, "x"),
    ).notice;
    expect(
      storedSmokeDetail(JSON.parse(JSON.stringify({ ...stored, then: [...stored.then!, 7, { key: 1 }] }))),
    ).toEqual({
      key: "GoLive.smoke.details.receiverUnreachable",
      values: { url: "u", health: "h", seconds: 5 },
      then: [{ key: "GoLive.smoke.details.receiverAdvice", values: {}, external: "x" }],
    });
  });

  it("a step stored before notices (null) or a malformed value has none: the page shows the stored English", () => {
    for (const v of [null, "text", [], { values: {} }, { key: 3 }]) expect(storedSmokeDetail(v)).toBeNull();
  });
});
