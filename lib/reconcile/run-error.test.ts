import { describe, expect, it } from "vitest";
import { errorForStatus } from "@/lib/points/errors";
import { runError, storedRunErrorNotice, UNEXPECTED_RUN_ERROR } from "./run-error";

const ORDER = "0b7e3c1a-5d2f-4e8a-9c6b-1f2e3d4c5b6a";

describe("runError", () => {
  it("a Points failure on one order: its PointsErrors key, Points' own words as a value, and the order", () => {
    const e = errorForStatus(401, { message: "key revoked" }, `/orders/${ORDER}`);
    expect(runError(e, ORDER)).toEqual({
      lastError: `${ORDER}: ${e.message}`,
      lastErrorNotice: {
        key: "PointsErrors.invalid_key",
        values: { status: 401, said: "key revoked", variable: "POINTS_PRIVATE_KEY" },
        orderUuid: ORDER,
      },
    });
  });

  it("anything else: the unexpected sentence, the raw text kept for the detail", () => {
    expect(runError(new Error('relation "orders" does not exist'))).toEqual({
      lastError: 'relation "orders" does not exist',
      lastErrorNotice: { key: UNEXPECTED_RUN_ERROR },
    });
  });
});

describe("storedRunErrorNotice", () => {
  it("reads back what runError stored, keeping only string and number values", () => {
    expect(
      storedRunErrorNotice({
        key: "PointsErrors.busy",
        values: { status: 409, said: "locked", odd: { x: 1 } },
        orderUuid: ORDER,
      }),
    ).toEqual({ key: "PointsErrors.busy", values: { status: 409, said: "locked" }, orderUuid: ORDER });
  });

  it("a run stored before notices (null) or a malformed value has none: the page falls back to the stored text", () => {
    for (const v of [null, "text", [], { values: {} }, { key: 3 }]) expect(storedRunErrorNotice(v)).toBeNull();
  });
});
