// What the go-live evaluators look at, gathered once per page view
// (gather-facts.ts). Plain data, so the evaluators stay pure and testable.
import type { SmokeRunView } from "@/lib/smoke/read-smoke-runs";

export interface GoLiveFacts {
  now: Date;
  pointsEnv: "sandbox" | "production";
  /** Host of POINTS_API_BASE_URL. */
  apiHost: string;
  apiHostLooksSandbox: boolean;
  privateKeyIsDemo: boolean;
  publicKeyIsDemo: boolean;
  webhookSecrets: { configured: number; demoDefault: boolean; stored: number; unreadableStored: number };
  alertWebhookHost: string | null;
  /** Where Points and shoppers reach this app, and whether that came from APP_URL/Vercel (else the request). */
  appUrl: { url: string; fromEnv: boolean };
  /** GET of the public callback page through appUrl: its HTTP status, or why it failed. */
  callbackPage: { url: string; status: number | null; error: string | null };
  deliveries: {
    lastVerifiedAt: Date | null;
    last24h: number;
    ackP95Ms: number | null;
    verificationFailures24h: number;
  };
  lastCompletedReconcileAt: Date | null;
  /** Latest finished smoke run against the current POINTS_ENV and host. */
  smoke: SmokeRunView | null;
  /** Latest staff action Points accepted, per kind. */
  staffActions: { refund: Date | null; cancel: Date | null; shipping: Date | null };
  integration: { active: boolean; at: Date; by: string | null } | null;
}
