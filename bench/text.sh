#!/usr/bin/env bash
# bench/text.sh -- text output and literal validation against the anchors of
# the performance issue; prints times and ratios.  Not part of the tests.
#   COPY ... TO of 100k polygons (18 points, COCO-like two-place
#     coordinates) as text vs the same numbers as float8[] text
#     (target: at most 1.2x)
#   annot.input_is_valid(literal, 'annot.poly') over 100k polygon literals
#     vs a plain cast of the same literals (target: at most 1.2x)
# and, for reference, the same for boxes (validation, text and COCO JSON
# output), where the work per value is small and fixed costs show.  Each
# ratio is of the backend's CPU time, measured in turns with its anchor.
source "$(dirname "$0")/../scripts/common.sh"
ROWS=${ROWS:-100000}

ensure_packages
build_and_install
trap stop_cluster EXIT
start_cluster bench "${ANNOT_BENCH_PORT:-54363}"

q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -c 'CREATE EXTENSION annot;'
q -f "$ANNOT_ROOT/bench/common.sql"
# The best of reps runs of each of two statements, run in turns, so that the
# load of a shared machine weighs on both alike; rows are discarded.  Both
# the elapsed time and the backend's CPU time (from /proc, in 10 ms ticks)
# are kept: [anchor, query] elapsed, then [anchor, query] CPU, in ms.  The
# ratios below are of CPU time, which other work on the machine disturbs
# far less than elapsed time; on an idle machine the two agree.
q <<'SQL'
CREATE FUNCTION bench.cpu_ms() RETURNS float8 LANGUAGE sql AS $$
	SELECT (split_part(s, ' ', 14)::float8 + split_part(s, ' ', 15)::float8) * 10
	FROM pg_read_file('/proc/self/stat') s
$$;
CREATE FUNCTION bench.best_pair_ms(anchor text, query text, reps int DEFAULT 5)
RETURNS float8[] LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	c0 float8;
	best float8[] := ARRAY['Infinity', 'Infinity', 'Infinity', 'Infinity']::float8[];
BEGIN
	FOR i IN 1 .. reps LOOP
		FOR k IN 1 .. 2 LOOP
			t0 := clock_timestamp();
			c0 := bench.cpu_ms();
			EXECUTE CASE k WHEN 1 THEN anchor ELSE query END;
			best[k + 2] := least(best[k + 2], bench.cpu_ms() - c0);
			best[k] := least(best[k], extract(epoch FROM clock_timestamp() - t0) * 1000);
		END LOOP;
	END LOOP;
	RETURN best;
END $$;
SQL

log "building $ROWS polygons of 18 points and $((5 * ROWS)) boxes"
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
FROM generate_series(1, 5 * $ROWS);
ALTER TABLE boxes ADD COLUMN a float8[];
UPDATE boxes SET a = ARRAY[annot.x1(b), annot.y1(b), annot.x2(b), annot.y2(b)];
ALTER TABLE boxes ADD COLUMN lit text;
UPDATE boxes SET lit = b::text;
VACUUM ANALYZE polys;
VACUUM ANALYZE boxes;
SQL

log "timing (best of 5 or 3, in turns with the anchor, no parallel workers)"
q <<'SQL'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TEMP TABLE p AS SELECT
	bench.best_pair_ms($q$COPY (SELECT a FROM polys) TO '/dev/null'$q$,
		$q$COPY (SELECT p FROM polys) TO '/dev/null'$q$) AS poly_copy,
	bench.best_pair_ms($q$SELECT count(lit::annot.poly) FROM polys$q$,
		$q$SELECT count(*) FILTER (WHERE annot.input_is_valid(lit, 'annot.poly')) FROM polys$q$) AS poly_valid,
	bench.best_pair_ms($q$SELECT count(lit::annot.bbox) FROM boxes$q$,
		$q$SELECT count(*) FILTER (WHERE annot.input_is_valid(lit, 'annot.bbox')) FROM boxes$q$) AS box_valid,
	bench.best_pair_ms($q$COPY (SELECT a FROM boxes) TO '/dev/null'$q$,
		$q$COPY (SELECT b FROM boxes) TO '/dev/null'$q$, 3) AS box_copy,
	bench.best_pair_ms($q$COPY (SELECT a FROM boxes) TO '/dev/null'$q$,
		$q$COPY (SELECT annot.to_coco(b) FROM boxes) TO '/dev/null'$q$, 3) AS box_coco,
	bench.best_pair_ms($q$COPY (SELECT a FROM boxes) TO '/dev/null'$q$,
		$q$COPY (SELECT to_json(b) FROM boxes) TO '/dev/null'$q$, 3) AS box_json;
\pset format aligned
\pset tuples_only off
SELECT what, round(m[1]::numeric) AS anchor_ms, round(m[2]::numeric) AS ms,
	round(m[3]::numeric) AS anchor_cpu_ms, round(m[4]::numeric) AS cpu_ms,
	round((m[4] / m[3])::numeric, 2) AS ratio
FROM p, LATERAL (VALUES
	(1, 'COPY polygons: annot.poly text / float8[] text', poly_copy),
	(2, 'polygon literals: annot.input_is_valid / cast', poly_valid),
	(3, 'box literals: annot.input_is_valid / cast', box_valid),
	(4, 'COPY boxes: annot.bbox text / float8[4] text', box_copy),
	(5, 'COPY boxes: annot.to_coco / float8[4] text', box_coco),
	(6, 'COPY boxes: to_json (the cast to json) / float8[4] text', box_json)) v(k, what, m)
ORDER BY k;
SELECT CASE WHEN poly_copy[4] / poly_copy[3] <= 1.2 THEN 'met' ELSE 'MISSED' END
		AS "text output <= 1.2x float8[]",
	CASE WHEN poly_valid[4] / poly_valid[3] <= 1.2 THEN 'met' ELSE 'MISSED' END
		AS "input_is_valid <= 1.2x cast"
FROM p;
SQL
