-- since 0.2.0
-- COCO JSON in and out

CREATE FUNCTION annot.coco_annotations(doc jsonb)
RETURNS TABLE ("position" integer, id bigint, image_id bigint, category_id bigint, category text,
	iscrowd boolean, area float8, score float8, bbox annot.bbox, poly annot.poly, mask annot.mask,
	keypoints annot.keypoints, num_keypoints integer)
AS 'MODULE_PATHNAME', 'coco_annotations' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10000 ROWS 1000;
COMMENT ON FUNCTION annot.coco_annotations(jsonb) IS
'One row per annotation of a COCO dataset or results list: ids, category and its name, iscrowd, area, score, the box, the segmentation as poly (polygons) or mask (RLE), keypoints; errors name the annotation and field';

CREATE FUNCTION annot.coco_images(doc jsonb)
RETURNS TABLE (id bigint, file_name text, height bigint, width bigint)
AS 'MODULE_PATHNAME', 'coco_images' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10000 ROWS 100;
COMMENT ON FUNCTION annot.coco_images(jsonb) IS
'One row per image of a COCO dataset: id, file name, height, width';

CREATE FUNCTION annot.coco_categories(doc jsonb)
RETURNS TABLE (id bigint, name text, supercategory text)
AS 'MODULE_PATHNAME', 'coco_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10000 ROWS 100;
COMMENT ON FUNCTION annot.coco_categories(jsonb) IS
'One row per category of a COCO dataset: id, name, supercategory';

CREATE FUNCTION annot.coco_result(image_id bigint, category_id bigint, shape annot.bbox, score float8 DEFAULT NULL)
RETURNS jsonb AS 'MODULE_PATHNAME', 'coco_result_bbox' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.coco_result(bigint, bigint, annot.bbox, float8) IS
'A COCO result object {"image_id", "category_id", "bbox": [x, y, w, h], "score"}; jsonb_agg of them is a results list pycocotools loads; null when an id or the shape is null';
CREATE FUNCTION annot.coco_result(image_id bigint, category_id bigint, shape annot.poly, score float8 DEFAULT NULL)
RETURNS jsonb AS 'MODULE_PATHNAME', 'coco_result_poly' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.coco_result(bigint, bigint, annot.poly, float8) IS
'A COCO object {"image_id", "category_id", "segmentation": [[x1, y1, ...]], "score"}; null when an id or the shape is null';
CREATE FUNCTION annot.coco_result(image_id bigint, category_id bigint, shape annot.mask, score float8 DEFAULT NULL)
RETURNS jsonb AS 'MODULE_PATHNAME', 'coco_result_mask' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.coco_result(bigint, bigint, annot.mask, float8) IS
'A COCO result object {"image_id", "category_id", "segmentation": {"size", "counts"}, "score"}; null when an id or the shape is null';
CREATE FUNCTION annot.coco_result(image_id bigint, category_id bigint, shape annot.keypoints, score float8 DEFAULT NULL)
RETURNS jsonb AS 'MODULE_PATHNAME', 'coco_result_keypoints' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.coco_result(bigint, bigint, annot.keypoints, float8) IS
'A COCO result object {"image_id", "category_id", "keypoints": [x1, y1, v1, ...], "score"}; null when an id or the shape is null';
