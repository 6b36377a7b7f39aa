-- Polygons meet masks: annot.mask(annot.poly, h, w) rasterizes exactly as
-- the COCO segmentation path does (pycocotools frPyObjects + merge), and
-- IoU / Dice between a polygon and a mask equal those of its rasterized mask.
-- Data: every polygon ground truth of test/data/coco/val2014_100
-- against cocoapi's fake segm results of the same image.
\set ON_ERROR_STOP 1
\set gt `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_100.json"`
\set dt `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_fakesegm100_results.json"`
BEGIN;
SET search_path = public, annot;
SELECT plan(9);

CREATE TEMP TABLE img AS
SELECT (i->>'id')::int AS image_id, (i->>'height')::int AS h, (i->>'width')::int AS w
FROM jsonb_array_elements((:'gt'::jsonb)->'images') i;

CREATE TEMP TABLE gt AS
SELECT (a->>'image_id')::int AS image_id, img.h, img.w,
	annot.poly(a->'segmentation') AS p,
	annot.mask(a->'segmentation', img.h, img.w) AS m
FROM jsonb_array_elements((:'gt'::jsonb)->'annotations') a
JOIN img ON img.image_id = (a->>'image_id')::int
WHERE jsonb_typeof(a->'segmentation') = 'array';

CREATE TEMP TABLE dt AS
SELECT (d->>'image_id')::int AS image_id, annot.mask(d->'segmentation') AS m
FROM jsonb_array_elements(:'dt'::jsonb) d;

CREATE TEMP TABLE pairs AS
SELECT g.p, g.m AS gm, d.m AS dm FROM gt g JOIN dt d USING (image_id);

SELECT is((SELECT count(*) FROM gt), 830::bigint, '830 polygon ground truths');
SELECT is((SELECT count(*) FROM gt WHERE annot.mask(p, h, w) <> m), 0::bigint,
	'annot.mask(poly, h, w) equals the COCO segmentation rasterization on every polygon');
SELECT cmp_ok((SELECT count(*) FROM pairs WHERE annot.intersection_area(gm, dm) > 0), '>', 100::bigint,
	'the sample has overlapping polygon/mask pairs');
SELECT is((SELECT count(*) FROM pairs WHERE annot.iou(p, dm) <> annot.iou(gm, dm)), 0::bigint,
	'iou(poly, mask) = iou(mask(poly), mask)');
SELECT is((SELECT count(*) FROM pairs WHERE annot.iou(dm, p) <> annot.iou(dm, gm)), 0::bigint,
	'iou(mask, poly) = iou(mask, mask(poly))');
SELECT is((SELECT count(*) FROM pairs WHERE annot.iou(dm, p, true) <> annot.iou(dm, gm, true)
	OR annot.iou(p, dm, true) <> annot.iou(gm, dm, true)), 0::bigint,
	'crowd IoU between polygons and masks, both orders');
SELECT is((SELECT count(*) FROM pairs WHERE annot.dice(p, dm) <> annot.dice(gm, dm)
	OR annot.dice(dm, p) <> annot.dice(dm, gm)), 0::bigint,
	'Dice between polygons and masks, both orders');
SELECT throws_ok($$SELECT annot.mask('[[0,0,10,0,10,10]]'::annot.poly, 0, 5)$$, '22023', NULL,
	'a non-positive mask size is refused');
SELECT throws_ok($$SELECT annot.mask('[[0,0,10,0,10,10]]'::annot.poly, 100000, 100000)$$, '54000', NULL,
	'a mask size over the limit is refused');

SELECT * FROM finish();
ROLLBACK;
