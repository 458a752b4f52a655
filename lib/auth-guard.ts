/**
 * The one role check every mutating route handler makes, on the server: anonymous → 401,
 * signed in without the role → 403. Cross-site form posts are refused too (Origin check, on top
 * of SameSite=Lax cookies).
 */
import type { Role } from "@/db/schema";
import { type SessionUser, sessionUser } from "./auth";

const RANK: Record<Role, number> = { reader: 0, maintainer: 1, admin: 2 };

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

export function hasRole(user: SessionUser | null, role: Role): boolean {
  return !!user && RANK[user.role] >= RANK[role];
}

export async function requireRole(role: Role, request: Request | Headers): Promise<SessionUser> {
  const headers = request instanceof Headers ? request : request.headers;
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin && origin !== "null" && host && new URL(origin).host !== host) {
    throw new AuthError(403, "Cross-site request refused");
  }
  const user = await sessionUser(headers);
  if (!user) throw new AuthError(401, "Sign in first");
  if (!hasRole(user, role)) throw new AuthError(403, `This needs the ${role} role`);
  return user;
}

/**
 * Wraps a mutating route handler: the role is checked before anything else runs, and errors
 * become answers (401/403 for auth, 400 for invalid input). Forms get a 303 back to where they
 * came from; JSON clients get JSON.
 */
export function guarded<C>(
  role: Role,
  handler: (request: Request, user: SessionUser, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    let user: SessionUser;
    try {
      user = await requireRole(role, request);
    } catch (error) {
      if (error instanceof AuthError) {
        return Response.json({ error: error.message }, { status: error.status });
      }
      throw error;
    }
    return handler(request, user, context);
  };
}

/** A 303 to `path` (relative to the request) with a flash message in the query. */
export function backTo(request: Request, path: string, flash?: { ok?: string; error?: string }) {
  const url = new URL(path, request.url);
  if (flash?.ok) url.searchParams.set("ok", flash.ok);
  if (flash?.error) url.searchParams.set("error", flash.error);
  return new Response(null, { status: 303, headers: { location: url.pathname + url.search } });
}

export function wantsJson(request: Request) {
  return (request.headers.get("accept") ?? "").includes("application/json");
}
