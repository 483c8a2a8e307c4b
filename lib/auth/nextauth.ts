import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { authSecret } from "./auth-secret";
import { requestInfoFromHeaders } from "./request-info";
import { SESSION_HOURS } from "./sessions";
import { signIn as checkCredentials } from "./sign-in";

/** Carries "throttled:<minutes>" to the sign-in form, which shows the wait in Indonesian. */
class ThrottledSignIn extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled:${minutes}`;
  }
}

const credentialsInput = z.object({ identifier: z.string().min(1).max(200), password: z.string().min(1).max(200) });

// Lazy configuration: nothing (secret file, database) is touched until the first request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/masuk" },
  // A wrong password is an ordinary event, already in the audit log: keep it out of the error log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      authorize: async (raw, request) => {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = checkCredentials(
          { db: getDb(), now: new Date(), request: requestInfoFromHeaders(request.headers) },
          parsed.data,
        );
        if (result.ok) return { id: result.sessionId };
        if (result.reason === "throttled") throw new ThrottledSignIn(result.retryAfterMinutes);
        return null;
      },
    }),
  ],
  callbacks: {
    // The token holds only our server-side session id; everything else is read fresh per request.
    jwt: ({ token, user }) => {
      if (user?.id) token.sid = user.id;
      return token;
    },
    session: ({ session, token }) => ({ ...session, sid: typeof token.sid === "string" ? token.sid : undefined }),
  },
}));
