-- since 0.2.0
-- annot.keypoints: COCO keypoints and object keypoint similarity

CREATE TYPE annot.keypoints;

CREATE FUNCTION annot.keypoints_in(cstring) RETURNS annot.keypoints
AS 'MODULE_PATHNAME', 'keypoints_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.keypoints_out(annot.keypoints) RETURNS cstring
AS 'MODULE_PATHNAME', 'keypoints_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.keypoints_recv(internal) RETURNS annot.keypoints
AS 'MODULE_PATHNAME', 'keypoints_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.keypoints_send(annot.keypoints) RETURNS bytea
AS 'MODULE_PATHNAME', 'keypoints_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE annot.keypoints (
	INPUT = annot.keypoints_in,
	OUTPUT = annot.keypoints_out,
	RECEIVE = annot.keypoints_recv,
	SEND = annot.keypoints_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE annot.keypoints IS
'COCO keypoints: (x, y, v) triples as COCO''s flat list [x1,y1,v1,...]; v is the visibility flag (0 not labelled, 1 occluded, 2 visible) or a detection''s confidence';
COMMENT ON FUNCTION annot.keypoints_in(cstring) IS
'Text input of keypoints: [x1,y1,v1,...], finite numbers, 1 to 10000 triples';
COMMENT ON FUNCTION annot.keypoints_out(annot.keypoints) IS
'Text output of keypoints: [x1,y1,v1,...] with shortest round-trip numbers';
COMMENT ON FUNCTION annot.keypoints_recv(internal) IS
'Binary input of keypoints: version byte, int32 count, float8 triples';
COMMENT ON FUNCTION annot.keypoints_send(annot.keypoints) IS
'Binary output of keypoints: version byte, int32 count, float8 triples';

CREATE FUNCTION annot.keypoints(coco jsonb) RETURNS annot.keypoints
AS 'MODULE_PATHNAME', 'keypoints_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints(jsonb) IS
'Keypoints from COCO''s flat list [x1,y1,v1,...]';
CREATE FUNCTION annot.keypoints(xyv float8[]) RETURNS annot.keypoints
AS 'MODULE_PATHNAME', 'keypoints_from_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints(float8[]) IS
'Keypoints from the flat array {x1,y1,v1,...}';
CREATE FUNCTION annot.to_coco(annot.keypoints) RETURNS jsonb
AS 'MODULE_PATHNAME', 'keypoints_to_coco' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_coco(annot.keypoints) IS
'COCO''s flat list [x1,y1,v1,...]; annot.keypoints(annot.to_coco(k)) = k exactly';
CREATE FUNCTION annot.to_array(annot.keypoints) RETURNS float8[]
AS 'MODULE_PATHNAME', 'keypoints_to_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_array(annot.keypoints) IS
'The flat array {x1,y1,v1,...}';
CREATE FUNCTION annot.npoints(annot.keypoints) RETURNS integer
AS 'MODULE_PATHNAME', 'keypoints_npoints' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.npoints(annot.keypoints) IS
'Number of keypoints (triples), labelled or not';
CREATE FUNCTION annot.num_keypoints(annot.keypoints) RETURNS integer
AS 'MODULE_PATHNAME', 'keypoints_num_keypoints' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.num_keypoints(annot.keypoints) IS
'Number of labelled keypoints (v > 0), COCO''s num_keypoints';
CREATE FUNCTION annot.bbox(annot.keypoints) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'keypoints_to_bbox' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.bbox(annot.keypoints) IS
'Bounding box of the labelled keypoints (v > 0); null when none is labelled';

