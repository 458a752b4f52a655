import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { sessionUser } from "@/lib/auth";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  await connection();
  const { next } = await searchParams;
  const safeNext = next?.startsWith("/") && !next.startsWith("//") ? next : "/sources";
  const user = await sessionUser(await headers());
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">
        For maintainers and admins. Everyone can read the whole dashboard without an account.
      </p>
      {user ? (
        <p>
          You are signed in as <strong>{user.email}</strong> ({user.role}).
        </p>
      ) : null}
      <LoginForm next={safeNext} />
      <p className="muted">
        Accounts are created on the server: <code>npm run user -- add EMAIL --role maintainer</code>
        .
      </p>
    </>
  );
}
