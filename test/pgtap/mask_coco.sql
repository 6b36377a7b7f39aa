-- Masks on real COCO data (test/data/coco):
--  * detectron2_2img: polygon ground truth rasterized and compared with
--    RLE detections; the segm IoU matrix must equal pycocotools' bits;
--  * small_segm: polygon detections rasterized must give exactly the RLE
--    strings pycocotools made of them (dt_dataset_rle_nobbox.json);
--  * val2014_100: every ground-truth polygon (830, 75 multi-part) and
--    crowd RLE, and the 734 RLE results of cocoapi's fake segm file.
\set ON_ERROR_STOP 1
\set d2gt `cat "$ANNOT_REFDATA/coco/detectron2_2img/gt_annotations.json"`
\set d2dt `cat "$ANNOT_REFDATA/coco/detectron2_2img/detections.json"`
\set d2ex `cat "$ANNOT_REFDATA/coco/detectron2_2img/EXPECTED.json"`
\set ssgt `cat "$ANNOT_REFDATA/coco/small_segm/gt_dataset.json"`
\set ssdt `cat "$ANNOT_REFDATA/coco/small_segm/dt_dataset.json"`
\set ssrle `cat "$ANNOT_REFDATA/coco/small_segm/dt_dataset_rle_nobbox.json"`
\set vgt `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_100.json"`
\set vdt `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_fakesegm100_results.json"`
BEGIN;
SET search_path = public, annot;
SELECT plan(17);

-- detectron2_2img

CREATE TEMP TABLE d2img AS
SELECT (i->>'id')::int AS image_id, (i->>'height')::int AS h, (i->>'width')::int AS w
FROM jsonb_array_elements((:'d2gt'::jsonb)->'images') AS t(i);

CREATE TEMP TABLE d2gt AS
SELECT (a->>'image_id')::int AS image_id, (a->>'category_id')::int AS category_id,
	annot.mask(a->'segmentation', img.h, img.w) AS m, (a->>'iscrowd')::int = 1 AS crowd,
	row_number() OVER (PARTITION BY a->>'image_id', a->>'category_id' ORDER BY ord) AS col
FROM jsonb_array_elements((:'d2gt'::jsonb)->'annotations') WITH ORDINALITY AS t(a, ord)
JOIN d2img img ON img.image_id = (a->>'image_id')::int;

CREATE TEMP TABLE d2dt AS
SELECT (d->>'image_id')::int AS image_id, (d->>'category_id')::int AS category_id,
	annot.mask(d->'segmentation') AS m,
	row_number() OVER (PARTITION BY d->>'image_id', d->>'category_id'
		ORDER BY (d->>'score')::float8 DESC) AS row
FROM jsonb_array_elements(:'d2dt'::jsonb) AS t(d);

