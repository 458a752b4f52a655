/** The audit log: who changed what, when, from what to what. */
import { desc, eq } from "drizzle-orm";
import { auditLog } from "../schema";
import type { DbOrTx } from "./types";

export interface Actor {
  id: string;
  email: string;
}

export async function recordAudit(
  db: DbOrTx,
  params: {
    actor: Actor;
    action: string;
    entity: string;
    entityId: string | number;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
) {
  await db.insert(auditLog).values({
    actorId: params.actor.id,
    actorEmail: params.actor.email,
    action: params.action,
    entity: params.entity,
    entityId: String(params.entityId),
    before: params.before ? jsonSafe(params.before) : null,
    after: params.after ? jsonSafe(params.after) : null,
  });
}

/** Only the fields that changed, on both sides, so the log reads "from what to what". */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length > 0 ? { before: b, after: a } : null;
}

function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

export async function listAudit(db: DbOrTx, params: { limit?: number; entity?: string } = {}) {
  return db
    .select()
    .from(auditLog)
    .where(params.entity ? eq(auditLog.entity, params.entity) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(params.limit ?? 200);
}
