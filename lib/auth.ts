/**
 * Accounts and sessions with better-auth on our drizzle schema. Email and password only, no
 * self sign-up (`npm run user -- add` creates accounts); passwords are hashed with scrypt
 * (better-auth's default, memory-hard). Session cookies are HttpOnly and SameSite=Lax, and
 * Secure when TERMTRAIL_URL is https. Sign-in attempts are rate-limited per client address in
 * the database (shared by every web process), and failed ones are slowed down per email.
 */
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "@/db/client";
import { getMeta } from "@/db/queries/meta";
import {
  accounts,
  appMeta,
  type Role,
  rateLimits,
  sessions,
  users,
  verifications,
} from "@/db/schema";

export function createAuth(db: Db, secret: string) {
  const baseURL = process.env.TERMTRAIL_URL || process.env.BETTER_AUTH_URL || undefined;
  return betterAuth({
    appName: "Termtrail",
    secret,
    baseURL,
    basePath: "/api/auth",
    // With no configured address, the server's own origin (as the request names it) is the one
    // trusted origin: a form or fetch from another site is still refused.
    trustedOrigins: baseURL ? [] : (request) => (request ? [sameOrigin(request)] : []),
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "reader", input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    advanced: {
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

function sameOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** The signing secret: BETTER_AUTH_SECRET, else one generated once and kept in the database. */
export async function authSecret(db: Db): Promise<string> {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const existing = await getMeta<string>(db, "auth_secret");
  if (existing) return existing;
  // Two processes starting at once both insert; the first one wins and both read it back.
  await db
    .insert(appMeta)
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const secret = await getMeta<string>(db, "auth_secret");
  if (!secret) throw new Error("Could not create the auth secret");
  return secret;
}

const globalForAuth = globalThis as unknown as { termtrailAuth?: Promise<Auth> };

/** The web tier's auth instance, on the shared database handle. */
export function getAuth(): Promise<Auth> {
  globalForAuth.termtrailAuth ??= (async () => {
    const { getDb } = await import("@/db/server");
    const db = await getDb();
    return createAuth(db, await authSecret(db));
  })();
  return globalForAuth.termtrailAuth;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: string };
  return { id: u.id, email: u.email, name: u.name, role: (u.role ?? "reader") as Role };
}
