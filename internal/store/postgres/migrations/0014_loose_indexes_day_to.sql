-- The timeline draws a range whose end is known (day_to, 0013) as a
-- closed span: its loose and fatality reads select day_to too, and the
-- covering partial indexes of 0012 carry it so that they stay covering.
DROP INDEX events_loose;
DROP INDEX events_loose_target;
DROP INDEX events_fatal;
DROP INDEX events_fatal_target;
CREATE INDEX events_loose ON events (source_code, target_code, prec, day)
	INCLUDE (quad_class, goldstein, cameo_root, cameo, day_to) WHERE prec <> 'day';
CREATE INDEX events_loose_target ON events (target_code, source_code, prec, day)
	INCLUDE (quad_class, goldstein, cameo_root, cameo, day_to) WHERE prec <> 'day';
CREATE INDEX events_fatal ON events (source_code, target_code, day, prec)
	INCLUDE (fatalities, cameo_root, cameo, day_to) WHERE fatalities > 0;
CREATE INDEX events_fatal_target ON events (target_code, source_code, day, prec)
	INCLUDE (fatalities, cameo_root, cameo, day_to) WHERE fatalities > 0;
