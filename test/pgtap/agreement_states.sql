-- Agreement states as values: per-day states stored in a table roll up,
-- in any grouping and order, to exactly the state and the coefficients
-- one aggregate over all the rows gives; the same with parallel workers;
-- text and binary forms round-trip.  Cancellation: agreement_cancel.sql.
BEGIN;
SET search_path = public, annot;
SELECT plan(14);

SELECT setseed(0.4242);
-- 28 days of ratings: items rated by 2 to 5 raters, some across days
CREATE TEMP TABLE st_ratings AS
SELECT day, item, rater,
	CASE WHEN random() < 0.08 THEN NULL
		WHEN random() < 0.65 THEN (item * 7) % 5
		ELSE floor(random() * 5)::int END AS label
FROM generate_series(1, 28) day, generate_series(1, 40) i,
	LATERAL (SELECT day * 30 + i AS item) it,
	LATERAL generate_series(1, 2 + (item % 4)) rater;
-- ratings of some items arrive on a later day too
INSERT INTO st_ratings
SELECT day + 1, item, rater + 10, label FROM st_ratings WHERE item % 9 = 0 AND day < 28;
-- two annotators' labels per object, text labels
CREATE TEMP TABLE st_pairs AS
SELECT day, 'c' || a AS a, 'c' || CASE WHEN random() < 0.7 THEN a ELSE floor(random() * 6)::int END AS b
FROM generate_series(1, 28) day, LATERAL (SELECT floor(random() * 6)::int AS a FROM generate_series(1, 50)) x;

CREATE TEMP TABLE st_daily AS
SELECT day, agreement_items(item, label) AS items FROM st_ratings GROUP BY day;
CREATE TEMP TABLE st_daily_pairs AS
SELECT day, agreement_pairs(a, b) AS pairs FROM st_pairs GROUP BY day;

-- weekly rollups of stored daily states = the weekly aggregate, to the byte
SELECT is((SELECT count(*) FROM (
	SELECT (day - 1) / 7 AS week, agreement_merge(items)::text AS s FROM st_daily GROUP BY 1) m
	FULL JOIN (SELECT (day - 1) / 7 AS week, agreement_items(item, label)::text AS s FROM st_ratings GROUP BY 1) f
	USING (week) WHERE m.s IS DISTINCT FROM f.s), 0::bigint,
	'weekly rollups of daily item states equal the weekly aggregate state');
SELECT is((SELECT count(*) FROM (
	SELECT (day - 1) / 7 AS week, agreement_merge(pairs)::text AS s FROM st_daily_pairs GROUP BY 1) m
	FULL JOIN (SELECT (day - 1) / 7 AS week, agreement_pairs(a, b)::text AS s FROM st_pairs GROUP BY 1) f
	USING (week) WHERE m.s IS DISTINCT FROM f.s), 0::bigint,
	'weekly rollups of daily pair states equal the weekly aggregate state');

-- every coefficient read from a rollup is bit-identical to the aggregate
CREATE TEMP TABLE st_weekly AS
SELECT (day - 1) / 7 AS week, agreement_merge(items) AS items FROM st_daily GROUP BY 1;
CREATE TEMP TABLE st_fresh AS
SELECT (day - 1) / 7 AS week,
	fleiss_kappa_ci(item, label) AS fleiss, fleiss_kappa_ci(item, label, 'linear', 0.9) AS fleiss_linear,
	gwet_ac1_ci(item, label) AS ac1, gwet_ac2_ci(item, label, 'quadratic') AS ac2,
	percent_agreement_ci(item, label) AS pa,
	krippendorff_alpha_ci(item, label, 'interval') AS alpha,
	krippendorff_alpha_ci(item, label, 'ordinal', 0.99) AS alpha_ordinal
FROM st_ratings GROUP BY 1;
SELECT is((SELECT count(*) FROM st_weekly w JOIN st_fresh f USING (week)
	WHERE fleiss_kappa(w.items) IS DISTINCT FROM f.fleiss
		OR fleiss_kappa(w.items, 'linear', 0.9) IS DISTINCT FROM f.fleiss_linear
		OR gwet_ac1(w.items) IS DISTINCT FROM f.ac1
		OR gwet_ac2(w.items, 'quadratic') IS DISTINCT FROM f.ac2
		OR percent_agreement(w.items) IS DISTINCT FROM f.pa
		OR krippendorff_alpha(w.items, 'interval') IS DISTINCT FROM f.alpha
		OR krippendorff_alpha(w.items, 'ordinal', 0.99) IS DISTINCT FROM f.alpha_ordinal), 0::bigint,
	'seven coefficients read from weekly rollups are bit-identical to the aggregates');
