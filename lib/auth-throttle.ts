/**
 * Slows down repeated failed sign-ins for one email: each failure in the last 15 minutes adds
 * a delay before the next attempt is answered (0.5 s, 1 s, 2 s… up to 8 s), on top of
 * better-auth's per-address rate limit. In memory, per web process.
 */
const WINDOW_MS = 15 * 60_000;
const failures = new Map<string, { count: number; last: number }>();

export function delayFor(email: string, now = Date.now()): number {
  const entry = failures.get(email);
  if (!entry || now - entry.last > WINDOW_MS) return 0;
  return Math.min(8000, 250 * 2 ** entry.count);
}

export function noteSignIn(email: string, ok: boolean, now = Date.now()) {
  if (ok) {
    failures.delete(email);
    return;
  }
  const entry = failures.get(email);
  const count = entry && now - entry.last <= WINDOW_MS ? entry.count + 1 : 1;
  failures.set(email, { count, last: now });
  if (failures.size > 10_000) failures.clear();
}

export async function slowDownFailedSignIn(
  request: Request,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  let email = "";
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
  } catch {
    // Not JSON: let better-auth answer it.
  }
  const wait = delayFor(email);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const response = await handle(request);
  if (email) noteSignIn(email, response.ok);
  return response;
}
