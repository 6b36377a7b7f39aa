/*
 * cocoeval.c -- pycocotools' COCOeval: loadRes, evaluate, accumulate and
 * summarize (cocoeval.py, coco.py and maskApi.c of pycocotools 2.0.11).
 */
#include "cocoeval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "keypoints.h"
#include "match.h"
#include "raster.h"
#include "rle_ops.h"

void
annot_np_linspace(double start, double stop, int num, double *out)
{
	int			div = num - 1;
	double		delta = stop - start;

	if (num <= 0)
		return;
	if (div > 0)
	{
		double		step = delta / div;

		for (int i = 0; i < num; i++)
			out[i] = step == 0 ? (double) i / div * delta + start : i * step + start;
		out[num - 1] = stop;
	}
	else
		out[0] = 0 * delta + start;
}

void
annot_eval_default_params(annot_eval_type type, annot_eval_params *p)
{
	memset(p, 0, sizeof(*p));
	p->type = type;
	p->niou = 10;
	annot_np_linspace(.5, 0.95, 10, p->iou_thrs);
	p->use_cats = true;
	if (type == ANNOT_EVAL_KEYPOINTS)
	{
		p->nmaxdets = 1;
		p->maxdets[0] = 20;
		p->narea = 3;
		p->area_rng[0][0] = 0;
		p->area_rng[0][1] = 1e10;
		p->area_rng[1][0] = 32 * 32;
		p->area_rng[1][1] = 96 * 96;
		p->area_rng[2][0] = 96 * 96;
		p->area_rng[2][1] = 1e10;
	}
	else
	{
		p->nmaxdets = 3;
		p->maxdets[0] = 1;
		p->maxdets[1] = 10;
		p->maxdets[2] = 100;
		p->narea = 4;
		p->area_rng[0][0] = 0;
		p->area_rng[0][1] = 1e10;
		p->area_rng[1][0] = 0;
		p->area_rng[1][1] = 32 * 32;
		p->area_rng[2][0] = 32 * 32;
		p->area_rng[2][1] = 96 * 96;
		p->area_rng[3][0] = 96 * 96;
		p->area_rng[3][1] = 1e10;
	}
}

const char *
annot_eval_area_label(const annot_eval_params *p, int a)
{
	static const char *const four[] = {"all", "small", "medium", "large"};
	static const char *const three[] = {"all", "medium", "large"};

	if (p->type == ANNOT_EVAL_KEYPOINTS)
		return a >= 0 && a < 3 ? three[a] : "?";
	return a >= 0 && a < 4 ? four[a] : "?";
}

/* One object as evaluation sees it, after loadRes and _prepare. */
typedef struct eobj
{
	int64_t		id;
	int64_t		image_id;
	int64_t		category_id;
	double		area;
	double		score;
	bool		crowd;
	bool		ignore;
	int			img;			/* index into the sorted image ids */
	int			cat;			/* index into the sorted category ids */
	uint32_t	order;			/* position in its document */
	const double *bbox;			/* x, y, w, h */
	annot_ivals mask;			/* segm, built when first needed */
	bool		mask_ready;
	const annot_coco_ann *src;	/* where the mask comes from */
	int64_t		src_h;
	int64_t		src_w;
	uint64_t	mask_area;
	uint32_t	mask_box[4];	/* x, y, width, height of the mask */
	const double *kp;			/* keypoints */
	int32_t		nkp;			/* keypoints (triples) */
} eobj;

static int
cmp_i64(const void *a, const void *b)
{
	int64_t		x = *(const int64_t *) a,
				y = *(const int64_t *) b;

	return (x > y) - (x < y);
}

/* Sorted unique values of n ids, annot_alloc'd. */
static int64_t *
sorted_unique(int64_t *v, size_t n, size_t *out_n)
{
	size_t		k = 0;

	qsort(v, n, sizeof(int64_t), cmp_i64);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	*out_n = k;
	return v;
}

static int
find_id(const int64_t *v, size_t n, int64_t id)
{
	size_t		lo = 0,
				hi = n;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == id ? (int) lo : -1;
}

/* The mask of a segmentation as pycocotools' annToRLE makes it. */
static annot_status ann_mask_inner(const annot_coco_ann *a, int64_t h, int64_t w,
								   size_t index, const char *side,
								   annot_ivals *out, annot_err *err);

/* The same, naming the annotation in any failure of the mask code. */
static annot_status
ann_mask(const annot_coco_ann *a, int64_t h, int64_t w, size_t index,
		 const char *side, annot_ivals *out, annot_err *err)
{
	annot_status st = ann_mask_inner(a, h, w, index, side, out, err);

	if (st != ANNOT_OK && err != NULL && strncmp(err->detail, "In ", 3) != 0)
	{
		char		inner[ANNOT_MSG_LEN];

		memcpy(inner, err->detail, sizeof(inner));
		annot_fail(err, st, err->pos, "In %s annotation %zu, \"segmentation\": %.200s",
				   side, index + 1, inner);
	}
	return st;
}

