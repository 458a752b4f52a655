-- Full-text search over versions: one generated tsvector per configuration Termtrail speaks
-- (documents.locale picks which one a query uses: French for fr*, English otherwise).
ALTER TABLE "versions" ADD COLUMN "search_en" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "markdown")) STORED;--> statement-breakpoint
ALTER TABLE "versions" ADD COLUMN "search_fr" tsvector GENERATED ALWAYS AS (to_tsvector('french'::regconfig, "markdown")) STORED;--> statement-breakpoint
CREATE INDEX "versions_search_en_idx" ON "versions" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "versions_search_fr_idx" ON "versions" USING gin ("search_fr");
