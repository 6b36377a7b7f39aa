-- since 0.2.0
-- COCO evaluation from COCO JSON, equal to pycocotools' COCOeval

CREATE FUNCTION annot.coco_eval(gt jsonb, dt jsonb, iou_type text,
	iou_thresholds float8[] DEFAULT NULL, max_dets integer[] DEFAULT NULL,
	area_ranges float8[] DEFAULT NULL, use_cats boolean DEFAULT true,
	compat text DEFAULT 'pycocotools', sigmas float8[] DEFAULT NULL)
RETURNS TABLE (stat text, value float8)
AS 'MODULE_PATHNAME', 'coco_eval' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100000 ROWS 12;
COMMENT ON FUNCTION annot.coco_eval(jsonb, jsonb, text, float8[], integer[], float8[], boolean, text, float8[]) IS
'COCO evaluation of results dt (a list, as loadRes takes it) against the dataset gt for iou_type bbox, segm or keypoints: the 12 summary statistics (10 for keypoints) in COCO''s order, equal to pycocotools 2.0.11; defaults are pycocotools'' parameters; compat => ''corrected'' fixes its quirks';

CREATE FUNCTION annot.coco_eval_categories(gt jsonb, dt jsonb, iou_type text,
	iou_thresholds float8[] DEFAULT NULL, max_dets integer[] DEFAULT NULL,
	area_ranges float8[] DEFAULT NULL, use_cats boolean DEFAULT true,
	compat text DEFAULT 'pycocotools', sigmas float8[] DEFAULT NULL)
RETURNS TABLE (category_id bigint, iou_threshold float8, area text, max_dets integer,
	ap float8, recall float8)
AS 'MODULE_PATHNAME', 'coco_eval_categories' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100000 ROWS 1000;
COMMENT ON FUNCTION annot.coco_eval_categories(jsonb, jsonb, text, float8[], integer[], float8[], boolean, text, float8[]) IS
'Per category, IoU threshold, area range and maxDets: AP (mean interpolated precision over the 101 recall thresholds) and recall, -1 where undefined, as pycocotools'' accumulate leaves them';

CREATE FUNCTION annot.coco_pr_curve(gt jsonb, dt jsonb, iou_type text,
	iou_thresholds float8[] DEFAULT NULL, max_dets integer[] DEFAULT NULL,
	area_ranges float8[] DEFAULT NULL, use_cats boolean DEFAULT true,
	compat text DEFAULT 'pycocotools', sigmas float8[] DEFAULT NULL)
RETURNS TABLE (category_id bigint, iou_threshold float8, area text, max_dets integer,
	recall float8, "precision" float8, score float8)
AS 'MODULE_PATHNAME', 'coco_pr_curve' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100000 ROWS 10000;
COMMENT ON FUNCTION annot.coco_pr_curve(jsonb, jsonb, text, float8[], integer[], float8[], boolean, text, float8[]) IS
'The precision-recall curve: interpolated precision and the score reached at each of the 101 recall thresholds, per category, IoU threshold, area range and maxDets (undefined points left out)';

CREATE FUNCTION annot.coco_eval_objects(gt annot.objects, dt annot.objects, iou_type text DEFAULT NULL,
	iou_thresholds float8[] DEFAULT NULL, max_dets integer[] DEFAULT NULL,
	area_ranges float8[] DEFAULT NULL, use_cats boolean DEFAULT true,
	compat text DEFAULT 'pycocotools', sigmas float8[] DEFAULT NULL)
RETURNS TABLE (stat text, value float8)
AS 'MODULE_PATHNAME', 'coco_eval_objects' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100000 ROWS 12;
COMMENT ON FUNCTION annot.coco_eval_objects(annot.objects, annot.objects, text, float8[], integer[], float8[], boolean, text, float8[]) IS
'COCO evaluation over tables: sets built by annot.objects (boxes as bbox, masks as segm, keypoints with the ground truth''s area), images and labels of both sets, ground truths by id, unscored detections at score 1; groupable by any column that builds the detection sets; null sets are empty';
