import { eq } from "drizzle-orm";
import { recordAudit } from "@/db/queries/audit";
import { ROLES, type Role, sessions, users } from "@/db/schema";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";

type Context = { params: Promise<{ id: string }> };

/** Changes a user's role (admins only); their sessions end so the new role applies at once. */
export const POST = guarded("admin", async (request, admin, { params }: Context) => {
  const { id } = await params;
  const role = String((await request.formData()).get("role") ?? "");
  if (!(ROLES as readonly string[]).includes(role)) {
    return Response.json({ error: `role must be one of ${ROLES.join(", ")}` }, { status: 400 });
  }
  if (id === admin.id && role !== "admin") {
    return backTo(request, "/admin/users", { error: "You cannot remove your own admin role" });
  }
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) return false;
    await tx
      .update(users)
      .set({ role: role as Role, updatedAt: new Date() })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, {
      actor: admin,
      action: "user.role",
      entity: "user",
      entityId: before.email,
      before: { role: before.role },
      after: { role },
    });
    return true;
  });
  if (!done) return Response.json({ error: "No such user" }, { status: 404 });
  return wantsJson(request)
    ? Response.json({ id, role })
    : backTo(request, "/admin/users", { ok: "Role changed" });
});
