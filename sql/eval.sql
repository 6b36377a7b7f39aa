-- annot.coco_eval and its rows: parameters, quirks and bad input
\set gt '{"images": [{"id": 1, "height": 100, "width": 100}, {"id": 2, "height": 100, "width": 100}], "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "area": 400, "iscrowd": 0}, {"id": 2, "image_id": 1, "category_id": 2, "bbox": [50, 50, 40, 40], "area": 1600, "iscrowd": 0}, {"id": 3, "image_id": 2, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0}, {"id": 4, "image_id": 2, "category_id": 1, "bbox": [60, 60, 30, 30], "area": 900, "iscrowd": 1, "ignore": 0}]}'
\set dt '[{"image_id": 1, "category_id": 1, "bbox": [11, 11, 20, 20], "score": 0.9}, {"image_id": 1, "category_id": 2, "bbox": [50, 50, 30, 40], "score": 0.8}, {"image_id": 2, "category_id": 1, "bbox": [0, 0, 10, 12], "score": 0.7}, {"image_id": 2, "category_id": 1, "bbox": [61, 61, 10, 10], "score": 0.95}, {"image_id": 2, "category_id": 1, "bbox": [30, 30, 5, 5], "score": 0.5}]'
SELECT stat, r(value) FROM annot.coco_eval(:'gt', :'dt', 'bbox');
-- parameters: thresholds, maxDets, area ranges, useCats
SELECT stat, r(value) FROM annot.coco_eval(:'gt', :'dt', 'bbox', iou_thresholds => '{0.5,0.75}')
WHERE stat IN ('AP', 'AP50', 'AP75');
SELECT stat, r(value) FROM annot.coco_eval(:'gt', :'dt', 'bbox', max_dets => '{1,2,3}')
WHERE stat IN ('AP', 'AR1', 'AR10', 'AR100');
-- the quirk: stats[0] is taken at maxDets 100; corrected takes the last
SELECT stat, r(value) FROM annot.coco_eval(:'gt', :'dt', 'bbox', max_dets => '{1,2,3}', compat => 'corrected')
WHERE stat = 'AP';
SELECT stat, r(value) FROM annot.coco_eval(:'gt', :'dt', 'bbox',
	area_ranges => '{{0,1e10},{0,500},{500,1000},{1000,1e10}}') WHERE stat IN ('APs', 'APm', 'APl');
SELECT stat, r(value) FROM annot.coco_eval(:'gt', :'dt', 'bbox', use_cats => false) WHERE stat IN ('AP', 'AR100');
-- per category and the precision-recall curve as rows
SELECT category_id, iou_threshold, r(ap) AS ap, r(recall) AS recall
FROM annot.coco_eval_categories(:'gt', :'dt', 'bbox')
WHERE area = 'all' AND max_dets = 100 AND iou_threshold IN (0.5, 0.75) ORDER BY 1, 2;
SELECT category_id, count(*), r(min("precision")) AS min_p, r(max(recall)) AS max_recall
FROM annot.coco_pr_curve(:'gt', :'dt', 'bbox')
WHERE area = 'all' AND max_dets = 100 AND iou_threshold = 0.5 GROUP BY 1 ORDER BY 1;
-- the mean of the per-category APs over thresholds is stats[0]
SELECT r(avg(ap)) = (SELECT r(value) FROM annot.coco_eval(:'gt', :'dt', 'bbox') WHERE stat = 'AP') AS same_ap
FROM annot.coco_eval_categories(:'gt', :'dt', 'bbox') WHERE area = 'all' AND max_dets = 100 AND ap > -1;

-- id 0 quirk: a match to ground truth id 0 counts as none; corrected keeps it
SELECT compat, r(value) FROM unnest(ARRAY['pycocotools', 'corrected']) compat,
	annot.coco_eval(replace(:'gt', '"id": 1, "image_id": 1', '"id": 0, "image_id": 1')::jsonb, :'dt', 'bbox', compat => compat)
WHERE stat = 'AP50' ORDER BY 1;
-- ignore quirk: "ignore": 1 on a non-crowd ground truth is overwritten by iscrowd 0
SELECT compat, r(value) FROM unnest(ARRAY['pycocotools', 'corrected']) compat,
	annot.coco_eval(replace(:'gt', '"area": 100, "iscrowd": 0', '"area": 100, "iscrowd": 0, "ignore": 1')::jsonb,
		replace(:'dt', '[0, 0, 10, 12]', '[0, 0, 10, 10]')::jsonb, 'bbox', compat => compat)
WHERE stat = 'AR100' ORDER BY 1;

-- segm and keypoints on small inputs
SELECT stat, r(value) FROM annot.coco_eval(
	'{"images": [{"id": 1, "height": 10, "width": 10}], "categories": [{"id": 1}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[0,0,6,0,6,6,0,6]], "area": 36, "iscrowd": 0}]}',
	'[{"image_id": 1, "category_id": 1, "segmentation": {"size": [10, 10], "counts": [0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 55]}, "score": 1}]', 'segm')
