-- annot against PostGIS (GEOS): equal areas, intersections and IoU on
-- valid polygons; on sloppy ones GEOS raises where annot does not, and
-- GEOS's own repair (ST_MakeValid, the linework method, which fills a ring
-- by parity as annot does) gives annot's numbers back.
\set ON_ERROR_STOP 1
BEGIN;
SET search_path = public, annot;
SET client_min_messages = warning;	-- GEOS reports each self-intersection
SELECT plan(14);

-- a ring of jsonb numbers as drawn, as a PostGIS polygon
CREATE FUNCTION pg_temp.geom(ring jsonb) RETURNS geometry LANGUAGE sql IMMUTABLE AS $$
	SELECT ST_MakePolygon(ST_MakeLine(ARRAY(
		SELECT ST_MakePoint((ring->>(2 * k))::float8, (ring->>(2 * k + 1))::float8)
		FROM generate_series(0, jsonb_array_length(ring) / 2 - 1) k ORDER BY k)
		|| ST_MakePoint((ring->>0)::float8, (ring->>1)::float8)))
$$;
-- GEOS's IoU, or NULL where GEOS raises
CREATE FUNCTION pg_temp.geos_iou(a geometry, b geometry) RETURNS float8 LANGUAGE plpgsql AS $$
BEGIN
	RETURN ST_Area(ST_Intersection(a, b)) / ST_Area(ST_Union(a, b));
EXCEPTION WHEN OTHERS THEN
	RETURN NULL;
