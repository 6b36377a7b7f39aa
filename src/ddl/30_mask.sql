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
