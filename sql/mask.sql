-- annot.mask: literals, COCO JSON, constructors, algebra, errors

-- the text form is COCO's RLE object, printed as jsonb prints it
SELECT '{"size": [20, 20], "counts": "\\14`00000000P8"}'::annot.mask;
SELECT '{"counts":"\\14`00000000P8","size":[20,20]}'::annot.mask;
SELECT ' { "size" : [ 3 , 4 ] , "counts" : [ 2 , 3 , 4 , 3 ] } '::annot.mask;
SELECT '{"size": [3, 4], "counts": [0, 12]}'::annot.mask AS full_mask;
SELECT '{"size": [3, 4], "counts": [12]}'::annot.mask AS empty_mask;
-- runs of length 0 are merged: every spelling of a mask stores alike
SELECT '{"size": [3, 4], "counts": [2, 1, 0, 2, 4, 0, 0, 3]}'::annot.mask;
SELECT '{"size": [3, 4], "counts": [2, 1, 0, 2, 4, 0, 0, 3]}'::annot.mask
	= '{"size": [3, 4], "counts": [2, 3, 4, 3]}'::annot.mask AS same;
SELECT '{"size": [2.0, 2], "counts": "\u0034"}'::annot.mask AS escapes_and_float_size;

-- malformed literals, each with its SQLSTATE
SELECT literal, (annot.input_error_info(literal, 'annot.mask')).*
FROM (VALUES
	(''), ('{}'), ('[]'), ('null'), ('{"size": [3, 4]}'), ('{"counts": "4"}'),
	('{"size": [3, 4], "counts": [12]'), ('{"size": [3, 4], "counts": [12]} x'),
	('{"size": [3, 4], "counts": [12], "area": 12}'),
	('{"size": [3, 4], "size": [3, 4], "counts": [12]}'),
	('{"size": [3], "counts": [12]}'), ('{"size": [3, 4, 1], "counts": [12]}'),
	('{"size": [0, 4], "counts": []}'), ('{"size": [-3, 4], "counts": [12]}'),
	('{"size": [3, 4], "counts": [11]}'), ('{"size": [3, 4], "counts": [13]}'),
	('{"size": [3, 4], "counts": [5, -1, 8]}'), ('{"size": [3, 4], "counts": [1.5, 10.5]}'),
	('{"size": [3, 4], "counts": [1e1, 2]}'), ('{"size": [3, 4], "counts": [012]}'),
	('{"size": [3, 4], "counts": ["12"]}'), ('{"size": [3, 4], "counts": 12}'),
	('{"size": [3, 4], "counts": [99999999999]}'), ('{"size": [3, 4], "counts": []}'),
	('{"size": [3, 4], "counts": ""}'), ('{"size": [3, 4], "counts": "<"}'),
	('{"size": [3, 4], "counts": "4 "}'), ('{"size": [3, 4], "counts": "p"}'),
	('{"size": [3, 4], "counts": "P"}'), ('{"size": [3, 4], "counts": "O"}'),
	('{"size": [3, 4], "counts": "PPPPPPPP0"}'), ('{"size": [3, 4], "counts": "\q"}'),
	('{"size": [3, 4], "counts": "\u00e9"}'), ('{"size": [3, 4], "counts": "4'),
	('{"size": [50000, 50000], "counts": [2500000000]}'),
	('{"size": [3000000000, 1], "counts": [1]}')
) AS t(literal);

-- errors raised directly carry the same codes; jsonb input is a parameter (22023)
\set VERBOSITY default
SELECT '{"size": [3, 4], "counts": [11]}'::annot.mask;
SELECT annot.mask('{"size": [3, 4], "counts": [11]}'::jsonb);
SELECT annot.mask('{"size": [3, 4], "counts": "P"}'::jsonb);
SELECT annot.mask('[1, 2]'::jsonb);
SELECT annot.mask('{"size": [50000, 50000], "counts": [2500000000]}'::jsonb);
SELECT annot.mask('{"size": [46341, 46341], "counts": [1]}'::jsonb);
\set VERBOSITY terse

-- COCO jsonb both ways, compressed and not
SELECT annot.mask('{"size": [3, 4], "counts": [2, 3, 4, 3]}'::jsonb);
SELECT annot.to_coco(m), annot.to_coco(m, false), annot.to_coco(m, true) = annot.to_coco(m) AS same
FROM (SELECT '{"size": [3, 4], "counts": "2340"}'::annot.mask AS m) s;
SELECT m::text::jsonb = annot.to_coco(m) AS text_is_coco_json
FROM (SELECT annot.mask(annot.bbox_xywh(2, 4, 5, 4), 20, 20) AS m) s;

