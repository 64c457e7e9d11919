-- How exact an event's place is: the precision of its location's place
-- entity ('point', 'city', 'division', 'country'; '' when unknown), so
-- that maps draw a country centroid as a country-level guess, not as a
-- place. Rows stored before this take it from their entity's JSON.
ALTER TABLE events ADD COLUMN loc_prec TEXT NOT NULL DEFAULT '';
UPDATE events SET loc_prec = COALESCE((SELECT json_extract(en.data, '$.precision') FROM entities en
	WHERE en.article_seq = events.article_seq AND en.eid = json_extract(events.data, '$.location.entity')), '')
	WHERE json_extract(events.data, '$.location.entity') IS NOT NULL;
