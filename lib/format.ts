// Display formatting shared by pages. Amounts are SAR (the only currency Points uses).
import { RIYADH_TIME_ZONE } from "@/lib/time/riyadh";

const sar = new Intl.NumberFormat("en-SA", { style: "currency", currency: "SAR", minimumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: RIYADH_TIME_ZONE,
});

export function formatSar(amount: number | string | { toString(): string }): string {
  return sar.format(Number(amount.toString()));
}

export function formatDateTime(value: Date | string): string {
  return dateTime.format(typeof value === "string" ? new Date(value) : value);
}
