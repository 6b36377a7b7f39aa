#!/usr/bin/env bash
# bench/mask.sh -- mask benchmarks against the anchors of the mask issue;
# prints times and ratios.  Not part of the tests.
#   sum(annot.iou(a,b)) over the overlapping mask pairs of the COCO
#     reference data (val2014_100 ground truth rasterized x cocoapi's fake
#     segm results), repeated to ~1M rows, vs
#     sum(f) of a float8 column of the same rows (executor floor; target
#       <= 1.5x) and
#     decoding both masks to bitmaps and counting in C (target: annot
#       >= 10x faster per pair);
#   polygons (and boxes) rasterized per second, Boundary IoU per pair;
#   stored bytes vs the COCO compressed string on the reference masks.
source "$(dirname "$0")/../scripts/common.sh"
ROWS=${ROWS:-1000000}
GT=$ANNOT_REFDATA/coco/val2014_100/instances_val2014_100.json
DT=$ANNOT_REFDATA/coco/val2014_100/instances_val2014_fakesegm100_results.json
PAN=$ANNOT_REFDATA/masks/panoptic_rle/panoptic_coco_detection_format.json

ensure_packages
build_and_install
WORK=$(mktemp -d /tmp/annot-bench-mask.XXXXXX)
chmod 755 "$WORK"
trap 'stop_cluster; rm -rf "$WORK"' EXIT
start_cluster bench "${ANNOT_BENCH_PORT:-54422}"

q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -c 'CREATE EXTENSION annot;'
q -f "$ANNOT_ROOT/bench/common.sql"

