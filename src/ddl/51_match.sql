-- since 0.2.0
-- annot.objects (object sets) and annot.match: matching one side's objects
-- against another's, image by image, with TIDE's error taxonomy

CREATE TYPE annot.objects;

CREATE FUNCTION annot.objects_in(cstring) RETURNS annot.objects
AS 'MODULE_PATHNAME', 'objects_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.objects_out(annot.objects) RETURNS cstring
AS 'MODULE_PATHNAME', 'objects_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.objects_recv(internal) RETURNS annot.objects
AS 'MODULE_PATHNAME', 'objects_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION annot.objects_send(annot.objects) RETURNS bytea
AS 'MODULE_PATHNAME', 'objects_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE annot.objects (
	INPUT = annot.objects_in,
	OUTPUT = annot.objects_out,
	RECEIVE = annot.objects_recv,
	SEND = annot.objects_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE annot.objects IS
'A set of objects of one side (annotator, model or gold) over any number of images: image id, id, label, one kind of geometry (bbox, poly, mask or keypoints), optional score, crowd flag and area; built by the annot.objects aggregate';
COMMENT ON FUNCTION annot.objects_in(cstring) IS
'Text input of objects: a JSON array of {"image_id", "id", "label", "bbox"|"poly"|"mask"|"keypoints", "score", "iscrowd", "area"}';
COMMENT ON FUNCTION annot.objects_out(annot.objects) IS
'Text output of objects: a JSON array, each shape in its type''s text form';
COMMENT ON FUNCTION annot.objects_recv(internal) IS
'Binary input of objects: the stored form after its length word, checked whole';
COMMENT ON FUNCTION annot.objects_send(annot.objects) IS
'Binary output of objects: the stored form after its length word (server byte order)';

CREATE FUNCTION annot.num_objects(annot.objects) RETURNS bigint
AS 'MODULE_PATHNAME', 'objects_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.num_objects(annot.objects) IS 'Number of objects in the set';
CREATE FUNCTION annot.geometry_kind(annot.objects) RETURNS text
AS 'MODULE_PATHNAME', 'objects_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.geometry_kind(annot.objects) IS
'Kind of geometry the set holds: bbox, poly, mask or keypoints; null for an empty set';

