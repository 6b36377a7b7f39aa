-- Masks against pycocotools' mask API on the vectors of
-- test/data/masks/unit_vectors/mask_api_vectors.json: boxes and
-- polygons rasterized to exact COCO strings, areas, toBbox, merges, IoU
-- matrices (with every iscrowd combination) at full precision.
\set ON_ERROR_STOP 1
\set v `cat "$ANNOT_REFDATA/masks/unit_vectors/mask_api_vectors.json"`
BEGIN;
SET search_path = public, annot;
SELECT plan(20);

CREATE TEMP TABLE vec AS SELECT :'v'::jsonb AS j;

CREATE TEMP TABLE boxes AS
SELECT i::int AS i, annot.mask(annot.bbox(b), (j->>'h')::int, (j->>'w')::int) AS m,
	j->'bbox_rles'->>(i::int - 1) AS want,
	(j#>'{pycocotools_full_precision,areas_bbox_rles}'->>(i::int - 1))::float8 AS want_area
FROM vec, jsonb_array_elements(j->'bboxes_xywh') WITH ORDINALITY AS t(b, i);

CREATE TEMP TABLE polys AS
SELECT i::int AS i, annot.mask(jsonb_build_array(p), (j->>'h')::int, (j->>'w')::int) AS m,
	j->'poly_rles'->>(i::int - 1) AS want,
	(j#>'{pycocotools_full_precision,areas_poly_rles}'->>(i::int - 1))::float8 AS want_area,
	annot.bbox(j#>'{pycocotools_full_precision,toBbox_poly_rles}'->(i::int - 1)) AS want_bbox
FROM vec, jsonb_array_elements(j->'polygons_xy') WITH ORDINALITY AS t(p, i);

SELECT is((SELECT count(*) FROM boxes), 10::bigint, '10 box vectors');
SELECT is((SELECT count(*) FROM boxes WHERE annot.to_coco(m)->>'counts' = want), 10::bigint,
	'boxes rasterize to pycocotools'' exact COCO strings');
SELECT is((SELECT count(*) FROM boxes WHERE annot.area(m) = want_area), 10::bigint,
	'box mask areas are pycocotools'' areas');
SELECT is((SELECT count(*) FROM polys), 10::bigint, '10 polygon vectors');
SELECT is((SELECT count(*) FROM polys WHERE annot.to_coco(m)->>'counts' = want), 10::bigint,
	'polygons rasterize to pycocotools'' exact COCO strings');
SELECT is((SELECT count(*) FROM polys WHERE annot.area(m) = want_area), 10::bigint,
	'polygon mask areas are pycocotools'' areas');
SELECT is((SELECT count(*) FROM polys WHERE annot.bbox(m) = want_bbox), 10::bigint,
	'toBbox of the polygon masks');

-- the compressed strings read back to the same masks
SELECT is((SELECT count(*) FROM polys
	WHERE annot.mask(jsonb_build_object('size', jsonb_build_array(20, 20), 'counts', want)) = m),
	10::bigint, 'pycocotools'' strings decode to the rasterized masks');

SELECT is((SELECT annot.to_coco(annot.union(m))->>'counts' FROM boxes),
	(SELECT j->>'merge_union_of_bbox_rles' FROM vec), 'merge of the 10 boxes (union)');
SELECT is((SELECT annot.to_coco(annot.intersection(m))->>'counts' FROM boxes),
	(SELECT j->>'merge_intersection_of_bbox_rles' FROM vec), 'merge of the 10 boxes (intersect)');

-- iou(dt = boxes 0-1, gt = boxes 0-1, iscrowd of gt): [d][g]
SELECT is((SELECT count(*)
	FROM vec, jsonb_each(j#>'{pycocotools_full_precision,iou_bbox_rles_0_1}') AS c(k, mat),
		jsonb_array_elements(mat) WITH ORDINALITY AS r(row, d),
		jsonb_array_elements(row) WITH ORDINALITY AS e(val, g),
		boxes bd, boxes bg
	WHERE bd.i = d AND bg.i = g
		AND annot.iou(bd.m, bg.m, (regexp_match(k, '\[(\d),\s*(\d)\]'))[g::int] = '1')
			= val::text::float8), 16::bigint,
	'box IoU with every iscrowd combination equals pycocotools to the last bit');

SELECT is((SELECT count(*)
	FROM vec, jsonb_array_elements(j#>'{pycocotools_full_precision,iou_poly_rles_all_noncrowd}')
			WITH ORDINALITY AS r(row, d),
		jsonb_array_elements(row) WITH ORDINALITY AS e(val, g),
		polys pd, polys pg
	WHERE pd.i = d AND pg.i = g AND annot.iou(pd.m, pg.m) = val::text::float8), 100::bigint,
	'the 10 x 10 polygon IoU matrix equals pycocotools to the last bit');
SELECT is((SELECT count(*) FROM polys a, polys b WHERE annot.iou(a.m, b.m) <> annot.iou(b.m, a.m)),
	0::bigint, 'IoU is symmetric');

-- toBbox cases, through bitmaps (row-major bytes)
SELECT is(annot.bbox(annot.mask('\x00010101'::bytea, 2, 2)),
	annot.bbox(v.j#>'{toBbox_cases,"mask [[0,1],[1,1]]"}'), 'toBbox of [[0,1],[1,1]]')
FROM vec v;
SELECT is(annot.bbox(annot.mask(decode(
		(SELECT string_agg(CASE WHEN y BETWEEN 2 AND 3 AND x BETWEEN 3 AND 5 THEN '01' ELSE '00' END,
			'' ORDER BY y, x)
		 FROM generate_series(0, 9) y, generate_series(0, 9) x), 'hex'), 10, 10)),
	annot.bbox(v.j#>'{toBbox_cases,"zeros(10,10) with [2:4,3:6]=1"}'),
	'toBbox of zeros(10,10) with [2:4,3:6] = 1')
FROM vec v;

-- the codec case: pycocotools encodes these counts as this string ...
SELECT is(annot.to_coco(annot.mask(jsonb_build_object('size', '[10, 10]'::jsonb,
		'counts', j#>'{uncompressed_rle,counts}')))->>'counts',
	j#>>'{compressed_rle,counts}', 'uncompressed counts encode to pycocotools'' string')
FROM vec;
SELECT is(annot.to_coco(annot.mask(jsonb_build_object('size', '[10, 10]'::jsonb,
		'counts', j#>'{compressed_rle,counts}')), false)->'counts',
	j#>'{uncompressed_rle,counts}', 'and the string decodes to the counts')
FROM vec;
-- ... but with the vector's own size [1350, 1080] the counts do not cover
-- the image: pycocotools does not check, annot refuses
SELECT throws_ok(format('SELECT annot.mask(%L::jsonb)', j->'compressed_rle'), '22023',
	'invalid COCO RLE', 'counts that do not add up to h * w are refused')
FROM vec;
SELECT throws_ok(format('SELECT annot.mask(%L::jsonb)', j->'uncompressed_rle'), '22023',
	'invalid COCO RLE', 'also uncompressed')
FROM vec;
SELECT is((SELECT count(*) FROM boxes b JOIN polys p USING (i)
	WHERE annot.to_coco(b.m)::text::annot.mask = b.m AND p.m::text::annot.mask = p.m), 10::bigint,
	'text form round trip');

SELECT * FROM finish();
ROLLBACK;
