-- QA report: COCO metrics per annotator and Pascal VOC AP.
SET search_path = demo, public, annot;
\pset footer off
\echo
\echo '## COCO metrics per annotator'
\echo
\echo 'Each annotator''s boxes evaluated as COCO evaluates detections against'
\echo 'gold (annot.coco_eval_objects; boxes carry no score, so all count as'
\echo 'score 1 and ties go in id order): AP over IoU .50:.95, AP50, AP75, AR100.'
WITH g AS (SELECT annot.objects(image_id, gold_id, category, box) AS o FROM gold_boxes),
	d AS (SELECT annotator_id, annot.objects(image_id, label_id, category, box) AS o
		FROM annotator_boxes GROUP BY annotator_id)
SELECT a.name AS annotator,
	round(max(e.value) FILTER (WHERE e.stat = 'AP')::numeric, 3) AS ap,
	round(max(e.value) FILTER (WHERE e.stat = 'AP50')::numeric, 3) AS ap50,
	round(max(e.value) FILTER (WHERE e.stat = 'AP75')::numeric, 3) AS ap75,
	round(max(e.value) FILTER (WHERE e.stat = 'AR100')::numeric, 3) AS ar100
FROM g, d JOIN annotators a USING (annotator_id), annot.coco_eval_objects(g.o, d.o) e
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;

\echo 'Pascal VOC mean AP at IoU 0.5 per annotator (the mean over categories of'
\echo 'the all-point and the 11-point AP).'
WITH g AS (SELECT annot.objects(image_id, gold_id, category, box) AS o FROM gold_boxes),
	d AS (SELECT annotator_id, annot.objects(image_id, label_id, category, box) AS o
		FROM annotator_boxes GROUP BY annotator_id)
SELECT a.name AS annotator, round(avg(v.ap_all)::numeric, 3) AS map_all_point,
	round(avg(v.ap_11)::numeric, 3) AS map_11_point
FROM g, d JOIN annotators a USING (annotator_id), annot.voc_ap(g.o, d.o) v
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;
