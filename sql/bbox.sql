-- annot.bbox: literals, conversions, geometry, operators and indexes

-- canonical text form, exact round trip
SELECT '(1,2),(3,4)'::annot.bbox;
SELECT ' ( 1.5 , -2e1 ) , ( 3 ,4 ) '::annot.bbox;
SELECT '(0.1,0.3333333333333333),(1e+15,1e+15)'::annot.bbox;
SELECT b::text::annot.bbox = b AS round_trip
FROM (SELECT annot.bbox(0.1, 1e-310, 0.1 + 0.2, 1/3::float8) AS b) s;
SELECT '(5,5),(5,5)'::annot.bbox AS degenerate;
SELECT '(-0,0),(0,0)'::annot.bbox AS negative_zero;

-- the extremes: coordinates up to 1e15 in magnitude, subnormals, -0; every
-- form of input and output keeps them exactly
SELECT b, b::text::annot.bbox = b AS text_trip, annot.bbox(annot.to_coco(b)) = b AS coco_trip,
	b::json AS coco, annot.width(b), annot.area(b), annot.iou(b, b) AS self_iou
FROM (VALUES ('(-1e15,-1e15),(1e15,1e15)'::annot.bbox), ('(-1e15,0),(-1e15,0)'),
	('(5e-324,-5e-324),(1e-323,2.2250738585072014e-308)'), ('(-0,-0),(0,5e-324)'),
	('(999999999999999.9,0),(1000000000000000,1)')) v(b);
SELECT annot.bbox(-1e15, -1e15, 1e15, 1e15) = '(-1e15,-1e15),(1e15,1e15)' AS corners,
	annot.bbox_xywh(-1e15, -1e15, 2e15, 2e15) = '(-1e15,-1e15),(1e15,1e15)' AS xywh,
	annot.bbox('[-1e15, -1e15, 2e15, 2e15]'::jsonb) = '(-1e15,-1e15),(1e15,1e15)' AS coco,
	annot.bbox(5e-324, 0, 5e-324, 5e-324)::text AS subnormal;
-- measures of the largest boxes stay finite and in range
SELECT annot.iou(a, b), annot.giou(a, b), annot.dice(a, b), annot.iou(b, a, true) AS crowd,
	annot.intersection_area(a, b), annot.area(annot.cover(a, b)) AS cover_area
FROM (VALUES ('(-1e15,-1e15),(1e15,1e15)'::annot.bbox, '(-1e15,0),(1e15,5e-324)'::annot.bbox),
	('(-1e15,-1e15),(-1e15,-1e15)', '(1e15,1e15),(1e15,1e15)'),
	('(-1e15,-1e15),(0,0)', '(0,0),(1e15,1e15)')) v(a, b);
-- beyond the bound: 22003 from every way in
SELECT outcome($$SELECT '(0,0),(1.0000000000000002e15,1)'::annot.bbox$$) AS text_in,
	outcome($$SELECT annot.bbox(-1e16, 0, 0, 0)$$) AS corners,
	outcome($$SELECT annot.bbox_xywh(1e15, 0, 1, 1)$$) AS xywh,
	outcome($$SELECT annot.bbox('[0, 0, 1e300, 1]'::jsonb)$$) AS coco,
	outcome($$SELECT annot.bbox('[1e400, 0, 1, 1]'::jsonb)$$) AS coco_overflow,
	outcome($$SELECT annot.bbox(ARRAY[0, 0, 2e15, 1])$$) AS coco_array,
	outcome($$SELECT annot.bbox('((0,0),(1e300,1))'::box)$$) AS box,
	outcome($$SELECT annot.bbox_from_wkb(annot.to_wkb(annot.bbox(0, 0, 1, 1)) || ''::bytea)$$) AS wkb_ok;

