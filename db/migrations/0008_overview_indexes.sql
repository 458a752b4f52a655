-- The overview charts: events of one kind in time order, and versions per month without reading their text.
CREATE INDEX IF NOT EXISTS "events_kind_occurred_idx" ON "events" ("kind", "occurred_on");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "versions_captured_activity_idx" ON "versions" ("captured_at") INCLUDE ("document_id", "word_count");
