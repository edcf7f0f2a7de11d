import { describe, expect, it } from "vitest";
import { maskPhone, redactBody } from "./redact";

describe("maskPhone", () => {
  it("keeps the first digit and the last two", () => {
    expect(maskPhone("512345678")).toBe("5******78");
    expect(maskPhone("+966 51 234 5678")).toBe("+**********78");
    expect(maskPhone("12")).toBe("**");
  });
});

describe("redactBody", () => {
  it("masks phones, hides secrets and addresses, scrubs the keys anywhere, keeps the rest", () => {
    const body = {
      phone_number: "0512345678",
      order_number: "A-1",
      secret: "whsec_x",
      shipping_address: { city: "Jeddah" },
      items: [{ note: "sent with key SK-123" }],
      custom_status: null,
    };
    expect(redactBody(body, ["SK-123"])).toEqual({
      phone_number: "0*******78",
      order_number: "A-1",
      secret: "[redacted]",
      shipping_address: "[redacted]",
      items: [{ note: "sent with key [redacted]" }],
      custom_status: null,
    });
  });
});
