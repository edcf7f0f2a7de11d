// Every action the audit log records, as one typed list: recordAudit accepts
// only these names, and the audit page's filter offers exactly these (and
// their prefixes), so the filter cannot fall behind the code. A new kind of
// entry is added here first. No Prisma or Node here: the filter form imports it.
export const AUDIT_ACTIONS = [
  "alerts.evaluate",
  "audit.export",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "go_live.sign_off",
  "go_live.undo_sign_off",
  "integration.disable",
  "integration.enable",
  "lifecycle.explain",
  "lifecycle.heal",
  "order.authorize",
  "order.cancel",
  "order.capture",
  "order.complete",
  "order.earning_created",
  "order.export",
  "order.fetched_from_points",
  "order.payment_link_created",
  "order.refund",
  "order.refund_approved",
  "order.refund_rejected",
  "order.refund_requested",
  "order.shipping",
  "reconcile.bulk_explain",
  "reconcile.bulk_heal",
  "reconcile.bulk_recheck",
  "reconcile.explain",
  "reconcile.export",
  "reconcile.heal",
  "reconcile.recheck",
  "reconcile.run",
  "settings.alert_thresholds",
  "settings.alert_thresholds_reset",
  "smoke.run",
  "user.create",
  "user.disable",
  "user.enable",
  "user.password_reset",
  "user.role_change",
  "saved_view.delete",
  "saved_view.save",
  "webhook.bulk_replay",
  "webhook.export",
  "webhook.replay",
  "webhook_endpoint.change_url",
  "webhook_endpoint.create",
  "webhook_endpoint.create_failed",
  "webhook_endpoint.create_unknown",
  "webhook_endpoint.delete",
  "webhook_endpoint.forget_secret",
  "webhook_endpoint.rename",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The part before the dot, e.g. `order` of `order.refund`: the filter offers `order.*` for each. */
export type AuditPrefix = AuditAction extends `${infer P}.${string}` ? P : never;

export const AUDIT_PREFIXES: readonly AuditPrefix[] = [
  ...new Set(AUDIT_ACTIONS.map((a) => a.slice(0, a.indexOf(".")) as AuditPrefix)),
];
