import { createSource, SourceError } from "@/db/queries/sources";
import { getDb } from "@/db/server";
import { backTo, guarded, wantsJson } from "@/lib/auth-guard";
import { validateSourceForm } from "@/lib/source-form";

/** Adds a source (maintainers). */
export const POST = guarded("maintainer", async (request, user) => {
  const { input, errors } = await validateSourceForm(await request.formData());
  if (errors) {
    return wantsJson(request)
      ? Response.json({ errors }, { status: 400 })
      : backTo(request, "/sources/new", { error: Object.values(errors).join("; ") });
  }
  try {
    const doc = await createSource(await getDb(), input, user);
    return wantsJson(request)
      ? Response.json({ id: doc.id, location: `/sources/${doc.id}` }, { status: 201 })
      : backTo(request, `/sources/${doc.id}`, { ok: "Source added" });
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return wantsJson(request)
      ? Response.json({ errors: { form: error.message } }, { status: 409 })
      : backTo(request, "/sources/new", { error: error.message });
  }
});
