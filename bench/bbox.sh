#!/usr/bin/env bash
# bench/bbox.sh -- box IoU and box index benchmarks against the anchors of
# the foundation issue; prints times and ratios.  Not part of the tests.
#   sum(annot.iou(a,b)) over 1M stored pairs vs
#     sum(x1) on the same table (the executor floor; target <= 1.3x),
#     the same IoU in plain SQL arithmetic on float8 columns,
#     PostGIS ST_Area(ST_Intersection)/ST_Area(ST_Union) on the envelopes
#     (target: annot >= 40x faster)
#   an overlap query among 1M boxes: GiST index vs sequential scan
source "$(dirname "$0")/../scripts/common.sh"
ROWS=${ROWS:-1000000}

ensure_packages
build_and_install
trap stop_cluster EXIT
start_cluster bench "${ANNOT_BENCH_PORT:-54363}"

q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -c 'CREATE EXTENSION annot; CREATE EXTENSION postgis;'
q -f "$ANNOT_ROOT/bench/common.sql"
log "building $ROWS box pairs"
q <<SQL
SELECT setseed(0.1);
CREATE TABLE pairs AS
SELECT annot.bbox_xywh(ax, ay, aw, ah) AS a, annot.bbox_xywh(bx, by, bw, bh) AS b,
	ax AS ax1, ay AS ay1, ax + aw AS ax2, ay + ah AS ay2,
	bx AS bx1, by AS by1, bx + bw AS bx2, by + bh AS by2,
	ST_MakeEnvelope(ax, ay, ax + aw, ay + ah) AS ga,
	ST_MakeEnvelope(bx, by, bx + bw, by + bh) AS gb
FROM (SELECT random() * 600 AS ax, random() * 400 AS ay,
		10 + random() * 90 AS aw, 10 + random() * 90 AS ah) a,
	LATERAL (SELECT ax + (random() - 0.5) * 40 AS bx, ay + (random() - 0.5) * 40 AS by,
		aw * (0.7 + random() * 0.6) AS bw, ah * (0.7 + random() * 0.6) AS bh) b,
	generate_series(1, $ROWS);
VACUUM ANALYZE pairs;
SQL

log "timing (best of 3, no parallel workers)"
q <<'SQL'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TEMP TABLE t AS SELECT
	bench.best_ms('SELECT sum(ax1) FROM pairs') AS floor_ms,
	bench.best_ms('SELECT sum(annot.iou(a, b)) FROM pairs') AS annot_ms,
	bench.best_ms($q$SELECT sum(CASE WHEN iw > 0 AND ih > 0
		THEN iw * ih / ((ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - iw * ih)
		ELSE 0 END)
		FROM (SELECT least(ax2, bx2) - greatest(ax1, bx1) AS iw,
			least(ay2, by2) - greatest(ay1, by1) AS ih, * FROM pairs) s$q$) AS sql_ms,
	bench.best_ms('SELECT sum(ST_Area(ST_Intersection(ga, gb)) / ST_Area(ST_Union(ga, gb))) FROM pairs', 1) AS postgis_ms;
\pset format aligned
\pset tuples_only off
SELECT 'sum(x1) floor' AS query, round(floor_ms::numeric, 1) AS ms, 1.00 AS x_floor, NULL::numeric AS annot_speedup FROM t
UNION ALL SELECT 'sum(annot.iou(a,b))', round(annot_ms::numeric, 1), round((annot_ms / floor_ms)::numeric, 2), 1.00 FROM t
UNION ALL SELECT 'plain SQL IoU on float8 columns', round(sql_ms::numeric, 1), round((sql_ms / floor_ms)::numeric, 2), round((sql_ms / annot_ms)::numeric, 1) FROM t
UNION ALL SELECT 'PostGIS ST_Intersection/ST_Union', round(postgis_ms::numeric, 1), round((postgis_ms / floor_ms)::numeric, 2), round((postgis_ms / annot_ms)::numeric, 1) FROM t;
SELECT CASE WHEN annot_ms / floor_ms <= 1.3 THEN 'met' ELSE 'MISSED' END AS "target <= 1.3x floor",
	CASE WHEN postgis_ms / annot_ms >= 40 THEN 'met' ELSE 'MISSED' END AS "target >= 40x PostGIS"
FROM t;
SQL

log "overlap query among $ROWS boxes: GiST vs sequential scan"
# Boxes of 10,000 images of 600x400 laid side by side, so that a query box
# meets a realistic handful of labels.
q <<SQL
SELECT setseed(0.3);
CREATE TABLE spread AS
SELECT annot.bbox_xywh((i % 100) * 600 + random() * 550, (i / 100 % 100) * 400 + random() * 350,
	10 + random() * 90, 10 + random() * 90) AS b
FROM generate_series(0, $ROWS - 1) i;
CREATE INDEX spread_gist ON spread USING gist (b);
CREATE TABLE queries AS
SELECT annot.bbox_xywh(random() * 60000, random() * 40000, 50, 50) AS qb
FROM generate_series(1, 200);
VACUUM ANALYZE spread;
ANALYZE queries;
SQL
q <<'SQL'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET search_path = public, annot;
CREATE TEMP TABLE g AS SELECT
	(SELECT avg((SELECT count(*) FROM spread WHERE b && qb)) FROM queries) AS matches,
	bench.best_ms('SELECT sum((SELECT count(*) FROM spread WHERE b && qb)) FROM queries') / 200 AS index_ms,
	NULL::float8 AS seq_ms;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
UPDATE g SET seq_ms = bench.best_ms(
	'SELECT sum((SELECT count(*) FROM spread WHERE b && qb)) FROM (SELECT qb FROM queries LIMIT 10) q', 1) / 10;
\pset format aligned
\pset tuples_only off
SELECT round(matches, 1) AS matches_per_query, round(index_ms::numeric, 3) AS gist_ms_per_query,
	round(seq_ms::numeric, 1) AS seqscan_ms_per_query,
	round((seq_ms / index_ms)::numeric, 0) AS speedup FROM g;
SQL
