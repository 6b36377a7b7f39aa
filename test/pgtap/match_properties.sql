-- Properties of annot.match on generated scenes: every detection in one
-- row, every non-crowd ground truth the gt of one row, optimal matching
-- never below greedy in total IoU nor in matches, class-agnostic matching
-- never fewer matched pairs.
\set ON_ERROR_STOP 1
BEGIN;
SET search_path = public, annot;
SELECT plan(7);

SELECT setseed(0.42);
CREATE TEMP TABLE scene AS
SELECT img AS image_id, img * 1000 + k AS id, (ARRAY['a', 'b', 'c'])[1 + (k % 3)] AS label,
	annot.bbox_xywh(x, y, w, h) AS box, random() < 0.05 AS crowd
FROM generate_series(1, 200) img, generate_series(1, 8) k,
	LATERAL (SELECT random() * 200 + k * 0 AS x, random() * 200 AS y,
		10 + random() * 40 AS w, 10 + random() * 40 AS h) p;
CREATE TEMP TABLE dets AS
SELECT image_id, id + 500 AS id,
	CASE WHEN random() < 0.1 THEN 'b' ELSE label END AS label,
	annot.bbox_xywh(annot.x1(box) + (random() - 0.5) * 10, annot.y1(box) + (random() - 0.5) * 10,
		annot.width(box) * (0.8 + random() * 0.4), annot.height(box) * (0.8 + random() * 0.4)) AS box,
	random() AS score
FROM scene WHERE random() < 0.8
UNION ALL
SELECT img, 900000 + img * 10 + k, 'a', annot.bbox_xywh(random() * 200, random() * 200, 20, 20), random()
FROM generate_series(1, 200) img, generate_series(1, 2) k;

CREATE TEMP TABLE sets AS
SELECT (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) FROM scene) AS g,
	(SELECT annot.objects(image_id, id, label, box, score) FROM dets) AS d;

CREATE TEMP TABLE rows AS
SELECT method, aware, m.*
FROM sets, unnest(ARRAY['greedy', 'optimal']) method, unnest(ARRAY[true, false]) aware,
	annot.match(sets.g, sets.d, method => method, class_aware => aware) m;

SELECT is((SELECT count(*) FROM (SELECT method, aware, dt_id FROM rows WHERE dt_id IS NOT NULL
		GROUP BY 1, 2, 3 HAVING count(*) <> 1) x), 0::bigint,
	'every detection is in exactly one row');
SELECT is((SELECT count(*) FROM rows WHERE dt_id IS NOT NULL),
	4 * (SELECT count(*) FROM dets), 'and no detection is left out');
SELECT is((SELECT count(*) FROM (SELECT method, aware, gt_id FROM rows WHERE gt_id IS NOT NULL
		GROUP BY 1, 2, 3 HAVING count(*) <> 1) x), 0::bigint,
	'no ground truth is the gt of two rows');
SELECT is((SELECT count(*) FROM rows WHERE gt_id IS NOT NULL),
	4 * (SELECT count(*) FROM scene WHERE NOT crowd), 'every non-crowd ground truth has its row');
SELECT ok((SELECT bool_and(o.s >= g.s - 1e-9 AND o.n >= g.n)
	FROM (SELECT aware, sum(iou) s, count(*) n FROM rows WHERE method = 'optimal' AND outcome IN ('match', 'classification') AND gt_id IS NOT NULL AND dt_id IS NOT NULL AND iou >= 0.5 GROUP BY aware) o
	JOIN (SELECT aware, sum(iou) s, count(*) n FROM rows WHERE method = 'greedy' AND outcome IN ('match', 'classification') AND gt_id IS NOT NULL AND dt_id IS NOT NULL AND iou >= 0.5 GROUP BY aware) g USING (aware)),
	'optimal matching reaches at least greedy''s total IoU and pairs');
SELECT cmp_ok((SELECT count(*) FROM rows WHERE method = 'greedy' AND NOT aware AND outcome IN ('match', 'classification') AND iou >= 0.5 AND gt_id IS NOT NULL),
	'>=', (SELECT count(*) FROM rows WHERE method = 'greedy' AND aware AND outcome = 'match'),
	'class-agnostic matching pairs at least as many objects');
SELECT ok((SELECT count(DISTINCT outcome) FROM rows WHERE method = 'greedy' AND aware) >= 6,
	'the scene produces most outcomes');

SELECT * FROM finish();
ROLLBACK;