END $$;
CREATE FUNCTION pg_temp.relerr(got float8, want float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN got = want THEN 0 ELSE abs(got - want) / greatest(abs(want), 1e-300) END
$$;

-- 29-point outlines and annotator copies: each point moved up to 8 px
SELECT setseed(0.29);
CREATE TEMP TABLE pairs AS
WITH pts AS (
	SELECT i, k,
		100 + 40 * cos(2 * pi() * k / 29) + 16 * (random() - 0.5) AS x,
		100 + 40 * sin(2 * pi() * k / 29) + 16 * (random() - 0.5) AS y,
		104 + 40 * cos(2 * pi() * k / 29) + 16 * (random() - 0.5) AS x2,
		102 + 40 * sin(2 * pi() * k / 29) + 16 * (random() - 0.5) AS y2
	FROM generate_series(1, 1000) i, generate_series(0, 28) k)
SELECT i,
	jsonb_agg(v ORDER BY k, c) FILTER (WHERE c < 2) AS ra,
	jsonb_agg(v ORDER BY k, c) FILTER (WHERE c >= 2) AS rb
FROM pts, LATERAL (VALUES (0, round(x::numeric, 2)), (1, round(y::numeric, 2)),
	(2, round(x2::numeric, 2)), (3, round(y2::numeric, 2))) AS t(c, v)
GROUP BY i;
ALTER TABLE pairs ADD a annot.poly, ADD b annot.poly, ADD ga geometry, ADD gb geometry, ADD giou float8;
UPDATE pairs SET a = annot.poly(jsonb_build_array(ra)), b = annot.poly(jsonb_build_array(rb)),
	ga = pg_temp.geom(ra), gb = pg_temp.geom(rb);
UPDATE pairs SET giou = pg_temp.geos_iou(ga, gb);

SELECT cmp_ok((SELECT count(*) FROM pairs WHERE giou IS NULL), '>', 10::bigint,
	'GEOS raises on some perturbed pairs');
SELECT diag(format('GEOS raises on %s of %s pairs (%s%%)', count(*) FILTER (WHERE giou IS NULL), count(*),
	round(100.0 * count(*) FILTER (WHERE giou IS NULL) / count(*), 1))) FROM pairs;
SELECT is((SELECT count(*) FROM pairs WHERE giou IS NULL AND ST_IsValid(ga) AND ST_IsValid(gb)),
	0::bigint, 'it raises only where an input is invalid');
SELECT is((SELECT count(annot.iou(a, b)) FROM pairs), 1000::bigint,
	'annot computes the IoU of every pair');
SELECT is((SELECT count(*) FROM pairs WHERE giou IS NOT NULL AND pg_temp.relerr(annot.iou(a, b), giou) > 1e-9),
	0::bigint, 'annot''s IoU is GEOS''s where GEOS has one (relative 1e-9)');
SELECT is((SELECT count(*) FROM pairs WHERE giou IS NULL AND pg_temp.relerr(annot.intersection_area(a, b),
		ST_Area(ST_Intersection(ST_MakeValid(ga), ST_MakeValid(gb)))) > 1e-9),
	0::bigint, 'where GEOS raises, annot''s intersection is that of GEOS''s repaired rings');
-- (GEOS accepts repeated points, which annot reports)
SELECT is((SELECT count(*) FROM pairs WHERE annot.is_valid(a) <> ST_IsValid(ga)
		AND (annot.is_valid_detail(a)).reason <> 'repeated point'),
	0::bigint, 'annot and GEOS agree on which rings are invalid');
SELECT is((SELECT count(*) FROM pairs WHERE pg_temp.relerr(annot.area(a), ST_Area(ST_MakeValid(ga))) > 1e-9),
	0::bigint, 'annot''s area is GEOS''s area of the repaired ring, valid or not');

-- star-shaped rings (one point per angular sector, so simple), in pairs,
-- some multi-part
CREATE FUNCTION pg_temp.star(cx float8, cy float8, rmin float8, rmax float8, n int)
RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT jsonb_agg(v ORDER BY k, c)
	FROM (SELECT k, 2 * pi() * (k + 0.1 + 0.8 * random()) / n AS t, rmin + (rmax - rmin) * random() AS r
		FROM generate_series(0, n - 1) k) s,
		LATERAL (VALUES (0, round((cx + r * cos(t))::numeric, 3)), (1, round((cy + r * sin(t))::numeric, 3))) AS q(c, v)
$$;
SELECT setseed(0.5);
CREATE TEMP TABLE stars AS
SELECT i,
	annot.poly(jsonb_build_array(pg_temp.star(50, 50, 10, 40, 3 + i % 30)) ||
		CASE WHEN i % 3 = 0 THEN jsonb_build_array(pg_temp.star(200, 60, 10, 30, 5)) ELSE '[]' END) AS a,
	annot.poly(jsonb_build_array(pg_temp.star(40 + 40 * (i % 7) / 7.0, 45, 10, 40, 3 + (i * 7) % 30))) AS b
FROM generate_series(1, 300) i;
ALTER TABLE stars ADD ga geometry, ADD gb geometry;
UPDATE stars SET ga = ST_Union(ARRAY(SELECT pg_temp.geom(r) FROM jsonb_array_elements(annot.to_coco(a)) r)),
	gb = pg_temp.geom(annot.to_coco(b)->0);
SELECT is((SELECT count(*) FROM stars WHERE NOT ST_IsValid(ga) OR NOT ST_IsValid(gb) OR NOT annot.is_valid(a)
		OR NOT annot.is_valid(b)), 0::bigint, 'star-shaped rings are valid for both');
SELECT is((SELECT count(*) FROM stars WHERE pg_temp.relerr(annot.area(a), ST_Area(ga)) > 1e-9
		OR pg_temp.relerr(annot.coco_area(a), ST_Area(ga)) > 1e-9),
	0::bigint, 'area and COCO area equal ST_Area (relative 1e-9)');
SELECT is((SELECT count(*) FROM stars WHERE pg_temp.relerr(annot.intersection_area(a, b), ST_Area(ST_Intersection(ga, gb))) > 1e-9
		OR pg_temp.relerr(annot.union_area(a, b), ST_Area(ST_Union(ga, gb))) > 1e-9),
	0::bigint, 'intersection and union areas equal GEOS''s (relative 1e-9)');
SELECT cmp_ok((SELECT count(*) FROM stars WHERE annot.intersection_area(a, b) > 0), '>', 100::bigint,
	'many of those pairs overlap');
SELECT is((SELECT count(*) FROM stars WHERE
		greatest(abs((annot.centroid(a))[0] - ST_X(ST_Centroid(ga))), abs((annot.centroid(a))[1] - ST_Y(ST_Centroid(ga)))) > 1e-9 * 100),
	0::bigint, 'centroids equal ST_Centroid (1e-9 of the 100 px scale)');

-- WKB both ways: annot's output is valid for GEOS, with the same area;
-- PostGIS polygons with holes come in with their area
SELECT is((SELECT count(*) FROM pairs WHERE NOT ST_IsValid(ST_GeomFromWKB(annot.to_wkb(a)))
		OR pg_temp.relerr(ST_Area(ST_GeomFromWKB(annot.to_wkb(a))), annot.area(a)) > 1e-9),
	0::bigint, 'annot.to_wkb gives valid MultiPolygons of the same area, sloppy rings too');
SELECT is((SELECT count(*) FROM (SELECT ST_Difference(ST_Buffer(ST_MakePoint(i, 0), 10 + i % 5),
			ST_Buffer(ST_MakePoint(i + 1, 1), 3 + i % 3)) AS g FROM generate_series(1, 50) i) s
		WHERE pg_temp.relerr(annot.area(annot.poly_from_wkb(ST_AsBinary(g))), ST_Area(g)) > 1e-9
		OR pg_temp.relerr(annot.area(annot.poly_from_wkb(ST_AsEWKB(ST_SetSRID(g, 4326)))), ST_Area(g)) > 1e-9),
	0::bigint, 'polygons with holes read from (E)WKB keep their area');

SELECT * FROM finish();
ROLLBACK;
