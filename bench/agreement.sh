#!/usr/bin/env bash
# bench/agreement.sh -- agreement aggregates against the anchors of the
# agreement issues; prints times and ratios, all measured in one run.  Not
# part of the tests.
#   10M label pairs: cohen_kappa vs count(*) over the same rows (target
#     <= 1.5x), vs the best plain-SQL kappa, four scans with GROUP BY
#     (target: annot >= 3x faster), and with 2 parallel workers vs none
#     (target >= 1.7x speedup)
#   1M ratings (250k items x 4 raters): Fleiss, Gwet, Krippendorff and
#     percent agreement, serial and with 2 workers (target >= 1.5x speedup,
#     results bit-identical), beside count(*)'s own speedup, and the same
#     aggregates as 0.1.0 built them (BASE, a git revision: "before")
#   30 daily states of the 1M ratings merged vs one aggregate over the rows
source "$(dirname "$0")/../scripts/common.sh"
PAIRS=${PAIRS:-10000000}
ITEMS=${ITEMS:-250000}
# the last revision with 0.1.0's agreement code; empty: no "before" column
BASE=${BASE-5c0f37f}

ensure_packages
build_and_install

# 0.1.0's library as annot_before.so, its agreement aggregates in schema
# annot_before.  -Bsymbolic binds its calls to its own copies of the core.
before_sql=
if [ -n "$BASE" ]; then
	log "building the agreement code of $BASE as annot_before"
	tmp=$(mktemp -d)
	git -C "$ANNOT_ROOT" archive "$BASE" Makefile annot.control src | tar -x -C "$tmp"
	make -C "$tmp" -s -j2 MODULE_big=annot_before SHLIB_LINK="-lm -Wl,-Bsymbolic" \
		PG_CONFIG="$PG_CONFIG" annot_before.so >/dev/null
	cp "$tmp/annot_before.so" "$("$PG_CONFIG" --pkglibdir)/"
	before_sql=$(sed -n '/^-- Inter-annotator agreement/,$p' "$ANNOT_ROOT/src/ddl/released/annot--0.1.0.sql" |
		sed -e 's/annot\./annot_before./g' -e "s|MODULE_PATHNAME|\$libdir/annot_before|g")
	rm -rf "$tmp"
fi

trap stop_cluster EXIT
start_cluster bench "${ANNOT_BENCH_PORT:-54432}"

q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -c 'CREATE EXTENSION annot;'
q -f "$ANNOT_ROOT/bench/common.sql"
if [ -n "$before_sql" ]; then
	q -c 'CREATE SCHEMA annot_before'
	printf '%s\n' "$before_sql" | q
fi
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
CREATE TABLE daily AS
SELECT item % 30 AS day, annot.agreement_items(item, label) AS s FROM ratings GROUP BY 1;
VACUUM ANALYZE pairs;
VACUUM ANALYZE ratings;
VACUUM ANALYZE daily;
SQL
[ -n "$before_sql" ] || q -c 'CREATE SCHEMA annot_before' -c \
	'CREATE FUNCTION annot_before.fleiss_kappa(int, int) RETURNS float8 AS $$ SELECT NULL::float8 $$ LANGUAGE sql' \
	-c 'CREATE AGGREGATE annot_before.fleiss_kappa(int, int) (SFUNC = annot_before.fleiss_kappa, STYPE = float8)'

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
-- annot is loaded before annot_before in every session, workers too
SELECT annot.cohen_kappa(1, 1);
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
	'SELECT count(*) FROM ratings',
	'SELECT count(*) FROM ratings',
	'SELECT annot.fleiss_kappa(item, label) FROM ratings',
	'SELECT annot.fleiss_kappa(item, label) FROM ratings',
	$q$SELECT annot.krippendorff_alpha(item, label, 'interval') FROM ratings$q$,
	$q$SELECT annot.krippendorff_alpha(item, label, 'interval') FROM ratings$q$,
	'SELECT annot.gwet_ac1(item, label) FROM ratings',
	'SELECT annot.gwet_ac1(item, label) FROM ratings',
	'SELECT annot.percent_agreement(item, label) FROM ratings',
	'SELECT annot.percent_agreement(item, label) FROM ratings',
	'SELECT annot_before.fleiss_kappa(item, label) FROM ratings',
	'SELECT annot_before.fleiss_kappa(item, label) FROM ratings',
	$q$
		WITH c AS (SELECT item, label, count(*)::float8 AS n FROM ratings GROUP BY item, label),
		i AS (SELECT item, sum(n * (n - 1)) / (sum(n) * (sum(n) - 1)) AS p FROM c GROUP BY item),
		k AS (SELECT label, sum(n) AS n FROM c GROUP BY label),
		e AS (SELECT sum((n / t) ^ 2) AS pe FROM k, (SELECT sum(n) AS t FROM k) tt)
		SELECT (avg(p) - pe) / (1 - pe) FROM i, e GROUP BY pe$q$,
	'SELECT annot.fleiss_kappa(annot.agreement_merge(s)) FROM daily',
	'SELECT annot.fleiss_kappa(annot.agreement_items(item, label)) FROM ratings'],
	ARRAY[0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 0, 0], 3) AS r;
