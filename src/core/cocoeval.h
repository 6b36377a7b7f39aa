/*
 * cocoeval.h -- COCO evaluation exactly as pycocotools 2.0.11's COCOeval
 * (evaluate, accumulate, summarize) computes it, for boxes, segmentation
 * masks and keypoints, with its quirks reproduced by default and fixed on
 * request.
 *
 * The arithmetic follows pycocotools and numpy step by step: thresholds
 * from numpy's linspace, IoU as maskApi computes it, stable (merge) sorts,
 * cumulative sums in order, np.spacing(1) in the precision, searchsorted
 * on the recall thresholds and numpy's pairwise summation in the means,
 * so that the statistics are equal to pycocotools' to the last bits.
 */
#ifndef ANNOT_COCOEVAL_H
#define ANNOT_COCOEVAL_H

#include "annot_core.h"
#include "coco_json.h"
#include "match.h"
#include "rle.h"

typedef enum annot_eval_type
{
	ANNOT_EVAL_BBOX = 0,
	ANNOT_EVAL_SEGM,
	ANNOT_EVAL_KEYPOINTS
} annot_eval_type;

#define ANNOT_EVAL_MAX_THRS 1000
#define ANNOT_EVAL_MAX_MAXDETS 100
#define ANNOT_EVAL_NREC 101
#define ANNOT_EVAL_MAX_AREAS 4

/*
 * Parameters.  Quirks of pycocotools that 'corrected' fixes:
 *  - a ground truth's "ignore" field is overwritten by its iscrowd flag
 *    (corrected: ignored when either is set);
 *  - segmentation results that carry a "bbox" get the box's w*h as their
 *    area, so they fall into the box's size range (corrected: the mask's
 *    area);
 *  - stats[0] is taken at maxDets 100 whatever maxDets are, so a custom
 *    maxDets without 100 gives -1 (corrected: the last maxDets; for
 *    keypoints every statistic is taken at 20 likewise);
 *  - a match to a ground truth whose id is 0 counts as no match (ids are
 *    tested for truth) (corrected: matches are kept by position).
 */
typedef struct annot_eval_params
{
	annot_eval_type type;
	int			niou;
	double		iou_thrs[ANNOT_EVAL_MAX_THRS];
	int			nmaxdets;
	int64_t		maxdets[ANNOT_EVAL_MAX_MAXDETS];
	int			narea;			/* 4 (all, small, medium, large) or 3 for keypoints */
	double		area_rng[ANNOT_EVAL_MAX_AREAS][2];
	bool		use_cats;
	bool		corrected;
	const double *sigmas;		/* keypoints; NULL: COCO's person sigmas */
	int32_t		nsigmas;
} annot_eval_params;

/*
 * pycocotools' defaults for a type: iouThrs linspace(.5, .95, 10),
 * maxDets [1, 10, 100] ([20] for keypoints), area ranges all/small/medium/
 * large ([0, 1e10], [0, 32^2], [32^2, 96^2], [96^2, 1e10]; keypoints:
 * all/medium/large).
 */
void		annot_eval_default_params(annot_eval_type type, annot_eval_params *p);

/* numpy's linspace(start, stop, num) with its endpoint. */
void		annot_np_linspace(double start, double stop, int num, double *out);

/* The labels of the area ranges: "all", "small", "medium", "large". */
const char *annot_eval_area_label(const annot_eval_params *p, int a);

/* The results: pycocotools' eval['precision'], ['recall'], ['scores'] and stats. */
typedef struct annot_eval_result
{
	int			T;
	int			R;
	int			K;
	int			A;
	int			M;
	int64_t    *cat_ids;		/* K categories (one, -1, without useCats) */
	/*
	 * pycocotools' arrays, -1 where undefined; kept in [K][A][M][T][R]
	 * order (each curve contiguous): use the macros below.
	 */
	double	   *precision;
	double	   *recall;			/* [K][A][M][T] */
	double	   *scores;
	int			nstats;			/* 12, or 10 for keypoints */
	double		stats[12];
	const char *stat_names[12];
} annot_eval_result;

#define ANNOT_EVAL_CURVE(res, k, a, m, t) \
	((((size_t) (k) * (res)->A + (a)) * (res)->M + (m)) * (res)->T + (t))
#define ANNOT_EVAL_P(res, t, r, k, a, m) \
	((res)->precision[ANNOT_EVAL_CURVE(res, k, a, m, t) * (res)->R + (r)])
#define ANNOT_EVAL_S(res, t, r, k, a, m) \
	((res)->scores[ANNOT_EVAL_CURVE(res, k, a, m, t) * (res)->R + (r)])
#define ANNOT_EVAL_RC(res, t, k, a, m) \
	((res)->recall[ANNOT_EVAL_CURVE(res, k, a, m, t)])

/*
 * Evaluate a results document (a list, or a dataset whose annotations are
 * taken as results) against a ground-truth dataset, as
 * COCO(gt).loadRes(dt) followed by COCOeval(gt, dt, type) evaluate,
 * accumulate and summarize.  Bad documents are ANNOT_EPARAM naming the
 * annotation and field.  Memory: the decoded geometry of both documents
 * (for segm the masks as runs), an IoU matrix per image and category, and
 * the per-detection match flags; the cancel hook is called per image.
 */
annot_status annot_cocoeval(const annot_coco_doc *gt, const annot_coco_doc *dt,
							const annot_eval_params *p,
							annot_eval_result *res, annot_err *err);

void		annot_eval_result_free(annot_eval_result *res);

/*
 * The documents of an evaluation over object sets (cocoeval_objects.c):
 * gt and dt (one kind: bbox, mask or keypoints, which sets *type) become a
 * dataset and a results list.  Images are those of either set, categories
 * the labels of either set (numeric order when all are integers, else byte
 * order; category ids are their positions), ground truths are listed by
 * (image, id), and a detection without a score counts as score 1.  Polygon
 * sets are ANNOT_EPARAM: COCO rasterizes them, which needs image sizes.
 */
annot_status annot_objsets_to_coco(const annot_objset *gt, const annot_objset *dt,
								   annot_eval_type *type, annot_coco_doc *gdoc,
								   annot_coco_doc *ddoc, annot_err *err);

#endif							/* ANNOT_COCOEVAL_H */
