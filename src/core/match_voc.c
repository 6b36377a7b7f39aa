/*
 * match_voc.c -- Pascal VOC average precision per label over object sets:
 * the VOC devkit's matching (each detection, by descending score, goes to
 * the ground truth it overlaps most; a hit on one already taken is a false
 * positive) and its two APs: the 11-point interpolation of VOC 2007 and
 * the area under the precision envelope of VOC 2010 onwards.
 */
#include "match.h"
#include "cocoeval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct vdet
{
	double		score;
	int64_t		id;
	uint32_t	index;
} vdet;

static int
cmp_vdet(const void *a, const void *b)
{
	const vdet *x = a,
			   *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* IoU of two boxes, continuous or with the devkit's inclusive pixels (+1). */
static double
voc_iou(const annot_bbox *a, const annot_bbox *b, bool inclusive)
{
	double		e = inclusive ? 1 : 0;
	double		iw = fmin(a->x2, b->x2) - fmax(a->x1, b->x1) + e;
	double		ih = fmin(a->y2, b->y2) - fmax(a->y1, b->y1) + e;
	double		inter,
				uni;

	if (iw <= 0 || ih <= 0)
		return 0;
	inter = iw * ih;
	uni = (a->x2 - a->x1 + e) * (a->y2 - a->y1 + e) +
		(b->x2 - b->x1 + e) * (b->y2 - b->y1 + e) - inter;
	return uni > 0 ? inter / uni : 0;
}

/* Ground truths in image order, for a binary search per detection. */
typedef struct gref
{
	int64_t		image_id;
	uint32_t	index;
} gref;

static int
cmp_gref(const void *a, const void *b)
{
	const gref *x = a,
			   *y = b;

	if (x->image_id != y->image_id)
		return x->image_id < y->image_id ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static size_t
first_of_image(const gref *g, size_t n, int64_t image_id)
{
	size_t		lo = 0,
				hi = n;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (g[mid].image_id < image_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static annot_bbox
box_of(const annot_objset *s, const annot_obj_rec *r)
{
	annot_bbox	b;

	memcpy(&b, annot_objset_data(s) + r->shape_off, sizeof(b));
	return b;
}

/* The two APs from a precision-recall sequence of n points. */
static void
voc_aps(const double *rec, const double *prec, size_t n, double *ap11,
		double *apall, double *mpre)
{
	double		s = 0;

	double		pts[11];

	/*
	 * VOC 2007: the mean of the best precision at recall >= t for t = 0,
	 * .1, ..., 1, the points as numpy's linspace (and arange) make them:
	 * k * 0.1, so that 0.6000000000000001 is above a recall of 9/15
	 */
	annot_np_linspace(0, 1, 11, pts);
	for (int k = 0; k <= 10; k++)
	{
		double		t = pts[k],
					p = 0;

		for (size_t i = 0; i < n; i++)
			if (rec[i] >= t && prec[i] > p)
				p = prec[i];
		s += p / 11;
	}
	*ap11 = s;
	/* VOC 2010+: area under the precision envelope, recall framed by 0 and 1 */
	mpre[0] = 0;
	for (size_t i = 0; i < n; i++)
		mpre[i + 1] = prec[i];
	mpre[n + 1] = 0;
	for (size_t i = n + 1; i-- > 0;)
		if (mpre[i + 1] > mpre[i])
			mpre[i] = mpre[i + 1];
	s = 0;
	for (size_t i = 0; i <= n; i++)
	{
		double		r0 = i == 0 ? 0 : rec[i - 1],
					r1 = i == n ? 1 : rec[i];

		if (r1 != r0)
			s += (r1 - r0) * mpre[i + 1];
	}
	*apall = s;
}

annot_status
annot_voc_ap(const annot_objset *gt, const annot_objset *dt, double threshold,
			 bool inclusive, annot_voc_row **rows, size_t *nrows, annot_err *err)
{
	bool	   *label_done = NULL;
	bool	   *used = NULL;
	vdet	   *dets = NULL;
	double	   *rec = NULL,
			   *prec = NULL,
			   *mpre = NULL;
	annot_voc_row *out = NULL;
	gref	   *gi = NULL;
	size_t		nout = 0;
	annot_status st = ANNOT_OK;
	size_t		nall = (size_t) gt->n + dt->n;

	annot_err_about(err, "VOC average precision", NULL);
	*rows = NULL;
	*nrows = 0;
	if ((gt->kind != 0 && gt->kind != ANNOT_OBJ_BBOX) ||
		(dt->kind != 0 && dt->kind != ANNOT_OBJ_BBOX))
		return annot_fail(err, ANNOT_EPARAM, -1, "VOC average precision takes boxes.");
	if (!(threshold >= 0 && threshold <= 1))
		return annot_fail(err, ANNOT_EPARAM, -1, "The IoU threshold must lie in [0, 1].");
	label_done = annot_alloc(sizeof(bool) * (nall + 1));
	used = annot_alloc(sizeof(bool) * (gt->n + 1));
	dets = annot_alloc(sizeof(vdet) * (dt->n + 1));
	rec = annot_alloc(sizeof(double) * (dt->n + 1));
	prec = annot_alloc(sizeof(double) * (dt->n + 1));
	mpre = annot_alloc(sizeof(double) * (dt->n + 2));
	out = annot_alloc(sizeof(annot_voc_row) * (nall + 1));
	gi = annot_alloc(sizeof(gref) * (gt->n + 1));
	if (!label_done || !used || !dets || !rec || !prec || !mpre || !out || !gi)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto done;
	}
	memset(label_done, 0, sizeof(bool) * (nall + 1));
	for (uint32_t g = 0; g < gt->n; g++)
	{
		gi[g].image_id = gt->rec[g].image_id;
		gi[g].index = g;
	}
	qsort(gi, gt->n, sizeof(gref), cmp_gref);
	/* each label of either side, in order of first appearance */
	for (size_t li = 0; li < nall; li++)
	{
		const annot_objset *ls = li < gt->n ? gt : dt;
		const annot_obj_rec *lr = &ls->rec[li < gt->n ? li : li - gt->n];
		size_t		nd = 0,
					npos = 0;
		double		tp = 0,
					fp = 0;

		if (label_done[li])
			continue;
		annot_check_interrupts();
		for (size_t k = li; k < nall; k++)
		{
			const annot_objset *ks = k < gt->n ? gt : dt;
			const annot_obj_rec *kr = &ks->rec[k < gt->n ? k : k - gt->n];

			if (!label_done[k] && annot_objset_same_label(ls, lr, ks, kr))
				label_done[k] = true;
		}
		for (uint32_t g = 0; g < gt->n; g++)
		{
			used[g] = false;
			if (annot_objset_same_label(ls, lr, gt, &gt->rec[g]) && !(gt->rec[g].flags & ANNOT_OBJ_CROWD))
				npos++;
		}
		for (uint32_t d = 0; d < dt->n; d++)
			if (annot_objset_same_label(ls, lr, dt, &dt->rec[d]))
			{
				dets[nd].score = isnan(dt->rec[d].score) ? -INFINITY : dt->rec[d].score;
				dets[nd].id = dt->rec[d].id;
				dets[nd].index = d;
				nd++;
			}
		qsort(dets, nd, sizeof(vdet), cmp_vdet);
		for (size_t i = 0; i < nd; i++)
		{
			const annot_obj_rec *d = &dt->rec[dets[i].index];
			annot_bbox	db = box_of(dt, d);
			double		best = -INFINITY;
			int64_t		bg = -1;

			for (size_t k = first_of_image(gi, gt->n, d->image_id);
				 k < gt->n && gi[k].image_id == d->image_id; k++)
			{
				uint32_t	g = gi[k].index;
				const annot_obj_rec *gr = &gt->rec[g];
				double		v;

				if (!annot_objset_same_label(ls, lr, gt, gr))
					continue;
				{
					annot_bbox	gb = box_of(gt, gr);

					v = voc_iou(&db, &gb, inclusive);
				}
				if (v > best)
				{
					best = v;
					bg = g;
				}
			}
			if (bg >= 0 && best >= threshold)
			{
				if (gt->rec[bg].flags & ANNOT_OBJ_CROWD)
					;			/* "difficult": neither hit nor miss */
				else if (!used[bg])
				{
					used[bg] = true;
					tp += 1;
				}
				else
					fp += 1;
			}
			else
				fp += 1;
			rec[i] = npos ? tp / (double) npos : 0;
			prec[i] = tp / fmax(tp + fp, 0x1p-52);
		}
		out[nout].gt_label = lr;
		out[nout].set = ls;
		out[nout].npos = npos;
		out[nout].ndet = nd;
		out[nout].tp = (size_t) tp;
		if (npos == 0)
			out[nout].ap11 = out[nout].apall = NAN;
		else
			voc_aps(rec, prec, nd, &out[nout].ap11, &out[nout].apall, mpre);
		nout++;
	}
	*rows = out;
	*nrows = nout;
	out = NULL;
done:
	annot_free(gi);
	annot_free(label_done);
	annot_free(used);
	annot_free(dets);
	annot_free(rec);
	annot_free(prec);
	annot_free(mpre);
	annot_free(out);
	return st;
}
