// A staff user of its own for a test that changes the user's preferences, so
// the shared demo users keep English and the light theme for every other spec.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { createDb } from "@/lib/db/prisma";
import { DEMO_PASSWORD } from "./sign-in";

export const e2eDb = () => createDb(process.env.E2E_DATABASE_URL ?? "");

// One bcrypt hash of the demo password per worker: a fresh salt per user buys a test nothing.
let demoHash: Promise<string> | undefined;
export const demoPasswordHash = (): Promise<string> => (demoHash ??= hashPassword(DEMO_PASSWORD));

export async function createStaffUser(
  role: Role,
  prefs: { locale?: "en" | "ar"; theme?: "system" | "light" | "dark" } = {},
): Promise<string> {
  const db = e2eDb();
  try {
    const email = `i18n-${role}-${randomUUID().slice(0, 8)}@example.com`;
    await db.user.create({
      data: { email, name: `I18n ${role}`, role, passwordHash: await demoPasswordHash(), ...prefs },
    });
    return email;
  } finally {
    await db.$disconnect();
  }
}
