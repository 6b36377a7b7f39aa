-- annot.bbox and PostGIS: WKB both ways, without a hard dependency
SELECT setseed(0.5);

-- a box becomes a PostGIS polygon with the same area and envelope
SELECT ST_AsText(ST_GeomFromWKB(annot.to_wkb('(1,2),(4,8)'::annot.bbox))) AS geom,
	ST_Area(ST_GeomFromWKB(annot.to_wkb('(1,2),(4,8)'::annot.bbox))) AS area,
	ST_IsValid(ST_GeomFromWKB(annot.to_wkb('(1,2),(4,8)'::annot.bbox))) AS valid;

-- and back: the envelope of any (multi)polygon, WKB or EWKB with an SRID
SELECT annot.bbox_from_wkb(ST_AsBinary(ST_MakeEnvelope(1, 2, 4, 8))) AS from_wkb,
	annot.bbox_from_wkb(ST_AsEWKB(ST_MakeEnvelope(1, 2, 4, 8, 4326))) AS from_ewkb,
	annot.bbox_from_wkb(ST_AsBinary('MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 7,5 5)))'::geometry)) AS multi,
	annot.bbox_from_wkb(ST_AsBinary(ST_Buffer('POINT(10 10)'::geometry, 2), 'XDR')) AS big_endian;

-- round trip through PostGIS is exact
SELECT count(*) AS boxes,
	count(*) FILTER (WHERE annot.bbox_from_wkb(ST_AsBinary(ST_GeomFromWKB(annot.to_wkb(b)))) = b) AS exact
FROM (SELECT annot.bbox_xywh(random() * 1000, random() * 1000, random() * 50, random() * 50) AS b
	FROM generate_series(1, 1000)) s;

-- IoU agrees with PostGIS on envelopes (valid input, so GEOS is exact too)
SELECT count(*) AS pairs,
	max(abs(annot.iou(a, b) - ST_Area(ST_Intersection(ga, gb)) / ST_Area(ST_Union(ga, gb)))) < 1e-12 AS agree
FROM (SELECT a, b, ST_GeomFromWKB(annot.to_wkb(a)) AS ga, ST_GeomFromWKB(annot.to_wkb(b)) AS gb
	FROM (SELECT annot.bbox_xywh(x, y, 10 + x / 10, 20) AS a, annot.bbox_xywh(x + 3, y + 4, 12, 15) AS b
		FROM generate_series(0, 90, 10) x, generate_series(0, 40, 10) y) p) s;

-- what PostGIS cannot give us is refused with a reason
\set VERBOSITY default
SELECT annot.bbox_from_wkb(ST_AsBinary('LINESTRING(0 0, 1 1)'::geometry));
SELECT annot.bbox_from_wkb(ST_AsBinary('POLYGON Z((0 0 1,1 0 1,1 1 1,0 0 1))'::geometry));
SELECT annot.bbox_from_wkb(ST_AsBinary('POLYGON EMPTY'::geometry));
SELECT annot.bbox_from_wkb(substr(ST_AsBinary(ST_MakeEnvelope(1, 2, 4, 8)), 1, 40));
