import { getAuth } from "@/lib/auth";

/** Signs out (the session row is deleted, the cookie cleared) and goes back to the overview. */
export async function POST(request: Request) {
  const auth = await getAuth();
  const response = await auth.api
    .signOut({ headers: request.headers, asResponse: true })
    .catch(() => null);
  const headers = new Headers({ location: "/" });
  for (const cookie of response?.headers.getSetCookie() ?? []) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}
