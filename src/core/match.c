/*
 * match.c -- per-image matching of object sets with TIDE's error
 * taxonomy, and numpy-ordered sums.
 */
#include "match.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hungarian.h"
#include "keypoints.h"
#include "overlap.h"
#include "poly.h"
#include "rle_ops.h"

/* numpy's DOUBLE_pairwise_sum (umath loops_utils), for a stride of 1. */
static double
pairwise_sum(const double *a, size_t n)
{
	if (n < 8)
	{
		double		res = 0.0;

		for (size_t i = 0; i < n; i++)
			res += a[i];
		return res;
	}
	else if (n <= 128)
	{
		double		r[8];
		double		res;
		size_t		i;

		for (int j = 0; j < 8; j++)
			r[j] = a[j];
		for (i = 8; i < n - (n % 8); i += 8)
			for (int j = 0; j < 8; j++)
				r[j] += a[i + j];
		res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
		for (; i < n; i++)
			res += a[i];
		return res;
	}
	else
	{
		size_t		n2 = n / 2;

		n2 -= n2 % 8;
		return pairwise_sum(a, n2) + pairwise_sum(a + n2, n - n2);
	}
}

double
annot_np_sum(const double *a, size_t n)
{
	return 0.0 + pairwise_sum(a, n);
}

/* Matching */

const char *
annot_outcome_name(annot_outcome o)
{
	switch (o)
	{
		case ANNOT_OUT_MATCH:
			return "match";
		case ANNOT_OUT_LOCALIZATION:
			return "localization";
		case ANNOT_OUT_CLASSIFICATION:
			return "classification";
		case ANNOT_OUT_BOTH:
			return "both";
		case ANNOT_OUT_DUPLICATE:
			return "duplicate";
		case ANNOT_OUT_BACKGROUND:
			return "background";
		case ANNOT_OUT_MISSED:
			return "missed";
		case ANNOT_OUT_IGNORED:
			return "ignored";
	}
	return "?";
}

static const uint8_t *
shape_of(const annot_objset *s, const annot_obj_rec *r)
{
	return annot_objset_data(s) + r->shape_off;
}

