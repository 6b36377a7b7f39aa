-- 50 real compressed RLEs of the COCO panoptic sample
-- (test/data/masks/panoptic_rle): areas and bounding boxes from
-- the panoptic segments (independent of maskApi) and from maskApi, the
-- re-encoded strings, and what the type stores for each.
\set ON_ERROR_STOP 1
\set doc `cat "$ANNOT_REFDATA/masks/panoptic_rle/panoptic_coco_detection_format.json"`
\set csv `cat "$ANNOT_REFDATA/masks/panoptic_rle/harness_rle_area_bbox_check.csv"`
BEGIN;
SET search_path = public, annot;
SELECT plan(9);

CREATE TEMP TABLE ann AS
SELECT n - 1 AS ord, (a->>'image_id')::bigint AS image_id, a->'segmentation' AS seg,
	annot.mask(a->'segmentation') AS m,
	(a->>'area')::float8 AS json_area, annot.bbox(a->'bbox') AS json_bbox
FROM jsonb_array_elements((:'doc'::jsonb)->'annotations') WITH ORDINALITY AS t(a, n);

CREATE TEMP TABLE peer AS
SELECT f[1]::bigint AS ord, f[2]::bigint AS image_id, f[8]::float8 AS area,
	annot.bbox_xywh(f[13]::float8, f[14]::float8, f[15]::float8, f[16]::float8) AS bbox,
	f[17] = '1' AS reencoded_identical
FROM (SELECT string_to_array(rtrim(line, E'\r'), ',') AS f
	FROM regexp_split_to_table(:'csv', '\r?\n') WITH ORDINALITY AS l(line, n)
	WHERE n > 1 AND line <> '') s;

CREATE TEMP TABLE joined AS
SELECT a.*, p.area AS peer_area, p.bbox AS peer_bbox, p.reencoded_identical
FROM ann a JOIN peer p USING (ord, image_id);

SELECT is((SELECT count(*) FROM ann), 50::bigint, '50 panoptic RLEs read');
SELECT is((SELECT count(*) FROM joined), 50::bigint, 'each has a maskApi row');
SELECT is((SELECT count(*) FROM joined WHERE annot.area(m) = peer_area), 50::bigint,
	'areas equal maskApi''s rleArea');
SELECT is((SELECT count(*) FROM joined WHERE annot.area(m) = json_area), 50::bigint,
	'areas equal the panoptic segments'' areas');
SELECT is((SELECT count(*) FROM joined WHERE annot.bbox(m) = peer_bbox), 50::bigint,
	'bounding boxes equal maskApi''s toBbox');
SELECT is((SELECT count(*) FROM joined WHERE annot.bbox(m) = json_bbox), 50::bigint,
	'bounding boxes equal the panoptic segments'' boxes');
SELECT is((SELECT count(*) FROM joined
	WHERE reencoded_identical AND annot.to_coco(m) = seg), 50::bigint,
	'to_coco gives back the original object, string byte for byte');

-- storage: the runs never take more bytes than COCO's string
SELECT is((SELECT count(*) FROM ann
	WHERE pg_column_size(m::text::annot.mask) > octet_length(seg->>'counts') + 40), 0::bigint,
	'stored size <= COCO string length + 40-byte header');
SELECT diag(format('panoptic RLEs: %s bytes stored for %s bytes of COCO strings (%s%%), header included',
	sum(pg_column_size(m::text::annot.mask)), sum(octet_length(seg->>'counts')),
	round(100.0 * sum(pg_column_size(m::text::annot.mask)) / sum(octet_length(seg->>'counts')), 1)))
FROM ann;
SELECT is((SELECT count(*) FROM ann WHERE m::text::annot.mask <> m), 0::bigint,
	'text round trip');

SELECT * FROM finish();
ROLLBACK;
