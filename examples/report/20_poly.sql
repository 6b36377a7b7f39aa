-- QA report, section 2: polygons.
SET search_path = demo, public, annot;
\pset footer off
\echo
\echo '## 2. Polygons'
\echo
\echo 'Gold outlines, and every annotator''s tracing of them.'
SELECT (SELECT count(*) FROM gold_polys) AS gold_polygons,
	(SELECT count(*) FROM annotator_polys) AS tracings,
	(SELECT sum(annot.num_points(poly)) FROM annotator_polys) AS points_clicked;

\echo 'Per annotator: exact polygon IoU and Dice against the gold outline'
\echo '(sloppy tracings included: annot never raises on them), and how many'
\echo 'tracings are invalid.'
SELECT a.name AS annotator, count(*) AS tracings,
	round(avg(annot.iou(p.poly, g.poly))::numeric, 3) AS mean_iou,
	round(percentile_cont(0.05) WITHIN GROUP (ORDER BY annot.iou(p.poly, g.poly))::numeric, 3) AS p5_iou,
	round(avg((annot.iou(p.poly, g.poly) >= 0.9)::int)::numeric, 3) AS "share_iou>=.9",
	round(avg(annot.dice(p.poly, g.poly))::numeric, 3) AS mean_dice,
	count(*) FILTER (WHERE NOT annot.is_valid(p.poly)) AS invalid,
	round(avg(p.seconds)::numeric, 1) AS mean_seconds
FROM annotator_polys p
JOIN gold_polys g USING (gold_id)
JOIN annotators a USING (annotator_id)
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;

\echo 'Invalid tracings by reason (annot.is_valid_detail), per annotator.'
SELECT d.reason,
	count(*) FILTER (WHERE a.name = 'ana') AS ana,
	count(*) FILTER (WHERE a.name = 'ben') AS ben,
	count(*) FILTER (WHERE a.name = 'chloe') AS chloe,
	count(*) FILTER (WHERE a.name = 'dev') AS dev,
	count(*) AS total
FROM annotator_polys p
JOIN annotators a USING (annotator_id)
CROSS JOIN LATERAL annot.is_valid_detail(p.poly) d
WHERE NOT d.valid
GROUP BY d.reason ORDER BY total DESC, d.reason;

\echo 'A few of them, with where the problem is.'
SELECT p.label_id, a.name AS annotator, p.slip, annot.is_valid_reason(p.poly) AS reason
FROM annotator_polys p JOIN annotators a USING (annotator_id)
WHERE NOT annot.is_valid(p.poly)
ORDER BY p.label_id LIMIT 5;

\echo 'What a sloppy ring does to COCO''s area: the sum of shoelace areas that'
\echo 'COCO stores (and bins small/medium/large by) against the exact area of'
\echo 'the region; annot.make_valid gives the same region as valid rings.'
SELECT p.slip, count(*) AS tracings,
	round(100 * avg(abs(annot.coco_area(p.poly) - annot.area(p.poly)) / annot.area(p.poly))::numeric, 3)
		AS "mean_coco_error_%",
	round(100 * max(abs(annot.coco_area(p.poly) - annot.area(p.poly)) / annot.area(p.poly))::numeric, 3)
		AS "max_coco_error_%",
	count(*) FILTER (WHERE annot.is_valid(annot.make_valid(p.poly))) AS repaired,
	count(*) FILTER (WHERE abs(annot.area(annot.make_valid(p.poly)) - annot.area(p.poly))
		<= 1e-9 * annot.area(p.poly)) AS same_region_area
FROM annotator_polys p
WHERE NOT annot.is_valid(p.poly)
GROUP BY p.slip ORDER BY p.slip NULLS LAST;
