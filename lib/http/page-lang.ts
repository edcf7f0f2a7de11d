// The language a page carries in its own URL, as proxy.ts decided it: only the
// customer-facing callback page has one; staff pages follow the person's choice.
export const PAGE_LANG_HEADER = "x-points-ops-page-lang";

export function pageLang(headers: Pick<Headers, "get">): "ar" | "en" | undefined {
  const lang = headers.get(PAGE_LANG_HEADER);
  return lang === "ar" || lang === "en" ? lang : undefined;
}
