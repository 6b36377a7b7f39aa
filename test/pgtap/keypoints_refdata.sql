-- Object keypoint similarity against pycocotools 2.0.11 on the one-image
-- person keypoints sample (test/data/coco/keypoints_1img): the OKS matrix
-- of COCOeval.computeOks, the detections ranked by score (stable) and
-- cut at maxDets 20, the ground truths in file order, with COCO's default
-- sigmas.  The arithmetic follows numpy's order (its pairwise sum
-- included); what remains is exp itself: numpy's vectorized exp (AVX-512
-- machines, where the reference was made) and the C library's may differ
-- in the last bit, so values agree within 1e-15 relative.
\set ON_ERROR_STOP 1
\set gt `cat "$ANNOT_REFDATA/coco/keypoints_1img/gt_dataset.json"`
\set dt `cat "$ANNOT_REFDATA/coco/keypoints_1img/dt_dataset.json"`
\set csv `cat "$ANNOT_REFDATA/coco/keypoints_1img/pycocotools_oks.csv"`
BEGIN;
SET search_path = public, annot;
SELECT plan(7);

CREATE TEMP TABLE gt AS
SELECT (a->>'image_id')::bigint AS image_id, (a->>'category_id')::int AS category_id,
	ord - 1 AS gt_index, annot.keypoints(a->'keypoints') AS k,
	(a->>'num_keypoints')::int AS num_keypoints,
	(a->>'area')::float8 AS area, annot.bbox_xywh((a->'bbox'->>0)::float8,
		(a->'bbox'->>1)::float8, (a->'bbox'->>2)::float8, (a->'bbox'->>3)::float8) AS box
FROM jsonb_array_elements((:'gt'::jsonb)->'annotations') WITH ORDINALITY AS t(a, ord);

CREATE TEMP TABLE dt AS
SELECT (d->>'image_id')::bigint AS image_id, (d->>'category_id')::int AS category_id,
	row_number() OVER (PARTITION BY d->>'image_id', d->>'category_id'
		ORDER BY (d->>'score')::float8 DESC, ord) - 1 AS dt_rank,
	annot.keypoints(d->'keypoints') AS k
FROM jsonb_array_elements(:'dt'::jsonb) WITH ORDINALITY AS t(d, ord);

CREATE TEMP TABLE peer AS
SELECT f[1]::bigint AS image_id, f[2]::int AS category_id, f[3]::int AS dt_rank,
	f[4]::int AS gt_index, f[5]::float8 AS oks
FROM (SELECT string_to_array(rtrim(line, E'\r'), ',') AS f
	FROM regexp_split_to_table(:'csv', '\r?\n') WITH ORDINALITY AS l(line, n)
	WHERE n > 1 AND line <> '') s;

CREATE TEMP TABLE ours AS
SELECT dt.image_id, dt.category_id, dt.dt_rank, gt.gt_index,
	annot.oks(dt.k, gt.k, gt.area, gt_box => gt.box) AS oks
FROM dt JOIN gt USING (image_id, category_id);

CREATE TEMP TABLE joined AS
SELECT p.*, o.oks AS ours FROM peer p
JOIN ours o USING (image_id, category_id, dt_rank, gt_index);

SELECT is((SELECT count(*) FROM peer), 280::bigint, 'pycocotools gives 20 x 14 OKS values');
SELECT is((SELECT count(*) FROM joined), 280::bigint, 'each has a value of ours');
SELECT is((SELECT count(*) FROM gt WHERE annot.num_keypoints(k) = num_keypoints), 14::bigint,
	'num_keypoints equals the file''s field');
SELECT cmp_ok((SELECT count(*) FROM gt WHERE annot.num_keypoints(k) = 0), '>', 0::bigint,
	'some ground truths have no labelled keypoint (the box rule applies)');
SELECT is((SELECT count(*) FROM joined
	WHERE abs(ours - oks) <= 1e-15 * greatest(abs(oks), 1e-300)), 280::bigint,
	'OKS equal to pycocotools within 1e-15 relative');
SELECT ok((SELECT count(DISTINCT oks) > 100 AND min(oks) = 0 AND max(oks) > 0.9 FROM peer),
	'the matrix spans zero to near one');
-- the file's keypoints read back exactly through text and jsonb
SELECT is((SELECT count(*) FROM gt WHERE annot.keypoints(annot.to_coco(k)) = k
	AND k::text::annot.keypoints = k), 14::bigint, 'keypoints round-trip');

SELECT * FROM finish();
ROLLBACK;
