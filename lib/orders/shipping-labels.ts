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