-- malformed literals: each with the SQLSTATE it raises
SELECT literal, (annot.input_error_info(literal, 'annot.bbox')).*
FROM (VALUES
	(''), (' '), ('('), ('()'), ('(1)'), ('(1,2)'), ('(1,2),'), ('(1,2),('),
	('(1,2),(3'), ('(1,2),(3,'), ('(1,2),(3,4'), ('(1,2),(3,4))'),
	('(1,2)(3,4)'), ('(1,2);(3,4)'), ('(1,2,3,4)'), ('[1,2,3,4]'),
	('1,2,3,4'), ('((1,2),(3,4))'), ('(1,2),(3,4),(5,6)'), ('(a,2),(3,4)'),
	('(1,2),(3,4)x'), ('(1,,2),(3,4)'), ('(1 2),(3,4)'), ('(NaN,2),(3,4)'),
	('(1,2),(Infinity,4)'), ('(-inf,2),(3,4)'), ('(0x10,2),(3,4)'),
	('(1e,2),(3,4)'), ('(.,2),(3,4)'), ('(+-1,2),(3,4)'), ('(1.2.3,2),(3,4)'),
	('(3,2),(1,4)'), ('(1,4),(3,2)'), ('(1e999,2),(3,4)'),
	('(1,2),(3,-1e400)'), (E'(1,2),(3,4)\t;')
) AS t(literal);

-- errors raised directly carry the same codes
\set VERBOSITY default
SELECT '(3,2),(1,4)'::annot.bbox;
SELECT '(1e999,2),(3,4)'::annot.bbox;
SELECT annot.bbox(3, 2, 1, 4);
SELECT annot.bbox('NaN', 0, 1, 1);
SELECT annot.bbox_xywh(0, 0, -1, 2);
SELECT annot.bbox_xywh(1.7976931348623157e308, 0, 1.7976931348623157e308, 1);
SELECT annot.bbox('[1, 2, 3]'::jsonb);
SELECT annot.bbox('[1, 2, "3", 4]'::jsonb);
SELECT annot.bbox('{"bbox": [1, 2, 3, 4]}'::jsonb);
SELECT annot.bbox('[1, 2, -3, 4]'::jsonb);
SELECT annot.bbox('((0,0),(1,NaN))'::box);
SELECT annot.clip('(0,0),(1,1)'::annot.bbox, -1, 5);
SELECT annot.bbox_from_wkb('\x0101000000000000000000f03f000000000000f03f'::bytea);
SELECT annot.bbox_from_wkb('\x010300'::bytea);
SELECT annot.bbox(ARRAY[1, 2, NULL, 4]);
SELECT annot.bbox(ARRAY[1, 2, 3]);
SELECT annot.bbox(ARRAY[[1, 2], [3, 4]]);
SELECT annot.bbox('[1e400, 0, 1, 1]'::jsonb);
SELECT annot.bbox(0, 0, 1e300, 1);
\set VERBOSITY terse

-- COCO jsonb both ways; widths read in are printed back
SELECT annot.bbox('[473.07, 395.93, 38.65, 28.67]'::jsonb);
SELECT annot.to_coco(annot.bbox('[473.07, 395.93, 38.65, 28.67]'::jsonb));
SELECT annot.to_coco(annot.bbox_xywh(0.1, 0.2, 0.2, 0.1));
SELECT annot.bbox(annot.to_coco(b)) = b AS coco_round_trip
FROM (SELECT annot.bbox(0.1, 0.7, 0.30000000000000004, 2.5) AS b) s;
-- a box whose corners no COCO width joins (x1 + w never equals x2 in
-- double arithmetic) comes back within a unit in the last place
SELECT annot.to_coco(b), annot.bbox(annot.to_coco(b)) = b AS exact,
	abs(annot.x2(annot.bbox(annot.to_coco(b))) - annot.x2(b)) <= 2.3e-13 AS within_an_ulp
FROM (SELECT annot.bbox(181.38, 0, 1326.2, 1) AS b) s;

-- arrays as drivers bind a list: COCO's [x, y, width, height], like jsonb
SELECT annot.bbox(ARRAY[473.07, 395.93, 38.65, 28.67]::float8[]) AS float8_array,
	annot.bbox(ARRAY[473.07, 395.93, 38.65, 28.67]::numeric[]) AS numeric_array,
	annot.bbox(ARRAY[1, 2, 3, 4]) AS integer_array,
	annot.bbox(ARRAY[1, 2, 3, 4]::bigint[]) = annot.bbox('[1, 2, 3, 4]'::jsonb) AS as_jsonb;

