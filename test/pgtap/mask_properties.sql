-- Properties of the mask algebra on random boxes and polygons (seeded, so
-- reproducible), binary I/O through COPY, parallel aggregation.
BEGIN;
SET search_path = public, annot;
SELECT plan(30);

SELECT setseed(0.31);
-- random polygons (5-8 vertices around a centre) and boxes on a 48 x 64 grid
CREATE TEMP TABLE shapes AS
SELECT i, CASE WHEN i % 3 = 0
	THEN annot.mask(annot.bbox_xywh(random() * 60 - 4, random() * 44 - 4,
		random() * 30, random() * 30), 48, 64)
	ELSE annot.mask(jsonb_build_array((SELECT jsonb_agg(v ORDER BY k, c)
		FROM (SELECT k, c, CASE WHEN c = 0 THEN cx + r * cos(k * 6.2832 / n) ELSE cy + r * sin(k * 6.2832 / n) END AS v
			FROM generate_series(0, n - 1) k, generate_series(0, 1) c,
			LATERAL (SELECT 4 + random() * 18 AS r) rr) p)), 48, 64) END AS m
FROM (SELECT i, 5 + (i % 4) AS n, random() * 64 AS cx, random() * 48 AS cy
	FROM generate_series(1, 300) i) s;

CREATE TEMP TABLE pairs AS
SELECT a.i AS ia, b.i AS ib, a.m AS a, b.m AS b
FROM shapes a JOIN shapes b ON b.i = a.i + 1 OR b.i = a.i + 7 OR b.i = a.i + 50;

SELECT cmp_ok((SELECT count(*) FROM pairs WHERE annot.intersection_area(a, b) > 0), '>', 50::bigint,
	'the sample has overlapping pairs');
SELECT cmp_ok((SELECT count(*) FROM shapes WHERE annot.area(m) = 0), '<', 30::bigint,
	'few empty shapes');
SELECT is((SELECT count(*) FROM pairs WHERE annot.iou(a, b) <> annot.iou(b, a)), 0::bigint,
	'IoU is symmetric');
SELECT is((SELECT count(*) FROM pairs WHERE NOT annot.iou(a, b) BETWEEN 0 AND 1), 0::bigint,
	'IoU lies in [0,1]');
SELECT is((SELECT count(*) FROM shapes WHERE annot.area(m) > 0 AND annot.iou(m, m) <> 1), 0::bigint,
	'IoU of a non-empty mask with itself is 1');
SELECT is((SELECT count(*) FROM pairs
	WHERE annot.iou(a, b) <> CASE WHEN annot.area(a & b) = 0 THEN 0
		ELSE annot.area(a & b) / annot.area(a | b) END), 0::bigint,
	'IoU = |a & b| / |a | b| exactly');
SELECT is((SELECT count(*) FROM pairs
	WHERE annot.iou(a, b, true) <> CASE WHEN annot.area(a & b) = 0 THEN 0
		ELSE annot.area(a & b) / annot.area(a) END), 0::bigint,
	'crowd IoU = |dt & gt| / |dt| exactly');
SELECT is((SELECT count(*) FROM pairs
	WHERE abs(annot.dice(a, b) - 2 * annot.iou(a, b) / (1 + annot.iou(a, b))) > 1e-15), 0::bigint,
	'Dice = 2 IoU / (1 + IoU)');
SELECT is((SELECT count(*) FROM pairs WHERE annot.intersection_area(a, b) <> annot.area(a & b)),
	0::bigint, 'intersection_area = area of the intersection');
SELECT is((SELECT count(*) FROM pairs
	WHERE annot.area(a | b) + annot.area(a & b) <> annot.area(a) + annot.area(b)), 0::bigint,
	'|a | b| + |a & b| = |a| + |b|');
