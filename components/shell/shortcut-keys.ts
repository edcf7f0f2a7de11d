// The keyboard shortcuts, one list for the key handler and the help dialog.
export const GO_SHORTCUTS = [
  { key: "h", href: "/", label: "goOverview" },
  { key: "o", href: "/orders", label: "goOrders" },
  { key: "w", href: "/webhooks", label: "goWebhooks" },
  { key: "r", href: "/reconciliation", label: "goReconciliation" },
  { key: "a", href: "/alerts", label: "goAlerts" },
] as const;

/** Typing in a field must never trigger a single-key shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