static annot_status
ann_mask_inner(const annot_coco_ann *a, int64_t h, int64_t w, size_t index,
		 const char *side, annot_ivals *out, annot_err *err)
{
	annot_status st;

	switch (a->seg)
	{
		case ANNOT_SEG_POLY:
			if (h < 0 || w < 0)
				return annot_fail(err, ANNOT_EPARAM, -1,
								  "In %s annotation %zu, a polygon needs its image's height and width.",
								  side, index + 1);
			if (a->nrings == 0)
				return annot_fail(err, ANNOT_EPARAM, -1,
								  "In %s annotation %zu, \"segmentation\" is an empty list.",
								  side, index + 1);
			/* frPyObjects reads a list whose first item has 4 numbers as boxes */
			if (a->npts[0] == 2)
			{
				annot_ivals acc,
							one,
							tmp;

				annot_ivals_init(&acc, (uint32_t) h, (uint32_t) w);
				for (uint32_t r = 0; r < a->nrings; r++)
				{
					const double *b = a->xy + 4 * r;

					if (a->npts[r] != 2)
					{
						annot_ivals_free(&acc);
						return annot_fail(err, ANNOT_EPARAM, -1,
										  "In %s annotation %zu, \"segmentation\" mixes boxes and polygons.",
										  side, index + 1);
					}
					st = annot_raster_box(b[0], b[1], b[0] + b[2], b[1] + b[3], h, w, &one, err);
					if (st != ANNOT_OK)
					{
						annot_ivals_free(&acc);
						return st;
					}
					st = annot_ivals_combine(&acc, &one, ANNOT_MASK_OR, &tmp, err);
					annot_ivals_free(&acc);
					annot_ivals_free(&one);
					if (st != ANNOT_OK)
						return st;
					acc = tmp;
				}
				*out = acc;
				return ANNOT_OK;
			}
			for (uint32_t r = 0; r < a->nrings; r++)
				if (a->npts[r] < 3)
					return annot_fail(err, ANNOT_EPARAM, -1,
									  "In %s annotation %zu, a polygon of \"segmentation\" has fewer than 3 points.",
									  side, index + 1);
			return annot_raster_rings(a->xy, a->npts, a->nrings, h, w, out, err);
		case ANNOT_SEG_RLE_STRING:
			return annot_mask_from_coco_string(a->counts, a->counts_len, a->rle_h,
											   a->rle_w, ANNOT_EPARAM, out, err);
		case ANNOT_SEG_RLE_COUNTS:
			{
				annot_mask_builder b;

				st = annot_mask_builder_init(&b, out, a->rle_h, a->rle_w, ANNOT_EPARAM, err);
				for (size_t i = 0; st == ANNOT_OK && i < a->ncounts; i++)
				{
					if (a->xy[i] != floor(a->xy[i]) || fabs(a->xy[i]) > 4e9)
						st = annot_fail(err, ANNOT_EPARAM, -1,
										"In %s annotation %zu, RLE counts must be integers.",
										side, index + 1);
					else
						st = annot_mask_builder_add(&b, (int64_t) a->xy[i], err);
				}
				if (st == ANNOT_OK)
					st = annot_mask_builder_finish(&b, err);
				if (st != ANNOT_OK)
					annot_ivals_free(out);
				return st;
			}
		case ANNOT_SEG_NONE:
			break;
	}
	return annot_fail(err, ANNOT_EPARAM, -1,
					  "In %s annotation %zu, \"segmentation\" is missing.", side, index + 1);
}

/* Everything the evaluation holds. */
typedef struct ectx
{
	const annot_eval_params *p;
	int64_t    *img_ids;
	size_t		nimg;
	int64_t    *cat_ids;
	size_t		ncat;
	eobj	   *gt;
	size_t		ngt;
	eobj	   *dt;
	size_t		ndt;
	double	   *dt_bbox;		/* boxes made by loadRes, 4 per detection */
	int64_t    *img_h;			/* height and width of each sorted image id */
	int64_t    *img_w;
} ectx;

/* Build a ground truth's mask from its annotation, once. */
static annot_status
ensure_mask(eobj *o, annot_err *err)
{
	annot_status st;

	if (o->mask_ready)
		return ANNOT_OK;
	st = ann_mask(o->src, o->src_h, o->src_w, o->order, "ground truth", &o->mask, err);
	if (st != ANNOT_OK)
		return st;
	o->mask_area = annot_ivals_area(&o->mask);
	annot_ivals_bbox(&o->mask, o->mask_box);
	o->mask_ready = true;
	return ANNOT_OK;
}

static void
free_objs(eobj *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		annot_ivals_free(&o[i].mask);
	annot_free(o);
}

