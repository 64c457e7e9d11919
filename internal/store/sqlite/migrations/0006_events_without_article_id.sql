-- Events name their article through article_seq (joined to articles
-- for the id); a copy of the 64-character id in every event row was a
-- tenth of the row.
ALTER TABLE events DROP COLUMN article_id;
