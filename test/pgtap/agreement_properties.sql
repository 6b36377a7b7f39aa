-- Properties of the agreement aggregates on seeded random ratings: they
-- agree with the textbook formulas written in plain SQL, are invariant
-- where the coefficient is, do not depend on row order or on parallel
-- workers, and their intervals are well formed.
BEGIN;
SET search_path = public, annot;
SELECT plan(18);

SELECT setseed(0.2024);
-- 60 groups of two raters, 3 to 6 classes, varying agreement
CREATE TEMP TABLE pr AS
SELECT g, a, CASE WHEN random() < 0.35 + (g % 5) * 0.1 THEN a ELSE floor(random() * k)::int END AS b
FROM (SELECT g, 3 + g % 4 AS k FROM generate_series(1, 60) g) gg,
	LATERAL (SELECT floor(random() * k)::int AS a FROM generate_series(1, 50 + g * 7)) r;
-- 40 groups of items rated by 2 to 5 raters, some ratings missing
CREATE TEMP TABLE rt AS
SELECT g, item, rater,
	CASE WHEN random() < 0.1 THEN NULL
		WHEN random() < 0.6 THEN (item * 7 + g) % 4
		ELSE floor(random() * 4)::int END AS label
FROM generate_series(1, 40) g, generate_series(1, 30 + g) item,
	LATERAL generate_series(1, 2 + (item + g) % 4) rater;

-- Cohen's kappa = the four-scan plain-SQL formula
SELECT is((
	WITH n AS (SELECT g, count(*)::float8 AS n FROM pr GROUP BY g),
	po AS (SELECT g, count(*) FILTER (WHERE a = b)::float8 AS agree FROM pr GROUP BY g),
	ra AS (SELECT g, a AS l, count(*)::float8 AS c FROM pr GROUP BY g, a),
	rb AS (SELECT g, b AS l, count(*)::float8 AS c FROM pr GROUP BY g, b),
	pe AS (SELECT g, sum(ra.c * rb.c) AS e FROM ra JOIN rb USING (g, l) GROUP BY g),
	sql AS (SELECT g, (agree / n - coalesce(e, 0) / (n * n)) / (1 - coalesce(e, 0) / (n * n)) AS kappa
		FROM n JOIN po USING (g) LEFT JOIN pe USING (g)),
	ours AS (SELECT g, cohen_kappa(a, b) AS kappa FROM pr GROUP BY g)
	SELECT count(*) FROM sql JOIN ours USING (g) WHERE abs(sql.kappa - ours.kappa) > 1e-12), 0::bigint,
	'cohen_kappa equals the plain-SQL formula in all 60 groups');

-- Cohen's kappa is symmetric in the raters; so are its error and interval
SELECT is((SELECT count(*) FROM (
	SELECT g, cohen_kappa_ci(a, b, 'quadratic') AS x, cohen_kappa_ci(b, a, 'quadratic') AS y FROM pr GROUP BY g) s
	WHERE abs((x).estimate - (y).estimate) > 1e-12 OR abs((x).se - (y).se) > 1e-12), 0::bigint,
	'weighted kappa and its standard error are symmetric in the raters');

-- unweighted kappa does not depend on the names of the labels
SELECT is((SELECT count(*) FROM (
	SELECT g, cohen_kappa(a, b) AS x, cohen_kappa('class ' || (a * 13 % 7), 'class ' || (b * 13 % 7)) AS y
	FROM pr GROUP BY g) s WHERE abs(x - y) > 1e-12), 0::bigint,
	'unweighted kappa is invariant under renaming labels (int vs text)');

-- linear and quadratic weights on the range scale are invariant under
-- an increasing affine map of the labels
SELECT is((SELECT count(*) FROM (
	SELECT g, cohen_kappa(a, b, 'quadratic', 'range') AS x,
		cohen_kappa(2.5 * a - 7, 2.5 * b - 7, 'quadratic', 'range') AS y FROM pr GROUP BY g) s
	WHERE abs(x - y) > 1e-12), 0::bigint,
	'quadratic kappa on the value range is invariant under affine maps');

-- perfect agreement gives 1 with zero standard error
SELECT is((SELECT count(*) FROM (SELECT g, cohen_kappa_ci(a, a) AS k FROM pr GROUP BY g) s
	WHERE (k).estimate <> 1 OR (k).se <> 0), 0::bigint, 'kappa of a rater with itself is 1, se 0');

