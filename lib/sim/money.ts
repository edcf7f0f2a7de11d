// Amounts are kept in halalas so partial refunds add up exactly.
export const toCents = (sar: number) => Math.round(sar * 100);
export const fromCents = (cents: number) => cents / 100;
