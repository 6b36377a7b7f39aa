-- annot.poly: literals, conversions, measures, validity, equality, binary I/O

-- text form = COCO's segmentation list; exact round trip
SELECT '[[0,0,10,0,10,10,0,10]]'::annot.poly;
SELECT ' [ [ 1.5 , -2e1 , 3 , 4 , 5 , 6 ] , [ 0,0, 1,0, 0,1 ] ] '::annot.poly;
SELECT '[[0.1,0.30000000000000004,1e-300,-0,123456789012345.6,3]]'::annot.poly;
SELECT p::text::annot.poly = p AS round_trip, p::text = p::text::annot.poly::text AS same_text
FROM (SELECT annot.poly(jsonb_build_array(jsonb_build_array(0.1, 1/3::float8, 0.1 + 0.2,
	1e-310::float8, 2/3::float8, -1e15::float8))) AS p) s;

-- malformed literals: each with the SQLSTATE it raises and where
SELECT literal, (annot.input_error_info(literal, 'annot.poly')).*
FROM (VALUES
	(''), (' '), ('['), ('[]'), ('[[]]'), ('[[1,2,3,4,5,6]'), ('[[1,2,3,4,5,6]]]'),
	('[1,2,3,4,5,6]'), ('[[1,2,3,4,5]]'), ('[[1,2,3,4]]'), ('[[1,2]]'),
	('[[1,2,3,4,5,6],[7,8]]'), ('[[1,2,3,4,5,6],]'), ('[[1,2,,4,5,6]]'),
	('[[1,2,3,4,5,6,]]'), ('[[1 2,3,4,5,6]]'), ('[[1,2,3,4,5,6]] x'),
	('[[1,2,NaN,4,5,6]]'), ('[[1,2,3,Infinity,5,6]]'), ('[[-inf,2,3,4,5,6]]'),
	('[[0x10,2,3,4,5,6]]'), ('[[1e,2,3,4,5,6]]'), ('[[1,2,"3",4,5,6]]'),
	('[[1,2,3,4,5,6],[1,2,3,4,5,nan]]'), ('{"counts": [1, 2]}'),
	('((0,0),(1,0),(0,1))'), ('[[1e999,2,3,4,5,6]]'), ('[[1e16,2,3,4,5,6]]'),
	('[[1,2,3,4,5,-1.5e15]]'), ('[(1,2),(3,4),(5,6)]')
) AS t(literal);

-- errors raised directly carry the same codes
\set VERBOSITY default
SELECT '[[1,2,3,4]]'::annot.poly;
SELECT '[[1,2,3,4,5,6],[1,2,3,NaN,5,6]]'::annot.poly;
SELECT '[[1,2,3,4,5,6],[1,2,3,1e400,5,6]]'::annot.poly;
SELECT annot.poly('[[1, 2, 3, 4]]'::jsonb);
SELECT annot.poly('[1, 2, 3, 4, 5, 6]'::jsonb);
SELECT annot.poly('{"size": [4, 4], "counts": "abc"}'::jsonb);
SELECT annot.poly('[[1, 2, "3", 4, 5, 6]]'::jsonb);
SELECT annot.poly('[[1, 2, 3, 4, 5, 6], []]'::jsonb);
SELECT annot.poly('[]'::jsonb);
SELECT annot.poly('((0,0),(1,1))'::polygon);
SELECT annot.poly(annot.bbox(0, 0, 1e300, 1));
SELECT annot.poly_from_wkb('\x0101000000000000000000f03f000000000000f03f'::bytea);
SELECT annot.poly_from_wkb('\x010300'::bytea);
SELECT annot.poly_from_wkb('\x010600000000000000'::bytea);
\set VERBOSITY terse

-- the point limit: 100000 points, 54000 beyond
SELECT annot.num_points(annot.poly(jsonb_build_array(
	(SELECT jsonb_agg(v) FROM generate_series(1, 200000) v)))) AS at_the_limit;
\set VERBOSITY sqlstate
SELECT annot.poly(jsonb_build_array((SELECT jsonb_agg(v) FROM generate_series(1, 200002) v)));
SELECT ('[[' || (SELECT string_agg(v::text, ',') FROM generate_series(1, 200002) v) || ']]')::annot.poly;
\set VERBOSITY terse
-- a long literal is quoted cut short in the message
SELECT (annot.input_error_info('[[' || repeat('1,', 60) || 'x]]', 'annot.poly')).message;

