import { clientIp } from "@frontdesk/api";
import { AppError, authenticateWithPassword, checkSession, sessionClaims, signInWithGoogle } from "@frontdesk/core";
import { getServerSession, type NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import { env } from "../env";
import { safeNextPath } from "./safe-redirect";
import { rootDb } from "./services";

/** Shown by the sign-in form when next-auth reports this error code. */
export const RATE_LIMITED = "RateLimited";

/** Thrown by the jwt callback for a session that no longer stands; next-auth then clears its cookie. */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

type SignedInUser = { id: string; sessionVersion?: number };

export const authOptions = (): NextAuthOptions => {
  const config = env();
  return {
    secret: config.NEXTAUTH_SECRET,
    // The cookie's own expiry slides with use; the 12 hours from sign-in that end a session
    // whatever its use are checked by checkSession.
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
      // Google sign-in: the linked account, or the one with that verified address (taking over
      // an unconfirmed one), or a new one (signInWithGoogle).
      async signIn({ account, profile, user }) {
        if (account?.provider !== "google") return true;
        const signedIn = await signInWithGoogle(rootDb(), {
          providerAccountId: account.providerAccountId,
          email: profile?.email,
          emailVerified: (profile as { email_verified?: boolean } | undefined)?.email_verified === true,
          name: profile?.name,
        });
        if (!signedIn) return false;
        Object.assign(user, { id: signedIn.id, sessionVersion: signedIn.sessionVersion });
        return true;
      },
      // Every redirect next-auth makes passes the same check as the sign-in page's "next" path.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeNextPath(path)}`;
      },
      // Every use of a session (server components, the tRPC context, /api/auth/session) comes
      // through here: at sign-in the token gets its claims, afterwards they are checked.
      async jwt({ token, user }) {
        const signedIn = user as SignedInUser | undefined;
        if (signedIn?.id) {
          return {
            ...token,
            sub: signedIn.id,
            ...sessionClaims({ id: signedIn.id, sessionVersion: signedIn.sessionVersion ?? -1 }),
          };
        }
        if (!(await checkSession(rootDb(), token))) throw new SessionEnded("session ended");
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is an expected outcome, not an error worth a log line.
        if (metadata instanceof Error && metadata.name === "SessionEnded") return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
};

/** Whether "Continue with Google" is offered (its credentials are configured). */
export const googleSignInEnabled = () => Boolean(env().GOOGLE_CLIENT_ID && env().GOOGLE_CLIENT_SECRET);

/** The signed-in user's id, or null (never signed in, or the session has ended). */
export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}
