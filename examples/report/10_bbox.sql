-- QA report, section 1: boxes.
SET search_path = demo, public, annot;
\pset footer off
\echo
\echo '# annot QA report'
\echo
\echo '## 1. Boxes'
\echo
\echo 'Data set: images, gold objects and labels drawn by each annotator.'
SELECT (SELECT count(*) FROM images) AS images,
	(SELECT count(*) FROM gold_boxes) AS gold_objects,
	(SELECT count(*) FROM annotator_boxes) AS annotator_boxes,
	(SELECT count(*) FROM annotators) AS annotators;

\echo 'Per annotator against gold: boxes matched image by image (COCO''s greedy'
\echo 'order, IoU >= 0.5, same category), every box and gold object one row.'
WITH g AS (SELECT annot.objects(image_id, gold_id, category, box) AS o FROM gold_boxes),
	d AS (SELECT annotator_id, annot.objects(image_id, label_id, category, box) AS o
		FROM annotator_boxes GROUP BY annotator_id),
	m AS (SELECT d.annotator_id, m.* FROM g, d, annot.match(g.o, d.o) m)
SELECT a.name AS annotator, count(dt_id) AS boxes,
	round(count(*) FILTER (WHERE outcome = 'match')::numeric / count(dt_id), 3) AS precision,
	round(count(*) FILTER (WHERE outcome = 'match')::numeric / count(gt_id), 3) AS recall,
	round(2 * count(*) FILTER (WHERE outcome = 'match')::numeric
		/ (count(dt_id) + count(gt_id)), 3) AS f1,
	round(avg(iou) FILTER (WHERE outcome = 'match')::numeric, 3) AS mean_iou
FROM m JOIN annotators a USING (annotator_id)
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;

\echo 'Likely duplicates: two boxes by the same annotator on the same image'
\echo 'with IoU above 0.9.'
SELECT a.name AS annotator, count(*) AS duplicate_pairs
FROM annotator_boxes x
JOIN annotator_boxes y ON y.image_id = x.image_id
	AND y.annotator_id = x.annotator_id AND y.label_id > x.label_id
	AND y.box && x.box
JOIN annotators a ON a.annotator_id = x.annotator_id
WHERE annot.iou(x.box, y.box) > 0.9
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;

\echo 'Boxes reaching outside their image (clipped area below the drawn area).'
SELECT a.name AS annotator, count(*) AS outside,
	round(sum(annot.area(l.box) - coalesce(annot.area(annot.clip(l.box, i.width, i.height)), 0))::numeric, 1)
		AS pixels_outside
FROM annotator_boxes l
JOIN images i USING (image_id)
JOIN annotators a USING (annotator_id)
WHERE NOT l.box <@ annot.bbox(0, 0, i.width, i.height)
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;

\echo 'Import check: box literals of the pending batch that would not load,'
\echo 'by reason (annot.input_error_info, no error raised).'
SELECT e.sql_error_code,
	regexp_replace(e.detail, ' at position [0-9]+| \([-0-9.e+]+\)', '', 'g') AS reason,
	count(*) AS lines, min(b.line) AS first_line
FROM box_import b, annot.input_error_info(b.literal, 'annot.bbox') e
WHERE e.sql_error_code IS NOT NULL
GROUP BY 1, 2 ORDER BY lines DESC, first_line;

\echo 'For the review tool: the least accurate box of each annotator as a'
\echo 'JSON row (boxes serialize as COCO [x, y, width, height]).'
SELECT jsonb_build_object('annotator', a.name, 'label', to_jsonb(w) - 'annotator_id')
	AS worst_label
FROM annotators a
CROSS JOIN LATERAL (
	SELECT l.label_id, l.image_id, l.annotator_id, l.category, l.box AS bbox, g.box AS gold,
		round(annot.iou(l.box, g.box)::numeric, 3) AS iou
	FROM annotator_boxes l JOIN gold_boxes g
		ON g.image_id = l.image_id AND g.box && l.box AND g.category = l.category
	WHERE l.annotator_id = a.annotator_id
	ORDER BY annot.iou(l.box, g.box), l.label_id LIMIT 1) w
ORDER BY a.annotator_id;
