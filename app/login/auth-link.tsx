import { headers } from "next/headers";
import "./forms.css";
import Link from "next/link";
import { sessionUser } from "@/lib/auth";

/** Sign in, or who is signed in with a sign-out button, for the site header. */
export async function AuthLink() {
  const user = await sessionUser(await headers()).catch(() => null);
  if (!user) {
    return (
      <Link href="/login" className="auth-link">
        Sign in
      </Link>
    );
  }
  return (
    <form action="/api/session/logout" method="post" className="auth-link">
      <span className="muted" title={user.role}>
        {user.email}
      </span>{" "}
      {user.role === "admin" ? (
        <>
          <Link href="/admin/users">Users</Link> <Link href="/admin/audit">Audit log</Link>
        </>
      ) : null}{" "}
      <button type="submit" className="link-button">
        Sign out
      </button>
    </form>
  );
}
