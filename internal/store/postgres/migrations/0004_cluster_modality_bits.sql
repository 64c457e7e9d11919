-- The modalities reported for a cluster as a bit set (asserted 1,
-- future 2, possible 4, denied 8, alleged 16, habitual 32, negated 64),
-- updated with | in the cluster's own upsert instead of a row per
-- cluster and modality. cluster_modalities keeps only modalities
-- without a bit (none today).
ALTER TABLE clusters ADD COLUMN modalities BIGINT NOT NULL DEFAULT 0;
UPDATE clusters SET modalities = (SELECT COALESCE(SUM(CASE m.modality
		WHEN 'asserted' THEN 1 WHEN 'future' THEN 2 WHEN 'possible' THEN 4 WHEN 'denied' THEN 8
		WHEN 'alleged' THEN 16 WHEN 'habitual' THEN 32 WHEN 'negated' THEN 64 ELSE 0 END), 0)
	FROM cluster_modalities m WHERE m.cluster = clusters.id);
DELETE FROM cluster_modalities WHERE modality IN ('asserted', 'future', 'possible', 'denied', 'alleged', 'habitual', 'negated');
