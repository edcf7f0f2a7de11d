// Tells the team's channel (ALERT_WEBHOOK_URL, Slack-compatible `text`) that a
// refund waits for a second admin. Only what an admin needs to find it: the
// order number, the amount, who asked and until when; never the customer's
// phone or name. A failed post is logged and never fails the request itself:
// the inbox and its navigation count show the request either way.
import { postAlert } from "@/lib/alerts/notify-alerts";
import { formatSar } from "@/lib/format";
import { getLogger } from "@/lib/log/logger";

export interface ApprovalRequestNotice {
  orderNumber: string;
  /** SAR; null = everything left on the order. */
  amount: number | null;
  requestedBy: string;
  expiresAt: Date;
  /** The approvals page, when the app knows its public address. */
  inboxUrl?: string;
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function approvalRequestText(n: ApprovalRequestNotice): string {
  const amount = n.amount === null ? "everything left" : formatSar(n.amount);
  const where = n.inboxUrl ? ` Decide at ${n.inboxUrl}` : " Decide under Approvals in points-ops.";
  return `:hourglass: [points-ops] Refund of ${amount} on order ${n.orderNumber}, requested by ${n.requestedBy}, needs a second admin before ${utc(n.expiresAt)}.${where}`;
}

/** Answers whether the post went out (false when no URL is configured or it failed). */
export async function notifyApprovalRequest(
  url: string | undefined,
  notice: ApprovalRequestNotice,
  opts: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<boolean> {
  if (!url) return false;
  const failure = await postAlert(url, approvalRequestText(notice), opts);
  if (failure) getLogger().warn({ reason: failure }, "approval request not posted to the alert webhook");
  return failure === null;
}