-- rows serialize boxes as COCO arrays: the casts to json and jsonb
SELECT to_jsonb(r), row_to_json(r), to_json(r.b)
FROM (SELECT 7 AS id, annot.bbox_xywh(473.07, 395.93, 38.65, 28.67) AS b) r;
SELECT json_agg(b), jsonb_agg(b), json_build_object('box', (array_agg(b))[1]),
	jsonb_build_array(VARIADIC array_agg(b))
FROM (VALUES (annot.bbox(0, 0, 1, 1)), (annot.bbox(1, 2, 3, 4.5))) v(b);
SELECT b::json AS json, b::jsonb AS jsonb, b::jsonb = annot.to_coco(b) AS same
FROM (SELECT annot.bbox(0.1, 0.2, 0.30000000000000004, 0.5) AS b) s;
SELECT castcontext FROM pg_cast
WHERE castsource = 'annot.bbox'::regtype AND casttarget IN ('json'::regtype, 'jsonb'::regtype);

-- literal validation: annot's own types without a subtransaction, with
-- the messages a cast gives; other types as before
SELECT annot.input_is_valid('(1,2),(3,4)', 'annot.bbox') AS good,
	annot.input_is_valid('(1,2),(3,', 'annot.bbox') AS bad,
	annot.input_is_valid('(0,0),(2e15,1)', 'annot.bbox') AS beyond,
	annot.input_is_valid('{"(1,2),(3,4)"}', 'annot.bbox[]') AS array_good,
	annot.input_is_valid('{"(1,2),(3,"}', 'annot.bbox[]') AS array_bad,
	annot.input_is_valid('42', 'int4') AS int_good,
	annot.input_is_valid('4x2', 'int4') AS int_bad;
SELECT literal, typ, (annot.input_error_info(literal, typ)).*
FROM (VALUES ('(1,2),(3,4)', 'annot.bbox'::regtype), ('(0,0),(2e15,1)', 'annot.bbox'),
	(repeat('(', 200), 'annot.bbox'), ('[[0,0,1,0]]', 'annot.poly'),
	('{"size":[2,2],"counts":"x"}', 'annot.mask'), ('4x2', 'int4')) v(literal, typ);
-- every base type of annot reports bad literals softly (expect none raising)
SELECT t.oid::regtype AS raises FROM pg_type t
WHERE t.typnamespace = 'annot'::regnamespace AND t.typtype = 'b' AND t.typarray <> 0
	AND outcome(format('SELECT annot.input_is_valid(%L, %L)', '{"x', t.oid::regtype)) <> 'ok';
SELECT count(*) >= 3 AS types_checked FROM pg_type t
WHERE t.typnamespace = 'annot'::regnamespace AND t.typtype = 'b' AND t.typarray <> 0;
SELECT count(*) FILTER (WHERE annot.input_is_valid(s, 'annot.bbox')) AS valid,
	count(*) FILTER (WHERE NOT annot.input_is_valid(s, 'annot.bbox')) AS invalid
FROM (SELECT CASE WHEN i % 3 = 0 THEN format('(%s,0),(%s,1)', i, i + 1)
	ELSE format('(%s,0),(%s', i, i) END AS s FROM generate_series(1, 3000) i) t;

-- declared costs: conversions through text or WKB cost more than arithmetic
SELECT p.oid::regprocedure AS function, p.procost
FROM pg_proc p
WHERE p.pronamespace = 'annot'::regnamespace AND p.procost <> 1 AND p.prosrc LIKE 'bbox\_%'
ORDER BY p.oid::regprocedure::text;

-- PostgreSQL box both ways
SELECT '(1,2),(3,4)'::annot.bbox::box;
SELECT '((3,4),(1,2))'::box::annot.bbox;

-- accessors
SELECT annot.x1(b), annot.y1(b), annot.x2(b), annot.y2(b), annot.width(b),
	annot.height(b), annot.area(b), annot.center(b)
FROM (SELECT '(1,2),(4,8)'::annot.bbox AS b) s;

