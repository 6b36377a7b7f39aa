#!/usr/bin/env bash
# poly.sh -- polygon IoU against PostGIS, and its growth with vertex count.
#
#  1. 100k pairs of ~29-vertex polygons (a traced outline and a perturbed
#     copy, as annotator and gold): annot.iou against PostGIS
#     ST_Area(ST_Intersection) / ST_Area(ST_Union) (anchor: 199 us a pair,
#     target at least 30x faster), both on the pairs GEOS accepts (PostGIS
#     timed on 25,000 of them); how many GEOS rejects is counted on a
#     sample of the rings as drawn.
#  2. 1k pairs of 5,000-vertex outlines.
#  3. Time a pair against vertex count (100, 1k, 10k).
#
# Runs on its own: builds and installs annot, starts a throwaway cluster on
# port ANNOT_BENCH_PORT (54412), one backend, no parallel workers.
source "$(dirname "$0")/../scripts/common.sh"

build_and_install
trap stop_cluster EXIT
start_cluster bench "${ANNOT_BENCH_PORT:-54412}"

q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

q -c 'CREATE EXTENSION annot; CREATE EXTENSION postgis;' >/dev/null

log "generating polygons"
q <<'SQL'
SET search_path = public, annot;
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.31);

-- An outline of n points around (cx, cy): a smooth blob (two harmonics)
-- traced with sub-pixel noise, radius chosen so points are ~1.5 px apart
-- (but at least 40 px).  The copy moves every point by up to `jitter`.
CREATE FUNCTION outline(n int, cx float8, cy float8, ph float8, jitter float8)
RETURNS annot.poly LANGUAGE sql VOLATILE AS $$
	SELECT annot.poly(jsonb_build_array(jsonb_agg(v ORDER BY k, c)))
	FROM (
		SELECT k, c, round((CASE c WHEN 0 THEN cx + r * cos(t) ELSE cy + r * sin(t) END
			+ jitter * (random() - 0.5))::numeric, 2) AS v
		FROM (SELECT k, 2 * pi() * k / n AS t,
				greatest(40, 1.5 * n / (2 * pi())) *
				(1 + 0.15 * sin(3 * 2 * pi() * k / n + ph) + 0.08 * sin(5 * 2 * pi() * k / n + 2 * ph)) AS r
			FROM generate_series(0, n - 1) k) s,
			(VALUES (0), (1)) AS cc(c)
	) p
$$;

CREATE TABLE pairs29 AS
SELECT i, outline(29, cx, cy, ph, 1.0) AS gold, outline(29, cx + dx, cy + dy, ph, 8.0) AS ann
FROM (SELECT i, 300 * random() AS cx, 300 * random() AS cy, 6 * random() AS ph,
		10 * (random() - 0.5) AS dx, 10 * (random() - 0.5) AS dy
	FROM generate_series(1, 100000) i) s;

-- PostGIS copies in a table of their own, so that neither side's rows
-- grow past the TOAST threshold because of the other's column
ALTER TABLE pairs29 ADD valid boolean;
UPDATE pairs29 SET valid = annot.is_valid(gold) AND annot.is_valid(ann);
CREATE TABLE geo29 AS
SELECT i, ST_GeomFromWKB(annot.to_wkb(gold)) AS gold, ST_GeomFromWKB(annot.to_wkb(ann)) AS ann, valid
FROM pairs29;
-- rings exactly as drawn (one ring, closed), for counting what GEOS rejects
CREATE FUNCTION as_drawn(p annot.poly) RETURNS geometry LANGUAGE sql IMMUTABLE AS $$
	SELECT ST_MakePolygon(ST_MakeLine(pts || pts[1]))
	FROM (SELECT array_agg(ST_MakePoint(a[2 * k + 1], a[2 * k + 2]) ORDER BY k) AS pts
		FROM (SELECT array_agg(v::float8 ORDER BY o) AS a
			FROM jsonb_array_elements_text(annot.to_coco(p)->0) WITH ORDINALITY AS t(v, o)) c,
			generate_series(0, array_length(a, 1) / 2 - 1) k) s
$$;
CREATE TABLE raw29 AS
SELECT i, as_drawn(ann) AS ann, as_drawn(gold) AS gold FROM pairs29 WHERE i <= 10000;

CREATE TABLE pairs5k AS
SELECT i, outline(5000, 0, 0, ph, 1.0) AS gold, outline(5000, dx, dy, ph, 1.0) AS ann
FROM (SELECT i, 6 * random() AS ph, 20 * (random() - 0.5) AS dx, 20 * (random() - 0.5) AS dy
	FROM generate_series(1, 1000) i) s;