SELECT is((SELECT count(*) FROM pairs WHERE a # b <> (a | b) - (a & b)), 0::bigint,
	'a # b = (a | b) - (a & b)');
SELECT is((SELECT count(*) FROM pairs WHERE a - b <> a & ~b), 0::bigint, 'a - b = a & ~b');
SELECT is((SELECT count(*) FROM pairs WHERE ~(a | b) <> ~a & ~b), 0::bigint, 'De Morgan');
SELECT is((SELECT count(*) FROM shapes WHERE ~(~m) <> m), 0::bigint, 'complement twice is the identity');
SELECT is((SELECT count(*) FROM shapes WHERE annot.area(~m) + annot.area(m) <> 48 * 64), 0::bigint,
	'a mask and its complement cover the grid');
SELECT is((SELECT count(*) FROM shapes
	WHERE annot.area(m) > 0 AND NOT annot.bbox(m) OPERATOR(annot.<@) annot.bbox(0, 0, 64, 48)), 0::bigint,
	'bounding boxes lie in the image');
SELECT is((SELECT count(*) FROM shapes
	WHERE annot.area(m) > 0 AND annot.mask(annot.bbox(m), 48, 64) & m <> m), 0::bigint,
	'a mask lies inside the rasterized bounding box');

-- aggregates agree with folding the binary operations
SELECT is((SELECT annot.union(m) FROM shapes WHERE i <= 40),
	(WITH RECURSIVE f(i, acc) AS (SELECT 1, m FROM shapes WHERE i = 1
		UNION ALL SELECT f.i + 1, f.acc | s.m FROM f JOIN shapes s ON s.i = f.i + 1 WHERE f.i < 40)
	 SELECT acc FROM f WHERE i = 40), 'union aggregate = folded |');
SELECT is((SELECT annot.area(annot.intersection(m)) FROM shapes), 0::float8,
	'intersection of many random shapes is empty');

-- Boundary IoU
SELECT is((SELECT count(*) FROM shapes WHERE annot.boundary(m) & m <> annot.boundary(m)), 0::bigint,
	'the boundary band lies in the mask');
SELECT is((SELECT count(*) FROM shapes WHERE annot.area(m) > 0 AND annot.boundary_iou(m, m) <> 1),
	0::bigint, 'Boundary IoU of a mask with itself is 1');
SELECT is((SELECT count(*) FROM shapes WHERE annot.boundary(m, 1.0) <> m), 0::bigint,
	'a band as wide as the image is the whole mask');
SELECT is((SELECT count(*) FROM pairs
	WHERE annot.boundary_iou(a, b) <> annot.boundary_iou(b, a)
		OR NOT annot.boundary_iou(a, b) BETWEEN 0 AND 1), 0::bigint,
	'Boundary IoU is symmetric and in [0,1]');

-- bitmaps and text round trip
SELECT is((SELECT count(*) FROM shapes WHERE annot.mask(annot.to_bitmap(m), 48, 64) <> m), 0::bigint,
	'bitmap round trip');
SELECT is((SELECT count(*) FROM shapes WHERE m::text::annot.mask <> m OR annot.mask(annot.to_coco(m)) <> m
	OR annot.mask(annot.to_coco(m, false)) <> m), 0::bigint, 'text and COCO jsonb round trips');

-- binary COPY round trip, and malformed binary values (files in the data
-- directory: COPY and lo_export want absolute paths)
CREATE TEMP TABLE copied (i int, m annot.mask);
DO $$
BEGIN
	EXECUTE format('COPY (SELECT i, m FROM shapes ORDER BY i) TO %L WITH (FORMAT binary)',
		current_setting('data_directory') || '/annot_mask_copy.bin');
	EXECUTE format('COPY copied FROM %L WITH (FORMAT binary)',
		current_setting('data_directory') || '/annot_mask_copy.bin');
END $$;
SELECT is((SELECT count(*) FROM copied c JOIN shapes s USING (i) WHERE c.m = s.m), 300::bigint,
	'binary COPY round trip');
-- a COPY file holding one mask value given as bytes
CREATE FUNCTION pg_temp.copy_file_with(value bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	path text := current_setting('data_directory') || '/annot_mask_bad.bin';
	lo oid;
BEGIN
	-- signature, flags, header extension, one field of its length, trailer
	lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea
		|| '\x0000000000000000'::bytea || '\x0001'::bytea
		|| int4send(octet_length(value)) || value || '\xffff'::bytea);
	PERFORM lo_export(lo, path);
	PERFORM lo_unlink(lo);
	RETURN format('COPY bad FROM %L WITH (FORMAT binary)', path);
END $$;
CREATE TEMP TABLE bad (m annot.mask);
-- version 1, 3 x 4, one count of 11 (not 12)
SELECT throws_ok(pg_temp.copy_file_with('\x01000000030000000400000001' || '\x0000000b'::bytea),
	'22P03', 'invalid external binary value of type mask', 'counts that do not cover the grid: 22P03');
SELECT throws_ok(pg_temp.copy_file_with('\x02000000030000000400000001' || '\x0000000c'::bytea),
	'22P03', 'invalid external binary value of type mask', 'an unknown binary version: 22P03');

-- parallel aggregation: partial unions combine to the serial result
CREATE TEMP TABLE many AS SELECT (s.i + r.k) % 10 AS g, s.m FROM shapes s, generate_series(1, 20) r(k);
ANALYZE many;
CREATE TEMP TABLE serial AS SELECT g, annot.union(m) AS u FROM many GROUP BY g;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- temporary tables are never scanned in parallel: use a real one
CREATE TABLE mask_parallel_probe AS SELECT * FROM many;
ANALYZE mask_parallel_probe;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	l text;
	r text := '';
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		r := r || l || E'\n';
	END LOOP;
	RETURN r;
END $$;
SELECT matches(pg_temp.plan_of('SELECT g, annot.union(m) FROM mask_parallel_probe GROUP BY g'),
	'Partial (Hash|Group)?Aggregate', 'the union aggregate runs in parallel');
SELECT is((SELECT count(*) FROM (SELECT g, annot.union(m) AS u FROM mask_parallel_probe GROUP BY g) p
	JOIN serial s USING (g) WHERE p.u = s.u), 10::bigint, 'parallel and serial unions agree');

SELECT * FROM finish();
ROLLBACK;
