import { ReviewError } from "@/db/queries/findings";
import { dismissFindingAs } from "@/db/queries/review";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";

type Context = { params: Promise<{ id: string }> };

/** Dismisses a detected finding, with the reason. */
export const POST = guarded("maintainer", async (request, user, { params }: Context) => {
  const id = Number((await params).id);
  const reason = String((await request.formData()).get("reason") ?? "");
  try {
    await dismissFindingAs(await getDb(), id, reason, user);
  } catch (error) {
    if (!(error instanceof ReviewError)) throw error;
    return wantsJson(request)
      ? Response.json({ error: error.message }, { status: 400 })
      : backTo(request, "/review", { error: error.message });
  }
  return wantsJson(request)
    ? Response.json({ id, state: "dismissed" })
    : backTo(request, "/review", { ok: "Finding dismissed" });
});