CREATE TEMP TABLE d2expected AS
SELECT r.ord AS row, c.ord AS col, c.v::text::float8 AS iou
FROM jsonb_array_elements((:'d2ex'::jsonb)#>'{segm,ious_pycocotools,"(139, 1)"}')
	WITH ORDINALITY AS r(arr, ord),
	jsonb_array_elements(r.arr) WITH ORDINALITY AS c(v, ord);

SELECT is((SELECT count(*) FROM d2expected e
	JOIN d2dt dt ON dt.image_id = 139 AND dt.category_id = 1 AND dt.row = e.row
	JOIN d2gt gt ON gt.image_id = 139 AND gt.category_id = 1 AND gt.col = e.col
	WHERE annot.iou(dt.m, gt.m, gt.crowd) = e.iou), 6::bigint,
	'detectron2 segm IoU matrix (image 139, person) equals pycocotools to the last bit');
SELECT is((SELECT count(*) FROM d2dt dt JOIN d2gt gt USING (image_id)
	WHERE annot.height(dt.m) <> annot.height(gt.m)), 0::bigint,
	'RLE detections and rasterized ground truth share the image grid');

-- small_segm: rasterized polygon detections = pycocotools' RLE strings

CREATE TEMP TABLE ssimg AS
SELECT (i->>'id')::int AS image_id, (i->>'height')::int AS h, (i->>'width')::int AS w
FROM jsonb_array_elements((:'ssgt'::jsonb)->'images') AS t(i);

CREATE TEMP TABLE ssdt AS
SELECT (d->>'id')::int AS id, annot.mask(d->'segmentation', img.h, img.w) AS m
FROM jsonb_array_elements(:'ssdt'::jsonb) AS t(d)
JOIN ssimg img ON img.image_id = (d->>'image_id')::int;

CREATE TEMP TABLE ssrle AS
SELECT (d->>'id')::int AS id, d->'segmentation' AS seg
FROM jsonb_array_elements(:'ssrle'::jsonb) AS t(d);

SELECT is((SELECT count(*) FROM ssdt JOIN ssrle USING (id)), 9::bigint,
	'small_segm: 9 polygon detections with pycocotools RLEs');
SELECT is((SELECT count(*) FROM ssdt JOIN ssrle USING (id) WHERE annot.to_coco(m) = seg), 9::bigint,
	'small_segm: polygons rasterize to pycocotools'' RLE strings byte for byte');
SELECT is((SELECT count(*) FROM jsonb_array_elements((:'ssgt'::jsonb)->'annotations') AS t(a)
	JOIN ssimg img ON img.image_id = (a->>'image_id')::int
	WHERE annot.area(annot.mask(a->'segmentation', img.h, img.w)) > 0), 9::bigint,
	'small_segm: the 9 ground-truth polygons rasterize');

-- val2014_100 ground truth: every polygon and crowd RLE

CREATE TEMP TABLE vimg AS
SELECT (i->>'id')::int AS image_id, (i->>'height')::int AS h, (i->>'width')::int AS w
FROM jsonb_array_elements((:'vgt'::jsonb)->'images') AS t(i);

CREATE TEMP TABLE vgt AS
SELECT (a->>'id')::bigint AS id, (a->>'iscrowd')::int = 1 AS crowd, a->'segmentation' AS seg,
	(a->>'area')::float8 AS area, a->'bbox' AS bb,
	annot.mask(a->'segmentation', img.h, img.w) AS m
FROM jsonb_array_elements((:'vgt'::jsonb)->'annotations') AS t(a)
JOIN vimg img ON img.image_id = (a->>'image_id')::int;

-- perimeter of the polygon parts, for the area tolerance
CREATE TEMP TABLE vperim AS
SELECT g.id, sum(sqrt(
	((r->>(2 * k))::float8 - (r->>((2 * k + 2) % jsonb_array_length(r)))::float8) ^ 2 +
	((r->>(2 * k + 1))::float8 - (r->>((2 * k + 3) % jsonb_array_length(r)))::float8) ^ 2)) AS perim
FROM vgt g, jsonb_array_elements(g.seg) AS r, generate_series(0, jsonb_array_length(r) / 2 - 1) AS k
WHERE NOT g.crowd
GROUP BY g.id;

SELECT is((SELECT count(*) FROM vgt WHERE NOT crowd), 830::bigint,
	'val2014_100: 830 ground-truth polygons rasterized without error');
SELECT is((SELECT count(*) FROM vgt WHERE NOT crowd AND jsonb_array_length(seg) > 1), 75::bigint,
	'75 of them multi-part');
-- COCO's area is the polygons' shoelace area; a raster differs by at most
-- about half a pixel along the outline, and by a few percent on objects
SELECT is((SELECT count(*) FROM vgt JOIN vperim USING (id)
	WHERE abs(annot.area(m) - area) > 0.5 * perim), 0::bigint,
	'raster area within half a pixel per unit of outline of the polygon area');
SELECT is((SELECT count(*) FROM vgt
	WHERE NOT crowd AND area >= 1000 AND abs(annot.area(m) / area - 1) > 0.03), 0::bigint,
	'raster area within 3% of the polygon area for objects of 1000 px or more');
SELECT is((SELECT count(*) FROM vgt
	WHERE NOT crowd AND NOT annot.bbox(m) OPERATOR(annot.<@) annot.bbox(
		floor((bb->>0)::float8), floor((bb->>1)::float8),
		ceil((bb->>0)::float8 + (bb->>2)::float8), ceil((bb->>1)::float8 + (bb->>3)::float8))),
	0::bigint, 'mask bbox inside the polygon bbox rounded outward');
SELECT is((SELECT count(*) FROM vgt WHERE crowd), 9::bigint, '9 crowd RLEs read');
SELECT is((SELECT count(*) FROM vgt WHERE crowd AND annot.to_coco(m, false)->'counts' = seg->'counts'),
	9::bigint, 'crowd RLEs come back with their own counts');
SELECT is((SELECT count(*) FROM vgt WHERE crowd AND annot.area(m) <= area), 9::bigint,
	'crowd RLE areas are at most the annotated areas');

-- val2014_100 fake segm results: compressed RLEs

CREATE TEMP TABLE vdt AS
SELECT d->'segmentation' AS seg, annot.mask(d->'segmentation') AS m
FROM jsonb_array_elements(:'vdt'::jsonb) AS t(d);

SELECT is((SELECT count(*) FROM vdt), 734::bigint, '734 result RLEs read');
SELECT is((SELECT count(*) FROM vdt WHERE annot.to_coco(m) = seg), 734::bigint,
	'to_coco gives back each result RLE byte for byte');
SELECT is((SELECT count(*) FROM vdt WHERE pg_column_size(m::text::annot.mask) > octet_length(seg->>'counts') + 40),
	0::bigint, 'stored size <= COCO string length + 40-byte header');
SELECT diag(format('fake segm results: %s bytes stored for %s bytes of COCO strings (%s%%, header included; runs alone %s%%)',
	sum(pg_column_size(m::text::annot.mask)), sum(octet_length(seg->>'counts')),
	round(100.0 * sum(pg_column_size(m::text::annot.mask)) / sum(octet_length(seg->>'counts')), 1),
	round(100.0 * sum(pg_column_size(m::text::annot.mask) - 40) / sum(octet_length(seg->>'counts')), 1)))
FROM vdt;
SELECT is((SELECT count(*) FROM vdt v, vgt g
	WHERE annot.height(v.m) = annot.height(g.m) AND annot.width(v.m) = annot.width(g.m)
		AND annot.iou(v.m, g.m) NOT BETWEEN 0 AND 1), 0::bigint,
	'IoU of every same-size result and ground-truth pair lies in [0,1]');

SELECT * FROM finish();
ROLLBACK;
