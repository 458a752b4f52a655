CREATE TABLE "changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"version_id" bigint NOT NULL,
	"previous_version_id" bigint NOT NULL,
	"added_passages" integer NOT NULL,
	"removed_passages" integer NOT NULL,
	"added_words" integer NOT NULL,
	"removed_words" integer NOT NULL,
	"passages" jsonb NOT NULL,
	"substantive" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "changes_version_id_unique" UNIQUE("version_id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform_id" integer NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"type_slug" text NOT NULL,
	"variant" text,
	"url" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"fetcher" text DEFAULT 'http' NOT NULL,
	"select" jsonb,
	"remove" jsonb,
	"execute_client_scripts" boolean DEFAULT false NOT NULL,
	"schedule" text DEFAULT '0 4 * * *' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"origin" text DEFAULT 'declaration' NOT NULL,
	"archive" text,
	"license" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "fetch_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"trigger" text DEFAULT 'cli' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"http_status" integer,
	"final_url" text,
	"error_class" text,
	"error_code" text,
	"error_message" text,
	"snapshot_id" bigint,
	"version_id" bigint,
	"extracted_words" integer
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"parent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platforms_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"final_url" text NOT NULL,
	"byte_size" integer NOT NULL,
	"compressed" "bytea" NOT NULL,
	"compression" text DEFAULT 'br' NOT NULL,
	"headers" jsonb,
	"first_fetched_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "snapshots_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"text_hash" text NOT NULL,
	"markdown" text NOT NULL,
	"word_count" integer NOT NULL,
	"snapshot_id" bigint,
	"origin" text DEFAULT 'scrape' NOT NULL,
	"import_key" text,
	"source_url" text,
	"flags" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "versions_import_key_unique" UNIQUE("import_key"),
	CONSTRAINT "versions_document_seq_unique" UNIQUE("document_id","seq")
);
--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_previous_version_id_versions_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fetch_runs" ADD CONSTRAINT "fetch_runs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fetch_runs" ADD CONSTRAINT "fetch_runs_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fetch_runs" ADD CONSTRAINT "fetch_runs_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "versions" ADD CONSTRAINT "versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "versions" ADD CONSTRAINT "versions_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "changes_document_idx" ON "changes" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_platform_idx" ON "documents" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "fetch_runs_document_started_idx" ON "fetch_runs" USING btree ("document_id","started_at");--> statement-breakpoint
CREATE INDEX "fetch_runs_started_idx" ON "fetch_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "versions_document_captured_idx" ON "versions" USING btree ("document_id","captured_at");--> statement-breakpoint
CREATE INDEX "versions_captured_idx" ON "versions" USING btree ("captured_at");