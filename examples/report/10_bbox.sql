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

\echo 'Per annotator: each box against the best-overlapping gold box of the'
\echo 'same image (found through the GiST index on gold_boxes.box).'
WITH best AS (
	SELECT l.label_id, l.annotator_id, l.category, m.category AS gold_category,
		coalesce(m.iou, 0) AS iou
	FROM annotator_boxes l
	LEFT JOIN LATERAL (
		SELECT g.category, annot.iou(l.box, g.box) AS iou
		FROM gold_boxes g
		WHERE g.image_id = l.image_id AND g.box && l.box
		ORDER BY annot.iou(l.box, g.box) DESC
		LIMIT 1) m ON true
)
SELECT a.name AS annotator, count(*) AS boxes,
	round(avg(iou)::numeric, 3) AS mean_best_iou,
	round(avg((iou >= 0.5)::int)::numeric, 3) AS "share_iou>=.5",
	round(avg((iou >= 0.75)::int)::numeric, 3) AS "share_iou>=.75",
	count(*) FILTER (WHERE iou >= 0.5 AND category <> gold_category) AS wrong_class,
	count(*) FILTER (WHERE iou < 0.1) AS "stray_iou<.1"
FROM best JOIN annotators a USING (annotator_id)
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