/* The ground truth side: _prepare's gts. */
static annot_status
prepare_gt(ectx *c, const annot_coco_doc *gt, annot_err *err)
{
	const annot_eval_params *p = c->p;
	annot_status st;

	c->gt = annot_alloc(sizeof(eobj) * (gt->nanns + 1));
	if (c->gt == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	c->ngt = 0;
	for (size_t i = 0; i < gt->nanns; i++)
	{
		const annot_coco_ann *a = &gt->anns[i];
		eobj	   *o = &c->gt[c->ngt];
		int			img = find_id(c->img_ids, c->nimg, a->image_id);
		int			cat = find_id(c->cat_ids, c->ncat, a->category_id);

		if ((i & 255) == 0)
			annot_check_interrupts();
		/* getAnnIds(imgIds, catIds) keeps only known images and categories */
		if (img < 0 || cat < 0)
			continue;
		memset(o, 0, sizeof(*o));
		o->id = a->id;
		o->image_id = a->image_id;
		o->category_id = a->category_id;
		o->img = img;
		o->cat = cat;
		o->order = (uint32_t) i;
		o->crowd = a->iscrowd;
		/* _prepare: gt['ignore'] is overwritten by iscrowd */
		o->ignore = p->corrected ? (a->ignore || a->iscrowd) : a->iscrowd;
		if (p->type == ANNOT_EVAL_BBOX || p->type == ANNOT_EVAL_KEYPOINTS)
		{
			if (!(a->flags & ANNOT_COCO_HAS_BBOX))
				return annot_fail(err, ANNOT_EPARAM, -1,
								  "In ground truth annotation %zu (id %lld), \"bbox\" is missing.",
								  i + 1, (long long) a->id);
			o->bbox = a->bbox;
		}
		if (p->type == ANNOT_EVAL_SEGM)
		{
			/*
			 * The mask is made when a detection of its image and category
			 * needs it (the result is the same; ground truths nothing is
			 * compared with are not rasterized); the area is needed now.
			 */
			o->src = a;
			o->src_h = c->img_h[img];
			o->src_w = c->img_w[img];
			if (!(a->flags & ANNOT_COCO_HAS_AREA) &&
				(st = ensure_mask(o, err)) != ANNOT_OK)
				return st;
		}
		if (p->type == ANNOT_EVAL_KEYPOINTS)
		{
			int64_t		nk = a->num_keypoints;

			if (a->nkp == 0)
				return annot_fail(err, ANNOT_EPARAM, -1,
								  "In ground truth annotation %zu (id %lld), \"keypoints\" is missing.",
								  i + 1, (long long) a->id);
			o->kp = a->kp;
			o->nkp = (int32_t) (a->nkp / 3);
			if (!(a->flags & ANNOT_COCO_HAS_NUMKP))
			{
				nk = 0;
				for (int32_t k = 0; k < o->nkp; k++)
					nk += a->kp[3 * k + 2] > 0;
			}
			o->ignore = (nk == 0) || o->ignore;
		}
		if (a->flags & ANNOT_COCO_HAS_AREA)
			o->area = a->area;
		else if (p->type == ANNOT_EVAL_SEGM)
			o->area = (double) o->mask_area;	/* made above */
		else
			o->area = a->bbox[2] * a->bbox[3];
		c->ngt++;
	}
	return ANNOT_OK;
}

/* The results side: loadRes, then _prepare's dts. */
static annot_status
prepare_dt(ectx *c, const annot_coco_doc *gt, const annot_coco_doc *dt,
		   annot_err *err)
{
	const annot_eval_params *p = c->p;
	bool		bbox_branch,
				segm_branch;
	annot_status st;

	c->dt = annot_alloc(sizeof(eobj) * (dt->nanns + 1));
	c->dt_bbox = annot_alloc(sizeof(double) * 4 * (dt->nanns + 1));
	if (c->dt == NULL || c->dt_bbox == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	c->ndt = 0;
	if (dt->nanns == 0)
		return ANNOT_OK;
	/* loadRes chooses its branch by the first result */
	bbox_branch = (dt->anns[0].flags & ANNOT_COCO_HAS_BBOX) != 0;
	segm_branch = !bbox_branch && dt->anns[0].seg != ANNOT_SEG_NONE;
	if (!bbox_branch && !segm_branch && dt->anns[0].nkp == 0)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Result 1 has no \"bbox\", \"segmentation\" or \"keypoints\".");
	for (size_t i = 0; i < dt->nanns; i++)
	{
		const annot_coco_ann *a = &dt->anns[i];
		eobj	   *o = &c->dt[c->ndt];
		double	   *bb = c->dt_bbox + 4 * c->ndt;
		int			img = find_id(c->img_ids, c->nimg, a->image_id);
		int			cat = find_id(c->cat_ids, c->ncat, a->category_id);

		if ((i & 255) == 0)
			annot_check_interrupts();
		if (img < 0)
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "Result %zu is for image %lld, which the ground truth does not have.",
							  i + 1, (long long) a->image_id);
		if (!(a->flags & ANNOT_COCO_HAS_SCORE))
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "In result %zu, \"score\" is missing.", i + 1);
		memset(o, 0, sizeof(*o));
		o->id = (int64_t) i + 1;
		o->image_id = a->image_id;
		o->category_id = a->category_id;
		o->score = a->score;
		o->img = img;
		o->cat = cat;
		o->order = (uint32_t) i;
		if (bbox_branch)
		{
			if (!(a->flags & ANNOT_COCO_HAS_BBOX))
				return annot_fail(err, ANNOT_EPARAM, -1,
								  "In result %zu, \"bbox\" is missing (the first result has one).",
								  i + 1);
			memcpy(bb, a->bbox, sizeof(a->bbox));
			o->area = a->bbox[2] * a->bbox[3];
		}
		else if (segm_branch)
		{
			if (a->seg != ANNOT_SEG_RLE_STRING && a->seg != ANNOT_SEG_RLE_COUNTS)
				return annot_fail(err, ANNOT_EPARAM, -1,
								  "In result %zu, \"segmentation\" must be an RLE object.", i + 1);
		}
		else
		{
			double		x0 = INFINITY,
						x1 = -INFINITY,
						y0 = INFINITY,
						y1 = -INFINITY;

			if (a->nkp == 0)
				return annot_fail(err, ANNOT_EPARAM, -1,
								  "In result %zu, \"keypoints\" is missing.", i + 1);
			for (size_t k = 0; k < a->nkp / 3; k++)
			{
				x0 = fmin(x0, a->kp[3 * k]);
				x1 = fmax(x1, a->kp[3 * k]);
				y0 = fmin(y0, a->kp[3 * k + 1]);
				y1 = fmax(y1, a->kp[3 * k + 1]);
			}
			o->area = (x1 - x0) * (y1 - y0);
			bb[0] = x0;
			bb[1] = y0;
			bb[2] = x1 - x0;
			bb[3] = y1 - y0;
		}
		o->bbox = bb;
		if (p->type == ANNOT_EVAL_SEGM && cat >= 0)
		{
			if (a->seg == ANNOT_SEG_NONE)
			{
				/* loadRes drew the box as a polygon */
				annot_coco_ann boxed = *a;
				double		ring[8] = {bb[0], bb[1], bb[0], bb[1] + bb[3],
				bb[0] + bb[2], bb[1] + bb[3], bb[0] + bb[2], bb[1]};
				uint32_t	four = 4;

				boxed.seg = ANNOT_SEG_POLY;
				boxed.nrings = 1;
				boxed.npts = &four;
				boxed.xy = ring;
				st = ann_mask(&boxed, c->img_h[img], c->img_w[img], i,
							  "result", &o->mask, err);
			}
			else
			{
				st = ann_mask(a, c->img_h[img], c->img_w[img], i,
							  "result", &o->mask, err);
			}
			if (st != ANNOT_OK)
			{
				c->ndt++;
				return st;
			}
			o->mask_area = annot_ivals_area(&o->mask);
			annot_ivals_bbox(&o->mask, o->mask_box);
			o->mask_ready = true;
			if (segm_branch || p->corrected)
				o->area = (double) o->mask_area;
		}
		else if (segm_branch)
		{
			/* a segm result evaluated as boxes: loadRes's area and toBbox */
			annot_ivals m;
			uint32_t	b[4];

			st = ann_mask(a, -1, -1, i, "result", &m, err);
			if (st != ANNOT_OK)
				return st;
			o->area = (double) annot_ivals_area(&m);
			if (a->flags & ANNOT_COCO_HAS_BBOX)
				memcpy(bb, a->bbox, sizeof(a->bbox));
			else
			{
				annot_ivals_bbox(&m, b);
				for (int k = 0; k < 4; k++)
					bb[k] = b[k];
			}
			annot_ivals_free(&m);
		}
		if (dt->result_areas && (a->flags & ANNOT_COCO_HAS_AREA))
			o->area = a->area;
		if (p->type == ANNOT_EVAL_KEYPOINTS)
		{
			if (a->nkp == 0)
				return annot_fail(err, ANNOT_EPARAM, -1,
								  "In result %zu, \"keypoints\" is missing.", i + 1);
			o->kp = a->kp;
			o->nkp = (int32_t) (a->nkp / 3);
		}
		c->ndt++;
	}
	return ANNOT_OK;
}

