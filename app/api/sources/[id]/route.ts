import { SourceError, updateSource } from "@/db/queries/sources";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";
import { validateSourceForm } from "@/lib/source-form";

type Context = { params: Promise<{ id: string }> };

/** Edits a source: URL, fetcher, selectors, schedule… (maintainers). */
export const POST = guarded("maintainer", async (request, user, { params }: Context) => {
  const id = Number((await params).id);
  const { input, errors } = await validateSourceForm(await request.formData());
  if (errors || !Number.isInteger(id)) {
    const all = errors ?? { form: "No such source" };
    return wantsJson(request)
      ? Response.json({ errors: all }, { status: 400 })
      : backTo(request, `/sources/${id}/edit`, { error: Object.values(all).join("; ") });
  }
  try {
    await updateSource(await getDb(), id, input, user);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return wantsJson(request)
      ? Response.json({ errors: { form: error.message } }, { status: 404 })
      : backTo(request, "/sources", { error: error.message });
  }
  return wantsJson(request)
    ? Response.json({ id, location: `/sources/${id}` })
    : backTo(request, `/sources/${id}`, { ok: "Source saved" });
});