-- similarity
SELECT annot.iou('(0,0),(10,10)'::annot.bbox, '(5,5),(15,15)'::annot.bbox) AS iou,
	annot.dice('(0,0),(10,10)'::annot.bbox, '(5,5),(15,15)'::annot.bbox) AS dice,
	annot.giou('(0,0),(10,10)'::annot.bbox, '(5,5),(15,15)'::annot.bbox) AS giou,
	annot.giou('(0,0),(10,10)'::annot.bbox, '(20,20),(30,30)'::annot.bbox) AS giou_far,
	annot.iou('(5,5),(15,15)'::annot.bbox, '(0,0),(10,10)'::annot.bbox, true) AS crowd,
	annot.iou('(5,5),(15,15)'::annot.bbox, '(0,0),(10,10)'::annot.bbox, false) AS not_crowd,
	annot.iou('(1,1),(1,1)'::annot.bbox, '(1,1),(1,1)'::annot.bbox) AS iou_points,
	annot.intersection_area('(0,0),(10,10)'::annot.bbox, '(5,5),(15,15)'::annot.bbox) AS inter;

-- intersection, cover, extent, clip
SELECT annot.intersection('(0,0),(10,10)'::annot.bbox, '(5,5),(15,15)'::annot.bbox),
	annot.intersection('(0,0),(10,10)'::annot.bbox, '(10,0),(20,10)'::annot.bbox) AS touching,
	annot.intersection('(0,0),(1,1)'::annot.bbox, '(5,5),(6,6)'::annot.bbox) IS NULL AS disjoint,
	annot.cover('(0,0),(1,1)'::annot.bbox, '(5,5),(6,6)'::annot.bbox),
	annot.clip('(-5,-5),(700,20)'::annot.bbox, 640, 480),
	annot.clip('(700,0),(710,20)'::annot.bbox, 640, 480) IS NULL AS outside;
SELECT annot.extent(b) FROM (VALUES ('(0,0),(1,1)'::annot.bbox), (NULL),
	('(-2,3),(0,9)')) t(b);
SELECT annot.extent(b) IS NULL AS empty_extent FROM (SELECT NULL::annot.bbox b WHERE false) s;

-- operators
SELECT a, b, a && b AS overlaps, a @> b AS contains, a <@ b AS contained,
	a = b AS eq, a <> b AS ne, a < b AS lt
FROM (VALUES
	('(0,0),(10,10)'::annot.bbox, '(5,5),(15,15)'::annot.bbox),
	('(0,0),(10,10)', '(10,0),(20,10)'),
	('(0,0),(10,10)', '(2,2),(3,3)'),
	('(0,0),(10,10)', '(11,11),(12,12)'),
	('(0,0),(10,10)', '(-0,0),(10,10)')
) t(a, b);

-- btree and hash opclasses: ORDER BY, DISTINCT, GROUP BY with hashing
CREATE TABLE boxes (id int, b annot.bbox);
INSERT INTO boxes SELECT i, annot.bbox(i % 7, i % 5, i % 7 + 1, i % 5 + 2)
FROM generate_series(1, 200) i;
SELECT b, count(*) FROM boxes GROUP BY b ORDER BY b LIMIT 5;
SELECT count(DISTINCT b) FROM boxes;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT b, count(*) FROM boxes GROUP BY b;
SELECT count(*) FROM (SELECT b, count(*) FROM boxes GROUP BY b) s;
RESET enable_sort;
CREATE INDEX ON boxes USING hash (b);
CREATE UNIQUE INDEX boxes_id_b ON boxes (b, id);

-- every opclass of bbox passes amvalidate
SELECT opc.opcname, amvalidate(opc.oid)
FROM pg_opclass opc
WHERE opc.opcintype = 'annot.bbox'::regtype ORDER BY 1;

-- GiST: the index answers && @> <@ = exactly as a sequential scan does
CREATE TABLE many AS
SELECT i AS id, annot.bbox_xywh((i * 7919) % 1000, (i * 104729) % 1000,
	(i % 13) + 1, (i % 17) + 1) AS b
