-- annot.poly: polygon annotations (COCO segmentation lists)

CREATE TYPE annot.poly;

CREATE FUNCTION annot.poly_in(cstring) RETURNS annot.poly
AS 'MODULE_PATHNAME', 'poly_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.poly_out(annot.poly) RETURNS cstring
AS 'MODULE_PATHNAME', 'poly_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.poly_recv(internal) RETURNS annot.poly
AS 'MODULE_PATHNAME', 'poly_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.poly_send(annot.poly) RETURNS bytea
AS 'MODULE_PATHNAME', 'poly_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE annot.poly (
	INPUT = annot.poly_in,
	OUTPUT = annot.poly_out,
	RECEIVE = annot.poly_recv,
	SEND = annot.poly_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE annot.poly IS
'Polygon annotation: one or more rings as COCO''s segmentation list [[x1,y1,x2,y2,...],...]; each ring filled by the even-odd rule, the region is the union of the rings';
COMMENT ON FUNCTION annot.poly_in(cstring) IS
'Text input of poly: [[x1,y1,x2,y2,...],...], at least 3 points a ring, at most 100000 points';
COMMENT ON FUNCTION annot.poly_out(annot.poly) IS
'Text output of poly: [[x1,y1,...],...] with shortest round-trip numbers';
COMMENT ON FUNCTION annot.poly_recv(internal) IS
'Binary input of poly: version byte, ring count, point counts, float8 pairs';
COMMENT ON FUNCTION annot.poly_send(annot.poly) IS
'Binary output of poly: version byte, ring count, point counts, float8 pairs';

-- Conversions

CREATE FUNCTION annot.poly(coco jsonb) RETURNS annot.poly
AS 'MODULE_PATHNAME', 'poly_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly(jsonb) IS
'Polygon from a COCO segmentation list [[x1,y1,x2,y2,...],...]; a 4-number ring is an error, not a box';

CREATE FUNCTION annot.to_coco(annot.poly) RETURNS jsonb
AS 'MODULE_PATHNAME', 'poly_to_coco' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_coco(annot.poly) IS
'COCO segmentation list [[x1,y1,...],...]; annot.poly(annot.to_coco(p)) = p exactly';

CREATE FUNCTION annot.poly(polygon) RETURNS annot.poly
AS 'MODULE_PATHNAME', 'poly_from_polygon' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly(polygon) IS
'One-ring polygon from PostgreSQL''s built-in polygon';
CREATE CAST (polygon AS annot.poly) WITH FUNCTION annot.poly(polygon);
COMMENT ON CAST (polygon AS annot.poly) IS
'Explicit cast from PostgreSQL''s built-in polygon';

CREATE FUNCTION annot.poly_from_wkb(bytea) RETURNS annot.poly
AS 'MODULE_PATHNAME', 'poly_from_wkb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_from_wkb(bytea) IS
'Polygon from a WKB or EWKB Polygon or MultiPolygon (PostGIS ST_AsBinary): one ring per polygon, holes joined to their exterior so that the region is kept';

CREATE FUNCTION annot.to_wkb(annot.poly) RETURNS bytea
AS 'MODULE_PATHNAME', 'poly_to_wkb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_wkb(annot.poly) IS
'The region as a valid WKB MultiPolygon (shells with holes) for PostGIS ST_GeomFromWKB; sloppy rings come out resolved';

CREATE FUNCTION annot.bbox(annot.poly) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'poly_to_bbox' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox(annot.poly) IS
'Bounding box of all the polygon''s points';
CREATE CAST (annot.poly AS annot.bbox) WITH FUNCTION annot.bbox(annot.poly);
COMMENT ON CAST (annot.poly AS annot.bbox) IS
'Explicit cast to the bounding box';

CREATE FUNCTION annot.poly(annot.bbox) RETURNS annot.poly
AS 'MODULE_PATHNAME', 'poly_from_bbox' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly(annot.bbox) IS
'The box as a one-ring polygon (x1,y1), (x2,y1), (x2,y2), (x1,y2)';
CREATE CAST (annot.bbox AS annot.poly) WITH FUNCTION annot.poly(annot.bbox) AS ASSIGNMENT;
COMMENT ON CAST (annot.bbox AS annot.poly) IS
'Assignment cast from a box: its four corners as one ring';

-- Accessors

