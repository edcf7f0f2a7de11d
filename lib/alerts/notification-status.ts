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
  if (a.notifyError) return { kind: "failed", label: "Post failed, retrying", detail: a.notifyError };
  if (a.state === "firing") {
    return a.notifiedAt ? { kind: "posted", label: "Posted", at: a.notifiedAt } : { kind: "waiting", label: "Waiting", detail: "posted by a coming evaluation, unless throttling holds it back" };
  }
  if (!a.notifiedAt) return { kind: "none", label: "Not posted", detail: "it resolved while held back by throttling" };
  if (a.resolvedAt && a.notifiedAt < a.resolvedAt) return { kind: "waiting", label: "Resolution waiting", at: a.notifiedAt };
  return { kind: "posted", label: "Resolution posted", at: a.notifiedAt };
}
