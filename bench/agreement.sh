#!/usr/bin/env bash
# bench/agreement.sh -- agreement aggregates against the anchors of the
# agreement issue; prints times and ratios.  Not part of the tests.
#   10M label pairs: cohen_kappa vs count(*) over the same rows (target
#     <= 1.5x), vs the best plain-SQL kappa, four scans with GROUP BY
#     (target: annot >= 3x faster), and with 2 parallel workers vs none
#     (target >= 1.7x speedup)
#   1M ratings (250k items x 4 raters): fleiss_kappa and krippendorff_alpha,
#     serial and with 2 workers, and Fleiss' kappa in plain SQL
source "$(dirname "$0")/../scripts/common.sh"
PAIRS=${PAIRS:-10000000}
ITEMS=${ITEMS:-250000}

ensure_packages
build_and_install
trap stop_cluster EXIT
start_cluster bench "${ANNOT_BENCH_PORT:-54432}"

q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -c 'CREATE EXTENSION annot;'
q -f "$ANNOT_ROOT/bench/common.sql"
log "building $PAIRS label pairs and $ITEMS items x 4 ratings"
q <<SQL
SELECT setseed(0.5);
-- two annotators, 10 classes, 80% agreement
CREATE TABLE pairs AS
SELECT a, CASE WHEN random() < 0.8 THEN a ELSE floor(random() * 10)::int END AS b
FROM (SELECT floor(random() * 10)::int AS a FROM generate_series(1, $PAIRS)) s;
CREATE TABLE ratings AS
SELECT item, rater, CASE WHEN random() < 0.7 THEN item % 5 ELSE floor(random() * 5)::int END AS label
FROM generate_series(1, $ITEMS) item, generate_series(1, 4) rater;
VACUUM ANALYZE pairs;
VACUUM ANALYZE ratings;
SQL

log "timing (best of 5 rounds for the pairs, 3 for the ratings; the queries take turns so that load from elsewhere hits them alike)"
q <<'SQL'
-- Best milliseconds of each query over reps rounds; in each round every
-- query runs once, serial ones with no workers, parallel ones with 2.
CREATE FUNCTION bench.best_ms_interleaved(queries text[], workers int[], reps int)
RETURNS float8[] LANGUAGE plpgsql AS $$
DECLARE
	best float8[] := array_fill('Infinity'::float8, ARRAY[array_length(queries, 1)]);
	t0 timestamptz;
	dummy record;
BEGIN
	PERFORM set_config('jit', 'off', true);
	PERFORM set_config('parallel_setup_cost', '0', true);
	PERFORM set_config('parallel_tuple_cost', '0', true);
	PERFORM set_config('min_parallel_table_scan_size', '0', true);
	FOR r IN 1 .. reps LOOP
		FOR i IN 1 .. array_length(queries, 1) LOOP
			PERFORM set_config('max_parallel_workers_per_gather', workers[i]::text, true);
			t0 := clock_timestamp();
			EXECUTE queries[i] INTO dummy;
			best[i] := least(best[i], extract(epoch FROM clock_timestamp() - t0) * 1000);
		END LOOP;
	END LOOP;
	RETURN best;