CREATE TEMP TABLE t AS SELECT p[1] AS count_ms, p[2] AS kappa_ms, p[3] AS sql_ms, p[4] AS kappa_par_ms,
	p[5] AS count_par_ms, r FROM m;
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
\echo '1M ratings (250k items x 4 raters): milliseconds serial and with 2 workers'
SELECT query, round(r[i]::numeric, 0) AS serial_ms, round(r[i + 1]::numeric, 0) AS workers_2_ms,
	round((r[i] / r[i + 1])::numeric, 2) AS speedup,
	CASE WHEN query LIKE 'count%' OR query LIKE '0.1.0%' THEN '' WHEN r[i] / r[i + 1] >= 1.5 THEN 'met' ELSE 'MISSED' END AS ">= 1.5x"
FROM t, (VALUES (1, 'count(*)'), (3, 'annot.fleiss_kappa'), (5, 'annot.krippendorff_alpha, interval'),
	(7, 'annot.gwet_ac1'), (9, 'annot.percent_agreement'), (11, '0.1.0 fleiss_kappa (before)')) v(i, query)
ORDER BY i;
SELECT round((r[13] / r[3])::numeric, 2) AS "fleiss_kappa speedup over plain SQL Fleiss (no SE)",
	round((r[14])::numeric, 0) AS "ms: 30 stored daily states merged, then read",
	round((r[15])::numeric, 0) AS "ms: one state aggregated over the 1M rows, then read",
	round((r[11] / r[3])::numeric, 2) AS "serial speedup over 0.1.0"
FROM t;
SELECT round(load1::numeric, 2) AS "load average during the run (1 min)" FROM
	(SELECT split_part(pg_read_file('/proc/loadavg'), ' ', 1)::float8 AS load1) l;
SQL
# results are bit-identical with and without workers
q <<'SQL'
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT annot.fleiss_kappa_ci(item, label)::text AS f, annot.krippendorff_alpha_ci(item, label, 'interval')::text AS k,
	annot.gwet_ac1_ci(item, label)::text AS g, annot.percent_agreement_ci(item, label)::text AS p,
	annot.agreement_items(item, label)::text AS s FROM ratings \gset par_
SET max_parallel_workers_per_gather = 0;
\pset tuples_only off
SELECT annot.fleiss_kappa_ci(item, label)::text = :'par_f'
	AND annot.krippendorff_alpha_ci(item, label, 'interval')::text = :'par_k'
	AND annot.gwet_ac1_ci(item, label)::text = :'par_g' AND annot.percent_agreement_ci(item, label)::text = :'par_p'
	AND annot.agreement_items(item, label)::text = :'par_s' AS "2 workers bit-identical to serial"
FROM ratings;
SQL