CREATE TABLE geo5k AS
SELECT i, ST_GeomFromWKB(annot.to_wkb(gold)) AS gold, ST_GeomFromWKB(annot.to_wkb(ann)) AS ann
FROM pairs5k WHERE i <= 50;

CREATE TABLE growth AS
SELECT n, i, outline(n, 0, 0, ph, 1.0) AS gold, outline(n, dx, dy, ph, 1.0) AS ann
FROM (VALUES (100, 2000), (1000, 200), (10000, 20)) AS v(n, pairs),
	LATERAL (SELECT i, 6 * random() AS ph, 20 * (random() - 0.5) AS dx, 20 * (random() - 0.5) AS dy
		FROM generate_series(1, pairs) i) s;

VACUUM ANALYZE;

-- Seconds for one run of a query: the best of `reps` runs.
CREATE FUNCTION seconds(query text, reps int DEFAULT 3) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	best float8 := 'Infinity';
BEGIN
	FOR r IN 1..reps LOOP
		t0 := clock_timestamp();
		EXECUTE query;
		best := least(best, extract(epoch FROM clock_timestamp() - t0));
	END LOOP;
	RETURN best;
END $$;

-- Whether GEOS computes the pair's IoU without raising.
CREATE FUNCTION geos_ok(a geometry, b geometry) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM ST_Area(ST_Intersection(a, b)) / ST_Area(ST_Union(a, b));
	RETURN true;
EXCEPTION WHEN OTHERS THEN
	RETURN false;
END $$;
SQL

log "timing"
q -P pager=off <<'SQL'
SET search_path = public, annot;
SET max_parallel_workers_per_gather = 0;
SET jit = off;

\echo
\echo 'Robustness on the 10,000 first pairs, rings exactly as drawn:'
SELECT count(*) AS pairs,
	count(*) FILTER (WHERE NOT geos_ok(ann, gold)) AS geos_raises,
	round(100.0 * count(*) FILTER (WHERE NOT geos_ok(ann, gold)) / count(*), 1) AS geos_raises_pct,
	count(*) FILTER (WHERE NOT ST_IsValid(ann) OR NOT ST_IsValid(gold)) AS geos_invalid_input
FROM raw29;
SELECT count(*) AS pairs, count(annot.iou(ann, gold)) AS annot_iou_computed,
	count(*) FILTER (WHERE NOT annot.is_valid(ann) OR NOT annot.is_valid(gold)) AS annot_invalid_input
FROM pairs29 WHERE i <= 10000;

-- both sides on the pairs GEOS accepts; PostGIS on the first 25,000 of them
CREATE TEMP TABLE t AS
SELECT 'IoU, 29 vertices' AS what,
	(SELECT count(*) FROM pairs29 WHERE valid) AS pairs,
	seconds('SELECT sum(annot.iou(ann, gold)) FROM pairs29 WHERE valid') AS annot_s,
	seconds($q$SELECT sum(ST_Area(ST_Intersection(ann, gold)) / ST_Area(ST_Union(ann, gold)))
		FROM geo29 WHERE valid AND i <= 25000$q$, 1) * (SELECT count(*) FROM geo29 WHERE valid)
		/ (SELECT count(*) FROM geo29 WHERE valid AND i <= 25000) AS postgis_s;
INSERT INTO t
SELECT 'IoU, 29 vertices, all pairs', 100000,
	seconds('SELECT sum(annot.iou(ann, gold)) FROM pairs29'), NULL;
INSERT INTO t
SELECT 'IoU, 5,000 vertices', 1000,
	seconds('SELECT sum(annot.iou(ann, gold)) FROM pairs5k', 1),
	seconds('SELECT sum(ST_Area(ST_Intersection(ann, gold)) / ST_Area(ST_Union(ann, gold))) FROM geo5k', 1) * 1000 / 50;

\echo
\echo 'IoU of polygon pairs (PostGIS extrapolated from its sample where marked):'
SELECT what, pairs, round(annot_s::numeric, 3) AS annot_s,
	round((1e6 * annot_s / pairs)::numeric, 2) AS annot_us_pair,
	round((1e6 * postgis_s / pairs)::numeric, 1) AS postgis_us_pair,
	round((postgis_s / annot_s)::numeric, 1) AS speedup,
	round((199.0 / (1e6 * annot_s / pairs))::numeric, 1) AS vs_anchor_199us
FROM t;

\echo
\echo 'Growth: one IoU against vertex count (points a polygon):'
SELECT n AS vertices, count(*) AS pairs,
	round((1e6 * seconds(format('SELECT sum(annot.iou(ann, gold)) FROM growth WHERE n = %s', n), 1)
		/ count(*))::numeric, 1) AS us_pair
FROM growth GROUP BY n ORDER BY n;
SQL