annot_status
annot_obj_similarity(int kind, const annot_objset *dset, const annot_obj_rec *d,
					 const annot_objset *gset, const annot_obj_rec *g,
					 const annot_match_opts *opts, double *out, annot_err *err)
{
	const uint8_t *ds = shape_of(dset, d);
	const uint8_t *gs = shape_of(gset, g);
	bool		crowd = (g->flags & ANNOT_OBJ_CROWD) != 0;

	switch (kind)
	{
		case ANNOT_OBJ_BBOX:
			{
				annot_bbox	a,
							b;

				memcpy(&a, ds, sizeof(a));
				memcpy(&b, gs, sizeof(b));
				*out = crowd ? annot_bbox_iou_crowd(&a, &b) : annot_bbox_iou(&a, &b);
				return ANNOT_OK;
			}
		case ANNOT_OBJ_POLY:
			{
				const annot_poly *pa = (const annot_poly *) ds;
				const annot_poly *pb = (const annot_poly *) gs;
				annot_rings ra = annot_poly_rings(pa);
				annot_rings rb = annot_poly_rings(pb);
				double		inter;
				annot_status st;

				if (!annot_bbox_overlaps(&pa->bbox, &pb->bbox))
					inter = 0;
				else
				{
					st = annot_rings_intersection_area(&ra, &pa->bbox, &rb, &pb->bbox,
													   &inter, err);
					if (st != ANNOT_OK)
						return st;
				}
				inter = fmin(inter, fmin(pa->area, pb->area));
				*out = crowd ? annot_overlap_crowd_iou(pa->area, inter)
					: annot_overlap_iou(pa->area, pb->area, inter);
				return ANNOT_OK;
			}
		case ANNOT_OBJ_MASK:
			{
				annot_mask_view va,
							vb;
				uint64_t	inter;
				annot_status st;

				st = annot_mask_open(ds + 4, d->shape_len - 4, &va, err);
				if (st == ANNOT_OK)
					st = annot_mask_open(gs + 4, g->shape_len - 4, &vb, err);
				if (st != ANNOT_OK)
					return st;
				if (va.h != vb.h || va.w != vb.w)
				{
					annot_err_about(err, "matching", NULL);
					return annot_fail(err, ANNOT_EPARAM, -1,
									  "Masks of %ux%u and %ux%u pixels in image %lld cannot be compared.",
									  va.h, va.w, vb.h, vb.w, (long long) g->image_id);
				}
				st = annot_mask_inter_area(&va, &vb, &inter, err);
				if (st != ANNOT_OK)
					return st;
				*out = annot_mask_iou_value(inter, va.area, vb.area, crowd);
				return ANNOT_OK;
			}
		case ANNOT_OBJ_KEYPOINTS:
			{
				const annot_kpts *kd = (const annot_kpts *) ds;
				const annot_kpts *kg = (const annot_kpts *) gs;
				const double *sig = opts->sigmas ? opts->sigmas : annot_kpts_coco_sigmas;
				int32_t		nsig = opts->sigmas ? opts->nsigmas : ANNOT_KPTS_COCO_NSIGMAS;

				if (isnan(g->area))
					return annot_fail(err, ANNOT_EPARAM, -1,
									  "Keypoint ground truth %lld needs an area for OKS.",
									  (long long) g->id);
				/* without labelled keypoints and without a box: no similarity */
				if (kg->labelled == 0)
				{
					*out = 0;
					return ANNOT_OK;
				}
				return annot_kpts_oks(kd, kg, g->area, sig, nsig, NULL, out, err);
			}
	}
	return annot_fail(err, ANNOT_EPARAM, -1, "Nothing to compare.");
}

/* Sort keys */

typedef struct sort_ctx_item
{
	int64_t		image_id;
	double		score;			/* -inf for none */
	int64_t		id;
	int32_t		index;
} sort_item;