-- COCO jsonb both ways, exactly
SELECT annot.poly('[[473.07, 395.93, 511.72, 395.93, 511.72, 424.6]]'::jsonb);
SELECT annot.to_coco('[[0.1,0.2,300,-4.5e-3,5,6],[1,1,2,1,2,2]]'::annot.poly);
SELECT annot.poly(annot.to_coco(p)) = p AS coco_round_trip
FROM (SELECT '[[0.1,0.30000000000000004,1e-310,2,3.141592653589793,-7]]'::annot.poly AS p) s;

-- PostgreSQL polygon and boxes
SELECT '((0,0),(4,0),(4,3))'::polygon::annot.poly;
SELECT annot.poly('(1,2),(3,5)'::annot.bbox), '(1,2),(3,5)'::annot.bbox::annot.poly;
SELECT annot.bbox('[[3,1,0,7,5,-2],[10,10,11,10,11,12]]'::annot.poly),
	'[[3,1,0,7,5,-2]]'::annot.poly::annot.bbox;
CREATE TABLE poly_assign (p annot.poly);
INSERT INTO poly_assign VALUES ('(0,0),(2,3)'::annot.bbox);	-- assignment cast
SELECT p, annot.area(p) FROM poly_assign;

-- accessors
SELECT annot.num_rings(p), annot.num_points(p), annot.area(p), annot.coco_area(p),
	annot.centroid(p), annot.bbox(p)
FROM (VALUES ('[[0,0,10,0,10,10,0,10]]'::annot.poly),
	('[[0,0,2,0,2,1,1,1,1,2,0,2]]'),				-- an L
	('[[0,0,10,10,10,0,0,10]]'),					-- a bow tie: coco_area 0
	('[[0,0,10,0,10,10,0,10],[5,5,15,5,15,15,5,15]]'),	-- overlapping rings
	('[[0,0,10,0,10,10,0,10,0,0,2,2,2,8,8,8,8,2,2,2]]'),	-- a keyhole
	('[[0,0,5,5,10,10]]')) t(p);					-- no area, no centroid

-- measures between polygons, and between a polygon and a box
SELECT annot.iou(a, b) AS iou, annot.dice(a, b) AS dice,
	annot.intersection_area(a, b) AS inter, annot.union_area(a, b) AS uni,
	annot.iou(b, a) = annot.iou(a, b) AS symmetric
FROM (VALUES
	('[[0,0,10,0,10,10,0,10]]'::annot.poly, '[[5,5,15,5,15,15,5,15]]'::annot.poly),
	('[[0,0,10,0,10,10,0,10]]', '[[0,0,10,0,10,10,0,10]]'),
	('[[0,0,10,0,10,10,0,10]]', '[[10,0,20,0,20,10,10,10]]'),	-- touching
	('[[0,0,10,0,10,10,0,10]]', '[[20,20,30,20,30,30]]'),		-- apart
	('[[0,0,10,0,10,10,0,10]]', '[[0,0,10,10,10,0,0,10]]'),		-- a bow tie
	('[[0,0,10,10,10,0,0,10]]', '[[0,0,5,0,5,10,0,10]]'),
	('[[0,0,5,5,10,10]]', '[[0,0,5,5,10,10]]')					-- no area
) t(a, b);
SELECT annot.iou(p, b) AS iou_pb, annot.iou(b, p) AS iou_bp, annot.dice(p, b) AS dice,
	annot.intersection_area(p, b) AS inter_pb, annot.intersection_area(b, p) AS inter_bp,
	annot.union_area(p, b) AS uni
FROM (VALUES ('[[0,0,10,0,0,10]]'::annot.poly, '(0,0),(5,5)'::annot.bbox),
	('[[0,0,10,10,10,0,0,10]]', '(0,0),(10,10)'),
	('[[0,0,10,0,10,10,0,10]]', '(10,10),(20,20)')) t(p, b);
-- COCO crowd IoU: the union is the detection's area
SELECT annot.iou('[[5,5,15,5,15,15,5,15]]'::annot.poly, '[[0,0,10,0,10,10,0,10]]'::annot.poly, true) AS crowd,
	annot.iou('[[5,5,15,5,15,15,5,15]]'::annot.poly, '[[0,0,10,0,10,10,0,10]]'::annot.poly, false) AS not_crowd;

