// How an alert's post to ALERT_WEBHOOK_URL stands, for ops: a label and a note
// named by their catalogue keys (Alerts.notification.*), and the post's error
// as the receiver gave it.
export interface NotificationFields {
  state: "firing" | "resolved";
  notifiedAt: Date | null;
  notifyError: string | null;
  resolvedAt: Date | null;
}

export type NotificationLabel =
  "notPosted" | "posted" | "postFailed" | "waiting" | "resolutionFailed" | "resolutionWaiting" | "resolutionPosted";
export type NotificationNote = "noWebhook" | "comingEvaluation" | "heldBack";

export interface NotificationStatus {
  kind: "posted" | "waiting" | "failed" | "none";
  label: NotificationLabel;
  /** When it was posted, if it was. */
  at?: Date;
  note?: NotificationNote;
  /** What went wrong with the last post, in the words of notify-alerts.ts. */
  error?: string;
}

export function notificationStatus(a: NotificationFields, webhookConfigured: boolean): NotificationStatus {
  if (!webhookConfigured) return { kind: "none", label: "notPosted", note: "noWebhook" };
  const failed = (label: NotificationLabel): NotificationStatus => ({
    kind: "failed",
    label,
    error: a.notifyError ?? undefined,
  });
  if (a.state === "firing") {
    if (a.notifiedAt) return { kind: "posted", label: "posted", at: a.notifiedAt };
    return a.notifyError ? failed("postFailed") : { kind: "waiting", label: "waiting", note: "comingEvaluation" };
  }
  // A resolution is posted only for an alert whose firing was.
  if (!a.notifiedAt)
    return a.notifyError
      ? { kind: "none", label: "notPosted", error: a.notifyError }
      : { kind: "none", label: "notPosted", note: "heldBack" };
  if (a.resolvedAt && a.notifiedAt < a.resolvedAt)
    return a.notifyError
      ? failed("resolutionFailed")
      : { kind: "waiting", label: "resolutionWaiting", at: a.notifiedAt };
  return { kind: "posted", label: "resolutionPosted", at: a.notifiedAt };
}
