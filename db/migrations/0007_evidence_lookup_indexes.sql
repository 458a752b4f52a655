-- The document page looks up the evidence and findings of one version: index those lookups.
CREATE INDEX IF NOT EXISTS "citations_version_idx" ON "citations" ("version_id") WHERE "version_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "findings_version_idx" ON "findings" ("version_id");
