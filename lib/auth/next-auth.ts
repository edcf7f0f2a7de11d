// next-auth wiring: password sign-in for staff, GitHub when configured. Only
// people who already have a user row may sign in; the role always comes from
// the database (see require-user.ts), never from the token.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { clientAddress } from "@/lib/http/client-address";
import { verifyCredentials } from "./verify-credentials";
import { getLogger } from "@/lib/log/logger";
import { adoptBrowserLocale } from "@/lib/i18n/display-preferences";
import { browserLocale } from "@/i18n/request-preferences";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = getConfig();
  return {
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    // A wrong password is an expected outcome (audited), not a server error with a stack.
    logger: {
      error(error) {
        const type = "type" in error ? String(error.type) : error.name;
        if (type !== "CredentialsSignin") getLogger().error({ err: error, type }, "auth error");
      },
    },
    providers: [
      Credentials({
        id: "credentials",
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const result = await verifyCredentials(getDb(), credentials, clientAddress(request.headers) ?? "local");
          if (result.ok) return result.user;
          if (result.reason === "throttled") throw new ThrottledSignIn();
          return null;
        },
      }),
      ...(config.github ? [GitHub({ clientId: config.github.id, clientSecret: config.github.secret })] : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        const email = user.email?.toLowerCase();
        const staff = email ? await getDb().user.findUnique({ where: { email } }) : null;
        if (!staff || staff.disabled) return false;
        user.id = staff.id;
        user.sessionVersion = staff.sessionVersion;
        await recordAudit(getDb(), {
          actorId: staff.id,
          action: "auth.sign_in",
          target: email,
          detail: { method: account?.provider ?? "oauth" },
        });
        return true;
      },
      jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sessionVersion = user.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : 0;
        return session;
      },
    },
    events: {
      // The first sign-in follows the browser's language; the user's own choice later wins for good.
      async signIn({ user }) {
        if (user.id) await adoptBrowserLocale(getDb(), user.id, await browserLocale());
      },
      async signOut(message) {
        const id = "token" in message ? message.token?.sub : undefined;
        if (!id) return;
        // Every token of this user issued so far, including copies of this one, stops working.
        await getDb().user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
        await recordAudit(getDb(), { actorId: id, action: "auth.sign_out" });
      },
    },
  };
});