/* maskApi.c bbIou for one pair */
static double
bb_iou(const double *dt, const double *gt, bool crowd)
{
	double		w = fmin(dt[0] + dt[2], gt[0] + gt[2]) - fmax(dt[0], gt[0]);
	double		h,
				i,
				u,
				da,
				ga;

	if (w <= 0)
		return 0;
	h = fmin(dt[1] + dt[3], gt[1] + gt[3]) - fmax(dt[1], gt[1]);
	if (h <= 0)
		return 0;
	i = w * h;
	da = dt[2] * dt[3];
	ga = gt[2] * gt[3];
	u = crowd ? da : da + ga - i;
	return i / u;
}

static annot_status
pair_iou(const ectx *c, const eobj *d, const eobj *g, double *out, annot_err *err)
{
	switch (c->p->type)
	{
		case ANNOT_EVAL_BBOX:
			*out = bb_iou(d->bbox, g->bbox, g->crowd);
			return ANNOT_OK;
		case ANNOT_EVAL_SEGM:
			{
				const uint32_t *a = d->mask_box,
						   *b = g->mask_box;

				/* rleIou computes only pairs whose boxes overlap */
				if (a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] ||
					a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1])
				{
					*out = 0;
					return ANNOT_OK;
				}
				if (d->mask.h != g->mask.h || d->mask.w != g->mask.w)
				{
					*out = -1;	/* maskApi's answer for sizes that differ */
					return ANNOT_OK;
				}
				*out = annot_mask_iou_value(annot_ivals_inter_area(&d->mask, &g->mask),
											d->mask_area, g->mask_area, g->crowd);
				return ANNOT_OK;
			}
		case ANNOT_EVAL_KEYPOINTS:
			{
				const double *sig = c->p->sigmas ? c->p->sigmas : annot_kpts_coco_sigmas;
				int32_t		ns = c->p->sigmas ? c->p->nsigmas : ANNOT_KPTS_COCO_NSIGMAS;

				if (d->nkp != ns || g->nkp != ns)
					return annot_fail(err, ANNOT_EPARAM, -1,
									  "Keypoints of result %lld and ground truth %lld do not have the %d keypoints of the sigmas.",
									  (long long) d->id, (long long) g->id, (int) ns);
				return annot_kpts_oks_xyv(d->kp, g->kp, ns, g->area, sig, g->bbox, out, err);
			}
	}
	return ANNOT_OK;
}

/*
 * The evaluateImg results of one (image, category) group for every area
 * range: the first maxDets[-1] detections' scores, and per area range and
 * threshold their match and ignore flags.
 */
#define F_MATCHED 1
#define F_IGNORED 2

typedef struct egroup
{
	int			img;
	int			nd;
	int		   *npig;			/* [A]: ground truths not ignored */
	double	   *scores;			/* [nd] */
	uint8_t    *flags;			/* [A][T][nd] */
} egroup;

/* Stable sort of indices by key descending (np.argsort(-key, 'mergesort')). */
typedef struct skey
{
	double		key;
	int			index;
} skey;

