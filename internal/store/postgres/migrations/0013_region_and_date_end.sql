-- An event's first-level division (state, province): region is the
-- GeoNames code with the ISO alpha-2 country ("US.TX"), region_name its
-- name, both '' when the place is a country-level guess or unknown
-- (store.Regions, filled when an article is stored; events stored before
-- this migration keep '' until re-ingested: the gazetteer is not in SQL).
-- day_to is the last day of a date range whose end is known
-- (model.EventDate.To), '' otherwise, so that timelines draw it closed.
ALTER TABLE events ADD COLUMN region TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN region_name TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN day_to TEXT NOT NULL DEFAULT '';
CREATE INDEX events_region ON events (region, day);
