-- COCO JSON in and out: annotations, images and categories as rows; annot
-- types as COCO objects
\set ds '{"info": {"year": 2024}, "images": [{"id": 7, "file_name": "a.jpg", "height": 20, "width": 30}, {"id": 8}], "categories": [{"id": 1, "name": "cat", "supercategory": "animal"}, {"id": 2, "name": "dog"}], "annotations": [{"id": 1, "image_id": 7, "category_id": 1, "bbox": [1, 2, 3, 4], "area": 12, "iscrowd": 0, "segmentation": [[1, 2, 4, 2, 4, 6]]}, {"id": 2, "image_id": 7, "category_id": 2, "iscrowd": 1, "segmentation": {"size": [20, 30], "counts": [5, 10, 585]}, "area": 10}, {"id": 3, "image_id": 8, "category_id": 1, "keypoints": [1, 2, 2, 3, 4, 0], "num_keypoints": 1}]}'
SELECT * FROM annot.coco_annotations(:'ds');
SELECT * FROM annot.coco_images(:'ds');
SELECT * FROM annot.coco_categories(:'ds');
-- a results list
SELECT position, image_id, category_id, score, bbox, mask IS NULL AS no_mask
FROM annot.coco_annotations('[{"image_id": 7, "category_id": 1, "bbox": [0.5, 1, 2, 3.25], "score": 0.9}]');

-- out: result objects, and a list that reads back to the same rows
SELECT annot.coco_result(7, 1, annot.bbox_xywh(0.1, 0.2, 3, 4), 0.5);
SELECT annot.coco_result(7, 1, '[[1,2,4,2,4,6]]'::annot.poly);
SELECT annot.coco_result(7, 2, annot.mask(annot.bbox(0, 0, 2, 2), 4, 4), 0.25);
SELECT annot.coco_result(8, 1, '[1,2,2,3,4,0]'::annot.keypoints, 1);
SELECT annot.coco_result(NULL, 1, annot.bbox(0, 0, 1, 1)) IS NULL AS null_id;
WITH rows AS (SELECT * FROM annot.coco_annotations(:'ds')),
	back AS (SELECT * FROM annot.coco_annotations((
		SELECT jsonb_agg(annot.coco_result(image_id, category_id, bbox, score) ORDER BY position)
		FROM rows WHERE bbox IS NOT NULL)))
SELECT count(*) AS same_boxes FROM rows JOIN back USING (image_id, category_id, bbox);

-- bad input: errors name the annotation and the field
SELECT outcome(format('SELECT * FROM annot.coco_annotations(%L)', d))
FROM unnest(ARRAY[
	'{"annotations": [{"id": 4, "image_id": 1, "bbox": [0, 0, -1, 1]}]}',
	'{"annotations": [{"id": 4, "image_id": 1, "segmentation": [[0, 0, 1, 1]]}]}',
	'{"annotations": [{"id": 4, "image_id": 1, "segmentation": [[0, 0, 1]]}]}',
	'{"annotations": [{"id": 4, "image_id": 1, "segmentation": {"size": [2, 2], "counts": [3]}}]}',
	'{"annotations": [{"id": 4, "image_id": 1, "segmentation": {"size": [2, 2], "counts": "zz"}}]}',
	'{"annotations": [{"id": 4, "image_id": 1, "keypoints": [1, 2]}]}',
	'{"annotations": [{"id": "4", "image_id": 1}]}',
	'{"images": [{"id": 1, "height": "tall"}]}',
	'{"categories": [{"name": "cat"}]}',
	'{"annotations": {}}',
	'5'
]) d;
