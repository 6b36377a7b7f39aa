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
'Axis-aligned box in pixel coordinates, text form (x1,y1),(x2,y2) with x1 <= x2, y1 <= y2 and every coordinate finite and at most 1e15 in magnitude';
COMMENT ON FUNCTION annot.bbox_in(cstring) IS 'Text input of bbox: (x1,y1),(x2,y2)';
COMMENT ON FUNCTION annot.bbox_out(annot.bbox) IS 'Text output of bbox, shortest round-trip numbers';
COMMENT ON FUNCTION annot.bbox_recv(internal) IS 'Binary input of bbox: exactly four float8 x1, y1, x2, y2 (32 bytes; 22P03 otherwise)';
COMMENT ON FUNCTION annot.bbox_send(annot.bbox) IS 'Binary output of bbox: four float8 x1, y1, x2, y2';

-- Constructors and conversions

CREATE FUNCTION annot.bbox(x1 float8, y1 float8, x2 float8, y2 float8)
RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_corners' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox(float8, float8, float8, float8) IS
'Box from its corners (Pascal VOC style); x1 > x2, y1 > y2 or a non-finite value raise 22023, a coordinate beyond 1e15 in magnitude 22003';

CREATE FUNCTION annot.bbox_xywh(x float8, y float8, w float8, h float8)
RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_xywh' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox_xywh(float8, float8, float8, float8) IS
'Box from top-left corner, width and height (COCO style); a negative width or height raises 22023, a corner beyond 1e15 in magnitude 22003';

CREATE FUNCTION annot.bbox(coco jsonb) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.bbox(jsonb) IS
'Box from a COCO bbox array [x, y, width, height]';

CREATE FUNCTION annot.to_coco(annot.bbox) RETURNS jsonb
AS 'MODULE_PATHNAME', 'bbox_to_coco' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.to_coco(annot.bbox) IS
'COCO bbox array [x, y, width, height] with the shortest width and height that give x2 and y2 back: annot.bbox(annot.to_coco(b)) = b exactly for boxes made from x, y, width, height';

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
AS 'MODULE_PATHNAME', 'bbox_from_wkb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5;
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
'The part of the box inside an image of the given width and height, NULL when none is; a negative or non-finite size raises 22023';

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