static int
cmp_skey_desc(const void *a, const void *b)
{
	const skey *x = a,
			   *y = b;

	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* Indices of objects sorted by (image, category or 0, document order). */
typedef struct gkey
{
	int			img;
	int			cat;
	uint32_t	order;
	int			index;
} gkey;

static int
cmp_gkey(const void *a, const void *b)
{
	const gkey *x = a,
			   *y = b;

	if (x->img != y->img)
		return x->img < y->img ? -1 : 1;
	if (x->cat != y->cat)
		return x->cat < y->cat ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static gkey *
group_keys(const eobj *o, size_t n, size_t *nk)
{
	gkey	   *k = annot_alloc(sizeof(gkey) * (n + 1));
	size_t		m = 0;

	if (k == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
	{
		if (o[i].cat < 0)
			continue;
		k[m].img = o[i].img;
		k[m].cat = o[i].cat;
		k[m].order = o[i].order;
		k[m].index = (int) i;
		m++;
	}
	qsort(k, m, sizeof(gkey), cmp_gkey);
	*nk = m;
	return k;
}

/* The statistics of summarize() from the accumulated arrays. */
static double
summarize_one(const annot_eval_result *res, const annot_eval_params *p, bool ap,
			  double iou_thr, bool has_thr, int aind, int64_t maxdets)
{
	int			mind = -1;
	double	   *vals;
	size_t		n = 0,
				cap;
	double		mean;

	for (int m = 0; m < p->nmaxdets; m++)
		if (p->maxdets[m] == maxdets)
		{
			mind = m;
			break;
		}
	if (mind < 0 || aind < 0)
		return -1;
	/*
	 * numpy flattens s[:, :, :, a, m] in (t, r, k) order: place each value
	 * there (NaN marks undefined), then keep the defined ones in order
	 */
	cap = (size_t) res->T * res->R * res->K + 1;
	vals = annot_alloc(sizeof(double) * cap);
	if (vals == NULL)
		return NAN;
	for (int k = 0; k < res->K; k++)
		for (int t = 0; t < res->T; t++)
		{
			bool		use = !has_thr || p->iou_thrs[t] == iou_thr;

			if (ap)
				for (int r = 0; r < res->R; r++)
				{
					double		v = ANNOT_EVAL_P(res, t, r, k, aind, mind);

					vals[((size_t) t * res->R + r) * res->K + k] = use && v > -1 ? v : NAN;
				}
			else
			{
				double		v = ANNOT_EVAL_RC(res, t, k, aind, mind);

				vals[(size_t) t * res->K + k] = use && v > -1 ? v : NAN;
			}
		}
	{
		size_t		total = (size_t) res->T * (ap ? res->R : 1) * res->K;

		for (size_t i = 0; i < total; i++)
			if (!isnan(vals[i]))
				vals[n++] = vals[i];
	}
	mean = n == 0 ? -1 : annot_np_sum(vals, n) / (double) n;
	annot_free(vals);
	return mean;
}

static int
area_index(const annot_eval_params *p, const char *label)
{
	for (int a = 0; a < p->narea; a++)
		if (strcmp(annot_eval_area_label(p, a), label) == 0)
			return a;
	return -1;
}

static void
summarize(annot_eval_result *res, const annot_eval_params *p)
{
	if (p->type == ANNOT_EVAL_KEYPOINTS)
	{
		static const char *const names[] = {"AP", "AP50", "AP75", "APm", "APl",
		"AR", "AR50", "AR75", "ARm", "ARl"};
		int64_t		md = p->corrected ? p->maxdets[p->nmaxdets - 1] : 20;

		res->nstats = 10;
		for (int i = 0; i < 10; i++)
			res->stat_names[i] = names[i];
		for (int ap = 1; ap >= 0; ap--)
		{
			int			o = ap ? 0 : 5;

			res->stats[o + 0] = summarize_one(res, p, ap, 0, false, area_index(p, "all"), md);
			res->stats[o + 1] = summarize_one(res, p, ap, .5, true, area_index(p, "all"), md);
			res->stats[o + 2] = summarize_one(res, p, ap, .75, true, area_index(p, "all"), md);
			res->stats[o + 3] = summarize_one(res, p, ap, 0, false, area_index(p, "medium"), md);
			res->stats[o + 4] = summarize_one(res, p, ap, 0, false, area_index(p, "large"), md);
		}
		return;
	}
	{
		static const char *const names[] = {"AP", "AP50", "AP75", "APs", "APm", "APl",
		"AR1", "AR10", "AR100", "ARs", "ARm", "ARl"};
		int64_t		m2 = p->maxdets[2];

		res->nstats = 12;
		for (int i = 0; i < 12; i++)
			res->stat_names[i] = names[i];
		res->stats[0] = summarize_one(res, p, true, 0, false, area_index(p, "all"),
									  p->corrected ? m2 : 100);
		res->stats[1] = summarize_one(res, p, true, .5, true, area_index(p, "all"), m2);
		res->stats[2] = summarize_one(res, p, true, .75, true, area_index(p, "all"), m2);
		res->stats[3] = summarize_one(res, p, true, 0, false, area_index(p, "small"), m2);
		res->stats[4] = summarize_one(res, p, true, 0, false, area_index(p, "medium"), m2);
		res->stats[5] = summarize_one(res, p, true, 0, false, area_index(p, "large"), m2);
		res->stats[6] = summarize_one(res, p, false, 0, false, area_index(p, "all"), p->maxdets[0]);
		res->stats[7] = summarize_one(res, p, false, 0, false, area_index(p, "all"), p->maxdets[1]);
		res->stats[8] = summarize_one(res, p, false, 0, false, area_index(p, "all"), m2);
		res->stats[9] = summarize_one(res, p, false, 0, false, area_index(p, "small"), m2);
		res->stats[10] = summarize_one(res, p, false, 0, false, area_index(p, "medium"), m2);
		res->stats[11] = summarize_one(res, p, false, 0, false, area_index(p, "large"), m2);
	}
}

static annot_status
check_params(const annot_eval_params *p, annot_err *err)
{
	if (p->niou < 1 || p->niou > ANNOT_EVAL_MAX_THRS)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Between 1 and %d IoU thresholds are needed.", ANNOT_EVAL_MAX_THRS);
	for (int t = 0; t < p->niou; t++)
		if (!(p->iou_thrs[t] >= 0 && p->iou_thrs[t] <= 1))
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "IoU thresholds must lie in [0, 1].");
	if (p->type != ANNOT_EVAL_KEYPOINTS && p->nmaxdets != 3)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Box and segmentation evaluation take 3 maxDets (as [1, 10, 100]).");
	if (p->nmaxdets < 1 || p->nmaxdets > ANNOT_EVAL_MAX_MAXDETS)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Between 1 and %d maxDets are needed.", ANNOT_EVAL_MAX_MAXDETS);
	for (int m = 0; m < p->nmaxdets; m++)
		if (p->maxdets[m] < 1 || p->maxdets[m] > 100000000)
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "maxDets must be positive.");
	for (int a = 0; a < p->narea; a++)
		if (!(p->area_rng[a][0] <= p->area_rng[a][1]))
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "Each area range needs low <= high.");
	return ANNOT_OK;
}

/* Groups of one category in image order, growing by doubling. */
typedef struct glist
{
	egroup	   *g;
	size_t		n;
	size_t		cap;
} glist;

static egroup *
glist_add(glist *l)
{
	if (l->n == l->cap)
	{
		size_t		cap = l->cap ? 2 * l->cap : 16;
		egroup	   *g = annot_realloc(l->g, cap * sizeof(egroup));

		if (g == NULL)
			return NULL;
		l->g = g;
		l->cap = cap;
	}
	memset(&l->g[l->n], 0, sizeof(egroup));
	return &l->g[l->n++];
}

/* Scratch space of one group, grown as needed. */
typedef struct scratch
{
	size_t		dcap;
	size_t		gcap;
	size_t		pcap;
	skey	   *ds;
	int		   *gsort;
	bool	   *gig;
	bool	   *gcrowd;
	int		   *gtm;
	double	   *ious;
	int		   *cand;			/* per detection, candidates in gsort order */
	int		   *ncand;
} scratch;

