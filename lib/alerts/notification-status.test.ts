import { describe, expect, it } from "vitest";
import { notificationStatus } from "./notification-status";

const t = (m: number) => new Date(Date.UTC(2030, 0, 1, 12, m));

describe("notificationStatus", () => {
  it.each([
    [
      { state: "firing", notifiedAt: null, notifyError: null, resolvedAt: null },
      false,
      { kind: "none", label: "notPosted", note: "noWebhook" },
    ],
    [
      { state: "firing", notifiedAt: null, notifyError: "the alert webhook answered HTTP 500", resolvedAt: null },
      true,
      { kind: "failed", label: "postFailed", error: "the alert webhook answered HTTP 500" },
    ],
    [
      { state: "firing", notifiedAt: null, notifyError: null, resolvedAt: null },
      true,
      { kind: "waiting", label: "waiting" },
    ],
    [
      { state: "firing", notifiedAt: t(1), notifyError: null, resolvedAt: null },
      true,
      { kind: "posted", label: "posted", at: t(1) },
    ],
    [
      { state: "resolved", notifiedAt: t(1), notifyError: null, resolvedAt: t(5) },
      true,
      { kind: "waiting", label: "resolutionWaiting" },
    ],
    [
      { state: "resolved", notifiedAt: t(6), notifyError: null, resolvedAt: t(5) },
      true,
      { kind: "posted", label: "resolutionPosted" },
    ],
    [
      { state: "resolved", notifiedAt: null, notifyError: null, resolvedAt: t(5) },
      true,
      { kind: "none", note: "heldBack" },
    ],
    // its firing post failed and it resolved before a retry: nothing more will be posted
    [
      { state: "resolved", notifiedAt: null, notifyError: "the alert webhook answered HTTP 500", resolvedAt: t(5) },
      true,
      { kind: "none", label: "notPosted" },
    ],
    [
      { state: "resolved", notifiedAt: t(1), notifyError: "the alert webhook answered HTTP 500", resolvedAt: t(5) },
      true,
      { kind: "failed", label: "resolutionFailed" },
    ],
  ] as const)("%j (webhook set: %s)", (alert, configured, expected) => {
    expect(notificationStatus(alert, configured)).toMatchObject(expected);
  });
});
