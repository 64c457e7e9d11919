-- events_day carries each event's dyad and Goldstein score after (day,
-- key): the network of a stretch of days (store.DyadCounter) sums the
-- index alone instead of reading every event of the stretch; listings
-- keep reading it in (day, key) order.
DROP INDEX events_day;
CREATE INDEX events_day ON events (day, ekey, source_code, target_code, goldstein);
