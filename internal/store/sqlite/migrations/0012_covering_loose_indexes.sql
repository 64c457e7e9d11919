-- The timeline's second and third reads (events whose date is not a day;
-- events with fatalities) answered from the partial indexes alone: with
-- a third of a store's events undated or coarse, fetching their rows
-- cost a timeline ten times its aggregate read.
DROP INDEX events_loose;
DROP INDEX events_loose_target;
DROP INDEX events_fatal;
CREATE INDEX events_loose ON events (source_code, target_code, prec, day, quad_class, goldstein, cameo_root, cameo)
	WHERE prec <> 'day';
CREATE INDEX events_loose_target ON events (target_code, source_code, prec, day, quad_class, goldstein, cameo_root, cameo)
	WHERE prec <> 'day';
CREATE INDEX events_fatal ON events (source_code, target_code, day, prec, fatalities, cameo_root, cameo)
	WHERE fatalities > 0;
CREATE INDEX events_fatal_target ON events (target_code, source_code, day, prec, fatalities, cameo_root, cameo)
	WHERE fatalities > 0;