CREATE FUNCTION annot.objects_combinefn(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_combinefn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_combinefn(internal, internal) IS
'Aggregate support of annot.objects: appends one partial set to another';
CREATE FUNCTION annot.objects_serialfn(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'objects_serialfn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_serialfn(internal) IS
'Aggregate support of annot.objects: a partial set as its stored form';
CREATE FUNCTION annot.objects_deserialfn(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_deserialfn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_deserialfn(bytea, internal) IS
'Aggregate support of annot.objects: a partial set from its stored form, checked whole';
CREATE FUNCTION annot.objects_finalfn(internal) RETURNS annot.objects
AS 'MODULE_PATHNAME', 'objects_finalfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_finalfn(internal) IS
'Aggregate support of annot.objects: the set (empty when no row had a shape)';

CREATE FUNCTION annot.objects_bbox_transfn(internal, bigint, bigint, text, annot.bbox) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_bbox_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_bbox_transfn(internal, bigint, bigint, text, annot.bbox) IS
'Aggregate support of annot.objects: adds one bbox object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.bbox) (
	SFUNC = annot.objects_bbox_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.bbox) IS
'The rows'' bbox objects as a set for annot.match and annot.coco_eval: image_id, id, label and shape; no score, not crowd, no area';

CREATE FUNCTION annot.objects_bbox_transfn(internal, bigint, bigint, text, annot.bbox, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_bbox_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_bbox_transfn(internal, bigint, bigint, text, annot.bbox, float8) IS
'Aggregate support of annot.objects: adds one bbox object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.bbox, score float8) (
	SFUNC = annot.objects_bbox_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.bbox, float8) IS
'The rows'' bbox objects as a set for annot.match and annot.coco_eval: image_id, id, label, shape and score';

CREATE FUNCTION annot.objects_bbox_transfn(internal, bigint, bigint, text, annot.bbox, float8, boolean, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_bbox_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_bbox_transfn(internal, bigint, bigint, text, annot.bbox, float8, boolean, float8) IS
'Aggregate support of annot.objects: adds one bbox object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.bbox, score float8, iscrowd boolean, area float8) (
	SFUNC = annot.objects_bbox_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.bbox, float8, boolean, float8) IS
'The rows'' bbox objects as a set for annot.match and annot.coco_eval: image_id, id, label, shape, score, COCO iscrowd flag and area (needed for keypoints: OKS uses the ground truth''s area)';

CREATE FUNCTION annot.objects_poly_transfn(internal, bigint, bigint, text, annot.poly) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_poly_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_poly_transfn(internal, bigint, bigint, text, annot.poly) IS
'Aggregate support of annot.objects: adds one poly object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.poly) (
	SFUNC = annot.objects_poly_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.poly) IS
'The rows'' poly objects as a set for annot.match and annot.coco_eval: image_id, id, label and shape; no score, not crowd, no area';

CREATE FUNCTION annot.objects_poly_transfn(internal, bigint, bigint, text, annot.poly, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_poly_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_poly_transfn(internal, bigint, bigint, text, annot.poly, float8) IS
'Aggregate support of annot.objects: adds one poly object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.poly, score float8) (
	SFUNC = annot.objects_poly_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.poly, float8) IS
'The rows'' poly objects as a set for annot.match and annot.coco_eval: image_id, id, label, shape and score';

CREATE FUNCTION annot.objects_poly_transfn(internal, bigint, bigint, text, annot.poly, float8, boolean, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_poly_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_poly_transfn(internal, bigint, bigint, text, annot.poly, float8, boolean, float8) IS
'Aggregate support of annot.objects: adds one poly object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.poly, score float8, iscrowd boolean, area float8) (
	SFUNC = annot.objects_poly_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.poly, float8, boolean, float8) IS
'The rows'' poly objects as a set for annot.match and annot.coco_eval: image_id, id, label, shape, score, COCO iscrowd flag and area (needed for keypoints: OKS uses the ground truth''s area)';

CREATE FUNCTION annot.objects_mask_transfn(internal, bigint, bigint, text, annot.mask) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_mask_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_mask_transfn(internal, bigint, bigint, text, annot.mask) IS
'Aggregate support of annot.objects: adds one mask object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.mask) (
	SFUNC = annot.objects_mask_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.mask) IS
'The rows'' mask objects as a set for annot.match and annot.coco_eval: image_id, id, label and shape; no score, not crowd, no area';

CREATE FUNCTION annot.objects_mask_transfn(internal, bigint, bigint, text, annot.mask, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_mask_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_mask_transfn(internal, bigint, bigint, text, annot.mask, float8) IS
'Aggregate support of annot.objects: adds one mask object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.mask, score float8) (
	SFUNC = annot.objects_mask_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.mask, float8) IS
'The rows'' mask objects as a set for annot.match and annot.coco_eval: image_id, id, label, shape and score';

CREATE FUNCTION annot.objects_mask_transfn(internal, bigint, bigint, text, annot.mask, float8, boolean, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_mask_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_mask_transfn(internal, bigint, bigint, text, annot.mask, float8, boolean, float8) IS
'Aggregate support of annot.objects: adds one mask object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.mask, score float8, iscrowd boolean, area float8) (
	SFUNC = annot.objects_mask_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.mask, float8, boolean, float8) IS
'The rows'' mask objects as a set for annot.match and annot.coco_eval: image_id, id, label, shape, score, COCO iscrowd flag and area (needed for keypoints: OKS uses the ground truth''s area)';

CREATE FUNCTION annot.objects_keypoints_transfn(internal, bigint, bigint, text, annot.keypoints) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_keypoints_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_keypoints_transfn(internal, bigint, bigint, text, annot.keypoints) IS
'Aggregate support of annot.objects: adds one keypoints object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.keypoints) (
	SFUNC = annot.objects_keypoints_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.keypoints) IS
'The rows'' keypoints objects as a set for annot.match and annot.coco_eval: image_id, id, label and shape; no score, not crowd, no area';

CREATE FUNCTION annot.objects_keypoints_transfn(internal, bigint, bigint, text, annot.keypoints, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_keypoints_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_keypoints_transfn(internal, bigint, bigint, text, annot.keypoints, float8) IS
'Aggregate support of annot.objects: adds one keypoints object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.keypoints, score float8) (
	SFUNC = annot.objects_keypoints_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.keypoints, float8) IS