-- Fleiss' kappa of two raters with full data is Scott's pi
SELECT is((
	WITH p AS (SELECT g, count(*)::float8 AS n, avg((a = b)::int) AS po FROM pr GROUP BY g),
	m AS (SELECT g, l, count(*)::float8 AS c FROM (SELECT g, a AS l FROM pr UNION ALL SELECT g, b FROM pr) u GROUP BY g, l),
	e AS (SELECT g, sum(c * c) AS s FROM m GROUP BY g),
	pi AS (SELECT g, (po - s / (4 * n * n)) / (1 - s / (4 * n * n)) AS pi FROM p JOIN e USING (g)),
	ours AS (SELECT g, fleiss_kappa(i, l) AS f FROM (
		SELECT g, row_number() OVER (PARTITION BY g ORDER BY a, b) AS i, a, b FROM pr) x,
		LATERAL (VALUES (a), (b)) v(l) GROUP BY g)
	SELECT count(*) FROM pi JOIN ours USING (g) WHERE abs(pi - f) > 1e-12), 0::bigint,
	'Fleiss'' kappa of two complete raters equals Scott''s pi');

-- percent agreement = the mean share of agreeing rater pairs (plain SQL)
SELECT is((
	WITH c AS (SELECT g, item, label, count(*)::float8 AS n FROM rt WHERE label IS NOT NULL GROUP BY g, item, label),
	i AS (SELECT g, item, sum(n * (n - 1)) AS agree, sum(n) AS r FROM c GROUP BY g, item),
	sql AS (SELECT g, avg(agree / (r * (r - 1))) AS pa FROM i WHERE r >= 2 GROUP BY g),
	ours AS (SELECT g, percent_agreement(item, label) AS pa FROM rt GROUP BY g)
	SELECT count(*) FROM sql JOIN ours USING (g) WHERE abs(sql.pa - ours.pa) > 1e-12), 0::bigint,
	'percent_agreement equals the plain-SQL formula');

-- Krippendorff's nominal alpha from the coincidence matrix (Krippendorff 2011)
SELECT is((
	WITH u AS (SELECT g, item, count(*)::float8 AS m FROM rt WHERE label IS NOT NULL GROUP BY g, item HAVING count(*) >= 2),
	v AS (SELECT rt.g, rt.item, label, count(*)::float8 AS n, m FROM rt JOIN u USING (g, item)
		WHERE label IS NOT NULL GROUP BY rt.g, rt.item, label, m),
	d AS (SELECT g, sum(n * (m - n) / (m - 1)) AS disagree, sum(n) AS total FROM v GROUP BY g),
	mc AS (SELECT g, label, sum(n) AS nc FROM v GROUP BY g, label),
	e AS (SELECT g, sum(nc * nc) AS s FROM mc GROUP BY g),
	sql AS (SELECT g, 1 - (total - 1) * disagree / (total * total - s) AS alpha FROM d JOIN e USING (g)),
	ours AS (SELECT g, krippendorff_alpha(item, label) AS alpha FROM rt GROUP BY g)
	SELECT count(*) FROM sql JOIN ours USING (g) WHERE abs(sql.alpha - ours.alpha) > 1e-12), 0::bigint,
	'nominal alpha equals the coincidence-matrix formula');

-- interval alpha is invariant under affine maps of the values
SELECT is((SELECT count(*) FROM (
	SELECT g, krippendorff_alpha(item, label, 'interval') AS x,
		krippendorff_alpha(item, 3 * label + 11, 'interval') AS y FROM rt GROUP BY g) s
	WHERE abs(x - y) > 1e-12), 0::bigint, 'interval alpha is invariant under affine maps');
-- ordinal alpha depends only on the order of the values
SELECT is((SELECT count(*) FROM (
	SELECT g, krippendorff_alpha(item, label, 'ordinal') AS x,
		krippendorff_alpha(item, label * label * label + 0.5, 'ordinal') AS y FROM rt GROUP BY g) s
	WHERE abs(x - y) > 1e-12), 0::bigint, 'ordinal alpha is invariant under increasing maps');