static bool
scratch_fit(scratch *s, int D, int G)
{
	if ((size_t) D + 1 > s->dcap)
	{
		s->dcap = 2 * ((size_t) D + 1);
		s->ds = annot_realloc(s->ds, sizeof(skey) * s->dcap);
		s->ncand = annot_realloc(s->ncand, sizeof(int) * s->dcap);
		if (!s->ds || !s->ncand)
			return false;
	}
	if ((size_t) G + 1 > s->gcap)
	{
		s->gcap = 2 * ((size_t) G + 1);
		s->gsort = annot_realloc(s->gsort, sizeof(int) * s->gcap);
		s->gig = annot_realloc(s->gig, sizeof(bool) * s->gcap);
		s->gcrowd = annot_realloc(s->gcrowd, sizeof(bool) * s->gcap);
		s->gtm = annot_realloc(s->gtm, sizeof(int) * s->gcap);
		if (!s->gsort || !s->gig || !s->gcrowd || !s->gtm)
			return false;
	}
	if ((size_t) D * G + 1 > s->pcap)
	{
		s->pcap = 2 * ((size_t) D * G + 1);
		s->ious = annot_realloc(s->ious, sizeof(double) * s->pcap);
		s->cand = annot_realloc(s->cand, sizeof(int) * s->pcap);
		if (!s->ious || !s->cand)
			return false;
	}
	return true;
}

static void
scratch_free(scratch *s)
{
	annot_free(s->ds);
	annot_free(s->gsort);
	annot_free(s->gig);
	annot_free(s->gcrowd);
	annot_free(s->gtm);
	annot_free(s->ious);
	annot_free(s->cand);
	annot_free(s->ncand);
}

/*
 * evaluateImg for every area range of one group: ground truths gobj[G] in
 * document order, detections dobj[Dk] already sorted and cut, IoUs in
 * s->ious[d * G + g].
 */
static void
evaluate_group(const annot_eval_params *p, const eobj *const *gobj, int G,
			   const eobj *const *dobj, int Dk, scratch *s, egroup *e)
{
	int			T = p->niou;
	double		tmin = 1;

	for (int t = 0; t < T; t++)
		tmin = fmin(tmin, fmin(p->iou_thrs[t], 1 - 1e-10));
	for (int g = 0; g < G; g++)
		s->gcrowd[g] = gobj[g]->crowd;
	for (int a = 0; a < p->narea; a++)
	{
		uint8_t    *flags = e->flags + (size_t) a * T * Dk;
		int			ng = 0;

		e->npig[a] = 0;
		for (int g = 0; g < G; g++)
		{
			s->gig[g] = gobj[g]->ignore || gobj[g]->area < p->area_rng[a][0] ||
				gobj[g]->area > p->area_rng[a][1];
			e->npig[a] += !s->gig[g];
		}
		/* gtind: not ignored first, stable */
		for (int pass = 0; pass < 2; pass++)
			for (int g = 0; g < G; g++)
				if (s->gig[g] == (pass == 1))
					s->gsort[ng++] = g;

		/*
		 * Only ground truths at or above the lowest threshold can be
		 * matched; scanning just those in gtind order finds what the full
		 * scan finds, its early stop included.
		 */
		for (int d = 0; d < Dk; d++)
		{
			int			n = 0;

			for (int gi = 0; gi < G; gi++)
				if (s->ious[(size_t) d * G + s->gsort[gi]] >= tmin)
					s->cand[(size_t) d * G + n++] = s->gsort[gi];
			s->ncand[d] = n;
		}
		if (G > 0)
			for (int t = 0; t < T; t++)
			{
				double		thr = fmin(p->iou_thrs[t], 1 - 1e-10);

				for (int g = 0; g < G; g++)
					s->gtm[g] = 0;
				for (int d = 0; d < Dk; d++)
				{
					double		iou = thr;
					int			m = -1;
					const int  *cand = s->cand + (size_t) d * G;

					for (int ci = 0; ci < s->ncand[d]; ci++)
					{
						int			g = cand[ci];
						double		v = s->ious[(size_t) d * G + g];

						if (s->gtm[g] && !s->gcrowd[g])
							continue;
						if (m > -1 && !s->gig[m] && s->gig[g])
							break;
						if (v < iou)
							continue;
						iou = v;
						m = g;
					}
					if (m == -1)
						continue;
					if (s->gig[m])
						flags[(size_t) t * Dk + d] |= F_IGNORED;
					/* pycocotools keeps ids and tests them for truth */
					if (p->corrected || gobj[m]->id != 0)
						flags[(size_t) t * Dk + d] |= F_MATCHED;
					s->gtm[m] = p->corrected ? 1 : (dobj[d]->id > 0);
				}
			}
		/* unmatched detections outside the area range are ignored */
		for (int d = 0; d < Dk; d++)
		{
			bool		out = dobj[d]->area < p->area_rng[a][0] ||
				dobj[d]->area > p->area_rng[a][1];

			if (out)
				for (int t = 0; t < T; t++)
					if (!(flags[(size_t) t * Dk + d] & F_MATCHED))
						flags[(size_t) t * Dk + d] |= F_IGNORED;
		}
	}
}

/*
 * accumulate() for one category: the curves of every area range and
 * maxDets.  Detections are concatenated in image order and sorted once per
 * maxDets (the order does not depend on the area range).
 */