SELECT is((SELECT count(*) FROM st_weekly), 4::bigint, 'four weeks rolled up');
SELECT is((SELECT count(*) FROM (
	SELECT (day - 1) / 7 AS week, agreement_merge(pairs) AS s FROM st_daily_pairs GROUP BY 1) m
	JOIN (SELECT (day - 1) / 7 AS week, cohen_kappa_ci(a, b) AS k, confusion_matrix(a, b) AS cm
		FROM st_pairs GROUP BY 1) f USING (week)
	WHERE cohen_kappa(m.s) IS DISTINCT FROM f.k OR confusion_matrix(m.s) IS DISTINCT FROM f.cm), 0::bigint,
	'Cohen''s kappa and the confusion matrix of pair rollups equal the aggregates');

-- a rollup of rollups, in any order, is the rollup of everything
SELECT is((SELECT agreement_merge(items ORDER BY week DESC)::text FROM st_weekly),
	(SELECT agreement_items(item, label)::text FROM st_ratings),
	'rolling up weekly rollups gives the state of all ratings');
SELECT is((SELECT agreement_merge(items ORDER BY random())::text FROM st_daily),
	(SELECT agreement_merge(items ORDER BY day)::text FROM st_daily),
	'the order of the states does not matter');
SELECT is((SELECT agreement_merge(s)::text FROM (
	SELECT agreement_items(item, label) AS s FROM st_ratings GROUP BY rater) r),
	(SELECT agreement_items(item, label)::text FROM st_ratings),
	'per-annotator states roll up to the state of all ratings (every item split)');

-- one scan, several coefficients: the aggregates share one state
SELECT is((SELECT fleiss_kappa(agreement_items(item, label)) = fleiss_kappa_ci(item, label)
	AND krippendorff_alpha(agreement_items(item, label)) = krippendorff_alpha_ci(item, label)
	FROM st_ratings), true, 'aggregates and readers agree within one query');

-- text labels whose order differs from their numeric order
SELECT is((SELECT agreement_merge(s)::text FROM (
	SELECT agreement_items(item, label::text) AS s FROM st_ratings GROUP BY day % 3) d),
	(SELECT agreement_items(item, label::text)::text FROM st_ratings),
	'states of text labels roll up exactly too');

-- round trips
SELECT is((SELECT count(*) FROM st_daily WHERE items::text::agreement_items::text <> items::text
	OR decode(items::text, 'base64') <> agreement_items_send(items)), 0::bigint,
	'item states: text form is base64 of the binary form and reads back');
SELECT is((SELECT count(*) FROM st_daily_pairs WHERE pairs::text::agreement_pairs::text <> pairs::text),
	0::bigint, 'pair states: text form reads back');

-- parallel workers: the same rollup and the same aggregate state
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE st_big AS
SELECT g % 50000 AS item, (g * 7 + g / 50000) % 6 AS label, g % 30 AS day FROM generate_series(1, 400000) g;
-- temp tables are not scanned in parallel: a plain table, dropped at ROLLBACK
CREATE TABLE public.agreement_states_big AS SELECT * FROM st_big;
ANALYZE public.agreement_states_big;
SELECT is((SELECT agreement_items(item, label)::text FROM public.agreement_states_big),
	(SELECT agreement_items(item, label)::text FROM st_big),
	'parallel aggregate state equals the serial one');
CREATE TEMP TABLE st_plan (line text);
DO $$
DECLARE
	l text;
BEGIN
	FOR l IN EXPLAIN SELECT agreement_items(item, label) FROM public.agreement_states_big LOOP
		INSERT INTO st_plan VALUES (l);
	END LOOP;
END $$;
SELECT ok(EXISTS (SELECT 1 FROM st_plan WHERE line LIKE '%Partial Aggregate%'),
	'the state aggregate runs in parallel workers');
RESET max_parallel_workers_per_gather;

SELECT * FROM finish();
ROLLBACK;
