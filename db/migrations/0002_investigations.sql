CREATE TABLE "case_data_categories" (
	"case_id" integer NOT NULL,
	"category_slug" text NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	CONSTRAINT "case_data_categories_case_id_category_slug_pk" PRIMARY KEY("case_id","category_slug")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"dominant_platform_id" integer NOT NULL,
	"partner" text NOT NULL,
	"leverage" jsonb NOT NULL,
	"started_on" date,
	"ended_on" date,
	"outcome" text,
	"status" text DEFAULT 'open' NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertain_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint,
	"case_id" integer,
	"publisher" text,
	"title" text,
	"published_on" date,
	"url" text,
	"version_id" bigint,
	"passage" text,
	"language" text,
	CONSTRAINT "citations_has_owner" CHECK ("citations"."event_id" is not null or "citations"."case_id" is not null),
	CONSTRAINT "citations_has_source" CHECK ("citations"."title" is not null or ("citations"."version_id" is not null and "citations"."passage" is not null))
);
--> statement-breakpoint
CREATE TABLE "event_data_categories" (
	"event_id" bigint NOT NULL,
	"category_slug" text NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_data_categories_event_id_category_slug_pk" PRIMARY KEY("event_id","category_slug")
);
--> statement-breakpoint
CREATE TABLE "event_postponements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"new_deadline" date NOT NULL,
	"announced_on" date NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "event_recipients" (
	"event_id" bigint NOT NULL,
	"recipient_id" integer NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_recipients_event_id_recipient_id_pk" PRIMARY KEY("event_id","recipient_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"platform_id" integer,
	"case_id" integer,
	"occurred_on" date NOT NULL,
	"announced_on" date,
	"deadline" date,
	"consequence" text,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"origin" text DEFAULT 'curated' NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertain_note" text,
	"seed_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_seed_key_unique" UNIQUE("seed_key")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"change_id" bigint NOT NULL,
	"document_id" integer NOT NULL,
	"version_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"category_slug" text,
	"recipient" text,
	"deadline" date,
	"subject" text NOT NULL,
	"excerpt" text NOT NULL,
	"state" text DEFAULT 'detected' NOT NULL,
	"dismissed_reason" text,
	"event_id" bigint,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "findings_change_subject_unique" UNIQUE("change_id","kind","subject")
);
--> statement-breakpoint
CREATE TABLE "data_categories" (
	"slug" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recipients" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "recipients_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "case_data_categories" ADD CONSTRAINT "case_data_categories_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_data_categories" ADD CONSTRAINT "case_data_categories_category_slug_data_categories_slug_fk" FOREIGN KEY ("category_slug") REFERENCES "public"."data_categories"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_dominant_platform_id_platforms_id_fk" FOREIGN KEY ("dominant_platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_data_categories" ADD CONSTRAINT "event_data_categories_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_data_categories" ADD CONSTRAINT "event_data_categories_category_slug_data_categories_slug_fk" FOREIGN KEY ("category_slug") REFERENCES "public"."data_categories"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_postponements" ADD CONSTRAINT "event_postponements_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_recipients" ADD CONSTRAINT "event_recipients_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_recipients" ADD CONSTRAINT "event_recipients_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_category_slug_data_categories_slug_fk" FOREIGN KEY ("category_slug") REFERENCES "public"."data_categories"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citations_event_idx" ON "citations" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "citations_case_idx" ON "citations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "events_occurred_idx" ON "events" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "events_platform_idx" ON "events" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "findings_state_idx" ON "findings" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "findings_document_idx" ON "findings" USING btree ("document_id");