WHERE stat IN ('AP', 'AP50', 'AP75');
SELECT stat, r(value) FROM annot.coco_eval(
	'{"images": [{"id": 1}], "categories": [{"id": 1}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "keypoints": [10, 10, 2, 20, 20, 2], "num_keypoints": 2, "bbox": [10, 10, 10, 10], "area": 100, "iscrowd": 0}]}',
	'[{"image_id": 1, "category_id": 1, "keypoints": [10, 11, 1, 20, 21, 1], "score": 1}]', 'keypoints', sigmas => '{0.1,0.1}')
WHERE stat IN ('AP', 'AP75');

\set sgt '{"images": [{"id": 1, "height": 100, "width": 100}], "categories": [{"id": 1}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[0,0,6,0,6,6,0,6]], "area": 36, "iscrowd": 0}]}'
-- bad input: each error names the annotation and the field
SELECT outcome(format('SELECT * FROM annot.coco_eval(%L, %L, %L)', g, d, t))
FROM (VALUES
	(:'gt', '[{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3], "score": 1}]', 'bbox'),
	(:'gt', '[{"image_id": 1, "category_id": 1, "bbox": [1, 2, -3, 4], "score": 1}]', 'bbox'),
	(:'gt', '[{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]}]', 'bbox'),
	(:'gt', '[{"image_id": 9, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 1}]', 'bbox'),
	(:'gt', '[{"image_id": 1.5, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 1}]', 'bbox'),
	(:'gt', '[{"image_id": 1, "category_id": "cat", "bbox": [1, 2, 3, 4], "score": 1}]', 'bbox'),
	(:'gt', '[{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4], "score": "high"}]', 'bbox'),
	(:'sgt', '[{"image_id": 1, "category_id": 1, "segmentation": {"size": [100, 100], "counts": "!!"}, "score": 1}]', 'segm'),
	(:'sgt', '[{"image_id": 1, "category_id": 1, "segmentation": {"size": [100, 100], "counts": [5]}, "score": 1}]', 'segm'),
	(:'sgt', '[{"image_id": 1, "category_id": 1, "segmentation": {"counts": [5]}, "score": 1}]', 'segm'),
	(:'sgt', '[{"image_id": 1, "category_id": 1, "segmentation": [[1, 2, 3]], "score": 1}]', 'segm'),
	(:'sgt', '[{"image_id": 1, "category_id": 1, "segmentation": [[1, 2, 3, 4, 5, 6]], "score": 1}]', 'segm'),
	(:'sgt', '[{"image_id": 1, "category_id": 1, "segmentation": {"size": [50, 50], "counts": [2500]}, "score": 1}]', 'segm'),
	(replace(:'sgt', '[[0,0,6,0,6,6,0,6]]', '[[0,0,6]]'), '[]', 'segm'),
	(replace(:'sgt', '"height": 100, ', ''), '[{"image_id": 1, "category_id": 1, "segmentation": {"size": [100, 100], "counts": [10000]}, "score": 1}]', 'segm'),
	(:'gt', '[{"image_id": 1, "category_id": 1, "score": 1}]', 'bbox'),
	(:'gt', '[1]', 'bbox'),
	(:'gt', '{"annotations": 5}', 'bbox'),
	('[]', '[]', 'bbox'),
	('{"images": [{"height": 1}]}', '[]', 'bbox'),
	-- annotations of images the dataset does not list are left out, as pycocotools does
	('{"images": [], "annotations": [{"id": 1, "image_id": 1, "category_id": 1}]}', '[]', 'bbox'),
	('{"images": [{"id": 1}], "categories": [{"id": 1}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1}]}', '[]', 'bbox'),
	('{"images": [{"id": 1}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1e999]}]}', '[]', 'bbox'),
	('{"images": [{"id": 1}] "annotations": []}', '[]', 'bbox'),
	(:'gt', '[{"image_id": 1, "category_id": 1, "keypoints": [1, 2], "score": 1}]', 'keypoints'),
	(:'gt', :'dt', 'keypoints'),
	(:'gt', :'dt', 'masks')
) v(g, d, t);
SELECT outcome(format('SELECT * FROM annot.coco_eval(%L, %L, ''bbox'', %s)', :'gt', :'dt', a))
FROM unnest(ARRAY['iou_thresholds => ''{}''', 'iou_thresholds => ''{1.5}''', 'iou_thresholds => ''{NULL}''',
	'max_dets => ''{1,10}''', 'max_dets => ''{0,1,2}''', 'area_ranges => ''{{0,1}}''',
	'area_ranges => ''{{0,1},{2,1},{0,1},{0,1}}''', 'compat => ''strict''', 'use_cats => NULL',
	'sigmas => ''{-1}''']) a;
SELECT outcome('SELECT * FROM annot.coco_eval(NULL, ''[]'', ''bbox'')');
-- a cancel is honoured while reading large documents (tested in pgTAP)
