import { clientIp } from "@frontdesk/api";
import { AppError, authenticateWithPassword } from "@frontdesk/core";
import { getServerSession, type NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import { env } from "../env";
import { safeNextPath } from "./safe-redirect";
import { rootDb } from "./services";

/** Shown by the sign-in form when next-auth reports this error code. */
export const RATE_LIMITED = "RateLimited";

export const authOptions = (): NextAuthOptions => {
  const config = env();
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, req) {
          const email = String(raw?.email ?? "");
          const password = String(raw?.password ?? "");
          if (!email || !password) return null;
          const ip = clientIp(new Headers((req?.headers ?? {}) as Record<string, string>), config.TRUSTED_PROXY_HOPS);
          try {
            return await authenticateWithPassword(rootDb(), { email, password }, { ip });
          } catch (error) {
            if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error(RATE_LIMITED);
            throw error;
          }
        },
      }),
      ...(config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET
        ? [
            Google({
              clientId: config.GOOGLE_CLIENT_ID,
              clientSecret: config.GOOGLE_CLIENT_SECRET,
              wellKnown: config.GOOGLE_WELL_KNOWN_URL,
            }),
          ]
        : []),
    ],
    callbacks: {
      // Google sign-in links to (or creates) the account with the same verified email.
      async signIn({ account, profile, user }) {
        if (account?.provider !== "google") return true;
        const email = profile?.email?.toLowerCase();
        if (!email || !(profile as { email_verified?: boolean }).email_verified) return false;
        const existing = await rootDb().user.upsert({
          where: { email },
          update: {},
          create: { email, name: profile?.name ?? null, emailVerifiedAt: new Date() },
        });
        await rootDb().oAuthAccount.upsert({
          where: { provider_providerAccountId: { provider: "google", providerAccountId: account.providerAccountId } },
          update: {},
          create: { provider: "google", providerAccountId: account.providerAccountId, userId: existing.id },
        });
        user.id = existing.id;
        return true;
      },
      // Every redirect next-auth makes passes the same check as the sign-in page's "next" path.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeNextPath(path)}`;
      },
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
};

/** Whether "Continue with Google" is offered (its credentials are configured). */
export const googleSignInEnabled = () => Boolean(env().GOOGLE_CLIENT_ID && env().GOOGLE_CLIENT_SECRET);

/** The signed-in user's id, or null. */
export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}
