-- annot install script.  Built from src/sql/*.sql in name order.

\echo Use "CREATE EXTENSION annot" to load this file. \quit

-- Literal validation for PostgreSQL 15, which has no pg_input_is_valid().

CREATE FUNCTION annot.input_error_info(literal text, type regtype,
	OUT message text, OUT detail text, OUT hint text, OUT sql_error_code text)
RETURNS record
AS 'MODULE_PATHNAME', 'input_error_info'
LANGUAGE C STRICT STABLE PARALLEL UNSAFE;

COMMENT ON FUNCTION annot.input_error_info(text, regtype) IS
'The error that casting the literal to the type would raise (message, detail, hint, SQLSTATE), or all NULL when the literal is valid; pg_input_error_info() for PostgreSQL 15';

CREATE FUNCTION annot.input_is_valid(literal text, type regtype)
RETURNS boolean
AS $$ SELECT (annot.input_error_info(literal, type)).sql_error_code IS NULL $$
LANGUAGE sql STRICT STABLE PARALLEL UNSAFE;

COMMENT ON FUNCTION annot.input_is_valid(text, regtype) IS
'Whether the literal is valid input for the type; pg_input_is_valid() for PostgreSQL 15';
-- annot.bbox: axis-aligned boxes

CREATE TYPE annot.bbox;

CREATE FUNCTION annot.bbox_in(cstring) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.bbox_out(annot.bbox) RETURNS cstring
AS 'MODULE_PATHNAME', 'bbox_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.bbox_recv(internal) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.bbox_send(annot.bbox) RETURNS bytea
AS 'MODULE_PATHNAME', 'bbox_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE annot.bbox (
	INTERNALLENGTH = 32,
	INPUT = annot.bbox_in,
	OUTPUT = annot.bbox_out,
	RECEIVE = annot.bbox_recv,
	SEND = annot.bbox_send,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE annot.bbox IS
'Axis-aligned box in pixel coordinates, text form (x1,y1),(x2,y2) with x1 <= x2 and y1 <= y2';
COMMENT ON FUNCTION annot.bbox_in(cstring) IS 'Text input of bbox: (x1,y1),(x2,y2)';
COMMENT ON FUNCTION annot.bbox_out(annot.bbox) IS 'Text output of bbox, shortest round-trip numbers';
COMMENT ON FUNCTION annot.bbox_recv(internal) IS 'Binary input of bbox: four float8 x1, y1, x2, y2';
COMMENT ON FUNCTION annot.bbox_send(annot.bbox) IS 'Binary output of bbox: four float8 x1, y1, x2, y2';

-- Constructors and conversions

CREATE FUNCTION annot.bbox(x1 float8, y1 float8, x2 float8, y2 float8)
RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_corners' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox(float8, float8, float8, float8) IS
'Box from its corners (Pascal VOC style); x1 > x2, y1 > y2 or a non-finite value raise 22023';

CREATE FUNCTION annot.bbox_xywh(x float8, y float8, w float8, h float8)
RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_xywh' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_xywh(float8, float8, float8, float8) IS
'Box from top-left corner, width and height (COCO style); a negative width or height raises 22023';

CREATE FUNCTION annot.bbox(coco jsonb) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox(jsonb) IS
'Box from a COCO bbox array [x, y, width, height]';

CREATE FUNCTION annot.to_coco(annot.bbox) RETURNS jsonb
AS 'MODULE_PATHNAME', 'bbox_to_coco' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_coco(annot.bbox) IS
'COCO bbox array [x, y, width, height]; annot.bbox(annot.to_coco(b)) = b exactly';

CREATE FUNCTION annot.box(annot.bbox) RETURNS box
AS 'MODULE_PATHNAME', 'bbox_to_box' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.box(annot.bbox) IS 'Convert to PostgreSQL''s built-in box';
CREATE FUNCTION annot.bbox(box) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_from_box' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox(box) IS
'Convert from PostgreSQL''s built-in box; NaN or infinite corners raise 22023';

CREATE CAST (annot.bbox AS box) WITH FUNCTION annot.box(annot.bbox);
COMMENT ON CAST (annot.bbox AS box) IS 'Explicit cast to PostgreSQL''s built-in box';
CREATE CAST (box AS annot.bbox) WITH FUNCTION annot.bbox(box);
COMMENT ON CAST (box AS annot.bbox) IS 'Explicit cast from PostgreSQL''s built-in box';

CREATE FUNCTION annot.to_wkb(annot.bbox) RETURNS bytea
AS 'MODULE_PATHNAME', 'bbox_to_wkb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_wkb(annot.bbox) IS
'The box as a WKB Polygon (little-endian, 5 points, counter-clockwise in image coordinates) for PostGIS ST_GeomFromWKB';

CREATE FUNCTION annot.bbox_from_wkb(bytea) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_from_wkb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_from_wkb(bytea) IS
'Bounding box of a WKB or EWKB Polygon or MultiPolygon (PostGIS ST_AsBinary output)';

-- Accessors

CREATE FUNCTION annot.x1(annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_x1' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.x1(annot.bbox) IS 'Left edge of the box';
CREATE FUNCTION annot.y1(annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_y1' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.y1(annot.bbox) IS 'Top edge of the box';
CREATE FUNCTION annot.x2(annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_x2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.x2(annot.bbox) IS 'Right edge of the box';
CREATE FUNCTION annot.y2(annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_y2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.y2(annot.bbox) IS 'Bottom edge of the box';
CREATE FUNCTION annot.width(annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_width' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.width(annot.bbox) IS 'Width x2 - x1';
CREATE FUNCTION annot.height(annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_height' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.height(annot.bbox) IS 'Height y2 - y1';
CREATE FUNCTION annot.area(annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.area(annot.bbox) IS 'Area width * height';
CREATE FUNCTION annot.center(annot.bbox) RETURNS point
AS 'MODULE_PATHNAME', 'bbox_center' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.center(annot.bbox) IS 'Center point of the box';

-- Similarity and set operations

CREATE FUNCTION annot.iou(annot.bbox, annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_iou' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.bbox, annot.bbox) IS
'Intersection over union of two boxes, in [0,1]; 0 when the union has no area';

CREATE FUNCTION annot.iou(dt annot.bbox, gt annot.bbox, crowd boolean) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_iou_crowd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.bbox, annot.bbox, boolean) IS
'IoU with COCO crowd semantics: when crowd is true the union is the area of dt, |dt ∩ gt| / |dt|';

CREATE FUNCTION annot.giou(annot.bbox, annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_giou' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.giou(annot.bbox, annot.bbox) IS
'Generalized IoU (Rezatofighi et al. 2019), in [-1,1]; 0 when the covering box has no area';

CREATE FUNCTION annot.dice(annot.bbox, annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_dice' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.bbox, annot.bbox) IS
'Dice coefficient 2|A ∩ B| / (|A| + |B|), in [0,1]';

CREATE FUNCTION annot.intersection_area(annot.bbox, annot.bbox) RETURNS float8
AS 'MODULE_PATHNAME', 'bbox_inter_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.intersection_area(annot.bbox, annot.bbox) IS
'Area of the intersection of two boxes';

CREATE FUNCTION annot.intersection(annot.bbox, annot.bbox) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_intersection' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.intersection(annot.bbox, annot.bbox) IS
'Intersection of two boxes, NULL when they are disjoint (touching boxes give a zero-area box)';

CREATE FUNCTION annot.cover(annot.bbox, annot.bbox) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_cover' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.cover(annot.bbox, annot.bbox) IS
'Smallest box covering both boxes';

CREATE AGGREGATE annot.extent(annot.bbox) (
	SFUNC = annot.cover,
	STYPE = annot.bbox,
	COMBINEFUNC = annot.cover,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.extent(annot.bbox) IS
'Smallest box covering every box of the group (NULLs ignored)';

CREATE FUNCTION annot.clip(annot.bbox, width float8, height float8) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_clip' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.clip(annot.bbox, float8, float8) IS
'The part of the box inside an image of the given width and height, NULL when none is';

-- Operators

CREATE FUNCTION annot.bbox_overlaps(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_overlaps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_overlaps(annot.bbox, annot.bbox) IS
'Support of &&: the closed boxes share a point';
CREATE FUNCTION annot.bbox_contains(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_contains(annot.bbox, annot.bbox) IS
'Support of @>: the first box contains the second';
CREATE FUNCTION annot.bbox_contained(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_contained(annot.bbox, annot.bbox) IS
'Support of <@: the first box is contained in the second';
CREATE FUNCTION annot.bbox_eq(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_eq(annot.bbox, annot.bbox) IS 'Support of =: same four corners';
CREATE FUNCTION annot.bbox_ne(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_ne(annot.bbox, annot.bbox) IS 'Support of <>';
CREATE FUNCTION annot.bbox_lt(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_lt(annot.bbox, annot.bbox) IS 'Support of <: order by x1, y1, x2, y2';
CREATE FUNCTION annot.bbox_le(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_le(annot.bbox, annot.bbox) IS 'Support of <=';
CREATE FUNCTION annot.bbox_gt(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_gt(annot.bbox, annot.bbox) IS 'Support of >';
CREATE FUNCTION annot.bbox_ge(annot.bbox, annot.bbox) RETURNS boolean
AS 'MODULE_PATHNAME', 'bbox_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_ge(annot.bbox, annot.bbox) IS 'Support of >=';
CREATE FUNCTION annot.bbox_cmp(annot.bbox, annot.bbox) RETURNS integer
AS 'MODULE_PATHNAME', 'bbox_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_cmp(annot.bbox, annot.bbox) IS 'B-tree comparison: x1, then y1, x2, y2';
CREATE FUNCTION annot.bbox_hash(annot.bbox) RETURNS integer
AS 'MODULE_PATHNAME', 'bbox_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_hash(annot.bbox) IS 'Hash support for bbox';
CREATE FUNCTION annot.bbox_hash_extended(annot.bbox, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'bbox_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_hash_extended(annot.bbox, bigint) IS 'Seeded 64-bit hash support for bbox';

CREATE OPERATOR annot.&& (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_overlaps,
	COMMUTATOR = OPERATOR(annot.&&), RESTRICT = areasel, JOIN = areajoinsel
);
COMMENT ON OPERATOR annot.&& (annot.bbox, annot.bbox) IS 'Boxes overlap (touching counts)';
CREATE OPERATOR annot.@> (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_contains,
	COMMUTATOR = OPERATOR(annot.<@), RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR annot.@> (annot.bbox, annot.bbox) IS 'Left box contains right box';
CREATE OPERATOR annot.<@ (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_contained,
	COMMUTATOR = OPERATOR(annot.@>), RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR annot.<@ (annot.bbox, annot.bbox) IS 'Left box is contained in right box';
CREATE OPERATOR annot.= (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_eq,
	COMMUTATOR = OPERATOR(annot.=), NEGATOR = OPERATOR(annot.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR annot.= (annot.bbox, annot.bbox) IS 'Boxes have the same corners';
CREATE OPERATOR annot.<> (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_ne,
	COMMUTATOR = OPERATOR(annot.<>), NEGATOR = OPERATOR(annot.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR annot.<> (annot.bbox, annot.bbox) IS 'Boxes differ';
CREATE OPERATOR annot.< (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_lt,
	COMMUTATOR = OPERATOR(annot.>), NEGATOR = OPERATOR(annot.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR annot.< (annot.bbox, annot.bbox) IS 'Sorts before (x1, y1, x2, y2 order)';
CREATE OPERATOR annot.<= (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_le,
	COMMUTATOR = OPERATOR(annot.>=), NEGATOR = OPERATOR(annot.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR annot.<= (annot.bbox, annot.bbox) IS 'Sorts before or equal';
CREATE OPERATOR annot.> (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_gt,
	COMMUTATOR = OPERATOR(annot.<), NEGATOR = OPERATOR(annot.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR annot.> (annot.bbox, annot.bbox) IS 'Sorts after';
CREATE OPERATOR annot.>= (
	LEFTARG = annot.bbox, RIGHTARG = annot.bbox, PROCEDURE = annot.bbox_ge,
	COMMUTATOR = OPERATOR(annot.<=), NEGATOR = OPERATOR(annot.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR annot.>= (annot.bbox, annot.bbox) IS 'Sorts after or equal';

CREATE OPERATOR CLASS annot.bbox_btree_ops
DEFAULT FOR TYPE annot.bbox USING btree AS
	OPERATOR 1 annot.<,
	OPERATOR 2 annot.<=,
	OPERATOR 3 annot.=,
	OPERATOR 4 annot.>=,
	OPERATOR 5 annot.>,
	FUNCTION 1 annot.bbox_cmp(annot.bbox, annot.bbox);
COMMENT ON OPERATOR CLASS annot.bbox_btree_ops USING btree IS
'B-tree order of boxes (x1, y1, x2, y2) for ORDER BY, DISTINCT and unique indexes';
COMMENT ON OPERATOR FAMILY annot.bbox_btree_ops USING btree IS
'B-tree operators of boxes';

CREATE OPERATOR CLASS annot.bbox_hash_ops
DEFAULT FOR TYPE annot.bbox USING hash AS
	OPERATOR 1 annot.=,
	FUNCTION 1 annot.bbox_hash(annot.bbox),
	FUNCTION 2 annot.bbox_hash_extended(annot.bbox, bigint);
COMMENT ON OPERATOR CLASS annot.bbox_hash_ops USING hash IS
'Hashing of boxes for GROUP BY, hash joins and hash partitioning';
COMMENT ON OPERATOR FAMILY annot.bbox_hash_ops USING hash IS
'Hash operators of boxes';

CREATE FUNCTION annot.bbox_gist_consistent(internal, annot.bbox, smallint, oid, internal)
RETURNS boolean AS 'MODULE_PATHNAME', 'bbox_gist_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_gist_consistent(internal, annot.bbox, smallint, oid, internal) IS 'GiST support';
CREATE FUNCTION annot.bbox_gist_union(internal, internal)
RETURNS annot.bbox AS 'MODULE_PATHNAME', 'bbox_gist_union' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_gist_union(internal, internal) IS 'GiST support';
CREATE FUNCTION annot.bbox_gist_penalty(internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'bbox_gist_penalty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_gist_penalty(internal, internal, internal) IS 'GiST support';
CREATE FUNCTION annot.bbox_gist_picksplit(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'bbox_gist_picksplit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_gist_picksplit(internal, internal) IS 'GiST support';
CREATE FUNCTION annot.bbox_gist_same(annot.bbox, annot.bbox, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'bbox_gist_same' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_gist_same(annot.bbox, annot.bbox, internal) IS 'GiST support';

CREATE OPERATOR CLASS annot.bbox_gist_ops
DEFAULT FOR TYPE annot.bbox USING gist AS
	OPERATOR 3 annot.&&,
	OPERATOR 6 annot.=,
	OPERATOR 7 annot.@>,
	OPERATOR 8 annot.<@,
	FUNCTION 1 annot.bbox_gist_consistent(internal, annot.bbox, smallint, oid, internal),
	FUNCTION 2 annot.bbox_gist_union(internal, internal),
	FUNCTION 5 annot.bbox_gist_penalty(internal, internal, internal),
	FUNCTION 6 annot.bbox_gist_picksplit(internal, internal),
	FUNCTION 7 annot.bbox_gist_same(annot.bbox, annot.bbox, internal);
COMMENT ON OPERATOR CLASS annot.bbox_gist_ops USING gist IS
'R-tree style index of boxes for &&, @>, <@ and =';
COMMENT ON OPERATOR FAMILY annot.bbox_gist_ops USING gist IS
'GiST operators of boxes';
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
-- annot.mask: binary masks as COCO RLE

CREATE TYPE annot.mask;

CREATE FUNCTION annot.mask_in(cstring) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.mask_out(annot.mask) RETURNS cstring
AS 'MODULE_PATHNAME', 'mask_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.mask_recv(internal) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.mask_send(annot.mask) RETURNS bytea
AS 'MODULE_PATHNAME', 'mask_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE annot.mask (
	INTERNALLENGTH = VARIABLE,
	INPUT = annot.mask_in,
	OUTPUT = annot.mask_out,
	RECEIVE = annot.mask_recv,
	SEND = annot.mask_send,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE annot.mask IS
'Binary mask of h x w pixels as COCO run-length encoding (column-major runs, background first); text form is COCO''s JSON {"size": [h, w], "counts": "..."}';
COMMENT ON FUNCTION annot.mask_in(cstring) IS
'Text input of mask: COCO RLE JSON with a compressed counts string or an uncompressed counts array';
COMMENT ON FUNCTION annot.mask_out(annot.mask) IS
'Text output of mask: {"size": [h, w], "counts": "<pycocotools compressed string>"}';
COMMENT ON FUNCTION annot.mask_recv(internal) IS
'Binary input of mask: version byte 1, int4 height, int4 width, int4 n, n int4 counts';
COMMENT ON FUNCTION annot.mask_send(annot.mask) IS
'Binary output of mask: version byte 1, int4 height, int4 width, int4 n, n int4 counts';

-- Constructors and conversions

CREATE FUNCTION annot.mask(coco jsonb) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask(jsonb) IS
'Mask from a COCO RLE object {"size": [h, w], "counts": "..." or [...]}; counts must add up to h * w (22023), h * w at most 2^31 - 1 (54000)';

CREATE FUNCTION annot.mask(segmentation jsonb, height integer, width integer)
RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_from_segmentation' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask(jsonb, integer, integer) IS
'Mask of a COCO annotation''s segmentation on a height x width image, as pycocotools'' annToRLE: polygon lists rasterized bit for bit (frPyObjects + merge), RLE objects read as they are';

CREATE FUNCTION annot.mask(box annot.bbox, height integer, width integer)
RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_from_bbox' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask(annot.bbox, integer, integer) IS
'The box rasterized on a height x width grid exactly as pycocotools'' frPyObjects does for a bbox';

CREATE FUNCTION annot.mask(bitmap bytea, height integer, width integer)
RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_from_bitmap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask(bytea, integer, integer) IS
'Mask from height * width bytes in row-major order (numpy C order of an (h, w) uint8 array); 0 is background, any other byte foreground';

CREATE FUNCTION annot.to_bitmap(annot.mask) RETURNS bytea
AS 'MODULE_PATHNAME', 'mask_to_bitmap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_bitmap(annot.mask) IS
'The mask as height * width bytes of 0 and 1 in row-major order (np.frombuffer(b, np.uint8).reshape(h, w))';

CREATE FUNCTION annot.to_coco(annot.mask) RETURNS jsonb
AS 'MODULE_PATHNAME', 'mask_to_coco' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_coco(annot.mask) IS
'COCO RLE object {"size": [h, w], "counts": "..."}; the string is byte-identical to pycocotools'' encoder';

CREATE FUNCTION annot.to_coco(annot.mask, compressed boolean) RETURNS jsonb
AS 'MODULE_PATHNAME', 'mask_to_coco_counts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_coco(annot.mask, boolean) IS
'COCO RLE object, with compressed false the uncompressed form {"size": [h, w], "counts": [c0, c1, ...]}';

-- Accessors

CREATE FUNCTION annot.area(annot.mask) RETURNS float8
AS 'MODULE_PATHNAME', 'mask_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.area(annot.mask) IS 'Number of foreground pixels (pycocotools area)';

CREATE FUNCTION annot.bbox(annot.mask) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'mask_bbox' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox(annot.mask) IS
'Bounding box of the foreground pixels as pycocotools'' toBbox; (0,0),(0,0) for an empty mask';

CREATE FUNCTION annot.height(annot.mask) RETURNS integer
AS 'MODULE_PATHNAME', 'mask_height' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.height(annot.mask) IS 'Height of the mask''s image grid in pixels';

CREATE FUNCTION annot.width(annot.mask) RETURNS integer
AS 'MODULE_PATHNAME', 'mask_width' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.width(annot.mask) IS 'Width of the mask''s image grid in pixels';

-- Overlap measures, computed on the runs

CREATE FUNCTION annot.iou(annot.mask, annot.mask) RETURNS float8
AS 'MODULE_PATHNAME', 'mask_iou' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.mask, annot.mask) IS
'Intersection over union of two masks of one size, as pycocotools'' iou; 0 when nothing overlaps; different sizes raise 22023';

CREATE FUNCTION annot.iou(dt annot.mask, gt annot.mask, crowd boolean) RETURNS float8
AS 'MODULE_PATHNAME', 'mask_iou_crowd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.mask, annot.mask, boolean) IS
'IoU with COCO crowd semantics: when crowd is true |dt ∩ gt| / |dt|';

CREATE FUNCTION annot.dice(annot.mask, annot.mask) RETURNS float8
AS 'MODULE_PATHNAME', 'mask_dice' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.mask, annot.mask) IS
'Dice coefficient 2|A ∩ B| / (|A| + |B|) of two masks, 0 when both are empty';

CREATE FUNCTION annot.intersection_area(annot.mask, annot.mask) RETURNS float8
AS 'MODULE_PATHNAME', 'mask_inter_area' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.intersection_area(annot.mask, annot.mask) IS
'Number of pixels in both masks';

CREATE FUNCTION annot.boundary(annot.mask, dilation_ratio float8 DEFAULT 0.02)
RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_boundary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.boundary(annot.mask, float8) IS
'The inner boundary band that Boundary IoU compares: the mask minus its erosion by d pixels, d = round(dilation_ratio * image diagonal), at least 1';

CREATE FUNCTION annot.boundary_iou(annot.mask, annot.mask, dilation_ratio float8 DEFAULT 0.02)
RETURNS float8
AS 'MODULE_PATHNAME', 'mask_boundary_iou' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.boundary_iou(annot.mask, annot.mask, float8) IS
'Boundary IoU (Cheng et al., CVPR 2021): IoU of the two masks'' boundary bands of width round(dilation_ratio * image diagonal); 0 when both are empty';

-- Set operations

CREATE FUNCTION annot.intersection(annot.mask, annot.mask) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_intersection' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.intersection(annot.mask, annot.mask) IS
'Pixels in both masks (pycocotools merge with intersect=True)';

CREATE FUNCTION annot.union(annot.mask, annot.mask) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_union' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.union(annot.mask, annot.mask) IS
'Pixels in either mask (pycocotools merge); UNION is a keyword, so write annot.union(...) or use |';

CREATE FUNCTION annot.difference(annot.mask, annot.mask) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_difference' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.difference(annot.mask, annot.mask) IS
'Pixels in the first mask and not in the second';

CREATE FUNCTION annot.xor(annot.mask, annot.mask) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_xor' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.xor(annot.mask, annot.mask) IS
'Pixels in exactly one of the masks (symmetric difference)';

CREATE FUNCTION annot.complement(annot.mask) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_complement' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.complement(annot.mask) IS
'Pixels not in the mask (pycocotools invert)';

CREATE OPERATOR annot.& (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.intersection,
	COMMUTATOR = OPERATOR(annot.&)
);
COMMENT ON OPERATOR annot.& (annot.mask, annot.mask) IS 'Intersection of two masks';
CREATE OPERATOR annot.| (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.union,
	COMMUTATOR = OPERATOR(annot.|)
);
COMMENT ON OPERATOR annot.| (annot.mask, annot.mask) IS 'Union of two masks';
CREATE OPERATOR annot.- (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.difference
);
COMMENT ON OPERATOR annot.- (annot.mask, annot.mask) IS 'Difference of two masks';
CREATE OPERATOR annot.# (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.xor,
	COMMUTATOR = OPERATOR(annot.#)
);
COMMENT ON OPERATOR annot.# (annot.mask, annot.mask) IS 'Symmetric difference (xor) of two masks';
CREATE OPERATOR annot.~ (
	RIGHTARG = annot.mask, FUNCTION = annot.complement
);
COMMENT ON OPERATOR annot.~ (NONE, annot.mask) IS 'Complement of a mask';

CREATE AGGREGATE annot.union(annot.mask) (
	SFUNC = annot.union,
	STYPE = annot.mask,
	COMBINEFUNC = annot.union,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.union(annot.mask) IS
'Union of every mask of the group (NULLs ignored); all must have one size';

CREATE AGGREGATE annot.intersection(annot.mask) (
	SFUNC = annot.intersection,
	STYPE = annot.mask,
	COMBINEFUNC = annot.intersection,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.intersection(annot.mask) IS
'Pixels in every mask of the group (NULLs ignored); all must have one size';

-- Equality, order and hashing: equal masks have equal stored bytes

CREATE FUNCTION annot.mask_eq(annot.mask, annot.mask) RETURNS boolean
AS 'MODULE_PATHNAME', 'mask_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_eq(annot.mask, annot.mask) IS
'Support of =: same size and same pixels';
CREATE FUNCTION annot.mask_ne(annot.mask, annot.mask) RETURNS boolean
AS 'MODULE_PATHNAME', 'mask_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_ne(annot.mask, annot.mask) IS 'Support of <>';
CREATE FUNCTION annot.mask_lt(annot.mask, annot.mask) RETURNS boolean
AS 'MODULE_PATHNAME', 'mask_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_lt(annot.mask, annot.mask) IS 'Support of <: storage order';
CREATE FUNCTION annot.mask_le(annot.mask, annot.mask) RETURNS boolean
AS 'MODULE_PATHNAME', 'mask_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_le(annot.mask, annot.mask) IS 'Support of <=: storage order';
CREATE FUNCTION annot.mask_gt(annot.mask, annot.mask) RETURNS boolean
AS 'MODULE_PATHNAME', 'mask_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_gt(annot.mask, annot.mask) IS 'Support of >: storage order';
CREATE FUNCTION annot.mask_ge(annot.mask, annot.mask) RETURNS boolean
AS 'MODULE_PATHNAME', 'mask_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_ge(annot.mask, annot.mask) IS 'Support of >=: storage order';
CREATE FUNCTION annot.mask_cmp(annot.mask, annot.mask) RETURNS integer
AS 'MODULE_PATHNAME', 'mask_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_cmp(annot.mask, annot.mask) IS
'B-tree comparison of masks in storage order (consistent with =, otherwise without meaning)';
CREATE FUNCTION annot.mask_hash(annot.mask) RETURNS integer
AS 'MODULE_PATHNAME', 'mask_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_hash(annot.mask) IS 'Hash support for mask';
CREATE FUNCTION annot.mask_hash_extended(annot.mask, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'mask_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask_hash_extended(annot.mask, bigint) IS 'Seeded 64-bit hash support for mask';

CREATE OPERATOR annot.= (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.mask_eq,
	COMMUTATOR = OPERATOR(annot.=), NEGATOR = OPERATOR(annot.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR annot.= (annot.mask, annot.mask) IS 'Masks have the same size and pixels';
CREATE OPERATOR annot.<> (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.mask_ne,
	COMMUTATOR = OPERATOR(annot.<>), NEGATOR = OPERATOR(annot.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR annot.<> (annot.mask, annot.mask) IS 'Masks differ in size or pixels';
CREATE OPERATOR annot.< (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.mask_lt,
	COMMUTATOR = OPERATOR(annot.>), NEGATOR = OPERATOR(annot.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR annot.< (annot.mask, annot.mask) IS 'Sorts before, in storage order';
CREATE OPERATOR annot.<= (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.mask_le,
	COMMUTATOR = OPERATOR(annot.>=), NEGATOR = OPERATOR(annot.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR annot.<= (annot.mask, annot.mask) IS 'Sorts before or equal, in storage order';
CREATE OPERATOR annot.> (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.mask_gt,
	COMMUTATOR = OPERATOR(annot.<), NEGATOR = OPERATOR(annot.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR annot.> (annot.mask, annot.mask) IS 'Sorts after, in storage order';
CREATE OPERATOR annot.>= (
	LEFTARG = annot.mask, RIGHTARG = annot.mask, FUNCTION = annot.mask_ge,
	COMMUTATOR = OPERATOR(annot.<=), NEGATOR = OPERATOR(annot.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR annot.>= (annot.mask, annot.mask) IS 'Sorts after or equal, in storage order';

CREATE OPERATOR CLASS annot.mask_btree_ops
DEFAULT FOR TYPE annot.mask USING btree AS
	OPERATOR 1 annot.<,
	OPERATOR 2 annot.<=,
	OPERATOR 3 annot.=,
	OPERATOR 4 annot.>=,
	OPERATOR 5 annot.>,
	FUNCTION 1 annot.mask_cmp(annot.mask, annot.mask);
COMMENT ON OPERATOR CLASS annot.mask_btree_ops USING btree IS
'B-tree order of masks (storage order) for DISTINCT, UNION, unique indexes and merge joins';
COMMENT ON OPERATOR FAMILY annot.mask_btree_ops USING btree IS
'B-tree order of masks (storage order)';

CREATE OPERATOR CLASS annot.mask_hash_ops
DEFAULT FOR TYPE annot.mask USING hash AS
	OPERATOR 1 annot.=,
	FUNCTION 1 annot.mask_hash(annot.mask),
	FUNCTION 2 annot.mask_hash_extended(annot.mask, bigint);
COMMENT ON OPERATOR CLASS annot.mask_hash_ops USING hash IS
'Hashing of masks for GROUP BY, DISTINCT and hash joins';
COMMENT ON OPERATOR FAMILY annot.mask_hash_ops USING hash IS
'Hashing of masks';
-- annot.mask meets annot.poly: rasterization and mixed IoU / Dice

CREATE FUNCTION annot.mask(annot.poly, height integer, width integer) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_from_poly' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask(annot.poly, integer, integer) IS
'The polygon rasterized on a height x width grid bit for bit as pycocotools (frPyObjects + merge: rings rasterized one by one, merged by union)';

CREATE FUNCTION annot.iou(annot.poly, annot.mask) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_iou_pm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.poly, annot.mask) IS
'IoU of a polygon and a mask, the polygon rasterized on the mask''s grid as pycocotools does';
CREATE FUNCTION annot.iou(annot.mask, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_iou_mp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.mask, annot.poly) IS
'IoU of a mask and a polygon, the polygon rasterized on the mask''s grid as pycocotools does';
CREATE FUNCTION annot.iou(dt annot.poly, gt annot.mask, crowd boolean) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_iou_pm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.poly, annot.mask, boolean) IS
'IoU with COCO crowd semantics (crowd: |dt ∩ gt| / |dt|), the polygon rasterized on the mask''s grid';
CREATE FUNCTION annot.iou(dt annot.mask, gt annot.poly, crowd boolean) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_iou_mp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.mask, annot.poly, boolean) IS
'IoU with COCO crowd semantics (crowd: |dt ∩ gt| / |dt|), the polygon rasterized on the mask''s grid';
CREATE FUNCTION annot.dice(annot.poly, annot.mask) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_dice_pm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.poly, annot.mask) IS
'Dice coefficient of a polygon and a mask, the polygon rasterized on the mask''s grid';
CREATE FUNCTION annot.dice(annot.mask, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_dice_mp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.mask, annot.poly) IS
'Dice coefficient of a mask and a polygon, the polygon rasterized on the mask''s grid';
-- Inter-annotator agreement: Cohen's kappa, the confusion matrix, Fleiss'
-- kappa, Gwet's AC1/AC2, percent agreement and Krippendorff's alpha, as
-- parallel-safe aggregates over long-form ratings (one row per rating or
-- rating pair).  Formulas and peers: doc/reference/40_agreement.md.

CREATE TYPE annot.agreement AS (
	estimate float8,
	se float8,
	ci_lower float8,
	ci_upper float8,
	confidence float8,
	observed float8,
	expected float8,
	n_items bigint,
	n_ratings bigint,
	n_categories int
);
COMMENT ON TYPE annot.agreement IS
'An agreement coefficient with its standard error and confidence interval at the given confidence level, observed and chance agreement, and the counts of items, ratings and categories it rests on; undefined numbers are NULL';

-- Support functions of the pair aggregates (two labels per row)

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, float8) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text, float8) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_pair_combine(internal, internal) IS
'Combine function of the pair agreement aggregates (parallel query)';

CREATE FUNCTION annot.agree_pair_serialize(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'agree_pair_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_pair_serialize(internal) IS
'Serialize a pair agreement state (format in src/core/FORMAT.md)';

CREATE FUNCTION annot.agree_pair_deserialize(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_pair_deserialize(bytea, internal) IS
'Deserialize a pair agreement state, validating every length, count and index';

CREATE FUNCTION annot.cohen_kappa_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'cohen_kappa_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.cohen_kappa_final(internal) IS
'Final function of cohen_kappa';

CREATE FUNCTION annot.cohen_kappa_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'cohen_kappa_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.cohen_kappa_ci_final(internal) IS
'Final function of cohen_kappa_ci';

CREATE FUNCTION annot.confusion_matrix_final(internal) RETURNS jsonb
AS 'MODULE_PATHNAME', 'confusion_matrix_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.confusion_matrix_final(internal) IS
'Final function of confusion_matrix';

-- Support functions of the item aggregates (item, label per row)

CREATE FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible) IS
'Transition function of fleiss_kappa, gwet_ac1, gwet_ac2, percent_agreement and the two-argument krippendorff_alpha';

CREATE FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text) IS
'Transition function of fleiss_kappa, gwet_ac1, gwet_ac2, percent_agreement and the two-argument krippendorff_alpha';

CREATE FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, float8) IS
'Transition function of fleiss_kappa, gwet_ac1, gwet_ac2, percent_agreement and the two-argument krippendorff_alpha';

CREATE FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text, float8) IS
'Transition function of fleiss_kappa, gwet_ac1, gwet_ac2, percent_agreement and the two-argument krippendorff_alpha';

CREATE FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_alpha_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text) IS
'Transition function of krippendorff_alpha with a level of measurement';

CREATE FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_alpha_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text, float8) IS
'Transition function of krippendorff_alpha with a level of measurement';

CREATE FUNCTION annot.agree_items_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_items_combine(internal, internal) IS
'Combine function of the item agreement aggregates: merges per-item tallies by item key';

CREATE FUNCTION annot.agree_items_serialize(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'agree_items_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_items_serialize(internal) IS
'Serialize an item agreement state (format in src/core/FORMAT.md)';

CREATE FUNCTION annot.agree_items_deserialize(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.agree_items_deserialize(bytea, internal) IS
'Deserialize an item agreement state, validating every length, count and index';

CREATE FUNCTION annot.fleiss_kappa_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'fleiss_kappa_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.fleiss_kappa_final(internal) IS
'Final function of fleiss_kappa';

CREATE FUNCTION annot.fleiss_kappa_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'fleiss_kappa_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.fleiss_kappa_ci_final(internal) IS
'Final function of the _ci variant of fleiss_kappa';

CREATE FUNCTION annot.gwet_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'gwet_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.gwet_final(internal) IS
'Final function of gwet_ac1 and gwet_ac2';

CREATE FUNCTION annot.gwet_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'gwet_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.gwet_ci_final(internal) IS
'Final function of the _ci variant of gwet_ac1 and gwet_ac2';

CREATE FUNCTION annot.percent_agreement_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'percent_agreement_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.percent_agreement_final(internal) IS
'Final function of percent_agreement';

CREATE FUNCTION annot.percent_agreement_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'percent_agreement_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.percent_agreement_ci_final(internal) IS
'Final function of the _ci variant of percent_agreement';

CREATE FUNCTION annot.krippendorff_alpha_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'krippendorff_alpha_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.krippendorff_alpha_final(internal) IS
'Final function of krippendorff_alpha';

CREATE FUNCTION annot.krippendorff_alpha_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'krippendorff_alpha_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.krippendorff_alpha_ci_final(internal) IS
'Final function of the _ci variant of krippendorff_alpha';

-- Cohen's kappa and the confusion matrix

CREATE AGGREGATE annot.cohen_kappa(label_a anycompatible, label_b anycompatible) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa(anycompatible, anycompatible) IS
'Cohen''s kappa between two raters, one rating pair per row; pairs with a NULL label are left out; NULL when all ratings fall in one category';

CREATE AGGREGATE annot.cohen_kappa(label_a anycompatible, label_b anycompatible, weights text) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa(anycompatible, anycompatible, text) IS
'Weighted Cohen''s kappa, weights unweighted, linear or quadratic on numeric labels, distances between ranks of the observed levels (as R irr and sklearn)';

CREATE AGGREGATE annot.cohen_kappa(label_a anycompatible, label_b anycompatible, weights text, scale text) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa(anycompatible, anycompatible, text, text) IS
'Weighted Cohen''s kappa, weights unweighted, linear or quadratic on numeric labels; scale observed (ranks of the observed levels) or range (label values: the full integer range, as sklearn with labels=)';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible) IS
'Cohen''s kappa with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at 95%';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible, weights text) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible, text) IS
'Weighted Cohen''s kappa (observed levels) with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at 95%';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible, weights text, scale text) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible, text, text) IS
'Weighted Cohen''s kappa on the given scale with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at 95%';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible, weights text, confidence float8) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible, text, float8) IS
'Weighted Cohen''s kappa (observed levels) with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at the given confidence level';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible, weights text, scale text, confidence float8) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible, text, text, float8) IS
'Weighted Cohen''s kappa on the given scale with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at the given confidence level';

CREATE AGGREGATE annot.confusion_matrix(truth anycompatible, predicted anycompatible) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.confusion_matrix_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.confusion_matrix(anycompatible, anycompatible) IS
'Confusion matrix as jsonb: sorted labels, matrix rows = truth, per-class support, predicted, tp, precision, recall and F1, n, accuracy, macro_f1, weighted_f1; see annot.confusion_classes and annot.confusion_cells';

-- Fleiss' kappa, Gwet's AC1/AC2, percent agreement

CREATE AGGREGATE annot.fleiss_kappa(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa(anyelement, anycompatible) IS
'Fleiss'' kappa, generalized to a varying number of ratings per item (irrCAC fleiss.kappa.raw), one row per rating (item, label); NULL labels are missing ratings; items may have any number of ratings';

CREATE AGGREGATE annot.fleiss_kappa(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa(anyelement, anycompatible, text) IS
'Weighted Fleiss'' generalized kappa, weights unweighted, linear, quadratic, ordinal, radical, ratio, circular or bipolar (irrCAC) on numeric labels';

CREATE AGGREGATE annot.fleiss_kappa_ci(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa_ci(anyelement, anycompatible) IS
'Fleiss'' generalized kappa with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.fleiss_kappa_ci(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa_ci(anyelement, anycompatible, text) IS
'Weighted Fleiss'' generalized kappa with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.fleiss_kappa_ci(item anyelement, label anycompatible, weights text, confidence float8) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa_ci(anyelement, anycompatible, text, float8) IS
'Weighted Fleiss'' generalized kappa with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC at the given confidence level';

CREATE AGGREGATE annot.gwet_ac1(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac1(anyelement, anycompatible) IS
'Gwet''s AC1 (Gwet 2008; irrCAC gwet.ac1.raw), one row per rating (item, label); NULL labels are missing ratings; items may have any number of ratings';

CREATE AGGREGATE annot.gwet_ac2(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac2(anyelement, anycompatible, text) IS
'Gwet''s AC2, the weighted AC1, weights unweighted, linear, quadratic, ordinal, radical, ratio, circular or bipolar (irrCAC) on numeric labels';

CREATE AGGREGATE annot.gwet_ac1_ci(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac1_ci(anyelement, anycompatible) IS
'Gwet''s AC1 with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.gwet_ac1_ci(item anyelement, label anycompatible, confidence float8) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac1_ci(anyelement, anycompatible, float8) IS
'Gwet''s AC1 with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC at the given confidence level';

CREATE AGGREGATE annot.gwet_ac2_ci(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac2_ci(anyelement, anycompatible, text) IS
'Gwet''s AC2 with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.gwet_ac2_ci(item anyelement, label anycompatible, weights text, confidence float8) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac2_ci(anyelement, anycompatible, text, float8) IS
'Gwet''s AC2 with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC at the given confidence level';

CREATE AGGREGATE annot.percent_agreement(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement(anyelement, anycompatible) IS
'Share of agreeing rating pairs within items, averaged over items with two or more ratings (irrCAC pa.coeff.raw), one row per rating (item, label); NULL labels are missing ratings; items may have any number of ratings';

CREATE AGGREGATE annot.percent_agreement(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement(anyelement, anycompatible, text) IS
'Weighted percent agreement, weights unweighted, linear, quadratic, ordinal, radical, ratio, circular or bipolar (irrCAC) on numeric labels';

CREATE AGGREGATE annot.percent_agreement_ci(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement_ci(anyelement, anycompatible) IS
'Percent agreement with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.percent_agreement_ci(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement_ci(anyelement, anycompatible, text) IS
'Weighted percent agreement with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.percent_agreement_ci(item anyelement, label anycompatible, weights text, confidence float8) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement_ci(anyelement, anycompatible, text, float8) IS
'Weighted percent agreement with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC at the given confidence level';

-- Krippendorff's alpha

CREATE AGGREGATE annot.krippendorff_alpha(unit anyelement, value anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha(anyelement, anycompatible) IS
'Krippendorff''s alpha, nominal level, one row per value (unit, value); NULL values are missing; units with fewer than 2 values do not count';

CREATE AGGREGATE annot.krippendorff_alpha(unit anyelement, value anycompatible, level text) (
	SFUNC = annot.agree_alpha_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha(anyelement, anycompatible, text) IS
'Krippendorff''s alpha at level nominal, ordinal, interval or ratio (Krippendorff 2011 metrics; non-nominal levels need numeric values), one row per value (unit, value); NULL values are missing; units with fewer than 2 values do not count';

CREATE AGGREGATE annot.krippendorff_alpha_ci(unit anyelement, value anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha_ci(anyelement, anycompatible) IS
'Krippendorff''s alpha, nominal, with standard error by Gwet''s linearization (irrCAC krippen.alpha.raw) and t confidence interval capped at 1, 95%';

CREATE AGGREGATE annot.krippendorff_alpha_ci(unit anyelement, value anycompatible, level text) (
	SFUNC = annot.agree_alpha_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha_ci(anyelement, anycompatible, text) IS
'Krippendorff''s alpha at the given level with standard error by Gwet''s linearization (irrCAC krippen.alpha.raw) and t confidence interval capped at 1, 95%';

CREATE AGGREGATE annot.krippendorff_alpha_ci(unit anyelement, value anycompatible, level text, confidence float8) (
	SFUNC = annot.agree_alpha_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha_ci(anyelement, anycompatible, text, float8) IS
'Krippendorff''s alpha at the given level with standard error by Gwet''s linearization (irrCAC krippen.alpha.raw) and t confidence interval capped at 1 at the given confidence level';

-- Reading a confusion matrix back as rows

CREATE FUNCTION annot.confusion_classes(cm jsonb,
	OUT label text, OUT support bigint, OUT predicted bigint, OUT tp bigint,
	OUT "precision" float8, OUT recall float8, OUT f1 float8)
RETURNS SETOF record
AS $$
	SELECT c->>'label', (c->>'support')::bigint, (c->>'predicted')::bigint,
		(c->>'tp')::bigint, (c->>'precision')::float8, (c->>'recall')::float8,
		(c->>'f1')::float8
	FROM jsonb_array_elements(cm->'classes') AS c
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.confusion_classes(jsonb) IS
'One row per class of an annot.confusion_matrix result: support (truth count), predicted count, true positives, precision, recall, F1 (precision or recall NULL when undefined)';

CREATE FUNCTION annot.confusion_cells(cm jsonb,
	OUT truth text, OUT predicted text, OUT n bigint)
RETURNS SETOF record
AS $$
	SELECT cm->'labels'->>(r.i - 1)::int, cm->'labels'->>(c.j - 1)::int, c.v::text::bigint
	FROM jsonb_array_elements(cm->'matrix') WITH ORDINALITY AS r(row, i),
		jsonb_array_elements(r.row) WITH ORDINALITY AS c(v, j)
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.confusion_cells(jsonb) IS
'One row per cell of an annot.confusion_matrix result: truth label, predicted label, count (zero cells included)';
