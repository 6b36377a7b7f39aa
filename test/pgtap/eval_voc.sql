-- Pascal VOC AP against the published worked example (test/data/coco/
-- voc_7img: 7 images, 15 ground truths, 24 detections; Padilla et al.):
-- 11-point and all-point AP at IoU 0.1, 0.3, 0.5 and 0.75 with the
-- devkit's inclusive pixel areas, to the published 10 digits.
\set ON_ERROR_STOP 1
\set gt `cat "$ANNOT_REFDATA/coco/voc_7img/coco_gt.json"`
\set dt `cat "$ANNOT_REFDATA/coco/voc_7img/coco_dets.json"`
\set ex `cat "$ANNOT_REFDATA/coco/voc_7img/EXPECTED.json"`
BEGIN;
SET search_path = public, annot;
SELECT plan(5);

CREATE TEMP TABLE sets AS
SELECT (SELECT annot.objects(image_id, id, category_id::text, bbox, NULL, iscrowd, area)
		FROM annot.coco_annotations(:'gt')) AS g,
	(SELECT annot.objects(image_id, position, category_id::text, bbox, score)
		FROM annot.coco_annotations(:'dt')) AS d;

CREATE TEMP TABLE ours AS
SELECT t, v.* FROM sets, unnest(ARRAY[0.1, 0.3, 0.5, 0.75]::float8[]) t,
	annot.voc_ap(sets.g, sets.d, t, inclusive => true) v;
CREATE TEMP TABLE theirs AS
SELECT k::float8 AS t, (:'ex'::jsonb)#>>ARRAY['voc_style_published', 'eleven_point', k] AS ap_11,
	(:'ex'::jsonb)#>>ARRAY['voc_style_published', 'every_point', k] AS ap_all
FROM unnest(ARRAY['0.1', '0.3', '0.5', '0.75']) k;

SELECT is((SELECT count(*) FROM ours), 4::bigint, 'one label, four thresholds');
SELECT is((SELECT ground_truths || '/' || detections FROM ours WHERE t = 0.5), '15/24', '15 ground truths, 24 detections');
SELECT ok((SELECT bool_and(abs(o.ap_11 - th.ap_11::float8) < 1e-10) FROM ours o JOIN theirs th USING (t)),
	'11-point AP equals the published values');
SELECT ok((SELECT bool_and(abs(o.ap_all - th.ap_all::float8) < 1e-10) FROM ours o JOIN theirs th USING (t)),
	'all-point AP equals the published values');
-- the README's numbers at IoU 0.3: 26.84 % and 24.56 %
SELECT is((SELECT round(ap_11::numeric * 100, 2) || ' ' || round(ap_all::numeric * 100, 2) FROM ours WHERE t = 0.3),
	'26.84 24.57', 'the worked example at IoU 0.3');

SELECT * FROM finish();
ROLLBACK;