END $$;
CREATE TEMP TABLE m AS SELECT bench.best_ms_interleaved(ARRAY[
	'SELECT count(*) FROM pairs',
	'SELECT annot.cohen_kappa(a, b) FROM pairs',
	$q$
		WITH n AS (SELECT count(*)::float8 AS n FROM pairs),
		po AS (SELECT count(*)::float8 AS agree FROM pairs WHERE a = b),
		ra AS (SELECT a AS l, count(*)::float8 AS c FROM pairs GROUP BY a),
		rb AS (SELECT b AS l, count(*)::float8 AS c FROM pairs GROUP BY b),
		pe AS (SELECT sum(ra.c * rb.c) AS e FROM ra JOIN rb USING (l))
		SELECT (agree / n - e / (n * n)) / (1 - e / (n * n)) FROM n, po, pe$q$,
	'SELECT annot.cohen_kappa(a, b) FROM pairs',
	'SELECT count(*) FROM pairs'], ARRAY[0, 0, 0, 2, 2], 5) AS p,
	bench.best_ms_interleaved(ARRAY[
	'SELECT annot.fleiss_kappa(item, label) FROM ratings',
	$q$SELECT annot.krippendorff_alpha(item, label, 'interval') FROM ratings$q$,
	$q$
		WITH c AS (SELECT item, label, count(*)::float8 AS n FROM ratings GROUP BY item, label),
		i AS (SELECT item, sum(n * (n - 1)) / (sum(n) * (sum(n) - 1)) AS p FROM c GROUP BY item),
		k AS (SELECT label, sum(n) AS n FROM c GROUP BY label),
		e AS (SELECT sum((n / t) ^ 2) AS pe FROM k, (SELECT sum(n) AS t FROM k) tt)
		SELECT (avg(p) - pe) / (1 - pe) FROM i, e GROUP BY pe$q$,
	'SELECT annot.fleiss_kappa(item, label) FROM ratings',
	$q$SELECT annot.krippendorff_alpha(item, label, 'interval') FROM ratings$q$], ARRAY[0, 0, 0, 2, 2], 3) AS r;
CREATE TEMP TABLE t AS SELECT p[1] AS count_ms, p[2] AS kappa_ms, p[3] AS sql_ms, p[4] AS kappa_par_ms,
	p[5] AS count_par_ms, r[1] AS fleiss_ms, r[2] AS alpha_ms, r[3] AS fleiss_sql_ms, r[4] AS fleiss_par_ms,
	r[5] AS alpha_par_ms FROM m;
\pset format aligned
\pset tuples_only off
\echo '10M label pairs, no parallel workers unless stated'
SELECT 'count(*)' AS query, round(count_ms::numeric, 0) AS ms, 1.00 AS x_count, NULL::numeric AS annot_speedup FROM t
UNION ALL SELECT 'annot.cohen_kappa(a, b)', round(kappa_ms::numeric, 0), round((kappa_ms / count_ms)::numeric, 2), 1.00 FROM t
UNION ALL SELECT 'plain SQL kappa (4 scans, GROUP BY)', round(sql_ms::numeric, 0), round((sql_ms / count_ms)::numeric, 2), round((sql_ms / kappa_ms)::numeric, 2) FROM t
UNION ALL SELECT 'annot.cohen_kappa, 2 workers', round(kappa_par_ms::numeric, 0), round((kappa_par_ms / count_ms)::numeric, 2), round((kappa_ms / kappa_par_ms)::numeric, 2) FROM t
UNION ALL SELECT 'count(*), 2 workers', round(count_par_ms::numeric, 0), round((count_par_ms / count_ms)::numeric, 2), NULL FROM t;
SELECT CASE WHEN kappa_ms / count_ms <= 1.5 THEN 'met' ELSE 'MISSED' END AS "kappa <= 1.5x count(*)",
	CASE WHEN sql_ms / kappa_ms >= 3 THEN 'met' ELSE 'MISSED' END AS ">= 3x plain SQL",
	CASE WHEN kappa_ms / kappa_par_ms >= 1.7 THEN 'met' ELSE 'MISSED' END AS ">= 1.7x from 2 workers"
FROM t;
\echo '1M ratings (250k items x 4 raters)'
SELECT 'annot.fleiss_kappa(item, label)' AS query, round(fleiss_ms::numeric, 0) AS ms,
	round((fleiss_ms / fleiss_par_ms)::numeric, 2) AS speedup_2_workers, NULL::numeric AS annot_speedup FROM t
UNION ALL SELECT 'annot.krippendorff_alpha(item, label, ''interval'')', round(alpha_ms::numeric, 0),
	round((alpha_ms / alpha_par_ms)::numeric, 2), NULL FROM t
UNION ALL SELECT 'plain SQL Fleiss kappa (no SE)', round(fleiss_sql_ms::numeric, 0), NULL,
	round((fleiss_sql_ms / fleiss_ms)::numeric, 2) FROM t;
SELECT round(load1::numeric, 2) AS "load average during the run (1 min)" FROM
	(SELECT split_part(pg_read_file('/proc/loadavg'), ' ', 1)::float8 AS load1) l;
SQL