-- accessors: area, pycocotools toBbox, grid size
SELECT annot.area(m), annot.bbox(m), annot.height(m), annot.width(m)
FROM (VALUES ('{"size": [3, 4], "counts": [2, 3, 4, 3]}'::annot.mask),
	('{"size": [3, 4], "counts": [12]}'), ('{"size": [3, 4], "counts": [0, 12]}'),
	('{"size": [4, 3], "counts": [3, 2, 7]}')) AS t(m);

-- boxes: rasterized as pycocotools' frPyObjects
SELECT annot.mask(annot.bbox_xywh(2, 4, 5, 4), 20, 20);
SELECT annot.mask(annot.bbox(0, 0, 3, 2), 2, 3) AS whole_image;
SELECT annot.mask(annot.bbox(-5, -5, 100, 100), 4, 4) AS clipped;
SELECT annot.mask(annot.bbox(1.2, 1.2, 1.3, 1.3), 4, 4) AS tiny;
SELECT annot.mask(annot.bbox(0, 0, 1, 1), 0, 4);
SELECT annot.mask(annot.bbox(0, 0, 1, 1), 100000, 100000);

-- COCO segmentations: polygon lists, box lists, RLE objects
SELECT annot.mask('[[7, 8, 9, 3, 7, 1, 5, 1, 5, 8, 3, 4, 4, 7, 7, 8]]'::jsonb, 20, 20);
SELECT annot.mask('[[1, 1, 5, 1, 5, 5], [3, 3, 9, 3, 9, 9, 3, 9]]'::jsonb, 12, 12) AS two_parts;
SELECT annot.mask('[[2, 4, 5, 4]]'::jsonb, 20, 20) AS four_numbers_is_a_box;
SELECT annot.mask('[]'::jsonb, 5, 5) AS no_polygons;
SELECT annot.mask('{"size": [3, 4], "counts": "2340"}'::jsonb, 3, 4) AS rle;
SELECT annot.mask('{"size": [3, 4], "counts": "2340"}'::jsonb, 4, 3);
SELECT annot.mask('[[1, 2, 3, 4, 5]]'::jsonb, 20, 20);
SELECT annot.mask('[[1, 2, 3]]'::jsonb, 20, 20);
SELECT annot.mask('[[2, 4, 5, 4], [1, 2, 3, 4, 5, 6]]'::jsonb, 20, 20);
SELECT annot.mask('[[1, 2, "3", 4, 5, 6]]'::jsonb, 20, 20);
SELECT annot.mask('[1, 2, 3, 4, 5, 6]'::jsonb, 20, 20);
SELECT annot.mask('[[[1, 2, 3, 4, 5, 6]]]'::jsonb, 20, 20);
SELECT annot.mask('[[1, 2, 3, 4, 5, 1e9]]'::jsonb, 20, 20);
SELECT annot.mask('"x"'::jsonb, 20, 20);

-- bitmaps: row-major bytes, non-zero is foreground
SELECT annot.mask('\x00010101'::bytea, 2, 2);
SELECT annot.to_bitmap(annot.mask('\x00ff0700'::bytea, 2, 2));
SELECT annot.to_bitmap(annot.mask(annot.bbox(1, 0, 3, 1), 2, 4));
SELECT annot.mask('\x000101'::bytea, 2, 2);
SELECT annot.mask('\x'::bytea, 0, 0);

-- overlap measures (pycocotools conventions: 0 when nothing overlaps)
SELECT annot.iou(a, b), annot.iou(b, a), annot.iou(a, b, true) AS crowd_ab,
	annot.iou(b, a, true) AS crowd_ba, annot.dice(a, b), annot.intersection_area(a, b)
FROM (SELECT annot.mask(annot.bbox_xywh(3, 5, 4, 1), 20, 20) AS a,
	annot.mask(annot.bbox_xywh(5, 3, 3, 5), 20, 20) AS b) s;
SELECT annot.iou(e, e), annot.dice(e, e), annot.iou(e, e, true)
FROM (SELECT '{"size": [3, 4], "counts": [12]}'::annot.mask AS e) s;
SELECT annot.iou('{"size": [3, 4], "counts": [12]}'::annot.mask, '{"size": [4, 3], "counts": [12]}');
SELECT annot.dice('{"size": [3, 4], "counts": [12]}'::annot.mask, '{"size": [4, 3], "counts": [12]}');

