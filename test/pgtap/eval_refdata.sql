-- annot.coco_eval against pycocotools 2.0.11 on every COCO case with an
-- EXPECTED.json in test/data/coco: val2014_100 (cocoapi's fake bbox and
-- segm results on 100 real val2014 images), detectron2's two images,
-- small_segm (RLE results, polygon results taking loadRes's bbox branch,
-- and boxes), the keypoints sample, and the VOC example at COCO's
-- thresholds and at single thresholds 0.3 and 0.5.  Every statistic must
-- be within 1e-12 of pycocotools' (absolute), -1 exactly where it is -1.
\set ON_ERROR_STOP 1
\set vgt `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_100.json"`
\set vbb `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_fakebbox100_results.json"`
\set vsg `cat "$ANNOT_REFDATA/coco/val2014_100/instances_val2014_fakesegm100_results.json"`
\set vex `cat "$ANNOT_REFDATA/coco/val2014_100/EXPECTED.json"`
\set d2gt `cat "$ANNOT_REFDATA/coco/detectron2_2img/gt_annotations.json"`
\set d2dt `cat "$ANNOT_REFDATA/coco/detectron2_2img/detections.json"`
\set d2ex `cat "$ANNOT_REFDATA/coco/detectron2_2img/EXPECTED.json"`
\set ssgt `cat "$ANNOT_REFDATA/coco/small_segm/gt_dataset.json"`
\set ssdt `cat "$ANNOT_REFDATA/coco/small_segm/dt_dataset.json"`
\set ssrle `cat "$ANNOT_REFDATA/coco/small_segm/dt_dataset_rle_nobbox.json"`
\set ssex `cat "$ANNOT_REFDATA/coco/small_segm/EXPECTED.json"`
\set kgt `cat "$ANNOT_REFDATA/coco/keypoints_1img/gt_dataset.json"`
\set kdt `cat "$ANNOT_REFDATA/coco/keypoints_1img/dt_dataset.json"`
\set kex `cat "$ANNOT_REFDATA/coco/keypoints_1img/EXPECTED.json"`
\set cgt `cat "$ANNOT_REFDATA/coco/voc_7img/coco_gt.json"`
\set cdt `cat "$ANNOT_REFDATA/coco/voc_7img/coco_dets.json"`
\set cex `cat "$ANNOT_REFDATA/coco/voc_7img/EXPECTED.json"`
BEGIN;
SET search_path = public, annot;
SELECT plan(13);

CREATE TEMP TABLE cases (name text, ours float8[], theirs float8[]);
INSERT INTO cases
SELECT 'val2014_100 bbox', (SELECT array_agg(value) FROM annot.coco_eval(:'vgt'::jsonb, :'vbb'::jsonb, 'bbox')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'vex'::jsonb)#>'{bbox,"full_precision (pycocotools 2.0.11 on these files)"}') v)
UNION ALL
SELECT 'val2014_100 segm', (SELECT array_agg(value) FROM annot.coco_eval(:'vgt'::jsonb, :'vsg'::jsonb, 'segm')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'vex'::jsonb)#>'{segm,"full_precision (pycocotools 2.0.11 on these files)"}') v)
UNION ALL
SELECT 'detectron2 bbox', (SELECT array_agg(value) FROM annot.coco_eval(:'d2gt'::jsonb, :'d2dt'::jsonb, 'bbox')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'d2ex'::jsonb)#>'{bbox,pycocotools_2.0.11_recomputed_here}') v)
UNION ALL
SELECT 'detectron2 segm', (SELECT array_agg(value) FROM annot.coco_eval(:'d2gt'::jsonb, :'d2dt'::jsonb, 'segm')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'d2ex'::jsonb)#>'{segm,pycocotools_2.0.11_recomputed_here}') v)
UNION ALL
SELECT 'small_segm RLE results', (SELECT array_agg(value) FROM annot.coco_eval(:'ssgt'::jsonb, :'ssrle'::jsonb, 'segm')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'ssex'::jsonb)#>'{"segm_with_rle_dets_no_bbox (dt_dataset_rle_nobbox.json)",pycocotools_2.0.11_recomputed_here}') v)
UNION ALL
SELECT 'small_segm polygon results with boxes', (SELECT array_agg(value) FROM annot.coco_eval(:'ssgt'::jsonb, :'ssdt'::jsonb, 'segm')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'ssex'::jsonb)#>'{"segm_with_original_polygon_dets (dt_dataset.json; dt area = bbox w*h because loadRes takes the bbox branch)",pycocotools_2.0.11_recomputed_here}') v)
UNION ALL
SELECT 'small_segm bbox', (SELECT array_agg(value) FROM annot.coco_eval(:'ssgt'::jsonb, :'ssdt'::jsonb, 'bbox')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'ssex'::jsonb)#>'{"bbox (dt_dataset.json)",pycocotools_2.0.11_recomputed_here}') v)
UNION ALL
SELECT 'keypoints', (SELECT array_agg(value) FROM annot.coco_eval(:'kgt'::jsonb, :'kdt'::jsonb, 'keypoints')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'kex'::jsonb)->'pycocotools_2.0.11_recomputed_here') v)
UNION ALL
SELECT 'VOC example, COCO thresholds', (SELECT array_agg(value) FROM annot.coco_eval(:'cgt'::jsonb, :'cdt'::jsonb, 'bbox')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'cex'::jsonb)#>'{"coco_style_pycocotools_2.0.11_recomputed_here (continuous IoU, 101-pt)",coco_default,stats}') v)
UNION ALL
SELECT 'VOC example, IoU 0.3', (SELECT array_agg(value) FROM annot.coco_eval(:'cgt'::jsonb, :'cdt'::jsonb, 'bbox', iou_thresholds => '{0.3}')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'cex'::jsonb)#>'{"coco_style_pycocotools_2.0.11_recomputed_here (continuous IoU, 101-pt)",iou0.3_only,stats}') v)
UNION ALL
SELECT 'VOC example, IoU 0.5', (SELECT array_agg(value) FROM annot.coco_eval(:'cgt'::jsonb, :'cdt'::jsonb, 'bbox', iou_thresholds => '{0.5}')),
	(SELECT array_agg(v::text::float8) FROM jsonb_array_elements((:'cex'::jsonb)#>'{"coco_style_pycocotools_2.0.11_recomputed_here (continuous IoU, 101-pt)",iou0.5_only,stats}') v);

SELECT ok(cardinality(ours) = cardinality(theirs) AND cardinality(ours) IN (10, 12)
	AND (SELECT bool_and(abs(o - t) <= 1e-12 AND (o = -1) = (t = -1))
		FROM unnest(ours, theirs) u(o, t)),
	name || ': equal to pycocotools within 1e-12')
FROM cases ORDER BY name;

-- the statistics come in COCO's order with their names
SELECT is((SELECT string_agg(stat, ',') FROM annot.coco_eval(:'d2gt'::jsonb, :'d2dt'::jsonb, 'bbox')),
	'AP,AP50,AP75,APs,APm,APl,AR1,AR10,AR100,ARs,ARm,ARl', 'twelve statistics, named');
SELECT is((SELECT string_agg(stat, ',') FROM annot.coco_eval(:'kgt'::jsonb, :'kdt'::jsonb, 'keypoints')),
	'AP,AP50,AP75,APm,APl,AR,AR50,AR75,ARm,ARl', 'ten for keypoints');

SELECT * FROM finish();
ROLLBACK;
