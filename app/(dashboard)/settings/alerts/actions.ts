"use server";
// Admins change the alert thresholds: the setting and its audit entry in one transaction.
import { z } from "zod";
import { resetThresholds, saveThresholds, parseThresholdsForm } from "@/lib/alerts/save-thresholds";
import { staffAction } from "@/lib/auth/safe-action";

const common = {
  role: "admin",
  genericMessage:
    "Something went wrong and the thresholds may not have been saved. Reload the page to see which are in force.",
  revalidate: ["/settings/alerts", "/alerts"],
} as const;

// The form's own shape: "section.field" names with short text values.
const unreadable = { error: "The form could not be read; reload the page and try again." };
const formFields = z
  .record(z.string().max(64, unreadable), z.string(unreadable).max(32, unreadable), unreadable)
  .refine((f) => Object.keys(f).length <= 64, unreadable);

export const saveAlertThresholdsAction = staffAction(
  { ...common, name: "saveAlertThresholdsAction", input: formFields },
  async ({ user, input, transaction }) => {
    const parsed = parseThresholdsForm(input);
    if (!parsed.ok) return parsed;
    return transaction((tx) => saveThresholds(tx, user, parsed.value));
  },
);

export const resetAlertThresholdsAction = staffAction(
  { ...common, name: "resetAlertThresholdsAction" },
  ({ user, transaction }) => transaction((tx) => resetThresholds(tx, user)),
);
