#!/usr/bin/env bash
# bench/text.sh -- text output and literal validation against the anchors of
# the performance issue; prints times and ratios.  Not part of the tests.
#   COPY ... TO of 100k polygons (18 points, COCO-like two-place
#     coordinates) as text vs the same numbers as float8[] text
#     (target: at most 1.2x)
#   annot.input_is_valid(literal, 'annot.poly') over 100k polygon literals
#     vs a plain cast of the same literals (target: at most 1.2x)
# and, for reference, the same for boxes (text and COCO JSON output).
source "$(dirname "$0")/../scripts/common.sh"
ROWS=${ROWS:-100000}

ensure_packages
build_and_install
trap stop_cluster EXIT
start_cluster bench "${ANNOT_BENCH_PORT:-54363}"

q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -c 'CREATE EXTENSION annot;'
q -f "$ANNOT_ROOT/bench/common.sql"
# bench.best_ms for statements that return no rows (COPY ... TO)
q <<'SQL'
CREATE FUNCTION bench.best_run_ms(query text, reps int DEFAULT 3) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	best float8 := 'Infinity';
BEGIN
	FOR i IN 1 .. reps LOOP
		t0 := clock_timestamp();
		EXECUTE query;
		best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
	RETURN best;
END $$;
SQL
log "building $ROWS polygons of 18 points and $ROWS boxes"
q <<SQL
SELECT setseed(0.2);
-- jittered 18-gons, coordinates rounded to two places as COCO files hold them
CREATE TABLE polys AS
SELECT i, array_agg(round(v::numeric, 2)::float8 ORDER BY k) AS a
FROM (SELECT i, cx, cy, r FROM (SELECT i, 50 + random() * 500 AS cx,
		50 + random() * 300 AS cy, 10 + random() * 40 AS r
		FROM generate_series(1, $ROWS) i) c) c,
	LATERAL (SELECT 2 * j + d AS k,
			CASE d WHEN 0 THEN cx + r * (0.8 + random() * 0.4) * cos(j * pi() / 9)
			ELSE cy + r * (0.8 + random() * 0.4) * sin(j * pi() / 9) END AS v
		FROM generate_series(0, 17) j, generate_series(0, 1) d) p
GROUP BY i;
ALTER TABLE polys ADD COLUMN p annot.poly;
UPDATE polys SET p = annot.poly(jsonb_build_array(to_jsonb(a)));
ALTER TABLE polys ADD COLUMN lit text;
UPDATE polys SET lit = p::text;
CREATE TABLE boxes AS
SELECT annot.bbox_xywh(round((random() * 600)::numeric, 2)::float8,
	round((random() * 400)::numeric, 2)::float8,
	round((10 + random() * 90)::numeric, 2)::float8,
	round((10 + random() * 90)::numeric, 2)::float8) AS b
FROM generate_series(1, $ROWS);
ALTER TABLE boxes ADD COLUMN a float8[];
UPDATE boxes SET a = ARRAY[annot.x1(b), annot.y1(b), annot.x2(b), annot.y2(b)];
VACUUM ANALYZE polys;
VACUUM ANALYZE boxes;
SQL

log "timing (best of 3, no parallel workers)"
q <<'SQL'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TEMP TABLE t AS SELECT
	bench.best_run_ms($q$COPY (SELECT a FROM polys) TO '/dev/null'$q$) AS poly_array_ms,
	bench.best_run_ms($q$COPY (SELECT p FROM polys) TO '/dev/null'$q$) AS poly_text_ms,
	bench.best_ms($q$SELECT count(lit::annot.poly) FROM polys$q$) AS poly_cast_ms,
	bench.best_ms($q$SELECT count(*) FILTER (WHERE annot.input_is_valid(lit, 'annot.poly')) FROM polys$q$) AS poly_valid_ms,
	bench.best_run_ms($q$COPY (SELECT a FROM boxes) TO '/dev/null'$q$) AS box_array_ms,
	bench.best_run_ms($q$COPY (SELECT b FROM boxes) TO '/dev/null'$q$) AS box_text_ms,
	bench.best_run_ms($q$COPY (SELECT annot.to_coco(b) FROM boxes) TO '/dev/null'$q$) AS box_coco_ms,
	bench.best_run_ms($q$COPY (SELECT to_json(b) FROM boxes) TO '/dev/null'$q$) AS box_json_ms;
\pset format aligned
\pset tuples_only off
SELECT 'COPY polygons as float8[] text' AS what, round(poly_array_ms::numeric, 1) AS ms, 1.00 AS ratio FROM t
UNION ALL SELECT 'COPY polygons as annot.poly text', round(poly_text_ms::numeric, 1), round((poly_text_ms / poly_array_ms)::numeric, 2) FROM t
UNION ALL SELECT 'cast of polygon literals', round(poly_cast_ms::numeric, 1), 1.00 FROM t
UNION ALL SELECT 'annot.input_is_valid of the literals', round(poly_valid_ms::numeric, 1), round((poly_valid_ms / poly_cast_ms)::numeric, 2) FROM t
UNION ALL SELECT 'COPY boxes as float8[4] text', round(box_array_ms::numeric, 1), 1.00 FROM t
UNION ALL SELECT 'COPY boxes as annot.bbox text', round(box_text_ms::numeric, 1), round((box_text_ms / box_array_ms)::numeric, 2) FROM t
UNION ALL SELECT 'COPY boxes as COCO jsonb', round(box_coco_ms::numeric, 1), round((box_coco_ms / box_array_ms)::numeric, 2) FROM t
UNION ALL SELECT 'COPY boxes as to_json (cast to json)', round(box_json_ms::numeric, 1), round((box_json_ms / box_array_ms)::numeric, 2) FROM t;
SELECT CASE WHEN poly_text_ms / poly_array_ms <= 1.2 THEN 'met' ELSE 'MISSED' END AS "text output <= 1.2x float8[]",
	CASE WHEN poly_valid_ms / poly_cast_ms <= 1.2 THEN 'met' ELSE 'MISSED' END AS "input_is_valid <= 1.2x cast"
FROM t;
SQL
