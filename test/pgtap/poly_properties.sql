-- Properties of polygon measures on random rings, sloppy ones included
-- (seeded, so reproducible): the laws of areas and similarities, that
-- make_valid keeps the region, round trips, agreement with boxes.
BEGIN;
SET search_path = public, annot;
SELECT plan(17);

-- rings of 3 to 12 random points on a 100 px square: most cross themselves
CREATE FUNCTION pg_temp.ring(n int, x0 float8, y0 float8) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT jsonb_agg(round((CASE WHEN k % 2 = 0 THEN x0 ELSE y0 END + 100 * random())::numeric, 2) ORDER BY k)
	FROM generate_series(0, 2 * n - 1) k
$$;
SELECT setseed(0.77);
CREATE TEMP TABLE pairs AS
SELECT i,
	annot.poly(jsonb_build_array(pg_temp.ring(3 + i % 10, 0, 0)) ||
		CASE WHEN i % 4 = 0 THEN jsonb_build_array(pg_temp.ring(3 + i % 5, 50, 50)) ELSE '[]' END) AS a,
	annot.poly(jsonb_build_array(pg_temp.ring(3 + (i * 3) % 10, 30, 20))) AS b,
	annot.bbox_xywh(100 * random(), 100 * random(), 60 * random(), 60 * random()) AS box
FROM generate_series(1, 2000) i;

SELECT is((SELECT count(*) FROM pairs WHERE annot.iou(a, b) <> annot.iou(b, a)
		OR annot.intersection_area(a, b) <> annot.intersection_area(b, a)), 0::bigint,
	'IoU and intersection area are symmetric');
SELECT is((SELECT count(*) FROM pairs WHERE NOT annot.iou(a, b) BETWEEN 0 AND 1
		OR NOT annot.dice(a, b) BETWEEN 0 AND 1), 0::bigint, 'IoU and Dice lie in [0,1]');
SELECT is((SELECT count(*) FROM pairs WHERE annot.area(a) > 0 AND annot.iou(a, a) <> 1), 0::bigint,
	'IoU of a region with itself is 1');
SELECT is((SELECT count(*) FROM pairs
	WHERE annot.intersection_area(a, b) > least(annot.area(a), annot.area(b))
		OR annot.union_area(a, b) < greatest(annot.area(a), annot.area(b))), 0::bigint,
	'the intersection is at most the smaller area, the union at least the larger');
SELECT is((SELECT count(*) FROM pairs
	WHERE abs(annot.intersection_area(a, b) + annot.union_area(a, b) - annot.area(a) - annot.area(b))
		> 1e-9 * (annot.area(a) + annot.area(b))), 0::bigint,
	'|A ∩ B| + |A ∪ B| = |A| + |B|');
SELECT is((SELECT count(*) FROM pairs
	WHERE abs(annot.dice(a, b) - 2 * annot.iou(a, b) / (1 + annot.iou(a, b))) > 1e-12), 0::bigint,
	'Dice = 2 IoU / (1 + IoU)');
SELECT is((SELECT count(*) FROM pairs WHERE annot.area(a) > annot.area(annot.bbox(a)) * (1 + 1e-12)),
	0::bigint, 'a region lies within its bounding box');
SELECT cmp_ok((SELECT count(*) FROM pairs WHERE NOT annot.is_valid(a)), '>', 1000::bigint,
	'most of the rings are sloppy');

-- make_valid: valid rings, same region
CREATE TEMP TABLE mv AS SELECT i, a, annot.make_valid(a) AS m FROM pairs;
SELECT is((SELECT count(*) FROM mv WHERE m IS NULL AND annot.area(a) > 0), 0::bigint,
	'make_valid returns rings for every region with area');
SELECT is((SELECT count(*) FROM mv WHERE m IS NOT NULL AND NOT annot.is_valid(m)), 0::bigint,
	'make_valid''s rings are valid');
SELECT is((SELECT count(*) FROM mv WHERE m IS NOT NULL AND (
		abs(annot.area(m) - annot.area(a)) > 1e-9 * annot.area(a)
		OR abs(annot.coco_area(m) - annot.area(a)) > 1e-9 * annot.area(a)
		OR abs(annot.intersection_area(m, a) - annot.area(a)) > 1e-9 * annot.area(a))), 0::bigint,
	'make_valid keeps the region: same area, the shoelace sum is the area, and it covers the input''s');

-- translation moves nothing but the centroid
SELECT is((SELECT count(*) FROM pairs,
		LATERAL (SELECT annot.poly(jsonb_build_array((SELECT jsonb_agg(v::float8 + 1000 * (1 - o % 2) + 5000 * (o % 2) ORDER BY o)
			FROM jsonb_array_elements_text(annot.to_coco(a)->0) WITH ORDINALITY t(v, o)))) AS moved) m
	WHERE annot.num_rings(a) = 1 AND abs(annot.area(m.moved) - annot.area(a)) > 1e-9 * annot.area(a)),
	0::bigint, 'area does not change when a ring moves by (1000, 5000)');
SELECT is((SELECT count(*) FROM pairs WHERE annot.centroid(a) IS NOT NULL
		AND NOT annot.box(annot.bbox(a)) @> annot.centroid(a)), 0::bigint,
	'the centroid lies within the bounding box');

-- boxes: as rings they measure as boxes do
SELECT is((SELECT count(*) FROM pairs p JOIN pairs q ON q.i = p.i % 2000 + 1
	WHERE abs(annot.iou(annot.poly(p.box), annot.poly(q.box)) - annot.iou(p.box, q.box)) > 1e-12),
	0::bigint, 'IoU of two boxes as polygons is their box IoU');
SELECT is((SELECT count(*) FROM pairs WHERE annot.iou(a, box) <> annot.iou(a, annot.poly(box))
		OR annot.iou(box, a) <> annot.iou(a, box)
		OR annot.intersection_area(box, a) <> annot.intersection_area(a, annot.poly(box))), 0::bigint,
	'a polygon measures against a box as against the box''s ring');

-- round trips
SELECT is((SELECT count(*) FROM pairs WHERE a::text::annot.poly <> a OR annot.poly(annot.to_coco(a)) <> a),
	0::bigint, 'text and COCO jsonb round trips are exact');

-- the measures are parallel safe: a parallel plan gives the same sums
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE serial AS SELECT sum(annot.iou(a, b)) AS s, sum(annot.area(a)) AS t FROM pairs;
SELECT is((SELECT sum(annot.iou(a, b)) = (SELECT s FROM serial) AND sum(annot.area(a)) = (SELECT t FROM serial)
	FROM pairs), true, 'sums over a parallel plan equal the serial ones');

SELECT * FROM finish();
ROLLBACK;
