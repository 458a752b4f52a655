-- An event or a case without a citation or archived evidence cannot be saved.
-- Checked at commit (deferred), so an event and its citations can be inserted in one transaction.
CREATE FUNCTION assert_event_cited(target bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF target IS NULL OR NOT EXISTS (SELECT 1 FROM events WHERE id = target) THEN RETURN; END IF;
  IF NOT EXISTS (SELECT 1 FROM citations WHERE event_id = target) THEN
    RAISE EXCEPTION 'event % has no citation or evidence', target USING ERRCODE = '23514';
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION assert_case_cited(target bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF target IS NULL OR NOT EXISTS (SELECT 1 FROM cases WHERE id = target) THEN RETURN; END IF;
  IF NOT EXISTS (SELECT 1 FROM citations WHERE case_id = target) THEN
    RAISE EXCEPTION 'case % has no citation or evidence', target USING ERRCODE = '23514';
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION events_need_citation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM assert_event_cited(NEW.id); RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION cases_need_citation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM assert_case_cited(NEW.id); RETURN NULL; END $$;
--> statement-breakpoint
CREATE FUNCTION citations_keep_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM assert_event_cited(OLD.event_id);
  PERFORM assert_case_cited(OLD.case_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER events_need_citation AFTER INSERT OR UPDATE ON events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_need_citation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cases_need_citation AFTER INSERT OR UPDATE ON cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cases_need_citation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER citations_keep_evidence AFTER DELETE OR UPDATE ON citations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION citations_keep_evidence();
