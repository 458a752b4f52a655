import { eq } from "drizzle-orm";
import { appMeta } from "../schema";
import type { DbOrTx } from "./types";

export async function getMeta<T>(db: DbOrTx, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, key));
  return row?.value as T | undefined;
}

export async function setMeta(db: DbOrTx, key: string, value: unknown) {
  await db
    .insert(appMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date() } });
}
