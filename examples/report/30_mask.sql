-- QA report, section 3: masks.
SET search_path = demo, public, annot;
\pset footer off
\echo
\echo '## 3. Masks'
\echo
\echo 'Segmentation masks of the validation images, stored as COCO RLE'
\echo '(bytes include the 40-byte header that caches size, area and box).'
SELECT (SELECT count(*) FROM gold_masks) AS gold_masks,
	(SELECT count(*) FROM annotator_masks) AS annotator_masks,
	(SELECT round(avg(pg_column_size(mask))) FROM annotator_masks) AS avg_bytes,
	(SELECT round(100.0 * sum(pg_column_size(mask)) / sum(octet_length(annot.to_coco(mask)->>'counts')), 1)
		FROM annotator_masks) AS "bytes_%_of_coco_string";

\echo 'Per annotator: each mask against the best-overlapping gold mask of the'
\echo 'same image and class.  Area IoU hides outline errors on large objects;'
\echo 'Boundary IoU (Cheng et al. 2021) compares the bands along the outlines.'
WITH best AS (
	SELECT l.label_id, l.annotator_id, coalesce(m.iou, 0) AS iou, coalesce(m.biou, 0) AS biou
	FROM annotator_masks l
	LEFT JOIN LATERAL (
		SELECT annot.iou(l.mask, g.mask) AS iou, annot.boundary_iou(l.mask, g.mask) AS biou
		FROM gold_masks g
		WHERE g.image_id = l.image_id AND g.category = l.category
			AND annot.bbox(g.mask) && annot.bbox(l.mask)
		ORDER BY annot.iou(l.mask, g.mask) DESC
		LIMIT 1) m ON true
)
SELECT a.name AS annotator, count(*) AS masks,
	round(avg(iou)::numeric, 3) AS mean_iou,
	round(avg(biou)::numeric, 3) AS mean_boundary_iou,
	round(avg((iou >= 0.75)::int)::numeric, 3) AS "share_iou>=.75",
	round(avg((biou < iou - 0.1)::int)::numeric, 3) AS "share_boundary_10pt_below_iou"
FROM best JOIN annotators a USING (annotator_id)
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;

\echo 'Pixel coverage per annotator over all validation images: the union of'
\echo 'their masks against the union of the gold masks of each image.'
WITH gold AS (
	SELECT image_id, annot.union(mask) AS g FROM gold_masks GROUP BY image_id
), drawn AS (
	SELECT image_id, annotator_id, annot.union(mask) AS d
	FROM annotator_masks GROUP BY image_id, annotator_id
)
SELECT a.name AS annotator,
	round((sum(CASE WHEN d.d IS NULL THEN annot.area(g.g) ELSE annot.area(g.g - d.d) END)
		/ sum(annot.area(g.g)))::numeric, 3) AS missed_share,
	round((sum(coalesce(annot.area(d.d - g.g), 0)) / sum(annot.area(g.g)))::numeric, 3) AS extra_share,
	round(avg(coalesce(annot.iou(g.g, d.d), 0))::numeric, 3) AS mean_image_iou
FROM gold g
CROSS JOIN annotators a
LEFT JOIN drawn d ON d.image_id = g.image_id AND d.annotator_id = a.annotator_id
GROUP BY a.annotator_id, a.name ORDER BY a.annotator_id;