static annot_status
accumulate_category(const annot_eval_params *p, const glist *l, int k,
					const double *rec_thrs, annot_eval_result *res,
					annot_err *err)
{
	int			T = p->niou,
				R = ANNOT_EVAL_NREC,
				A = p->narea;
	size_t		tot = 0;
	skey	   *order;
	uint8_t   **fl;
	int		   *fl_nd;
	double	   *sc,
			   *rc,
			   *pr;
	uint8_t    *sorted;
	annot_status st = ANNOT_OK;

	for (size_t i = 0; i < l->n; i++)
		tot += (size_t) l->g[i].nd;
	sorted = annot_alloc((size_t) A * T * tot + 1);
	order = annot_alloc(sizeof(skey) * (tot + 1));
	sc = annot_alloc(sizeof(double) * (tot + 1));
	fl = annot_alloc(sizeof(uint8_t *) * (tot + 1));
	fl_nd = annot_alloc(sizeof(int) * (tot + 1));
	rc = annot_alloc(sizeof(double) * (tot + 1));
	pr = annot_alloc(sizeof(double) * (tot + 1));
	if (!order || !sc || !fl || !fl_nd || !rc || !pr || !sorted)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto done;
	}
	for (int m = 0; m < p->nmaxdets; m++)
	{
		int64_t		maxdet = p->maxdets[m];
		size_t		nd = 0;

		annot_check_interrupts();
		for (size_t i = 0; i < l->n; i++)
		{
			const egroup *e = &l->g[i];
			int			n = e->nd < maxdet ? e->nd : (int) maxdet;

			for (int d = 0; d < n; d++)
			{
				order[nd].key = e->scores[d];
				order[nd].index = (int) nd;
				sc[nd] = e->scores[d];
				fl[nd] = e->flags + d;
				fl_nd[nd] = e->nd;
				nd++;
			}
		}
		qsort(order, nd, sizeof(skey), cmp_skey_desc);
		/* the flags in sorted order, [A][T][nd], read in sequence below */
		for (size_t j = 0; j < nd; j++)
		{
			int			src = order[j].index;

			for (int at = 0; at < A * T; at++)
				sorted[(size_t) at * nd + j] = fl[src][(size_t) at * fl_nd[src]];
		}
		for (int a = 0; a < A; a++)
		{
			long		npig = 0;

			for (size_t i = 0; i < l->n; i++)
				npig += l->g[i].npig[a];
			if (l->n == 0 || npig == 0)
				continue;
			for (int t = 0; t < T; t++)
			{
				double		tp = 0,
							fp = 0;
				size_t		pi = 0;
				double	   *prec = &ANNOT_EVAL_P(res, t, 0, k, a, m);
				double	   *scor = &ANNOT_EVAL_S(res, t, 0, k, a, m);
				const uint8_t *f = sorted + ((size_t) a * T + t) * nd;

				for (size_t j = 0; j < nd; j++)
				{
					if (!(f[j] & F_IGNORED))
					{
						if (f[j] & F_MATCHED)
							tp += 1;
						else
							fp += 1;
					}
					rc[j] = tp / (double) npig;
					pr[j] = tp / (fp + tp + 0x1p-52);
				}
				ANNOT_EVAL_RC(res, t, k, a, m) = nd ? rc[nd - 1] : 0;
				for (size_t j = nd; j-- > 1;)
					if (pr[j] > pr[j - 1])
						pr[j - 1] = pr[j];
				for (int r = 0; r < R; r++)
				{
					/* np.searchsorted(rc, recThrs, side='left') */
					while (pi < nd && rc[pi] < rec_thrs[r])
						pi++;
					if (pi < nd)
					{
						prec[r] = pr[pi];
						scor[r] = sc[order[pi].index];
					}
					else
					{
						/* the rest stay 0, as after pycocotools' IndexError */
						prec[r] = 0;
						scor[r] = 0;
					}
				}
			}
		}
	}
done:
	annot_free(sorted);
	annot_free(order);
	annot_free(sc);
	annot_free(fl);
	annot_free(fl_nd);
	annot_free(rc);
	annot_free(pr);
	return st;
}