log "loading the COCO masks and building $ROWS overlapping pairs"
q <<SQL
\\set gt \`cat "$GT"\`
\\set dt \`cat "$DT"\`
\\set pan \`cat "$PAN"\`
CREATE TABLE img AS
SELECT (i->>'id')::int AS image_id, (i->>'height')::int AS h, (i->>'width')::int AS w
FROM jsonb_array_elements((:'gt'::jsonb)->'images') i;
CREATE TABLE gt AS
SELECT (a->>'image_id')::int AS image_id, (a->>'iscrowd')::int = 1 AS crowd,
	a->'segmentation' AS seg, annot.mask(a->'segmentation', img.h, img.w) AS m
FROM jsonb_array_elements((:'gt'::jsonb)->'annotations') a JOIN img ON img.image_id = (a->>'image_id')::int;
CREATE TABLE dt AS
SELECT (d->>'image_id')::int AS image_id, d->'segmentation' AS seg, annot.mask(d->'segmentation') AS m
FROM jsonb_array_elements(:'dt'::jsonb) d;
CREATE TABLE pan AS
SELECT a->'segmentation' AS seg, annot.mask(a->'segmentation') AS m
FROM jsonb_array_elements((:'pan'::jsonb)->'annotations') a;
-- every result/ground-truth pair of an image whose masks share a pixel
CREATE TABLE src AS
SELECT row_number() OVER () AS k, d.m AS a, g.m AS b
FROM dt d JOIN gt g USING (image_id)
WHERE annot.intersection_area(d.m, g.m) > 0;
CREATE TABLE pairs AS
SELECT s.a, s.b, random() AS f
FROM generate_series(1, $ROWS) r
JOIN src s ON s.k = 1 + (r - 1) % (SELECT count(*) FROM src);
VACUUM ANALYZE pairs;
SQL
q -F ' ' -c "SELECT annot.height(a), annot.width(a), annot.to_coco(a)->>'counts', annot.to_coco(b)->>'counts' FROM src" >"$WORK/pairs.txt"

# The anchor: what a service does without annot -- decode both compressed
# strings (pycocotools' rleFrString), fill two bitmaps run by run
# (rleDecode) and count the pixels set in both and in either.
cat >"$WORK/bitmap_iou.c" <<'C'
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t
decode_counts(const char *s, uint32_t *cnts)
{
	size_t		m = 0;

	while (*s)
	{
		long		x = 0;
		int			k = 0,
					more = 1;

		while (more)
		{
			long		c = *s++ - 48;

			x |= (c & 0x1f) << (5 * k);
			more = c & 0x20;
			k++;
			if (!more && (c & 0x10))
				x |= -1L << (5 * k);
		}
		if (m > 2)
			x += cnts[m - 2];
		cnts[m++] = (uint32_t) x;
	}
	return m;
}

static void
fill(uint8_t *bits, const uint32_t *cnts, size_t m)
{
	uint8_t		v = 0;
	size_t		j;

	for (j = 0; j < m; j++)
	{
		memset(bits, v, cnts[j]);
		bits += cnts[j];
		v = !v;
	}
}

int
main(int argc, char **argv)
{
	static char sa[1 << 20], sb[1 << 20];
	static uint32_t ca[1 << 20], cb[1 << 20];
	FILE	   *f = fopen(argv[1], "r");
	int			reps = atoi(argv[2]);
	int			h, w, n = 0, r;
	char	  **A = malloc(sizeof(char *) * 100000), **B = malloc(sizeof(char *) * 100000);
	int		   *H = malloc(sizeof(int) * 100000), *W = malloc(sizeof(int) * 100000);
	uint8_t    *ba = malloc(1 << 24), *bb = malloc(1 << 24);
	double		sum = 0;
	struct timespec t0, t1;

	while (fscanf(f, "%d %d %s %s", &h, &w, sa, sb) == 4)
	{
		H[n] = h, W[n] = w, A[n] = strdup(sa), B[n] = strdup(sb);
		n++;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (r = 0; r < reps; r++)
	{
		int			i;

		for (i = 0; i < n; i++)
		{
			size_t		px = (size_t) H[i] * W[i], k;
			uint64_t	in = 0, un = 0;

			fill(ba, ca, decode_counts(A[i], ca));
			fill(bb, cb, decode_counts(B[i], cb));
			for (k = 0; k < px; k++)
			{
				in += ba[k] & bb[k];
				un += ba[k] | bb[k];
			}
			sum += un ? (double) in / un : 0;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* microseconds per pair, and the IoU sum of one pass */
	printf("%.6f %.6f\n", ((t1.tv_sec - t0.tv_sec) * 1e6 + (t1.tv_nsec - t0.tv_nsec) / 1e3) / reps / n, sum / reps);
	return 0;
}
C
cc -O2 -o "$WORK/bitmap_iou" "$WORK/bitmap_iou.c"

log "timing IoU (best of 3, no parallel workers)"
q <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE t AS SELECT
	(SELECT count(*) FROM src) AS distinct_pairs,
	(SELECT count(*) FROM pairs) AS rows,
	bench.best_ms('SELECT sum(f) FROM pairs') AS floor_ms,
	bench.best_ms('SELECT sum(annot.iou(a, b)) FROM pairs') AS annot_ms,
	NULL::float8 AS bitmap_us;
SQL
read -r bitmap_us bitmap_sum < <("$WORK/bitmap_iou" "$WORK/pairs.txt" 3)
q -c "UPDATE t SET bitmap_us = $bitmap_us"
# the C anchor and annot must agree on the IoUs they sum
annot_sum=$(q -c "SELECT sum(annot.iou(a, b)) FROM src")
q <<SQL
\pset format aligned
\pset tuples_only off
SELECT distinct_pairs, rows, round($annot_sum::numeric, 6) AS annot_iou_sum,
	round($bitmap_sum::numeric, 6) AS bitmap_iou_sum FROM t;
SELECT 'sum(f) floor' AS query, round(floor_ms::numeric, 1) AS ms,
	round((floor_ms * 1000 / rows)::numeric, 3) AS us_per_pair, 1.00 AS x_floor, NULL::numeric AS annot_speedup FROM t
UNION ALL SELECT 'sum(annot.iou(a,b))', round(annot_ms::numeric, 1), round((annot_ms * 1000 / rows)::numeric, 3),
	round((annot_ms / floor_ms)::numeric, 2), 1.00 FROM t
UNION ALL SELECT 'C: decode to bitmaps, count', round((bitmap_us * rows / 1000)::numeric, 1), round(bitmap_us::numeric, 3),
	round((bitmap_us * rows / 1000 / floor_ms)::numeric, 2), round((bitmap_us * rows / 1000 / annot_ms)::numeric, 1) FROM t;
SELECT CASE WHEN annot_ms / floor_ms <= 1.5 THEN 'met' ELSE 'MISSED' END AS "target <= 1.5x floor",
	CASE WHEN bitmap_us * rows / 1000 / annot_ms >= 10 THEN 'met' ELSE 'MISSED' END AS "target >= 10x C bitmap"
FROM t;
SQL

log "rasterization and storage"
q <<'SQL'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE polys AS
SELECT g.seg, i.h, i.w FROM gt g JOIN img i USING (image_id), generate_series(1, 40)
WHERE NOT g.crowd;
CREATE TABLE boxes AS
SELECT annot.bbox(m) AS b, annot.height(m) AS h, annot.width(m) AS w
FROM gt, generate_series(1, 40);
CREATE TABLE bpairs AS SELECT a, b FROM src, generate_series(1, 20);
CREATE TABLE r AS SELECT
	(SELECT count(*) FROM bpairs) AS nbpairs,
	bench.best_ms('SELECT sum(annot.boundary_iou(a, b)) FROM bpairs') AS biou_ms,
	(SELECT count(*) FROM polys) AS npolys,
	bench.best_ms('SELECT count(annot.mask(seg, h, w)) FROM polys') AS poly_ms,
	(SELECT count(*) FROM boxes) AS nboxes,
	bench.best_ms('SELECT count(annot.mask(b, h, w)) FROM boxes') AS box_ms;
\pset format aligned
\pset tuples_only off
SELECT 'COCO polygons -> mask' AS rasterize, npolys AS shapes, round(poly_ms::numeric, 1) AS ms,
	round(npolys / poly_ms * 1000) AS per_second FROM r
UNION ALL SELECT 'boxes -> mask', nboxes, round(box_ms::numeric, 1), round(nboxes / box_ms * 1000) FROM r;
SELECT 'annot.boundary_iou(a,b), dilation 0.02' AS query, nbpairs AS pairs, round(biou_ms::numeric, 1) AS ms,
	round((biou_ms * 1000 / nbpairs)::numeric, 1) AS us_per_pair FROM r;
-- the type's own size (a fresh value: a table may have compressed it)
SELECT set AS masks, count(*) AS n,
	sum(octet_length(seg->>'counts')) AS coco_string_bytes,
	sum(bytes) AS stored_bytes,
	round(100.0 * sum(bytes) / sum(octet_length(seg->>'counts')), 1) AS "stored_%",
	round(100.0 * sum(bytes - 40) / sum(octet_length(seg->>'counts')), 1) AS "runs_%",
	max(bytes - octet_length(seg->>'counts')) AS max_excess_bytes
FROM (SELECT set, seg, pg_column_size(m::text::annot.mask) AS bytes
	FROM (SELECT 'val2014 results (RLE)' AS set, seg, m FROM dt
		UNION ALL SELECT 'val2014 ground truth (rasterized)', annot.to_coco(m), m FROM gt
		UNION ALL SELECT 'panoptic sample (RLE)', seg, m FROM pan) s0) s
GROUP BY set ORDER BY set;
SQL
