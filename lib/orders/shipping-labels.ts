// Points sends one `status_label` (the docs' example is Arabic) and sometimes
// `custom_status: {ar, en}`. A lone label may be in either language, so its
// script decides which side it fills.
const ARABIC = /[\u0600-\u06FF]/;

export function shippingLabels(
  label: string | null | undefined,
  custom: { ar?: string | null; en?: string | null } | null | undefined,
): { labelAr: string | null; labelEn: string | null } {
  const lone = label ?? null;
  return {
    labelAr: custom?.ar ?? (lone && ARABIC.test(lone) ? lone : null),
    labelEn: custom?.en ?? (lone && !ARABIC.test(lone) ? lone : null),
  };
}

/** The label a reader sees in a list: theirs when Points gave one, else the other, with its language. */
export function shippingLabelFor(
  locale: string,
  labels: { shippingLabelAr: string | null; shippingLabelEn: string | null },
): { text: string; lang: "ar" | "en" } | null {
  const ar = labels.shippingLabelAr ? { text: labels.shippingLabelAr, lang: "ar" as const } : null;
  const en = labels.shippingLabelEn ? { text: labels.shippingLabelEn, lang: "en" as const } : null;
  return locale === "ar" ? (ar ?? en) : (en ?? ar);
}