annot_status
annot_cocoeval(const annot_coco_doc *gt, const annot_coco_doc *dt,
			   const annot_eval_params *p, annot_eval_result *res,
			   annot_err *err)
{
	ectx		c = {0};
	gkey	   *gk = NULL,
			   *dk = NULL;
	size_t		ngk = 0,
				ndk = 0;
	glist	   *lists = NULL;	/* [K] */
	scratch		s = {0};
	const eobj **gobj = NULL,
			  **dobj = NULL;
	int			T = p->niou,
				R = ANNOT_EVAL_NREC,
				A = p->narea,
				M = p->nmaxdets,
				K = 0;
	int64_t		maxdet_last = p->maxdets[p->nmaxdets - 1];
	double		rec_thrs[ANNOT_EVAL_NREC];
	annot_status st;

	annot_err_about(err, "COCO evaluation", NULL);
	memset(res, 0, sizeof(*res));
	if ((st = check_params(p, err)) != ANNOT_OK)
		return st;
	c.p = p;
	annot_np_linspace(.0, 1.00, ANNOT_EVAL_NREC, rec_thrs);

	/* p.imgIds = sorted(gt images), p.catIds = sorted(gt categories) */
	c.img_ids = annot_alloc(sizeof(int64_t) * (gt->nimages + 1));
	c.cat_ids = annot_alloc(sizeof(int64_t) * (gt->ncats + 1));
	if (!c.img_ids || !c.cat_ids)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	for (size_t i = 0; i < gt->nimages; i++)
		c.img_ids[i] = gt->images[i].id;
	for (size_t i = 0; i < gt->ncats; i++)
		c.cat_ids[i] = gt->cats[i].id;
	sorted_unique(c.img_ids, gt->nimages, &c.nimg);
	sorted_unique(c.cat_ids, gt->ncats, &c.ncat);
	c.img_h = annot_alloc(sizeof(int64_t) * (c.nimg + 1));
	c.img_w = annot_alloc(sizeof(int64_t) * (c.nimg + 1));
	if (!c.img_h || !c.img_w)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	/* as pycocotools' imgs dict, the last image of an id wins */
	for (size_t i = 0; i < gt->nimages; i++)
	{
		int			k = find_id(c.img_ids, c.nimg, gt->images[i].id);

		c.img_h[k] = gt->images[i].height;
		c.img_w[k] = gt->images[i].width;
	}
	if ((st = prepare_gt(&c, gt, err)) != ANNOT_OK)
		goto out;
	if ((st = prepare_dt(&c, gt, dt, err)) != ANNOT_OK)
		goto out;

	K = p->use_cats ? (int) c.ncat : 1;
	res->T = T;
	res->R = R;
	res->K = K;
	res->A = A;
	res->M = M;
	res->cat_ids = annot_alloc(sizeof(int64_t) * (K + 1));
	res->precision = annot_alloc(sizeof(double) * ((size_t) T * R * K * A * M + 1));
	res->scores = annot_alloc(sizeof(double) * ((size_t) T * R * K * A * M + 1));
	res->recall = annot_alloc(sizeof(double) * ((size_t) T * K * A * M + 1));
	lists = annot_alloc(sizeof(glist) * (K + 1));
	gobj = annot_alloc(sizeof(eobj *) * (c.ngt + 1));
	dobj = annot_alloc(sizeof(eobj *) * (c.ndt + 1));
	if (!res->cat_ids || !res->precision || !res->scores || !res->recall ||
		!lists || !gobj || !dobj)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	memset(lists, 0, sizeof(glist) * (K + 1));
	for (int k = 0; k < K; k++)
		res->cat_ids[k] = p->use_cats ? c.cat_ids[k] : -1;
	for (size_t i = 0; i < (size_t) T * R * K * A * M; i++)
		res->precision[i] = res->scores[i] = -1;
	for (size_t i = 0; i < (size_t) T * K * A * M; i++)
		res->recall[i] = -1;

	/* evaluate(): groups of (image, category); without useCats, of images */
	gk = group_keys(c.gt, c.ngt, &ngk);
	dk = group_keys(c.dt, c.ndt, &ndk);
	if (!gk || !dk)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	{
		size_t		a0 = 0,
					b0 = 0;

		while (a0 < ngk || b0 < ndk)
		{
			int			img,
						cat;
			size_t		a1 = a0,
						b1 = b0;
			int			G,
						D,
						Dk;
			egroup	   *e;

			if (a0 < ngk && (b0 >= ndk || gk[a0].img < dk[b0].img ||
							 (gk[a0].img == dk[b0].img &&
							  (!p->use_cats || gk[a0].cat <= dk[b0].cat))))
			{
				img = gk[a0].img;
				cat = gk[a0].cat;
			}
			else
			{
				img = dk[b0].img;
				cat = dk[b0].cat;
			}
			while (a1 < ngk && gk[a1].img == img && (!p->use_cats || gk[a1].cat == cat))
				a1++;
			while (b1 < ndk && dk[b1].img == img && (!p->use_cats || dk[b1].cat == cat))
				b1++;
			if (!p->use_cats)
				cat = 0;
			G = (int) (a1 - a0);
			D = (int) (b1 - b0);
			if ((img & 63) == 0)
				annot_check_interrupts();
			if (!scratch_fit(&s, D, G))
			{
				st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
				goto out;
			}
			/* detections by descending score (stable), cut at maxDets[-1] */
			for (int d = 0; d < D; d++)
			{
				s.ds[d].key = c.dt[dk[b0 + d].index].score;
				s.ds[d].index = d;
			}
			qsort(s.ds, D, sizeof(skey), cmp_skey_desc);
			Dk = D < maxdet_last ? D : (int) maxdet_last;
			for (int d = 0; d < Dk; d++)
				dobj[d] = &c.dt[dk[b0 + s.ds[d].index].index];
			for (int g = 0; g < G; g++)
				gobj[g] = &c.gt[gk[a0 + g].index];

			/* computeIoU: rows detections, columns ground truths in order */
			if (p->type == ANNOT_EVAL_SEGM && Dk > 0)
				for (int g = 0; g < G; g++)
					if ((st = ensure_mask(&c.gt[gk[a0 + g].index], err)) != ANNOT_OK)
						goto out;
			for (int d = 0; d < Dk; d++)
				for (int g = 0; g < G; g++)
				{
					st = pair_iou(&c, dobj[d], gobj[g], &s.ious[(size_t) d * G + g], err);
					if (st != ANNOT_OK)
						goto out;
				}

			e = glist_add(&lists[cat]);
			if (e == NULL)
			{
				st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
				goto out;
			}
			e->img = img;
			e->nd = Dk;
			e->npig = annot_alloc(sizeof(int) * A);
			e->scores = annot_alloc(sizeof(double) * (Dk + 1));
			e->flags = annot_alloc((size_t) A * T * Dk + 1);
			if (!e->npig || !e->scores || !e->flags)
			{
				st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
				goto out;
			}
			memset(e->flags, 0, (size_t) A * T * Dk + 1);
			for (int d = 0; d < Dk; d++)
				e->scores[d] = dobj[d]->score;
			evaluate_group(p, gobj, G, dobj, Dk, &s, e);
			a0 = a1;
			b0 = b1;
		}
	}

	/* accumulate() */
	for (int k = 0; k < K; k++)
		if ((st = accumulate_category(p, &lists[k], k, rec_thrs, res, err)) != ANNOT_OK)
			goto out;
	summarize(res, p);
	st = ANNOT_OK;

out:
	if (lists != NULL)
	{
		for (int k = 0; k < K; k++)
		{
			for (size_t i = 0; i < lists[k].n; i++)
			{
				annot_free(lists[k].g[i].npig);
				annot_free(lists[k].g[i].scores);
				annot_free(lists[k].g[i].flags);
			}
			annot_free(lists[k].g);
		}
		annot_free(lists);
	}
	scratch_free(&s);
	annot_free(gobj);
	annot_free(dobj);
	annot_free(gk);
	annot_free(dk);
	free_objs(c.gt, c.ngt);
	free_objs(c.dt, c.ndt);
	annot_free(c.dt_bbox);
	annot_free(c.img_ids);
	annot_free(c.cat_ids);
	annot_free(c.img_h);
	annot_free(c.img_w);
	if (st != ANNOT_OK)
		annot_eval_result_free(res);
	return st;
}

void
annot_eval_result_free(annot_eval_result *res)
{
	annot_free(res->cat_ids);
	annot_free(res->precision);
	annot_free(res->recall);
	annot_free(res->scores);
	res->cat_ids = NULL;
	res->precision = res->recall = res->scores = NULL;
}
