import type { ShippingStatus } from "./schemas";

// ASSUMPTION: Points' default labels for a bare enum update are not documented.
const LABELS: Record<ShippingStatus, { ar: string; en: string }> = {
  new: { ar: "جديد", en: "New" },
  license_in_progress: { ar: "جاري استخراج التصريح", en: "License in progress" },
  ready_shipping: { ar: "جاهز للشحن", en: "Ready for shipping" },
  delivery_is_in_progress: { ar: "خرج للتوصيل", en: "Out for delivery" },
  delivered: { ar: "تم التوصيل", en: "Delivered" },
  cancelled: { ar: "ملغي", en: "Cancelled" },
};

export function defaultLabel(status: ShippingStatus): { ar: string; en: string } {
  return { ...LABELS[status] };
}
