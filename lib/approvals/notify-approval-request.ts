// Tells the team's channel (ALERT_WEBHOOK_URL, Slack-compatible `text`) that a
// refund waits for a second admin. Only what an admin needs to find it: the
// order number, the amount, who asked and until when (Riyadh time, labelled);
// never the customer's phone or name. Worded like the alert posts, in
// ALERT_LANGUAGE. A failed post is logged and never fails the request itself:
// the inbox and its navigation count show the request either way.
import { postLocales, type AlertLanguage } from "@/lib/alerts/alert-message";
import { postAlert } from "@/lib/alerts/notify-alerts";
import { formatSar } from "@/lib/i18n/format";
import { message, translator } from "@/lib/i18n/message";
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

export function approvalRequestText(n: ApprovalRequestNotice, language: AlertLanguage = "en"): string {
  return postLocales(language)
    .map((locale) =>
      translator(
        locale,
        "Approvals",
      )(
        message("post.request", {
          amount: n.amount === null ? message("post.everythingLeft") : formatSar(n.amount, { locale, digits: "latn" }),
          order: n.orderNumber,
          requestedBy: n.requestedBy,
          until: n.expiresAt,
          where: n.inboxUrl ? message("post.decideAt", { url: n.inboxUrl }) : message("post.decideInApp"),
        }),
      ),
    )
    .join("\n\n");
}

/** Answers whether the post went out (false when no URL is configured or it failed). */
export async function notifyApprovalRequest(
  url: string | undefined,
  notice: ApprovalRequestNotice,
  opts: { fetch?: typeof fetch; timeoutMs?: number; language?: AlertLanguage } = {},
): Promise<boolean> {
  if (!url) return false;
  const failure = await postAlert(url, approvalRequestText(notice, opts.language), opts);
  if (failure) getLogger().warn({ reason: failure }, "approval request not posted to the alert webhook");
  return failure === null;
}
