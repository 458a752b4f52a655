import { SourceError, setSourceEnabled } from "@/db/queries/sources";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";

type Context = { params: Promise<{ id: string }> };

/** Restarts scheduled runs of the source (maintainers). */
export const POST = guarded("maintainer", async (request, user, { params }: Context) => {
  const id = Number((await params).id);
  try {
    await setSourceEnabled(await getDb(), id, true, user);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return Response.json({ error: error.message }, { status: 404 });
  }
  return wantsJson(request)
    ? Response.json({ id, enabled: true })
    : backTo(request, `/sources/${id}`, { ok: "Source resumed" });
});
