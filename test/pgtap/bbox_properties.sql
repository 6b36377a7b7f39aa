-- Properties of box similarity on random boxes (seeded, so reproducible).
BEGIN;
SET search_path = public, annot;
SELECT plan(10);

SELECT setseed(0.42);
CREATE TEMP TABLE pairs AS
SELECT annot.bbox_xywh(x1, y1, w1, h1) AS a, annot.bbox_xywh(x2, y2, w2, h2) AS b
FROM (SELECT random() * 100 AS x1, random() * 100 AS y1,
		random() * 60 AS w1, random() * 60 AS h1,
		random() * 100 AS x2, random() * 100 AS y2,
		random() * 60 AS w2, random() * 60 AS h2
	FROM generate_series(1, 5000)) r;

SELECT is((SELECT count(*) FROM pairs WHERE annot.iou(a, b) <> annot.iou(b, a)), 0::bigint,
	'IoU is symmetric');
SELECT is((SELECT count(*) FROM pairs WHERE NOT annot.iou(a, b) BETWEEN 0 AND 1), 0::bigint,
	'IoU lies in [0,1]');
SELECT is((SELECT count(*) FROM pairs WHERE annot.area(a) > 0 AND annot.iou(a, a) <> 1), 0::bigint,
	'IoU of a non-empty box with itself is 1');
SELECT is((SELECT count(*) FROM pairs WHERE NOT (a && b) AND annot.iou(a, b) <> 0), 0::bigint,
	'disjoint boxes have IoU 0');
SELECT cmp_ok((SELECT count(*) FROM pairs WHERE NOT (a && b)), '>', 100::bigint,
	'the sample has disjoint pairs');
SELECT is((SELECT count(*) FROM pairs WHERE NOT annot.giou(a, b) BETWEEN -1 AND 1), 0::bigint,
	'GIoU lies in [-1,1]');
SELECT is((SELECT count(*) FROM pairs WHERE annot.giou(a, b) > annot.iou(a, b) + 1e-15), 0::bigint,
	'GIoU never exceeds IoU');
SELECT is((SELECT count(*) FROM pairs
	WHERE abs(annot.dice(a, b) - 2 * annot.iou(a, b) / (1 + annot.iou(a, b))) > 1e-12), 0::bigint,
	'Dice = 2 IoU / (1 + IoU)');
SELECT is((SELECT count(*) FROM pairs
	WHERE NOT (annot.cover(a, b) @> a AND annot.cover(a, b) @> b)), 0::bigint,
	'the covering box contains both boxes');
SELECT is((SELECT count(*) FROM pairs
	WHERE a && b AND NOT (annot.intersection(a, b) <@ a AND annot.intersection(a, b) <@ b)), 0::bigint,
	'the intersection lies in both boxes');

SELECT * FROM finish();
ROLLBACK;