static int
cmp_gt(const void *a, const void *b)
{
	const sort_item *x = a,
			   *y = b;

	if (x->image_id != y->image_id)
		return x->image_id < y->image_id ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static int
cmp_dt(const void *a, const void *b)
{
	const sort_item *x = a,
			   *y = b;

	if (x->image_id != y->image_id)
		return x->image_id < y->image_id ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static annot_status
sorted_items(const annot_objset *s, bool by_score, sort_item **out,
			 annot_err *err)
{
	sort_item  *it = annot_alloc(sizeof(sort_item) * (s->n ? s->n : 1));

	if (it == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	for (uint32_t i = 0; i < s->n; i++)
	{
		it[i].image_id = s->rec[i].image_id;
		it[i].score = isnan(s->rec[i].score) ? -INFINITY : s->rec[i].score;
		it[i].id = s->rec[i].id;
		it[i].index = (int32_t) i;
	}
	qsort(it, s->n, sizeof(sort_item), by_score ? cmp_dt : cmp_gt);
	*out = it;
	return ANNOT_OK;
}

bool
annot_objset_same_label(const annot_objset *a, const annot_obj_rec *ra,
						const annot_objset *b, const annot_obj_rec *rb)
{
	if (ra->label_len == UINT32_MAX || rb->label_len == UINT32_MAX)
		return ra->label_len == rb->label_len;
	return ra->label_len == rb->label_len &&
		memcmp(annot_objset_data(a) + ra->label_off,
			   annot_objset_data(b) + rb->label_off, ra->label_len) == 0;
}

/* Output rows, grown by doubling. */
typedef struct row_buf
{
	annot_match_row *rows;
	size_t		n;
	size_t		cap;
} row_buf;

static annot_status
emit(row_buf *rb, int64_t image_id, int32_t gt, int32_t dt, double iou,
	 annot_outcome o, annot_err *err)
{
	if (rb->n == rb->cap)
	{
		size_t		cap = rb->cap ? 2 * rb->cap : 256;
		annot_match_row *r = annot_realloc(rb->rows, cap * sizeof(annot_match_row));

		if (r == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		rb->rows = r;
		rb->cap = cap;
	}
	rb->rows[rb->n].image_id = image_id;
	rb->rows[rb->n].gt = gt;
	rb->rows[rb->n].dt = dt;
	rb->rows[rb->n].iou = iou;
	rb->rows[rb->n].outcome = o;
	rb->n++;
	return ANNOT_OK;
}

/* One image's state: nd detections (score order), ng ground truths. */
typedef struct image_ctx
{
	const annot_objset *gset;
	const annot_objset *dset;
	const annot_match_opts *opts;
	int			nd;
	int			ng;
	const int32_t *dix;			/* record index of each detection */
	const int32_t *gix;			/* record index of each ground truth */
	double	   *sim;			/* nd x ng */
	int32_t    *dm;				/* matched ground truth of each detection */
	int32_t    *gm;				/* matched detection of each ground truth */
	bool	   *dign;			/* detection matched a crowd region */
	bool	   *gtaken;			/* ground truth accounted for by a row */
} image_ctx;

#define SIM(c, d, g) ((c)->sim[(size_t) (d) * (c)->ng + (g)])
#define GREC(c, g) (&(c)->gset->rec[(c)->gix[g]])
#define DREC(c, d) (&(c)->dset->rec[(c)->dix[d]])
#define CROWD(c, g) ((GREC(c, g)->flags & ANNOT_OBJ_CROWD) != 0)
#define LABEL_EQ(c, d, g) annot_objset_same_label((c)->dset, DREC(c, d), (c)->gset, GREC(c, g))

/* COCO's evaluateImg matching at one threshold (cocoeval.py). */
static void
match_greedy(image_ctx *c)
{
	double		t = fmin(c->opts->iou_threshold, 1 - 1e-10);

	for (int d = 0; d < c->nd; d++)
	{
		double		iou = t;
		int			m = -1;

		/* ground truths in COCO's order: non-crowd first, then crowd */
		for (int pass = 0; pass < 2; pass++)
			for (int g = 0; g < c->ng; g++)
			{
				bool		crowd = CROWD(c, g);

				if (crowd != (pass == 1))
					continue;
				if (c->opts->class_aware && !LABEL_EQ(c, d, g))
					continue;
				if (c->gm[g] >= 0 && !crowd)
					continue;
				if (m > -1 && !CROWD(c, m) && crowd)
					goto done;
				if (SIM(c, d, g) < iou)
					continue;
				iou = SIM(c, d, g);
				m = g;
			}
done:
		if (m < 0)
			continue;
		if (CROWD(c, m))
		{
			c->dign[d] = true;
			c->dm[d] = m;
		}
		else
		{
			c->dm[d] = m;
			c->gm[m] = d;
		}
	}
}

/*
 * Largest total IoU over pairs at or above the threshold (the Hungarian
 * method on -IoU, pairs below the threshold costing 0), per label when
 * class-aware; then detections left over that cover a crowd region are
 * ignored, as in greedy matching.
 */
static annot_status
match_optimal(image_ctx *c, annot_err *err)
{
	double		t = c->opts->iou_threshold;
	int32_t    *rows = annot_alloc(sizeof(int32_t) * (c->nd + 1));
	int32_t    *cols = annot_alloc(sizeof(int32_t) * (c->ng + 1));
	int32_t    *assign = annot_alloc(sizeof(int32_t) * (c->nd + 1));
	double	   *cost = NULL;
	bool	   *done = annot_alloc(sizeof(bool) * (c->nd + 1));
	annot_status st = ANNOT_OK;

	if (!rows || !cols || !assign || !done)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	cost = annot_alloc(sizeof(double) * ((size_t) c->nd * c->ng + 1));
	if (cost == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	memset(done, 0, sizeof(bool) * (c->nd + 1));
	for (int d0 = 0; d0 < c->nd; d0++)
	{
		int			nr = 0,
					nc = 0;

		if (done[d0])
			continue;
		/* the group of d0: its label, or everything */
		for (int d = d0; d < c->nd; d++)
			if (!done[d] && (!c->opts->class_aware ||
							 annot_objset_same_label(c->dset, DREC(c, d), c->dset, DREC(c, d0))))
			{
				rows[nr++] = d;
				done[d] = true;
			}
		for (int g = 0; g < c->ng; g++)
			if (!CROWD(c, g) && (!c->opts->class_aware || LABEL_EQ(c, d0, g)))
				cols[nc++] = g;
		if (nc == 0)
			continue;
		for (int i = 0; i < nr; i++)
		{
			annot_check_interrupts();
			for (int j = 0; j < nc; j++)
			{
				double		s = SIM(c, rows[i], cols[j]);

				cost[(size_t) i * nc + j] = s >= t ? -s : 0.0;
			}
		}
		st = annot_hungarian(cost, nr, nc, assign, err);
		if (st != ANNOT_OK)
			goto out;
		for (int i = 0; i < nr; i++)
			if (assign[i] >= 0 && SIM(c, rows[i], cols[assign[i]]) >= t)
			{
				c->dm[rows[i]] = cols[assign[i]];
				c->gm[cols[assign[i]]] = rows[i];
			}
	}
	/* crowd regions absorb what is left */
	for (int d = 0; d < c->nd; d++)
	{
		double		best = -1;
		int			m = -1;

		if (c->dm[d] >= 0)
			continue;
		for (int g = 0; g < c->ng; g++)
			if (CROWD(c, g) && (!c->opts->class_aware || LABEL_EQ(c, d, g)) &&
				SIM(c, d, g) >= t && SIM(c, d, g) > best)
			{
				best = SIM(c, d, g);
				m = g;
			}
		if (m >= 0)
		{
			c->dm[d] = m;
			c->dign[d] = true;
		}
	}
out:
	annot_free(rows);
	annot_free(cols);
	annot_free(assign);
	annot_free(cost);
	annot_free(done);
	return st;
}

/* Best similarity of d over non-crowd ground truths passing a filter. */
enum gfilter
{
	G_ALL,
	G_SAME_FREE,				/* same label, not matched */
	G_OTHER,					/* other label */
	G_SAME_USED,				/* same label, matched */
	G_FREE,						/* any label, not matched */
	G_USED						/* any label, matched */
};

static int
best_gt(const image_ctx *c, int d, enum gfilter f, double *best)
{
	int			m = -1;

	*best = NAN;
	for (int g = 0; g < c->ng; g++)
	{
		bool		same,
					used;

		if (CROWD(c, g))
			continue;
		same = LABEL_EQ(c, d, g);
		used = c->gm[g] >= 0;
		if ((f == G_SAME_FREE && (!same || used)) ||
			(f == G_OTHER && same) ||
			(f == G_SAME_USED && (!same || !used)) ||
			(f == G_FREE && used) ||
			(f == G_USED && !used))
			continue;
		if (m < 0 || SIM(c, d, g) > *best)
		{
			*best = SIM(c, d, g);
			m = g;
		}
	}
	return m;
}

/* The row of an unmatched detection d after TIDE's tests, in its order. */
static void
classify(image_ctx *c, int d, int *g_out, double *iou_out, annot_outcome *o_out)
{
	double		t = c->opts->iou_threshold;
	double		bg = c->opts->background;
	double		s;
	int			g;

	if (c->opts->class_aware)
	{
		g = best_gt(c, d, G_SAME_FREE, &s);
		if (g >= 0 && s >= bg && s < t)
		{
			*g_out = g, *iou_out = s, *o_out = ANNOT_OUT_LOCALIZATION;
			return;
		}
		g = best_gt(c, d, G_OTHER, &s);
		if (g >= 0 && s >= t)
		{
			*g_out = g, *iou_out = s, *o_out = ANNOT_OUT_CLASSIFICATION;
			return;
		}
		g = best_gt(c, d, G_SAME_USED, &s);
		if (g >= 0 && s >= t)
		{
			*g_out = g, *iou_out = s, *o_out = ANNOT_OUT_DUPLICATE;
			return;
		}
	}
	else
	{
		g = best_gt(c, d, G_FREE, &s);
		if (g >= 0 && s >= bg && s < t)
		{
			*g_out = g, *iou_out = s;
			*o_out = LABEL_EQ(c, d, g) ? ANNOT_OUT_LOCALIZATION : ANNOT_OUT_BOTH;
			return;
		}
		g = best_gt(c, d, G_USED, &s);
		if (g >= 0 && s >= t)
		{
			*g_out = g, *iou_out = s, *o_out = ANNOT_OUT_DUPLICATE;
			return;
		}
	}
	g = best_gt(c, d, G_ALL, &s);
	if (g < 0 || s <= bg)
	{
		*g_out = -1, *iou_out = s, *o_out = ANNOT_OUT_BACKGROUND;
		return;
	}
	*g_out = g, *iou_out = s;
	*o_out = (!c->opts->class_aware && LABEL_EQ(c, d, g)) ?
		ANNOT_OUT_LOCALIZATION : ANNOT_OUT_BOTH;
}

static annot_status
match_image(image_ctx *c, int64_t image_id, row_buf *rb, annot_err *err)
{
	int			kind = c->gset->kind ? c->gset->kind : c->dset->kind;
	annot_status st;

	for (int d = 0; d < c->nd; d++)
	{
		annot_check_interrupts();
		for (int g = 0; g < c->ng; g++)
		{
			st = annot_obj_similarity(kind, c->dset, DREC(c, d), c->gset,
									  GREC(c, g), c->opts, &SIM(c, d, g), err);
			if (st != ANNOT_OK)
				return st;
		}
	}
	for (int d = 0; d < c->nd; d++)
	{
		c->dm[d] = -1;
		c->dign[d] = false;
	}
	for (int g = 0; g < c->ng; g++)
	{
		c->gm[g] = -1;
		c->gtaken[g] = false;
	}
	if (c->opts->optimal)
	{
		st = match_optimal(c, err);
		if (st != ANNOT_OK)
			return st;
	}
	else
		match_greedy(c);

	for (int d = 0; d < c->nd; d++)
	{
		int32_t		drec = c->dix[d];

		annot_check_interrupts();
		if (c->dign[d])
			st = emit(rb, image_id, -1, drec, SIM(c, d, c->dm[d]), ANNOT_OUT_IGNORED, err);
		else if (c->dm[d] >= 0)
		{
			int			g = c->dm[d];

			c->gtaken[g] = true;
			st = emit(rb, image_id, c->gix[g], drec, SIM(c, d, g),
					  LABEL_EQ(c, d, g) ? ANNOT_OUT_MATCH : ANNOT_OUT_CLASSIFICATION,
					  err);
		}
		else
		{
			int			g;
			double		s;
			annot_outcome o;
			int32_t		grec = -1;

			classify(c, d, &g, &s, &o);
			if (g >= 0 && o != ANNOT_OUT_DUPLICATE && c->gm[g] < 0 && !c->gtaken[g])
			{
				c->gtaken[g] = true;
				grec = c->gix[g];
			}
			st = emit(rb, image_id, grec, drec, s, o, err);
		}
		if (st != ANNOT_OK)
			return st;
	}
	for (int g = 0; g < c->ng; g++)
		if (!CROWD(c, g) && !c->gtaken[g])
		{
			st = emit(rb, image_id, c->gix[g], -1, NAN, ANNOT_OUT_MISSED, err);
			if (st != ANNOT_OK)
				return st;
		}
	return ANNOT_OK;
}

annot_status
annot_match_sets(const annot_objset *gt, const annot_objset *dt,
				 const annot_match_opts *opts,
				 annot_match_row **rows, size_t *nrows, annot_err *err)
{
	sort_item  *gi = NULL,
			   *di = NULL;
	row_buf		rb = {0};
	image_ctx	c = {0};
	int32_t    *gix = NULL,
			   *dix = NULL;
	annot_status st;
	uint32_t	a = 0,
				b = 0;

	annot_err_about(err, "matching", NULL);
	*rows = NULL;
	*nrows = 0;
	if (gt->kind != 0 && dt->kind != 0 && gt->kind != dt->kind)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Ground truth holds %s objects and detections %s objects.",
						  annot_obj_kind_name(gt->kind), annot_obj_kind_name(dt->kind));
	if (!(opts->iou_threshold >= 0 && opts->iou_threshold <= 1) ||
		!(opts->background >= 0 && opts->background <= opts->iou_threshold))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Thresholds must satisfy 0 <= background <= iou_threshold <= 1.");
	st = sorted_items(gt, false, &gi, err);
	if (st == ANNOT_OK)
		st = sorted_items(dt, true, &di, err);
	if (st != ANNOT_OK)
		goto out;
	gix = annot_alloc(sizeof(int32_t) * (gt->n + 1));
	dix = annot_alloc(sizeof(int32_t) * (dt->n + 1));
	if (!gix || !dix)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	c.gset = gt;
	c.dset = dt;
	c.opts = opts;
	while (a < gt->n || b < dt->n)
	{
		int64_t		img;
		uint32_t	a1 = a,
					b1 = b;
		size_t		pairs;

		if (a < gt->n && (b >= dt->n || gi[a].image_id <= di[b].image_id))
			img = gi[a].image_id;
		else
			img = di[b].image_id;
		while (a1 < gt->n && gi[a1].image_id == img)
			gix[a1 - a] = gi[a1].index, a1++;
		while (b1 < dt->n && di[b1].image_id == img)
			dix[b1 - b] = di[b1].index, b1++;
		c.ng = (int) (a1 - a);
		c.nd = (int) (b1 - b);
		c.gix = gix;
		c.dix = dix;
		pairs = (size_t) c.ng * c.nd;
		if (pairs > ANNOT_MATCH_MAX_PAIRS)
		{
			st = annot_fail(err, ANNOT_ELIMIT, -1,
							"Image %lld has %d ground truths and %d detections; at most %zu pairs are compared in one image.",
							(long long) img, c.ng, c.nd, ANNOT_MATCH_MAX_PAIRS);
			goto out;
		}
		c.sim = annot_realloc(c.sim, sizeof(double) * (pairs + 1));
		c.dm = annot_realloc(c.dm, sizeof(int32_t) * (c.nd + 1));
		c.dign = annot_realloc(c.dign, sizeof(bool) * (c.nd + 1));
		c.gm = annot_realloc(c.gm, sizeof(int32_t) * (c.ng + 1));
		c.gtaken = annot_realloc(c.gtaken, sizeof(bool) * (c.ng + 1));
		if (!c.sim || !c.dm || !c.dign || !c.gm || !c.gtaken)
		{
			st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
			goto out;
		}
		st = match_image(&c, img, &rb, err);
		if (st != ANNOT_OK)
			goto out;
		a = a1;
		b = b1;
	}
	*rows = rb.rows;
	*nrows = rb.n;
	rb.rows = NULL;
out:
	annot_free(rb.rows);
	annot_free(gi);
	annot_free(di);
	annot_free(gix);
	annot_free(dix);
	annot_free(c.sim);
	annot_free(c.dm);
	annot_free(c.dign);
	annot_free(c.gm);
	annot_free(c.gtaken);
	return st;
}
