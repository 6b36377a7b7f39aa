-- Semantic segmentation quality over per-image class masks
CREATE TABLE sem (image_id int, class text, gt annot.mask, pred annot.mask);
-- image 1 (4 x 4): sky is the top half, road the bottom; the prediction
-- shifts the boundary down one row.  Image 2: all road, predicted all road
-- but for one column of "car", a class absent from the ground truth.
INSERT INTO sem VALUES
	(1, 'sky', annot.mask(annot.bbox(0, 0, 4, 2), 4, 4), annot.mask(annot.bbox(0, 0, 4, 3), 4, 4)),
	(1, 'road', annot.mask(annot.bbox(0, 2, 4, 4), 4, 4), annot.mask(annot.bbox(0, 3, 4, 4), 4, 4)),
	(2, 'road', annot.mask(annot.bbox(0, 0, 4, 4), 4, 4), annot.mask(annot.bbox(1, 0, 4, 4), 4, 4)),
	(2, 'car', NULL, annot.mask(annot.bbox(0, 0, 1, 4), 4, 4));
-- per class IoU: sky 8/12, road (4 + 12) / (8 + 16) = 16/24, car 0/4
SELECT class, r(annot.class_iou(gt, pred)) AS iou FROM sem GROUP BY class ORDER BY class;
-- pixel accuracy over all classes: (8 + 4 + 12) / 32
SELECT r(annot.pixel_accuracy(gt, pred)) AS pixel_accuracy FROM sem;
-- mean IoU and frequency-weighted IoU are SQL over the per-class rows
WITH c AS (SELECT class, annot.class_iou(gt, pred) AS iou, sum(annot.area(gt)) AS freq
	FROM sem GROUP BY class)
SELECT r(avg(iou)) AS miou, r(sum(coalesce(freq, 0) * iou) / sum(coalesce(freq, 0))) AS fwiou FROM c;
-- empty groups and classes absent from both sides
SELECT annot.class_iou(gt, pred) IS NULL AS none FROM sem WHERE false;
SELECT annot.class_iou(NULL::annot.mask, NULL::annot.mask) IS NULL AS both_empty;
-- parallel plans give the same sums
CREATE TABLE sem_many AS SELECT i, s.* FROM generate_series(1, 2000) i, sem s;
ANALYZE sem_many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT annot.pixel_accuracy(gt, pred) FROM sem_many;
SELECT class, r(annot.class_iou(gt, pred)) AS iou FROM sem_many GROUP BY class ORDER BY class;
RESET ALL;
-- bad input
SELECT outcome($$SELECT annot.class_iou(annot.mask(annot.bbox(0, 0, 1, 1), 4, 4), annot.mask(annot.bbox(0, 0, 1, 1), 4, 5))$$);
SELECT outcome($$SELECT annot.segmentation_iou_final('{1,2}')$$);
SELECT outcome($$SELECT annot.segmentation_combinefn('{1,2,NULL}', '{1,2,3}')$$);
