-- Panoptic quality over segment masks
CREATE TABLE pan_gt (image_id bigint, id bigint, label text, m annot.mask, crowd boolean);
CREATE TABLE pan_pred (image_id bigint, id bigint, label text, m annot.mask);
-- image 1 (10 x 10): person on the left, sky top right, void below the sky
-- image 2: a crowd of people on the left, a dog on the right
INSERT INTO pan_gt VALUES
	(1, 1, 'person', annot.mask(annot.bbox(0, 0, 4, 10), 10, 10), false),
	(1, 2, 'sky', annot.mask(annot.bbox(4, 0, 10, 8), 10, 10), false),
	(2, 3, 'person', annot.mask(annot.bbox(0, 0, 5, 10), 10, 10), true),
	(2, 4, 'dog', annot.mask(annot.bbox(5, 0, 10, 10), 10, 10), false);
INSERT INTO pan_pred VALUES
	-- 40 of 50 pixels on the person, 8 on the sky, 2 on void: IoU 40 / 48
	(1, 11, 'person', annot.mask(annot.bbox(0, 0, 5, 10), 10, 10)),
	-- 40 on the sky, 10 on void: IoU 40 / 48
	(1, 12, 'sky', annot.mask(annot.bbox(5, 0, 10, 10), 10, 10)),
	-- a stray car: a false positive
	(1, 13, 'car', annot.mask(annot.bbox(0, 0, 1, 1), 10, 10)),
	-- inside the crowd region: ignored
	(2, 14, 'person', annot.mask(annot.bbox(0, 0, 3, 3), 10, 10));
SELECT label, r(pq) AS pq, r(sq) AS sq, r(rq) AS rq, tp, fp, fn
FROM (SELECT annot.objects(image_id, id, label, m, NULL, crowd, NULL) AS o FROM pan_gt) g,
	(SELECT annot.objects(image_id, id, label, m) AS o FROM pan_pred) p,
	annot.panoptic_quality(g.o, p.o) ORDER BY label NULLS LAST;
-- a perfect prediction
SELECT label, pq, sq, rq FROM (SELECT annot.objects(image_id, id, label, m, NULL, crowd, NULL) AS o FROM pan_gt) g,
	annot.panoptic_quality(g.o, (SELECT annot.objects(image_id, id, label, m) FROM pan_gt WHERE NOT crowd))
ORDER BY label NULLS LAST;
SELECT count(*) FROM annot.panoptic_quality(NULL, NULL);
SELECT outcome($$SELECT * FROM annot.panoptic_quality((SELECT annot.objects(1, 1, 'a', annot.bbox(0, 0, 1, 1))), NULL)$$);
SELECT outcome($$SELECT * FROM annot.panoptic_quality((SELECT annot.objects(1, 1, 'a', annot.mask(annot.bbox(0, 0, 1, 1), 4, 4))),
	(SELECT annot.objects(1, 2, 'a', annot.mask(annot.bbox(0, 0, 1, 1), 4, 5))))$$);
