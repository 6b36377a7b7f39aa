-- QA report: matching against gold and the error mix.
SET search_path = demo, public, annot;
\pset footer off
\echo
\echo '## Matching against gold: the error mix'
\echo
\echo 'Each annotator box against the gold boxes of its image (IoU >= 0.5,'
\echo 'same category, COCO''s greedy order); what is not a match is classified'
\echo 'after TIDE: localization (right class, IoU 0.1 to 0.5), classification'
\echo '(right place, wrong class), both, duplicate, background (nothing there),'
\echo 'missed (a gold object nobody''s box accounts for).'
CREATE TEMP TABLE match_rows AS
WITH g AS (SELECT annot.objects(image_id, gold_id, category, box) AS o FROM gold_boxes),
	d AS (SELECT annotator_id, annot.objects(image_id, label_id, category, box) AS o
		FROM annotator_boxes GROUP BY annotator_id)
SELECT d.annotator_id, m.* FROM g, d, annot.match(g.o, d.o) m;

SELECT a.name AS annotator,
	count(*) FILTER (WHERE outcome <> 'match') AS errors,
	round(100.0 * count(*) FILTER (WHERE outcome = 'localization')
		/ nullif(count(*) FILTER (WHERE outcome <> 'match'), 0), 1) AS "localization_%",
	round(100.0 * count(*) FILTER (WHERE outcome = 'classification')
		/ nullif(count(*) FILTER (WHERE outcome <> 'match'), 0), 1) AS "classification_%",
	round(100.0 * count(*) FILTER (WHERE outcome = 'both')
		/ nullif(count(*) FILTER (WHERE outcome <> 'match'), 0), 1) AS "both_%",
	round(100.0 * count(*) FILTER (WHERE outcome = 'duplicate')
		/ nullif(count(*) FILTER (WHERE outcome <> 'match'), 0), 1) AS "duplicate_%",
	round(100.0 * count(*) FILTER (WHERE outcome = 'background')
		/ nullif(count(*) FILTER (WHERE outcome <> 'match'), 0), 1) AS "background_%",
	round(100.0 * count(*) FILTER (WHERE outcome = 'missed')
		/ nullif(count(*) FILTER (WHERE outcome <> 'match'), 0), 1) AS "missed_%"
FROM match_rows JOIN annotators a USING (annotator_id)
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;

\echo 'Per category, all annotators: recall and mean IoU of the matches.'
SELECT coalesce(gt_label, dt_label) AS category,
	count(gt_id) AS gold_rows,
	round(count(*) FILTER (WHERE outcome = 'match')::numeric / nullif(count(gt_id), 0), 3) AS recall,
	round(avg(iou) FILTER (WHERE outcome = 'match')::numeric, 3) AS mean_iou
FROM match_rows GROUP BY 1 ORDER BY 1;

\echo 'Greedy against optimal (Hungarian) matching: matches per annotator.'
WITH g AS (SELECT annot.objects(image_id, gold_id, category, box) AS o FROM gold_boxes),
	d AS (SELECT annotator_id, annot.objects(image_id, label_id, category, box) AS o
		FROM annotator_boxes GROUP BY annotator_id)
SELECT a.name AS annotator,
	(SELECT count(*) FROM annot.match(g.o, d.o) m WHERE m.outcome = 'match') AS greedy,
	(SELECT count(*) FROM annot.match(g.o, d.o, method => 'optimal') m
		WHERE m.outcome = 'match') AS optimal
FROM g, d JOIN annotators a USING (annotator_id) ORDER BY a.annotator_id;
DROP TABLE match_rows;
