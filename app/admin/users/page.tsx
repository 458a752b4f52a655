import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ROLES, users } from "@/db/schema";
import { getDb } from "@/db/server";
import { sessionUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth-guard";
import { formatDate } from "../../format";
import { Flash } from "../../sources/flash";

export const metadata: Metadata = { title: "Users" };

/** Accounts and their roles (admins). New accounts: `npm run user -- add EMAIL --role …`. */
export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ ok?: string; error?: string }>;
}) {
  await connection();
  const user = await sessionUser(await headers());
  if (!user) redirect("/login?next=/admin/users");
  if (!hasRole(user, "admin")) {
    return (
      <>
        <h1>Users</h1>
        <p className="flash error" role="alert">
          Only admins manage users.
        </p>
      </>
    );
  }
  const rows = await (await getDb()).select().from(users).orderBy(users.email);
  return (
    <>
      <h1>Users</h1>
      <p className="lede">
        Add accounts on the server with <code>npm run user -- add EMAIL --role maintainer</code>.
        Change roles here: a role change signs the user out.
      </p>
      <Flash {...(await searchParams)} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Email</th>
              <th>Role</th>
              <th className="hide-narrow">Since</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>
                  <form method="post" action={`/api/admin/users/${u.id}/role`} className="actions">
                    <select name="role" defaultValue={u.role} aria-label={`Role of ${u.email}`}>
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                    <button type="submit" className="secondary">
                      Change
                    </button>
                  </form>
                </td>
                <td className="hide-narrow">{formatDate(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
