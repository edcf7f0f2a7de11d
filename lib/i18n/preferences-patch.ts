// What the preference forms and header switches may send, checked on the server.
import { z } from "zod";
import { CALENDARS, DIGITS, LOCALES, THEMES } from "./locales";

/** Any subset of the preferences, as a form or the header switches send them. */
export const preferencesPatchSchema = z
  .object({
    locale: z.enum(LOCALES),
    calendar: z.enum(CALENDARS),
    digits: z.enum(DIGITS),
    theme: z.enum(THEMES),
  })
  .partial()
  .strict();
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;