-- validity, with the reason and the place
SELECT p, annot.is_valid(p), annot.is_valid_reason(p)
FROM (VALUES ('[[0,0,10,0,10,10,0,10]]'::annot.poly),
	('[[0,0,10,0,10,10,0,10],[10,0,20,0,20,10,10,10]]'),	-- sharing an edge: fine
	('[[0,0,10,0,10,0,10,10,0,10]]'),
	('[[0,0,10,0,10,10,0,0]]'),								-- closed explicitly
	('[[0,0,10,0,10,10,0,10],[0,0,5,5,10,10]]'),
	('[[0,0,10,0,10,5,20,5,10,5,10,10,0,10]]'),
	('[[0,0,10,10,10,0,0,10]]'),
	('[[0,0,10,0,5,5,10,10,0,10,5,5]]'),
	('[[0,0,10,0,10,10,0,10],[5,5,15,5,15,15,5,15]]'),
	('[[0,0,10,0,10,10,0,10],[2,2,8,2,8,8,2,8]]')) t(p);
SELECT * FROM annot.is_valid_detail('[[0,0,10,10,10,0,0,10]]');
SELECT * FROM annot.is_valid_detail('[[0,0,10,0,10,10,0,10],[2,2,8,2,8,8,2,8]]');
SELECT * FROM annot.is_valid_detail('[[0,0,10,0,10,10,0,10]]');

-- make_valid: the same region as simple rings that do not overlap
SELECT p, m, annot.num_rings(m) AS rings, annot.is_valid(m) AS valid,
	annot.area(m) = annot.area(p) AS same_area, annot.coco_area(m) = annot.area(p) AS coco_is_area,
	annot.intersection_area(m, p) = annot.area(p) AS same_region
FROM (SELECT p, annot.make_valid(p) AS m FROM (VALUES
	('[[0,0,10,0,10,10,0,10]]'::annot.poly),
	('[[0,0,10,10,10,0,0,10]]'),
	('[[0,0,10,0,10,5,20,5,10,5,10,10,0,10]]'),
	('[[0,0,10,0,10,10,0,10],[5,5,15,5,15,15,5,15]]'),
	('[[0,0,10,0,10,10,0,10,0,0,2,2,2,8,8,8,8,2,2,2]]')) t(p)) s;
SELECT annot.make_valid('[[0,0,5,5,10,10]]') IS NULL AS empty_region;

-- WKB: out as a valid MultiPolygon of the region, in keeping the region
SELECT encode(annot.to_wkb('[[0,0,1,0,0,1]]'::annot.poly), 'hex');
SELECT annot.poly_from_wkb(annot.to_wkb(p)) AS back, annot.area(annot.poly_from_wkb(annot.to_wkb(p))) AS area
FROM (VALUES ('[[0,0,10,0,10,10,0,10]]'::annot.poly),
	('[[0,0,10,10,10,0,0,10]]'),
	('[[0,0,10,0,10,10,0,10,0,0,2,2,2,8,8,8,8,2,2,2]]')) t(p);
SELECT annot.bbox_from_wkb(annot.to_wkb('[[1,2,3,9,-4,5]]'::annot.poly));
SELECT annot.poly_from_wkb(annot.to_wkb(annot.bbox(1, 2, 3, 4)));
SELECT length(annot.to_wkb('[[0,0,5,5,10,10]]'::annot.poly)) AS empty_multipolygon_bytes;

-- equality and hashing: -0 equals 0; GROUP BY, DISTINCT, hash index
SELECT '[[-0,0,1,0,0,1]]'::annot.poly = '[[0,0,1,0,0,1]]'::annot.poly AS eq_zero,
	annot.poly_hash('[[-0,0,1,0,0,1]]') = annot.poly_hash('[[0,0,1,0,0,1]]') AS hash_zero,
	'[[0,0,1,0,0,1]]'::annot.poly <> '[[0,0,1,0,1,1]]'::annot.poly AS ne,
	'[[0,0,1,0,0,1]]'::annot.poly = '[[0,0,1,0,0,1],[5,5,6,5,5,6]]'::annot.poly AS eq_rings,
	(annot.poly_hash_extended('[[0,0,1,0,0,1]]', 0) << 32 >> 32)::int =
		annot.poly_hash('[[0,0,1,0,0,1]]') AS hash_seed0_low_bits,
	annot.poly_hash_extended('[[0,0,1,0,0,1]]', 0) <>
		annot.poly_hash_extended('[[0,0,1,0,0,1]]', 1) AS seeded;