FROM generate_series(1, 20000) i;
CREATE INDEX many_gist ON many USING gist (b);
ANALYZE many;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM many WHERE b && '(100,100),(140,130)';
SELECT count(*) FROM many WHERE b && '(100,100),(140,130)';
SELECT count(*) FROM many WHERE b <@ '(100,100),(300,300)';
SELECT count(*) FROM many WHERE b @> '(500,500),(500.5,500.5)';
SELECT count(*) FROM many WHERE b = annot.bbox_xywh(7919 % 1000, 104729 % 1000, 2, 2);
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SET enable_seqscan = on;
SELECT count(*) FROM many WHERE b && '(100,100),(140,130)';
SELECT count(*) FROM many WHERE b <@ '(100,100),(300,300)';
SELECT count(*) FROM many WHERE b @> '(500,500),(500.5,500.5)';
SELECT count(*) FROM many WHERE b = annot.bbox_xywh(7919 % 1000, 104729 % 1000, 2, 2);
RESET ALL;

-- binary COPY round trip
CREATE TABLE copy_src AS SELECT id, b FROM many WHERE id <= 1000;
INSERT INTO copy_src VALUES (0, annot.bbox(0.1, 1/3::float8, 1e15, 1e15)), (-1, annot.bbox(-0.0, 5e-324, 5e-324, 1e-300));
\copy copy_src TO 'results/bbox_copy.bin' WITH (FORMAT binary)
CREATE TABLE copy_dst (LIKE copy_src);
\copy copy_dst FROM 'results/bbox_copy.bin' WITH (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE s.b = d.b) AS identical
FROM copy_src s JOIN copy_dst d USING (id);

-- binary input is validated as text input is: a bytea field has the same
-- wire shape as a bbox field, so crafted values go through binary COPY
CREATE TABLE recv_target (b annot.bbox);
\copy (SELECT decode('4008000000000000' || '4000000000000000' || '3ff0000000000000' || '4010000000000000', 'hex')) TO 'results/bbox_inverted.bin' WITH (FORMAT binary)
\copy (SELECT decode('7ff8000000000000' || '4000000000000000' || '3ff0000000000000' || '4010000000000000', 'hex')) TO 'results/bbox_nan.bin' WITH (FORMAT binary)
\copy (SELECT decode('4008000000000000' || '4000000000000000' || '3ff0000000000000', 'hex')) TO 'results/bbox_short.bin' WITH (FORMAT binary)
\copy (SELECT decode('0000000000000000' || '0000000000000000' || '3ff0000000000000' || '4010000000000000' || '00', 'hex')) TO 'results/bbox_long.bin' WITH (FORMAT binary)
\copy (SELECT decode('0000000000000000' || '0000000000000000' || '3ff0000000000000' || '40100000000000', 'hex')) TO 'results/bbox_31.bin' WITH (FORMAT binary)
\copy (SELECT decode('0000000000000000' || '0000000000000000' || '431c6bf526340000' || '4010000000000000', 'hex')) TO 'results/bbox_beyond.bin' WITH (FORMAT binary)
\copy (SELECT decode('0000000000000000' || '0000000000000000' || '7ff0000000000000' || '4010000000000000', 'hex')) TO 'results/bbox_inf.bin' WITH (FORMAT binary)
\copy (SELECT decode('0000000000000000' || '0000000000000000' || '3ff0000000000000' || '4010000000000000', 'hex')) TO 'results/bbox_good.bin' WITH (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_target FROM 'results/bbox_inverted.bin' WITH (FORMAT binary)
\copy recv_target FROM 'results/bbox_nan.bin' WITH (FORMAT binary)
\copy recv_target FROM 'results/bbox_short.bin' WITH (FORMAT binary)
\copy recv_target FROM 'results/bbox_long.bin' WITH (FORMAT binary)
\copy recv_target FROM 'results/bbox_31.bin' WITH (FORMAT binary)
\copy recv_target FROM 'results/bbox_beyond.bin' WITH (FORMAT binary)
\copy recv_target FROM 'results/bbox_inf.bin' WITH (FORMAT binary)
\set VERBOSITY default
\copy recv_target FROM 'results/bbox_31.bin' WITH (FORMAT binary)
\set VERBOSITY terse
\copy recv_target FROM 'results/bbox_good.bin' WITH (FORMAT binary)
SELECT * FROM recv_target;