-- results do not depend on the order of the rows, to the last bit
SELECT is((SELECT count(*) FROM (
	SELECT g, fleiss_kappa_ci(item, label) AS x, gwet_ac2_ci(item, label, 'linear') AS y,
		krippendorff_alpha_ci(item, label, 'ordinal') AS z FROM rt GROUP BY g) s1
	JOIN (SELECT g, fleiss_kappa_ci(item, label ORDER BY random()) AS x,
		gwet_ac2_ci(item, label, 'linear' ORDER BY random()) AS y,
		krippendorff_alpha_ci(item, label, 'ordinal' ORDER BY random()) AS z FROM rt GROUP BY g) s2 USING (g)
	WHERE s1.x IS DISTINCT FROM s2.x OR s1.y IS DISTINCT FROM s2.y OR s1.z IS DISTINCT FROM s2.z), 0::bigint,
	'item coefficients are identical whatever the order of the rows');

-- intervals: lower <= estimate <= upper, upper <= 1 for the irrCAC family
SELECT is((SELECT count(*) FROM (
	SELECT fleiss_kappa_ci(item, label) AS x, gwet_ac1_ci(item, label) AS y,
		percent_agreement_ci(item, label) AS z, krippendorff_alpha_ci(item, label) AS w FROM rt GROUP BY g) s,
	LATERAL (VALUES (x), (y), (z), (w)) v(k)
	WHERE NOT ((k).ci_lower <= (k).estimate AND (k).estimate <= (k).ci_upper AND (k).ci_upper <= 1 AND (k).se >= 0)), 0::bigint,
	'every interval holds its estimate and stays below 1');
SELECT is((SELECT count(*) FROM (SELECT g, cohen_kappa_ci(a, b) AS k, cohen_kappa_ci(a, b, 'unweighted', 0.99) AS k99
	FROM pr GROUP BY g) s WHERE NOT ((k99).ci_lower < (k).ci_lower AND (k99).ci_upper > (k).ci_upper)), 0::bigint,
	'a 99% interval contains the 95% interval');

-- the t quantile behind irrCAC intervals (mpmath, 40 digits): 12 items
-- give 11 degrees of freedom, 30 items 29
SELECT ok(abs(((k).estimate - (k).ci_lower) / (k).se - 2.200985160091639) < 1e-12,
	't quantile, 11 degrees of freedom, 95%')
FROM (SELECT fleiss_kappa_ci(item, label) AS k FROM rt WHERE g = 1 AND item <= 12) s;
SELECT ok(abs(((k).estimate - (k).ci_lower) / (k).se - 3.659405019466374) < 1e-12,
	't quantile, 29 degrees of freedom, 99.9%')
FROM (SELECT fleiss_kappa_ci(item, label, 'unweighted', 0.999) AS k FROM rt WHERE g = 2 AND item <= 30) s;
SELECT ok(abs(((k).estimate - (k).ci_lower) / (k).se - 1.959963984540054) < 1e-13,
	'normal quantile of the Wald interval, 95%')
FROM (SELECT cohen_kappa_ci(a, b) AS k FROM pr WHERE g = 3) s;

-- parallel workers: every group the same as in a serial plan
CREATE TEMP TABLE serial AS
SELECT g, fleiss_kappa_ci(item, label) AS f, krippendorff_alpha_ci(item, label, 'interval') AS k,
	gwet_ac1_ci(item, label) AS a FROM rt GROUP BY g;
CREATE TABLE agree_par AS SELECT * FROM rt;
ANALYZE agree_par;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL enable_hashagg = off;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text AS $$
DECLARE
	l text;
	r text := '';
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		r := r || l || E'\n';
	END LOOP;
	RETURN r;
END $$ LANGUAGE plpgsql;
SELECT ok(pg_temp.plan_of('SELECT g, fleiss_kappa(item, label) FROM agree_par GROUP BY g') ~ 'Partial',
	'a grouped agreement aggregate runs as partial aggregates in workers');
SELECT is((SELECT count(*) FROM serial s JOIN (
	SELECT g, fleiss_kappa_ci(item, label) AS f, krippendorff_alpha_ci(item, label, 'interval') AS k,
		gwet_ac1_ci(item, label) AS a FROM agree_par GROUP BY g) p USING (g)
	WHERE s.f IS DISTINCT FROM p.f OR s.k IS DISTINCT FROM p.k OR s.a IS DISTINCT FROM p.a), 0::bigint,
	'parallel results equal serial results in all 40 groups');

SELECT * FROM finish();
ROLLBACK;