-- set operations as functions and operators
SELECT a & b AS inter, a | b AS uni, a - b AS diff, a # b AS sym, ~a AS compl
FROM (SELECT '{"size": [3, 4], "counts": [2, 3, 4, 3]}'::annot.mask AS a,
	'{"size": [3, 4], "counts": [4, 4, 4]}'::annot.mask AS b) s;
SELECT annot.intersection(a, b) = a & b, annot.union(a, b) = a | b,
	annot.difference(a, b) = a - b, annot.xor(a, b) = a # b, annot.complement(a) = ~a
FROM (SELECT '{"size": [3, 4], "counts": [2, 3, 4, 3]}'::annot.mask AS a,
	'{"size": [3, 4], "counts": [4, 4, 4]}'::annot.mask AS b) s;
SELECT '{"size": [3, 4], "counts": [12]}'::annot.mask | '{"size": [4, 3], "counts": [12]}';

-- aggregates over a group
SELECT g, annot.union(m), annot.intersection(m), count(*)
FROM (VALUES (1, '{"size": [3, 4], "counts": [2, 3, 4, 3]}'::annot.mask),
	(1, '{"size": [3, 4], "counts": [4, 4, 4]}'), (1, NULL),
	(2, '{"size": [3, 4], "counts": [0, 1, 11]}')) AS t(g, m)
GROUP BY g ORDER BY g;
SELECT annot.union(m) FROM (VALUES ('{"size": [3, 4], "counts": [12]}'::annot.mask),
	('{"size": [4, 3], "counts": [12]}')) AS t(m);
SELECT annot.union(m) IS NULL AS empty_group FROM (SELECT NULL::annot.mask AS m WHERE false) s;

-- Boundary IoU: a 10 x 10 square against itself, shifted, and a bigger one
SELECT annot.boundary(annot.mask(annot.bbox_xywh(1, 1, 5, 5), 8, 8), 0.0) AS band_of_1;
SELECT annot.boundary_iou(a, a) AS same, annot.boundary_iou(a, b) AS shifted,
	annot.iou(a, b) AS area_iou, annot.boundary_iou(a, b, 0.5) AS wide
FROM (SELECT annot.mask(annot.bbox_xywh(10, 10, 60, 60), 100, 100) AS a,
	annot.mask(annot.bbox_xywh(12, 12, 60, 60), 100, 100) AS b) s;
SELECT annot.boundary_iou(e, e) FROM (SELECT '{"size": [3, 4], "counts": [12]}'::annot.mask AS e) s;
SELECT annot.boundary_iou(a, a, -0.1)
FROM (SELECT '{"size": [3, 4], "counts": [12]}'::annot.mask AS a) s;
SELECT annot.boundary(a, 'NaN')
FROM (SELECT '{"size": [3, 4], "counts": [12]}'::annot.mask AS a) s;
SELECT annot.boundary_iou('{"size": [3, 4], "counts": [12]}'::annot.mask, '{"size": [4, 3], "counts": [12]}');

-- equality and hashing: GROUP BY and DISTINCT work on pixels
SELECT count(DISTINCT m) AS distinct_masks, count(*) AS masks
FROM (VALUES ('{"size": [3, 4], "counts": [2, 3, 4, 3]}'::annot.mask),
	('{"size": [3, 4], "counts": [2, 1, 0, 2, 4, 3]}'), ('{"size": [4, 3], "counts": [2, 3, 4, 3]}'),
	('{"size": [3, 4], "counts": "2340"}')) AS t(m);
SELECT m, count(*) FROM (VALUES ('{"size": [3, 4], "counts": [2, 3, 4, 3]}'::annot.mask),
	('{"size": [3, 4], "counts": "2340"}'), ('{"size": [3, 4], "counts": [12]}')) AS t(m)
GROUP BY m ORDER BY count(*) DESC;
SELECT a = b AS eq, a <> b AS ne FROM (VALUES
	('{"size": [3, 4], "counts": [12]}'::annot.mask, '{"size": [4, 3], "counts": [12]}'::annot.mask),
	('{"size": [3, 4], "counts": [12]}', '{"size": [3, 4], "counts": [12]}')) AS t(a, b);

-- every mask opclass passes amvalidate
SELECT opc.opcname, amvalidate(opc.oid)
FROM pg_opclass opc JOIN pg_namespace n ON n.oid = opc.opcnamespace
WHERE n.nspname = 'annot' AND opc.opcintype = 'annot.mask'::regtype ORDER BY 1;

-- binary send: version, height, width, number of counts, counts
SELECT annot.mask_send('{"size": [3, 4], "counts": [2, 3, 4, 3]}'::annot.mask);
