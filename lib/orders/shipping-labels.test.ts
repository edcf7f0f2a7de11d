import { describe, expect, it } from "vitest";
import { shippingLabelFor, shippingLabels } from "./shipping-labels";

describe("shippingLabels", () => {
  it("files a lone label by its script and prefers custom_status", () => {
    expect(shippingLabels("خرج للتوصيل", null)).toEqual({ labelAr: "خرج للتوصيل", labelEn: null });
    expect(shippingLabels("Out for delivery", null)).toEqual({ labelAr: null, labelEn: "Out for delivery" });
    expect(shippingLabels("x", { ar: "أ", en: "A" })).toEqual({ labelAr: "أ", labelEn: "A" });
  });
});

describe("shippingLabelFor", () => {
  const both = { shippingLabelAr: "جاهز للشحن", shippingLabelEn: "Ready to ship" };

  it("gives each reader the label in their language", () => {
    expect(shippingLabelFor("en", both)).toEqual({ text: "Ready to ship", lang: "en" });
    expect(shippingLabelFor("ar", both)).toEqual({ text: "جاهز للشحن", lang: "ar" });
  });

  it("falls back to the other language, marked as such, and to nothing", () => {
    expect(shippingLabelFor("en", { shippingLabelAr: "تم التوصيل", shippingLabelEn: null })).toEqual({
      text: "تم التوصيل",
      lang: "ar",
    });
    expect(shippingLabelFor("ar", { shippingLabelAr: null, shippingLabelEn: "Delivered" })).toEqual({
      text: "Delivered",
      lang: "en",
    });
    expect(shippingLabelFor("ar", { shippingLabelAr: null, shippingLabelEn: null })).toBeNull();
  });
});
