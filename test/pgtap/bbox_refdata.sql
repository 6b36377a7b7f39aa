-- Box IoU against pycocotools on detectron2's two-image COCO sample
-- (test/data/coco/detectron2_2img, EXPECTED.json ious_pycocotools).
-- pycocotools takes each area as w*h from the COCO width; a bbox keeps its
-- corners, and x2 = fl(x + w) carries the rounding of that addition, so
-- areas (and IoUs) may differ in the last bits: at most 2e-15 relative.
\set ON_ERROR_STOP 1
\set gt `cat "$ANNOT_REFDATA/coco/detectron2_2img/gt_annotations.json"`
\set dt `cat "$ANNOT_REFDATA/coco/detectron2_2img/detections.json"`
\set expected `cat "$ANNOT_REFDATA/coco/detectron2_2img/EXPECTED.json"`
BEGIN;
SET search_path = public, annot;
SELECT plan(8);

CREATE TEMP TABLE gt AS
SELECT (a->>'image_id')::int AS image_id, (a->>'category_id')::int AS category_id,
	annot.bbox(a->'bbox') AS box, (a->>'iscrowd')::int = 1 AS crowd, ord AS col
FROM jsonb_array_elements((:'gt'::jsonb)->'annotations') WITH ORDINALITY AS t(a, ord);

CREATE TEMP TABLE dt AS
SELECT (d->>'image_id')::int AS image_id, (d->>'category_id')::int AS category_id,
	annot.bbox(d->'bbox') AS box,
	row_number() OVER (PARTITION BY d->>'image_id', d->>'category_id'
		ORDER BY (d->>'score')::float8 DESC) AS row
FROM jsonb_array_elements(:'dt'::jsonb) AS t(d);

CREATE TEMP TABLE expected AS
SELECT r.ord AS row, c.ord AS col, c.v::text::float8 AS iou
FROM jsonb_array_elements((:'expected'::jsonb)#>'{bbox,ious_pycocotools,"(139, 1)"}')
	WITH ORDINALITY AS r(arr, ord),
	jsonb_array_elements(r.arr) WITH ORDINALITY AS c(v, ord);

CREATE TEMP TABLE ours AS
SELECT dt.row, g.colno AS col, annot.iou(dt.box, g.box, g.crowd) AS iou
FROM dt
JOIN (SELECT *, row_number() OVER (ORDER BY col) AS colno FROM gt
	WHERE image_id = 139 AND category_id = 1) g USING (image_id, category_id)
WHERE dt.image_id = 139 AND dt.category_id = 1;

SELECT is((SELECT count(*) FROM expected), 6::bigint, 'pycocotools gives a 3x2 IoU matrix');
SELECT is((SELECT count(*) FROM ours), 6::bigint, 'annot gives a 3x2 IoU matrix');
SELECT ok(abs(o.iou - e.iou) <= 2e-15 * e.iou,
	format('IoU[%s,%s] = %s (pycocotools %s)', e.row, e.col, o.iou, e.iou))
FROM expected e JOIN ours o USING (row, col) ORDER BY e.row, e.col;

SELECT * FROM finish();
ROLLBACK;
