import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth";
import { slowDownFailedSignIn } from "@/lib/auth-throttle";

async function handle(request: Request) {
  const auth = await getAuth();
  return toNextJsHandler(auth).POST(request);
}

export async function GET(request: Request) {
  const auth = await getAuth();
  return toNextJsHandler(auth).GET(request);
}

/** Sign-in, sign-out and the rest of better-auth's endpoints; failed sign-ins are slowed down. */
export async function POST(request: Request) {
  if (new URL(request.url).pathname.endsWith("/sign-in/email")) {
    return slowDownFailedSignIn(request, handle);
  }
  return handle(request);
}
