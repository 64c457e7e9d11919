-- Daily aggregates per country (the first three characters of an actor
-- code), so that "everything involving RUS" reads one actor's rows
-- instead of every dyad_daily_cc row with RUS on either side. role is
-- 's' when the actor is the source only, 't' the target only, 'b' both
-- (an event inside one country): "involving" sums all three, "as
-- source" s and b, "as target" t and b, each event counted once.
CREATE TABLE actor_daily_cc (
	actor         TEXT COLLATE "C" NOT NULL,
	cameo_root    TEXT COLLATE "C" NOT NULL,
	day           TEXT COLLATE "C" NOT NULL,
	quad_class    INTEGER NOT NULL,
	role          TEXT COLLATE "C" NOT NULL,
	n             BIGINT NOT NULL,
	goldstein_sum DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (actor, cameo_root, day, quad_class, role)
);

INSERT INTO actor_daily_cc (actor, cameo_root, day, quad_class, role, n, goldstein_sum)
SELECT actor, cameo_root, day, quad_class, role, SUM(n), SUM(goldstein_sum) FROM (
	SELECT source_code AS actor, cameo_root, day, quad_class,
		CASE WHEN source_code = target_code THEN 'b' ELSE 's' END AS role, n, goldstein_sum
	FROM dyad_daily_cc
	UNION ALL
	SELECT target_code, cameo_root, day, quad_class, 't', n, goldstein_sum
	FROM dyad_daily_cc WHERE target_code <> '' AND target_code <> source_code
) x GROUP BY actor, cameo_root, day, quad_class, role;