CREATE FUNCTION annot.area(annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.area(annot.poly) IS
'Exact area of the region: each ring filled by the even-odd rule, the union of the rings';

CREATE FUNCTION annot.coco_area(annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_coco_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.coco_area(annot.poly) IS
'Sum of the rings'' shoelace areas: COCO''s "area" field and size bins; equals annot.area for valid polygons';

CREATE FUNCTION annot.num_rings(annot.poly) RETURNS integer
AS 'MODULE_PATHNAME', 'poly_num_rings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.num_rings(annot.poly) IS 'Number of rings';

CREATE FUNCTION annot.num_points(annot.poly) RETURNS integer
AS 'MODULE_PATHNAME', 'poly_num_points' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.num_points(annot.poly) IS
'Number of points over all rings (closing points are not repeated)';

CREATE FUNCTION annot.centroid(annot.poly) RETURNS point
AS 'MODULE_PATHNAME', 'poly_centroid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.centroid(annot.poly) IS
'Centroid of the region; NULL when the region has no area';

-- Region measures: poly with poly, poly with bbox

CREATE FUNCTION annot.iou(annot.poly, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_iou' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.poly, annot.poly) IS
'Intersection over union of two regions, exact, in [0,1]; never raises on self-intersecting or degenerate rings';
CREATE FUNCTION annot.iou(annot.poly, annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_bbox_iou' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.poly, annot.bbox) IS
'Intersection over union of a polygon''s region and a box';
CREATE FUNCTION annot.iou(annot.bbox, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_poly_iou' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.bbox, annot.poly) IS
'Intersection over union of a box and a polygon''s region';

CREATE FUNCTION annot.iou(dt annot.poly, gt annot.poly, crowd boolean) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_iou_crowd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.poly, annot.poly, boolean) IS
'IoU with COCO crowd semantics: when crowd is true the union is the area of dt, |dt ∩ gt| / |dt|';

CREATE FUNCTION annot.dice(annot.poly, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_dice' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.poly, annot.poly) IS
'Dice coefficient 2|A ∩ B| / (|A| + |B|) of two regions, in [0,1]';
CREATE FUNCTION annot.dice(annot.poly, annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_bbox_dice' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.poly, annot.bbox) IS
'Dice coefficient of a polygon''s region and a box';
CREATE FUNCTION annot.dice(annot.bbox, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_poly_dice' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.bbox, annot.poly) IS
'Dice coefficient of a box and a polygon''s region';

CREATE FUNCTION annot.intersection_area(annot.poly, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_inter_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.intersection_area(annot.poly, annot.poly) IS
'Exact area of the intersection of two regions';
CREATE FUNCTION annot.intersection_area(annot.poly, annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_bbox_inter_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.intersection_area(annot.poly, annot.bbox) IS
'Area of the part of a polygon''s region inside a box';
CREATE FUNCTION annot.intersection_area(annot.bbox, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_poly_inter_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.intersection_area(annot.bbox, annot.poly) IS
'Area of the part of a box inside a polygon''s region';

CREATE FUNCTION annot.union_area(annot.poly, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_union_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.union_area(annot.poly, annot.poly) IS
'Exact area of the union of two regions';
CREATE FUNCTION annot.union_area(annot.poly, annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_bbox_union_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.union_area(annot.poly, annot.bbox) IS
'Area of the union of a polygon''s region and a box';
CREATE FUNCTION annot.union_area(annot.bbox, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_poly_union_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.union_area(annot.bbox, annot.poly) IS
'Area of the union of a box and a polygon''s region';

-- Validity

CREATE FUNCTION annot.is_valid(annot.poly) RETURNS boolean
AS 'MODULE_PATHNAME', 'poly_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.is_valid(annot.poly) IS
'Whether every ring is simple (no repeated point, spike, zero area, self-intersection) and no two rings overlap';

CREATE FUNCTION annot.is_valid_reason(annot.poly) RETURNS text
AS 'MODULE_PATHNAME', 'poly_is_valid_reason' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.is_valid_reason(annot.poly) IS
'''Valid'', or the first problem found with its ring, point and place';

CREATE FUNCTION annot.is_valid_detail(annot.poly, OUT valid boolean,
	OUT reason text, OUT ring integer, OUT point integer,
	OUT other_ring integer, OUT location point)
RETURNS record
AS 'MODULE_PATHNAME', 'poly_is_valid_detail' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.is_valid_detail(annot.poly) IS
'Validity as a row: valid, reason (valid, repeated point, zero-area ring, spike, self-intersection, overlapping rings), 1-based ring and point, the other ring of an overlap, and where';

CREATE FUNCTION annot.make_valid(annot.poly) RETURNS annot.poly
AS 'MODULE_PATHNAME', 'poly_make_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.make_valid(annot.poly) IS
'The same region as simple, non-overlapping rings (holes cut into hole-free pieces); NULL when the region has no area';

-- Equality and hashing

CREATE FUNCTION annot.poly_eq(annot.poly, annot.poly) RETURNS boolean
AS 'MODULE_PATHNAME', 'poly_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_eq(annot.poly, annot.poly) IS
'Support of =: the same rings with the same points in the same order';
CREATE FUNCTION annot.poly_ne(annot.poly, annot.poly) RETURNS boolean
AS 'MODULE_PATHNAME', 'poly_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_ne(annot.poly, annot.poly) IS 'Support of <>';
CREATE FUNCTION annot.poly_lt(annot.poly, annot.poly) RETURNS boolean
AS 'MODULE_PATHNAME', 'poly_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_lt(annot.poly, annot.poly) IS
'Support of <: order by ring count, ring sizes, then coordinates';
CREATE FUNCTION annot.poly_le(annot.poly, annot.poly) RETURNS boolean
AS 'MODULE_PATHNAME', 'poly_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_le(annot.poly, annot.poly) IS 'Support of <=';
CREATE FUNCTION annot.poly_gt(annot.poly, annot.poly) RETURNS boolean
AS 'MODULE_PATHNAME', 'poly_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_gt(annot.poly, annot.poly) IS 'Support of >';
CREATE FUNCTION annot.poly_ge(annot.poly, annot.poly) RETURNS boolean
AS 'MODULE_PATHNAME', 'poly_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_ge(annot.poly, annot.poly) IS 'Support of >=';
CREATE FUNCTION annot.poly_cmp(annot.poly, annot.poly) RETURNS integer
AS 'MODULE_PATHNAME', 'poly_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_cmp(annot.poly, annot.poly) IS
'B-tree comparison: ring count, ring sizes, then coordinates';
CREATE FUNCTION annot.poly_hash(annot.poly) RETURNS integer
AS 'MODULE_PATHNAME', 'poly_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_hash(annot.poly) IS 'Hash support for poly';
CREATE FUNCTION annot.poly_hash_extended(annot.poly, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'poly_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.poly_hash_extended(annot.poly, bigint) IS
'Seeded 64-bit hash support for poly';

CREATE OPERATOR annot.= (
	LEFTARG = annot.poly, RIGHTARG = annot.poly, PROCEDURE = annot.poly_eq,
	COMMUTATOR = OPERATOR(annot.=), NEGATOR = OPERATOR(annot.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR annot.= (annot.poly, annot.poly) IS
'Polygons have the same rings and points (-0 equals 0)';
CREATE OPERATOR annot.<> (
	LEFTARG = annot.poly, RIGHTARG = annot.poly, PROCEDURE = annot.poly_ne,
	COMMUTATOR = OPERATOR(annot.<>), NEGATOR = OPERATOR(annot.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR annot.<> (annot.poly, annot.poly) IS 'Polygons differ';
CREATE OPERATOR annot.< (
	LEFTARG = annot.poly, RIGHTARG = annot.poly, PROCEDURE = annot.poly_lt,
	COMMUTATOR = OPERATOR(annot.>), NEGATOR = OPERATOR(annot.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR annot.< (annot.poly, annot.poly) IS
'Sorts before (ring count, ring sizes, coordinates): an order for DISTINCT and indexes, not a geometric one';
CREATE OPERATOR annot.<= (
	LEFTARG = annot.poly, RIGHTARG = annot.poly, PROCEDURE = annot.poly_le,
	COMMUTATOR = OPERATOR(annot.>=), NEGATOR = OPERATOR(annot.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR annot.<= (annot.poly, annot.poly) IS 'Sorts before or equal';
CREATE OPERATOR annot.> (
	LEFTARG = annot.poly, RIGHTARG = annot.poly, PROCEDURE = annot.poly_gt,
	COMMUTATOR = OPERATOR(annot.<), NEGATOR = OPERATOR(annot.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR annot.> (annot.poly, annot.poly) IS 'Sorts after';
CREATE OPERATOR annot.>= (
	LEFTARG = annot.poly, RIGHTARG = annot.poly, PROCEDURE = annot.poly_ge,
	COMMUTATOR = OPERATOR(annot.<=), NEGATOR = OPERATOR(annot.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR annot.>= (annot.poly, annot.poly) IS 'Sorts after or equal';

CREATE OPERATOR CLASS annot.poly_btree_ops
DEFAULT FOR TYPE annot.poly USING btree AS
	OPERATOR 1 annot.<,
	OPERATOR 2 annot.<=,
	OPERATOR 3 annot.=,
	OPERATOR 4 annot.>=,
	OPERATOR 5 annot.>,
	FUNCTION 1 annot.poly_cmp(annot.poly, annot.poly);
COMMENT ON OPERATOR CLASS annot.poly_btree_ops USING btree IS
'B-tree order of polygons for ORDER BY, DISTINCT and unique indexes';
COMMENT ON OPERATOR FAMILY annot.poly_btree_ops USING btree IS
'B-tree operators of polygons';

CREATE OPERATOR CLASS annot.poly_hash_ops
DEFAULT FOR TYPE annot.poly USING hash AS
	OPERATOR 1 annot.=,
	FUNCTION 1 annot.poly_hash(annot.poly),
	FUNCTION 2 annot.poly_hash_extended(annot.poly, bigint);
COMMENT ON OPERATOR CLASS annot.poly_hash_ops USING hash IS
'Hashing of polygons for GROUP BY, DISTINCT, hash joins and hash partitioning';
COMMENT ON OPERATOR FAMILY annot.poly_hash_ops USING hash IS
'Hash operators of polygons';
