// How an alert's post to ALERT_WEBHOOK_URL stands, in words for ops.
export interface NotificationFields {
  state: "firing" | "resolved";
  notifiedAt: Date | null;
  notifyError: string | null;
  resolvedAt: Date | null;
}

export interface NotificationStatus {
  kind: "posted" | "waiting" | "failed" | "none";
  label: string;
  /** When it was posted, if it was. */
  at?: Date;
  detail?: string;
}

export function notificationStatus(a: NotificationFields, webhookConfigured: boolean): NotificationStatus {
  if (!webhookConfigured) return { kind: "none", label: "Not posted", detail: "ALERT_WEBHOOK_URL is not set" };
  const failed = (label: string): NotificationStatus => ({ kind: "failed", label, detail: a.notifyError ?? undefined });
  if (a.state === "firing") {
    if (a.notifiedAt) return { kind: "posted", label: "Posted", at: a.notifiedAt };
    return a.notifyError
      ? failed("Post failed, retrying")
      : { kind: "waiting", label: "Waiting", detail: "posted by a coming evaluation, unless throttling holds it back" };
  }
  // A resolution is posted only for an alert whose firing was.
  if (!a.notifiedAt)
    return { kind: "none", label: "Not posted", detail: a.notifyError ?? "it resolved while held back by throttling" };
  if (a.resolvedAt && a.notifiedAt < a.resolvedAt)
    return a.notifyError
      ? failed("Resolution post failed, retrying")
      : { kind: "waiting", label: "Resolution waiting", at: a.notifiedAt };
  return { kind: "posted", label: "Resolution posted", at: a.notifiedAt };
}
