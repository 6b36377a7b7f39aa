-- since 0.2.0
-- Semantic segmentation quality: aggregates over (ground truth, prediction)
-- class masks

CREATE FUNCTION annot.segmentation_transfn(float8[], annot.mask, annot.mask) RETURNS float8[]
AS 'MODULE_PATHNAME', 'segmentation_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.segmentation_transfn(float8[], annot.mask, annot.mask) IS
'Aggregate support of annot.class_iou and annot.pixel_accuracy: adds a pair''s intersection, ground-truth and predicted pixels';
CREATE FUNCTION annot.segmentation_combinefn(float8[], float8[]) RETURNS float8[]
AS 'MODULE_PATHNAME', 'segmentation_combinefn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.segmentation_combinefn(float8[], float8[]) IS
'Aggregate support of annot.class_iou and annot.pixel_accuracy: adds two partial sums';
CREATE FUNCTION annot.segmentation_iou_final(float8[]) RETURNS float8
AS 'MODULE_PATHNAME', 'segmentation_iou_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.segmentation_iou_final(float8[]) IS
'Aggregate support of annot.class_iou: summed intersection over summed union';
CREATE FUNCTION annot.segmentation_accuracy_final(float8[]) RETURNS float8
AS 'MODULE_PATHNAME', 'segmentation_accuracy_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.segmentation_accuracy_final(float8[]) IS
'Aggregate support of annot.pixel_accuracy: summed intersection over summed ground truth';

CREATE AGGREGATE annot.class_iou(gt annot.mask, pred annot.mask) (
	SFUNC = annot.segmentation_transfn,
	STYPE = float8[],
	FINALFUNC = annot.segmentation_iou_final,
	COMBINEFUNC = annot.segmentation_combinefn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.class_iou(annot.mask, annot.mask) IS
'Semantic segmentation IoU of a class over images: sum of |gt ∩ pred| over sum of |gt ∪ pred|, with per-image class masks (null counts as empty); GROUP BY class for per-class IoU; null when both sides are empty';
CREATE AGGREGATE annot.pixel_accuracy(gt annot.mask, pred annot.mask) (
	SFUNC = annot.segmentation_transfn,
	STYPE = float8[],
	FINALFUNC = annot.segmentation_accuracy_final,
	COMBINEFUNC = annot.segmentation_combinefn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.pixel_accuracy(annot.mask, annot.mask) IS
'Pixel accuracy over per-image class masks of every class: correctly labelled pixels over ground-truth pixels (null counts as empty)';
