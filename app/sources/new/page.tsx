import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { platformOptions } from "@/db/queries/dashboard";
import { DEFAULT_SOURCE_SCHEDULE } from "@/db/queries/source-input";
import { getDb } from "@/db/server";
import { sessionUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth-guard";
import { Flash } from "../flash";
import { FETCHERS, TYPES } from "../form-page";
import { SourceForm } from "../source-form";

export const metadata: Metadata = { title: "Add a source" };

export default async function NewSourcePage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  await connection();
  const user = await sessionUser(await headers());
  if (!hasRole(user, "maintainer")) redirect("/login?next=/sources/new");
  const db = await getDb();
  const platforms = await platformOptions(db);
  return (
    <>
      <h1>Add a source</h1>
      <p className="lede">
        A document to archive: the same fields as a declaration file. The URL must be public (not a
        private, loopback or link-local address).
      </p>
      <Flash error={(await searchParams).error} />
      <SourceForm
        action="/api/sources"
        editing={false}
        types={TYPES}
        fetchers={FETCHERS}
        platforms={platforms}
        values={{
          platformSlug: "",
          type: "Privacy Policy",
          url: "",
          fetcher: "http",
          select: "",
          remove: "",
          locale: "en",
          schedule: DEFAULT_SOURCE_SCHEDULE,
          executeClientScripts: false,
          enabled: true,
        }}
      />
    </>
  );
}
