// The language of the page being rendered, as proxy.ts decided it from the URL
// (only the customer-facing callback page has one other than English).
export const PAGE_LANG_HEADER = "x-points-ops-page-lang";

export function pageLang(headers: Pick<Headers, "get">): { lang: "ar" | "en"; dir: "rtl" | "ltr" } {
  return headers.get(PAGE_LANG_HEADER) === "ar" ? { lang: "ar", dir: "rtl" } : { lang: "en", dir: "ltr" };
}