'The rows'' keypoints objects as a set for annot.match and annot.coco_eval: image_id, id, label, shape and score';

CREATE FUNCTION annot.objects_keypoints_transfn(internal, bigint, bigint, text, annot.keypoints, float8, boolean, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'objects_keypoints_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.objects_keypoints_transfn(internal, bigint, bigint, text, annot.keypoints, float8, boolean, float8) IS
'Aggregate support of annot.objects: adds one keypoints object (rows with a null shape add none)';
CREATE AGGREGATE annot.objects(image_id bigint, id bigint, label text, shape annot.keypoints, score float8, iscrowd boolean, area float8) (
	SFUNC = annot.objects_keypoints_transfn,
	STYPE = internal,
	FINALFUNC = annot.objects_finalfn,
	COMBINEFUNC = annot.objects_combinefn,
	SERIALFUNC = annot.objects_serialfn,
	DESERIALFUNC = annot.objects_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.objects(bigint, bigint, text, annot.keypoints, float8, boolean, float8) IS
'The rows'' keypoints objects as a set for annot.match and annot.coco_eval: image_id, id, label, shape, score, COCO iscrowd flag and area (needed for keypoints: OKS uses the ground truth''s area)';

CREATE FUNCTION annot.match(gt annot.objects, dt annot.objects,
	iou_threshold float8 DEFAULT 0.5, method text DEFAULT 'greedy',
	class_aware boolean DEFAULT true, background float8 DEFAULT 0.1,
	sigmas float8[] DEFAULT NULL)
RETURNS TABLE (image_id bigint, gt_id bigint, dt_id bigint, gt_label text,
	dt_label text, iou float8, score float8, outcome text)
AS 'MODULE_PATHNAME', 'match' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000 ROWS 1000;
COMMENT ON FUNCTION annot.match(annot.objects, annot.objects, float8, text, boolean, float8, float8[]) IS
'Matches dt against gt image by image at iou_threshold (OKS for keypoints), greedy in COCO''s order or optimal (Hungarian), per label when class_aware; one row per matched pair or unmatched object with outcome match, localization, classification, both, duplicate, background, missed or ignored (crowd regions); each detection in one row, each non-crowd ground truth the gt_id of one row; null sets are empty';

CREATE FUNCTION annot.voc_ap(gt annot.objects, dt annot.objects,
	iou_threshold float8 DEFAULT 0.5, inclusive boolean DEFAULT false)
RETURNS TABLE (label text, ground_truths bigint, detections bigint, true_positives bigint,
	ap_11 float8, ap_all float8)
AS 'MODULE_PATHNAME', 'voc_ap' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000 ROWS 20;
COMMENT ON FUNCTION annot.voc_ap(annot.objects, annot.objects, float8, boolean) IS
'Pascal VOC average precision per label of two box sets, as the VOC devkit matches (each detection to the ground truth it overlaps most; a second hit is a false positive; crowd counts as difficult): 11-point (VOC 2007) and all-point (VOC 2010+) AP; inclusive uses the devkit''s +1 pixel areas; null sets are empty';

CREATE FUNCTION annot.panoptic_quality(gt annot.objects, pred annot.objects)
RETURNS TABLE (label text, pq float8, sq float8, rq float8, tp bigint, fp bigint, fn bigint)
AS 'MODULE_PATHNAME', 'panoptic_quality' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000 ROWS 20;
COMMENT ON FUNCTION annot.panoptic_quality(annot.objects, annot.objects) IS
'Panoptic quality of predicted segments against ground-truth segments (mask sets, crowd flags), as panopticapi: unique matching at IoU > 0.5 with void pixels left out, crowd and void absorbing false positives; PQ, SQ, RQ and counts per label, then the mean over labels (null label); null sets are empty';

CREATE FUNCTION annot.tide(gt annot.objects, dt annot.objects,
	iou_threshold float8 DEFAULT 0.5, background float8 DEFAULT 0.1)
RETURNS TABLE (error text, dap float8)
AS 'MODULE_PATHNAME', 'tide' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000 ROWS 7;
COMMENT ON FUNCTION annot.tide(annot.objects, annot.objects, float8, float8) IS
'TIDE''s error decomposition from annot.match''s outcomes: the AP at iou_threshold (101-point, mean over labels), then per error type (classification, localization, both, duplicate, background, missed) the AP gained when an oracle fixes those errors; null sets are empty';
