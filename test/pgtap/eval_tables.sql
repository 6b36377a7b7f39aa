-- COCO evaluation over tables of annot types (annot.coco_eval_objects
-- over annot.objects sets) equals the evaluation of the same documents as
-- jsonb and pycocotools: val2014_100 boxes and masks, the keypoints
-- sample; grouping by a column evaluates each group alone.
\set ON_ERROR_STOP 1
\set vgt `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_100.json"`
\set vbb `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_fakebbox100_results.json"`
\set vsg `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_fakesegm100_results.json"`
\set vex `cat "$ANNOT_REFDATA/coco/val2014_100/EXPECTED.json"`
\set kgt `cat "$ANNOT_REFDATA/coco/keypoints_1img/gt_dataset.json"`
\set kdt `cat "$ANNOT_REFDATA/coco/keypoints_1img/dt_dataset.json"`
\set kex `cat "$ANNOT_REFDATA/coco/keypoints_1img/EXPECTED.json"`
BEGIN;
SET search_path = public, annot;
SELECT plan(6);

CREATE TEMP TABLE img AS
SELECT (i->>'id')::bigint AS image_id, (i->>'height')::int AS h, (i->>'width')::int AS w
FROM jsonb_array_elements((:'vgt'::jsonb)->'images') i;
CREATE TEMP TABLE gold AS
SELECT (a->>'image_id')::bigint AS image_id, (a->>'id')::bigint AS id, a->>'category_id' AS label,
	annot.bbox_xywh((a->'bbox'->>0)::float8, (a->'bbox'->>1)::float8, (a->'bbox'->>2)::float8,
		(a->'bbox'->>3)::float8) AS box,
	annot.mask(a->'segmentation', img.h, img.w) AS m,
	(a->>'iscrowd')::int = 1 AS crowd, (a->>'area')::float8 AS area
FROM jsonb_array_elements((:'vgt'::jsonb)->'annotations') a
JOIN img ON img.image_id = (a->>'image_id')::bigint;
CREATE TEMP TABLE boxes AS
SELECT (d->>'image_id')::bigint AS image_id, n AS id, d->>'category_id' AS label,
	annot.bbox_xywh((d->'bbox'->>0)::float8, (d->'bbox'->>1)::float8, (d->'bbox'->>2)::float8,
		(d->'bbox'->>3)::float8) AS box, (d->>'score')::float8 AS score,
	CASE WHEN n % 2 = 0 THEN 'even' ELSE 'odd' END AS half
FROM jsonb_array_elements(:'vbb'::jsonb) WITH ORDINALITY AS t(d, n);
CREATE TEMP TABLE masks AS
SELECT (d->>'image_id')::bigint AS image_id, n AS id, d->>'category_id' AS label,
	annot.mask(d->'segmentation') AS m, (d->>'score')::float8 AS score
FROM jsonb_array_elements(:'vsg'::jsonb) WITH ORDINALITY AS t(d, n);

CREATE FUNCTION pg_temp.close(a float8[], b float8[]) RETURNS boolean LANGUAGE sql AS $$
	SELECT cardinality(a) = cardinality(b) AND bool_and(abs(x - y) <= 1e-12 AND (x = -1) = (y = -1))
	FROM unnest(a, b) u(x, y) $$;

-- the images of the ground truth that have no objects still count
SELECT ok(pg_temp.close(
	(SELECT array_agg(value) FROM annot.coco_eval_objects(
		(SELECT annot.objects(image_id, id, label, box, NULL, crowd, area) FROM gold),
		(SELECT annot.objects(image_id, id, label, box, score) FROM boxes))),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'vex'::jsonb)#>'{bbox,"full_precision (pycocotools 2.0.11 on these files)"}') v)),
	'boxes from tables: the 12 statistics of pycocotools');
SELECT ok(pg_temp.close(
	(SELECT array_agg(value) FROM annot.coco_eval_objects(
		(SELECT annot.objects(image_id, id, label, m, NULL, crowd, area) FROM gold),
		(SELECT annot.objects(image_id, id, label, m, score) FROM masks))),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'vex'::jsonb)#>'{segm,"full_precision (pycocotools 2.0.11 on these files)"}') v)),
	'masks from tables: the 12 statistics of pycocotools');

-- grouped: each half of the results evaluated alone equals its own jsonb run
SELECT ok(bool_and(pg_temp.close(t.stats, j.stats)), 'grouped by a column: each group as its own evaluation')
FROM (SELECT b.half, (SELECT array_agg(value) FROM annot.coco_eval_objects(g.o, b.o)) AS stats
	FROM (SELECT annot.objects(image_id, id, label, box, NULL, crowd, area) AS o FROM gold) g,
		(SELECT half, annot.objects(image_id, id, label, box, score) AS o FROM boxes GROUP BY half) b) t
JOIN (SELECT h AS half, (SELECT array_agg(value) FROM annot.coco_eval(:'vgt'::jsonb,
		(SELECT jsonb_agg(d ORDER BY n) FROM jsonb_array_elements(:'vbb'::jsonb) WITH ORDINALITY AS x(d, n)
			WHERE (n % 2 = 0) = (h = 'even')), 'bbox')) AS stats
	FROM unnest(ARRAY['even', 'odd']) h) j USING (half);

-- keypoints, with the ground truth's area.  A ground truth without a
-- labelled keypoint is compared by the distance outside its box, which an
-- object set does not hold: both sides leave those out here.
CREATE TEMP TABLE kgold AS
SELECT (a->>'image_id')::bigint AS image_id, (a->>'id')::bigint AS id, a->>'category_id' AS label,
	annot.keypoints(a->'keypoints') AS k, (a->>'iscrowd')::int = 1 AS crowd, (a->>'area')::float8 AS area
FROM jsonb_array_elements((:'kgt'::jsonb)->'annotations') a
WHERE (a->>'num_keypoints')::int > 0;
CREATE TEMP TABLE kdets AS
SELECT (d->>'image_id')::bigint AS image_id, n AS id, d->>'category_id' AS label,
	annot.keypoints(d->'keypoints') AS k, (d->>'score')::float8 AS score,
	(d->'bbox'->>2)::float8 * (d->'bbox'->>3)::float8 AS area
FROM jsonb_array_elements(:'kdt'::jsonb) WITH ORDINALITY AS t(d, n);
SELECT ok(pg_temp.close(
	(SELECT array_agg(value) FROM annot.coco_eval_objects(
		(SELECT annot.objects(image_id, id, label, k, NULL, crowd, area) FROM kgold),
		(SELECT annot.objects(image_id, id, label, k, score, false, area) FROM kdets))),
	(SELECT array_agg(value) FROM annot.coco_eval(
		jsonb_set(:'kgt'::jsonb, '{annotations}', (SELECT jsonb_agg(a) FROM jsonb_array_elements((:'kgt'::jsonb)->'annotations') a
			WHERE (a->>'num_keypoints')::int > 0)), :'kdt'::jsonb, 'keypoints'))),
	'keypoints from tables: the 10 statistics of the same documents');

SELECT throws_ok($$SELECT * FROM annot.coco_eval_objects((SELECT annot.objects(1, 1, 'a', '[[0,0,1,0,1,1]]'::annot.poly)), NULL)$$,
	'22023', NULL, 'polygons must be rasterized first');
SELECT throws_ok($$SELECT * FROM annot.coco_eval_objects((SELECT annot.objects(1, 1, 'a', annot.bbox(0,0,1,1))), NULL, 'segm')$$,
	'22023', NULL, 'the iou_type must fit the geometry');

SELECT * FROM finish();
ROLLBACK;
