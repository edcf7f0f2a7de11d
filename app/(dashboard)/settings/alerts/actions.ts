"use server";
// Admins change the alert thresholds. Each action: the admin role first (fails
// closed), then the validated form, then the use case, which stores and audits.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  resetThresholds,
  saveThresholds,
  parseThresholdsForm,
  type SaveThresholdsResult,
} from "@/lib/alerts/save-thresholds";
import { safeAction, type Refusal } from "@/lib/auth/safe-action";
import { getDb } from "@/lib/db/prisma";

export type ThresholdsActionResult = SaveThresholdsResult | Refusal;

const GENERIC_ERROR =
  "Something went wrong and the thresholds may not have been saved. Reload the page to see which are in force.";

// The form's own shape: "section.field" names with short text values.
const formFields = z
  .record(z.string().max(64), z.string().max(32))
  .refine((f) => Object.keys(f).length <= 64, "too many fields");

function refresh() {
  revalidatePath("/settings/alerts");
  revalidatePath("/alerts");
}

export async function saveAlertThresholdsAction(input: unknown): Promise<ThresholdsActionResult> {
  return safeAction("saveAlertThresholdsAction", "admin", GENERIC_ERROR, async (admin) => {
    const fields = formFields.safeParse(input);
    if (!fields.success) return { ok: false, message: "The form could not be read; reload the page and try again." };
    const parsed = parseThresholdsForm(fields.data);
    if (!parsed.ok) return parsed;
    const result = await saveThresholds(getDb(), admin, parsed.value);
    refresh();
    return result;
  });
}

export async function resetAlertThresholdsAction(): Promise<ThresholdsActionResult> {
  return safeAction("resetAlertThresholdsAction", "admin", GENERIC_ERROR, async (admin) => {
    const result = await resetThresholds(getDb(), admin);
    refresh();
    return result;
  });
}
