-- Polygons of real COCO ground truth (test/data/coco/val2014_100):
-- 830 polygon annotations, 75 of them multi-part.  COCO stores in "area"
-- the sum of the parts' shoelace areas, and in "bbox" the extent of the
-- points; both are rounded by COCO's own float arithmetic (about 1e-10).
-- GEOS's validity of each part (PostGIS ST_IsValid) is the peer for
-- annot.is_valid: the two parts GEOS calls self-intersecting fold back on
-- themselves (annot: spikes).
\set ON_ERROR_STOP 1
\set gt `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_100.json"`
BEGIN;
SET search_path = public, annot;
SELECT plan(12);

CREATE TEMP TABLE ann AS
SELECT (a->>'id')::int AS id, (a->>'image_id')::int AS image_id,
	a->'segmentation' AS seg, (a->>'area')::float8 AS coco_area,
	annot.bbox(a->'bbox') AS coco_bbox, annot.poly(a->'segmentation') AS p
FROM jsonb_array_elements((:'gt'::jsonb)->'annotations') AS t(a)
WHERE jsonb_typeof(a->'segmentation') = 'array';

-- every part as drawn, as a PostGIS polygon
CREATE TEMP TABLE part AS
SELECT id, ord AS part, ring,
	ST_MakePolygon(ST_MakeLine(pts || pts[1])) AS g
FROM (SELECT id, r.ord, r.ring,
		ARRAY(SELECT ST_MakePoint((r.ring->>(2 * k))::float8, (r.ring->>(2 * k + 1))::float8)
			FROM generate_series(0, jsonb_array_length(r.ring) / 2 - 1) k ORDER BY k) AS pts
	FROM ann, jsonb_array_elements(seg) WITH ORDINALITY AS r(ring, ord)) s;

SELECT is((SELECT count(*) FROM ann), 830::bigint, '830 polygon annotations');
SELECT is((SELECT count(*) FROM ann WHERE annot.num_rings(p) > 1), 75::bigint,
	'75 of them multi-part');
SELECT is((SELECT count(*) FROM ann WHERE abs(annot.coco_area(p) - coco_area) > 1e-12 * coco_area),
	0::bigint, 'annot.coco_area equals COCO''s stored area on every polygon (relative 1e-12)');
SELECT ok((SELECT max(abs(annot.coco_area(p) - coco_area)) FROM ann) > 0,
	'(COCO''s areas carry its rounding: the comparison is not trivially exact)');
SELECT is((SELECT count(*) FROM ann
	WHERE greatest(abs(annot.x1(annot.bbox(p)) - annot.x1(coco_bbox)), abs(annot.y1(annot.bbox(p)) - annot.y1(coco_bbox)),
		abs(annot.x2(annot.bbox(p)) - annot.x2(coco_bbox)), abs(annot.y2(annot.bbox(p)) - annot.y2(coco_bbox))) > 1e-9),
	0::bigint, 'the cached bounding box is COCO''s bbox');
SELECT is((SELECT count(*) FROM ann WHERE annot.poly(annot.to_coco(p)) <> p OR p::text::annot.poly <> p),
	0::bigint, 'COCO jsonb and text round trips are exact');
SELECT is((SELECT count(*) FROM ann WHERE annot.num_points(p) <>
		(SELECT sum(jsonb_array_length(r)) / 2 FROM jsonb_array_elements(seg) r)),
	0::bigint, 'every point is kept');

-- validity against GEOS, part by part
SELECT is((SELECT count(*) FROM part WHERE NOT ST_IsValid(g)), 2::bigint,
	'GEOS finds 2 invalid parts');
SELECT is((SELECT count(*) FROM part pt JOIN ann USING (id)
	WHERE NOT ST_IsValid(pt.g)
	AND (annot.is_valid_detail(annot.poly(jsonb_build_array(pt.ring)))).reason
		NOT IN ('self-intersection', 'spike')),
	0::bigint, 'annot rejects each part GEOS rejects, as a spike (a fold) or a self-intersection');
SELECT is((SELECT count(*) FROM part pt
	WHERE annot.is_valid(annot.poly(jsonb_build_array(pt.ring))) AND NOT ST_IsValid(pt.g)),
	0::bigint, 'no part annot calls valid is invalid for GEOS');

-- where every part is valid and parts do not overlap, area = COCO area;
-- the region's area is also GEOS's area of the union of the parts
SELECT is((SELECT count(*) FROM ann WHERE annot.is_valid(p)
	AND abs(annot.area(p) - annot.coco_area(p)) > 1e-9 * annot.coco_area(p)),
	0::bigint, 'on valid polygons the exact area is the COCO area');
SELECT is((SELECT count(*) FROM ann a
	WHERE NOT EXISTS (SELECT 1 FROM part pt WHERE pt.id = a.id AND NOT ST_IsValid(pt.g))
	AND abs(annot.area(a.p) - (SELECT ST_Area(ST_Union(g)) FROM part pt WHERE pt.id = a.id))
		> 1e-9 * annot.area(a.p)),
	0::bigint, 'the exact area is GEOS''s area of the union of the parts (relative 1e-9)');

SELECT * FROM finish();
ROLLBACK;