CREATE TABLE poly_many AS
SELECT i, annot.poly(jsonb_build_array(jsonb_build_array(i % 5, 0, i % 5 + 1, 0, i % 5, 1 + i % 3))) AS p
FROM generate_series(1, 300) i;
SELECT count(DISTINCT p) FROM poly_many;
SELECT p FROM poly_many GROUP BY p ORDER BY p LIMIT 4;
CREATE UNIQUE INDEX polys_p_i ON poly_many (p, i);
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT p, count(*) FROM poly_many GROUP BY p;
SELECT count(*) FROM (SELECT p, count(*) FROM poly_many GROUP BY p) s;
RESET enable_sort;
CREATE INDEX ON poly_many USING hash (p);
SET enable_seqscan = off;
SELECT count(*) FROM poly_many WHERE p = '[[2,0,3,0,2,3]]';
RESET enable_seqscan;
SELECT opc.opcname, amvalidate(opc.oid)
FROM pg_opclass opc JOIN pg_namespace n ON n.oid = opc.opcnamespace
WHERE n.nspname = 'annot' AND opc.opcname LIKE 'poly%' ORDER BY 1;

-- large values are TOASTed and read back intact
CREATE TABLE poly_big AS
SELECT annot.poly(jsonb_build_array((SELECT jsonb_agg(round((CASE WHEN k % 2 = 0
		THEN 500 + 400 * cos(pi() * k / 20000) ELSE 500 + 400 * sin(pi() * (k - 1) / 20000) END)::numeric, 3))
	FROM generate_series(0, 39999) k))) AS p;
SELECT annot.num_points(p), round(annot.area(p)) AS area, annot.is_valid(p),
	pg_column_size(p) < annot.num_points(p) * 16 AS compressed
FROM poly_big;

-- binary COPY round trip
CREATE TABLE poly_copy_src AS SELECT i, p FROM poly_many;
INSERT INTO poly_copy_src VALUES (0, '[[0.1,0.30000000000000004,1e-310,2,3,-7],[1,1,2,1,2,2]]');
\copy poly_copy_src TO 'results/poly_copy.bin' WITH (FORMAT binary)
CREATE TABLE poly_copy_dst (LIKE poly_copy_src);
\copy poly_copy_dst FROM 'results/poly_copy.bin' WITH (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE s.p = d.p) AS identical
FROM poly_copy_src s JOIN poly_copy_dst d USING (i);

-- binary input is validated: crafted values through a bytea field, which
-- has the same wire shape (version, ring count, point counts, float8s)
CREATE TABLE poly_recv (p annot.poly);
\copy (SELECT decode('01' || '00000001' || '00000003' || '0000000000000000' || '0000000000000000' || '3ff0000000000000' || '0000000000000000' || '0000000000000000' || '3ff0000000000000', 'hex')) TO 'results/poly_good.bin' WITH (FORMAT binary)
\copy (SELECT decode('02' || '00000001' || '00000003' || repeat('0000000000000000', 6), 'hex')) TO 'results/poly_version.bin' WITH (FORMAT binary)
\copy (SELECT decode('01' || '00000001' || '00000002' || repeat('0000000000000000', 4), 'hex')) TO 'results/poly_two.bin' WITH (FORMAT binary)
\copy (SELECT decode('01' || '00000001' || '00000003' || repeat('0000000000000000', 5), 'hex')) TO 'results/poly_short.bin' WITH (FORMAT binary)
\copy (SELECT decode('01' || '00000001' || '00000003' || '7ff8000000000000' || repeat('0000000000000000', 5), 'hex')) TO 'results/poly_nan.bin' WITH (FORMAT binary)
\copy (SELECT decode('01' || '7fffffff', 'hex')) TO 'results/poly_rings.bin' WITH (FORMAT binary)
\set VERBOSITY sqlstate
\copy poly_recv FROM 'results/poly_version.bin' WITH (FORMAT binary)
\copy poly_recv FROM 'results/poly_two.bin' WITH (FORMAT binary)
\copy poly_recv FROM 'results/poly_short.bin' WITH (FORMAT binary)
\copy poly_recv FROM 'results/poly_nan.bin' WITH (FORMAT binary)
\copy poly_recv FROM 'results/poly_rings.bin' WITH (FORMAT binary)
\set VERBOSITY terse
\copy poly_recv FROM 'results/poly_good.bin' WITH (FORMAT binary)
SELECT p, annot.area(p) FROM poly_recv;

-- every SQL object of poly has a comment
SELECT count(*) AS uncommented
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'annot' AND (p.proargtypes::regtype[] @> ARRAY['annot.poly'::regtype]
	OR p.prorettype = 'annot.poly'::regtype) AND obj_description(p.oid, 'pg_proc') IS NULL;

DROP TABLE poly_assign, poly_many, poly_big, poly_copy_src, poly_copy_dst, poly_recv;
