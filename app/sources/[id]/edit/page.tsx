import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { platformOptions } from "@/db/queries/dashboard";
import { getSource } from "@/db/queries/sources-read";
import { getDb } from "@/db/server";
import { sessionUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth-guard";
import { Flash } from "../../flash";
import { FETCHERS, TYPES, valuesOf } from "../../form-page";
import { SourceForm } from "../../source-form";

export const metadata: Metadata = { title: "Edit a source" };

export default async function EditSourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  await connection();
  const id = Number((await params).id);
  const user = await sessionUser(await headers());
  if (!hasRole(user, "maintainer")) redirect(`/login?next=/sources/${id}/edit`);
  const db = await getDb();
  const source = Number.isInteger(id) ? await getSource(db, id) : undefined;
  if (!source) notFound();
  return (
    <>
      <h1>
        Edit {source.platform.name} · {source.document.type}
      </h1>
      <Flash error={(await searchParams).error} />
      <SourceForm
        action={`/api/sources/${id}`}
        editing
        types={TYPES}
        fetchers={FETCHERS}
        platforms={await platformOptions(db)}
        values={valuesOf(source.document, source.platform.slug)}
      />
    </>
  );
}
