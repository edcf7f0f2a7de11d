// GET|POST /api/auth/* – next-auth (sign-in, callback, csrf, session, sign-out)
import { handlers } from "@/lib/auth/next-auth";

export const { GET, POST } = handlers;