CREATE FUNCTION annot.keypoints_eq(annot.keypoints, annot.keypoints) RETURNS boolean
AS 'MODULE_PATHNAME', 'keypoints_eq' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_eq(annot.keypoints, annot.keypoints) IS 'Support of =';
CREATE FUNCTION annot.keypoints_ne(annot.keypoints, annot.keypoints) RETURNS boolean
AS 'MODULE_PATHNAME', 'keypoints_ne' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_ne(annot.keypoints, annot.keypoints) IS 'Support of <>';
CREATE FUNCTION annot.keypoints_lt(annot.keypoints, annot.keypoints) RETURNS boolean
AS 'MODULE_PATHNAME', 'keypoints_lt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_lt(annot.keypoints, annot.keypoints) IS 'Support of <';
CREATE FUNCTION annot.keypoints_le(annot.keypoints, annot.keypoints) RETURNS boolean
AS 'MODULE_PATHNAME', 'keypoints_le' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_le(annot.keypoints, annot.keypoints) IS 'Support of <=';
CREATE FUNCTION annot.keypoints_gt(annot.keypoints, annot.keypoints) RETURNS boolean
AS 'MODULE_PATHNAME', 'keypoints_gt' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_gt(annot.keypoints, annot.keypoints) IS 'Support of >';
CREATE FUNCTION annot.keypoints_ge(annot.keypoints, annot.keypoints) RETURNS boolean
AS 'MODULE_PATHNAME', 'keypoints_ge' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_ge(annot.keypoints, annot.keypoints) IS 'Support of >=';
CREATE FUNCTION annot.keypoints_cmp(annot.keypoints, annot.keypoints) RETURNS integer
AS 'MODULE_PATHNAME', 'keypoints_cmp' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_cmp(annot.keypoints, annot.keypoints) IS
'B-tree comparison: fewer keypoints first, then number by number';
CREATE FUNCTION annot.keypoints_hash(annot.keypoints) RETURNS integer
AS 'MODULE_PATHNAME', 'keypoints_hash' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_hash(annot.keypoints) IS 'Hash support for keypoints';
CREATE FUNCTION annot.keypoints_hash_extended(annot.keypoints, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'keypoints_hash_extended' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION annot.keypoints_hash_extended(annot.keypoints, bigint) IS
'Seeded 64-bit hash support for keypoints';

CREATE OPERATOR annot.= (
	LEFTARG = annot.keypoints, RIGHTARG = annot.keypoints, PROCEDURE = annot.keypoints_eq,
	COMMUTATOR = OPERATOR(annot.=), NEGATOR = OPERATOR(annot.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR annot.= (annot.keypoints, annot.keypoints) IS 'Same keypoints, number by number';
CREATE OPERATOR annot.<> (
	LEFTARG = annot.keypoints, RIGHTARG = annot.keypoints, PROCEDURE = annot.keypoints_ne,
	COMMUTATOR = OPERATOR(annot.<>), NEGATOR = OPERATOR(annot.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR annot.<> (annot.keypoints, annot.keypoints) IS 'Keypoints differ';
CREATE OPERATOR annot.< (
	LEFTARG = annot.keypoints, RIGHTARG = annot.keypoints, PROCEDURE = annot.keypoints_lt,
	COMMUTATOR = OPERATOR(annot.>), NEGATOR = OPERATOR(annot.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR annot.< (annot.keypoints, annot.keypoints) IS 'Sorts before';
CREATE OPERATOR annot.<= (
	LEFTARG = annot.keypoints, RIGHTARG = annot.keypoints, PROCEDURE = annot.keypoints_le,
	COMMUTATOR = OPERATOR(annot.>=), NEGATOR = OPERATOR(annot.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR annot.<= (annot.keypoints, annot.keypoints) IS 'Sorts before or equal';
CREATE OPERATOR annot.> (
	LEFTARG = annot.keypoints, RIGHTARG = annot.keypoints, PROCEDURE = annot.keypoints_gt,
	COMMUTATOR = OPERATOR(annot.<), NEGATOR = OPERATOR(annot.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR annot.> (annot.keypoints, annot.keypoints) IS 'Sorts after';
CREATE OPERATOR annot.>= (
	LEFTARG = annot.keypoints, RIGHTARG = annot.keypoints, PROCEDURE = annot.keypoints_ge,
	COMMUTATOR = OPERATOR(annot.<=), NEGATOR = OPERATOR(annot.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR annot.>= (annot.keypoints, annot.keypoints) IS 'Sorts after or equal';

CREATE OPERATOR CLASS annot.keypoints_btree_ops
DEFAULT FOR TYPE annot.keypoints USING btree AS
	OPERATOR 1 annot.<,
	OPERATOR 2 annot.<=,
	OPERATOR 3 annot.=,
	OPERATOR 4 annot.>=,
	OPERATOR 5 annot.>,
	FUNCTION 1 annot.keypoints_cmp(annot.keypoints, annot.keypoints);
COMMENT ON OPERATOR CLASS annot.keypoints_btree_ops USING btree IS
'B-tree order of keypoints for ORDER BY, DISTINCT and unique indexes';
COMMENT ON OPERATOR FAMILY annot.keypoints_btree_ops USING btree IS
'B-tree operators of keypoints';

CREATE OPERATOR CLASS annot.keypoints_hash_ops
DEFAULT FOR TYPE annot.keypoints USING hash AS
	OPERATOR 1 annot.=,
	FUNCTION 1 annot.keypoints_hash(annot.keypoints),
	FUNCTION 2 annot.keypoints_hash_extended(annot.keypoints, bigint);
COMMENT ON OPERATOR CLASS annot.keypoints_hash_ops USING hash IS
'Hashing of keypoints for GROUP BY, hash joins and hash partitioning';
COMMENT ON OPERATOR FAMILY annot.keypoints_hash_ops USING hash IS
'Hash operators of keypoints';

CREATE FUNCTION annot.oks(dt annot.keypoints, gt annot.keypoints, area float8,
	sigmas float8[] DEFAULT NULL, gt_box annot.bbox DEFAULT NULL) RETURNS float8
AS 'MODULE_PATHNAME', 'oks' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.oks(annot.keypoints, annot.keypoints, float8, float8[], annot.bbox) IS
'Object keypoint similarity as pycocotools computeOks: mean of exp(-d^2 / (2 area (2 sigma)^2)) over the ground truth''s labelled keypoints; sigmas default to COCO''s 17 person sigmas; gt_box is used when the ground truth has no labelled keypoint; null when dt, gt or area is null';
