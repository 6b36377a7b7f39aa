/*
 * match_panoptic.c -- panoptic quality (Kirillov, He, Girshick, Rother,
 * Dollár: "Panoptic Segmentation", CVPR 2019) as panopticapi's pq_compute
 * counts it, over two sets of segment masks: per image, a prediction and
 * a non-crowd ground truth of one label match when their IoU, with the
 * prediction's void pixels left out of the union, exceeds 0.5; unmatched
 * non-crowd ground truths are false negatives; unmatched predictions are
 * false positives unless more than half of them lies on void or on the
 * crowd region of their label.
 */
#include "match.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rle_ops.h"

typedef struct pref
{
	int64_t		image_id;
	uint32_t	index;
} pref;

static int
cmp_pref(const void *a, const void *b)
{
	const pref *x = a,
			   *y = b;

	if (x->image_id != y->image_id)
		return x->image_id < y->image_id ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static annot_status
sorted_refs(const annot_objset *s, pref **out, annot_err *err)
{
	pref	   *r = annot_alloc(sizeof(pref) * (s->n + 1));

	if (r == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	for (uint32_t i = 0; i < s->n; i++)
	{
		r[i].image_id = s->rec[i].image_id;
		r[i].index = i;
	}
	qsort(r, s->n, sizeof(pref), cmp_pref);
	*out = r;
	return ANNOT_OK;
}

/* Find or add the row of a label (first record carrying it). */
static int
label_row(annot_pq_row *rows, size_t *n, const annot_objset *s,
		  const annot_obj_rec *r)
{
	for (size_t i = 0; i < *n; i++)
		if (annot_objset_same_label(rows[i].set, rows[i].label, s, r))
			return (int) i;
	memset(&rows[*n], 0, sizeof(annot_pq_row));
	rows[*n].set = s;
	rows[*n].label = r;
	return (int) (*n)++;
}

static annot_status
open_mask(const annot_objset *s, const annot_obj_rec *r, annot_mask_view *v,
		  annot_err *err)
{
	const uint8_t *p = annot_objset_data(s) + r->shape_off;

	return annot_mask_open(p + 4, r->shape_len - 4, v, err);
}

annot_status
annot_panoptic_quality(const annot_objset *gt, const annot_objset *pred,
					   annot_pq_row **rows, size_t *nrows, annot_err *err)
{
	pref	   *gi = NULL,
			   *pi = NULL;
	annot_pq_row *out = NULL;
	size_t		nout = 0;
	uint64_t   *inter = NULL;
	size_t		cap = 0;
	bool	   *gmatched = NULL,
			   *pmatched = NULL;
	annot_status st = ANNOT_OK;
	uint32_t	a = 0,
				b = 0;

	annot_err_about(err, "panoptic quality", NULL);
	*rows = NULL;
	*nrows = 0;
	if ((gt->kind != 0 && gt->kind != ANNOT_OBJ_MASK) ||
		(pred->kind != 0 && pred->kind != ANNOT_OBJ_MASK))
		return annot_fail(err, ANNOT_EPARAM, -1, "Panoptic quality takes masks.");
	out = annot_alloc(sizeof(annot_pq_row) * ((size_t) gt->n + pred->n + 1));
	gmatched = annot_alloc(gt->n + 1);
	pmatched = annot_alloc(pred->n + 1);
	if (!out || !gmatched || !pmatched ||
		(st = sorted_refs(gt, &gi, err)) != ANNOT_OK ||
		(st = sorted_refs(pred, &pi, err)) != ANNOT_OK)
	{
		if (st == ANNOT_OK)
			st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto done;
	}
	memset(gmatched, 0, gt->n + 1);
	memset(pmatched, 0, pred->n + 1);
	while (a < gt->n || b < pred->n)
	{
		int64_t		img = (a < gt->n && (b >= pred->n || gi[a].image_id <= pi[b].image_id)) ?
			gi[a].image_id : pi[b].image_id;
		uint32_t	a1 = a,
					b1 = b;
		size_t		G,
					P;

		annot_check_interrupts();
		while (a1 < gt->n && gi[a1].image_id == img)
			a1++;
		while (b1 < pred->n && pi[b1].image_id == img)
			b1++;
		G = a1 - a;
		P = b1 - b;
		if (G * P + 1 > cap)
		{
			uint64_t   *n = annot_realloc(inter, sizeof(uint64_t) * (G * P + 1));

			if (n == NULL)
			{
				st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
				goto done;
			}
			inter = n;
			cap = G * P + 1;
		}
		/* pixels each (prediction, ground truth) pair shares */
		for (size_t p = 0; p < P; p++)
		{
			annot_mask_view pv;

			if ((st = open_mask(pred, &pred->rec[pi[b + p].index], &pv, err)) != ANNOT_OK)
				goto done;
			for (size_t g = 0; g < G; g++)
			{
				annot_mask_view gv;

				if ((st = open_mask(gt, &gt->rec[gi[a + g].index], &gv, err)) != ANNOT_OK)
					goto done;
				if (gv.h != pv.h || gv.w != pv.w)
				{
					annot_err_about(err, "panoptic quality", NULL);
					st = annot_fail(err, ANNOT_EPARAM, -1,
									"Segments of %ux%u and %ux%u pixels in image %lld.",
									gv.h, gv.w, pv.h, pv.w, (long long) img);
					goto done;
				}
				if ((st = annot_mask_inter_area(&pv, &gv, &inter[p * G + g], err)) != ANNOT_OK)
					goto done;
			}
		}
		/* matches: same label, non-crowd ground truth, IoU > 0.5 */
		for (size_t g = 0; g < G; g++)
		{
			const annot_obj_rec *gr = &gt->rec[gi[a + g].index];
			annot_mask_view gv;

			if (gr->flags & ANNOT_OBJ_CROWD)
				continue;
			(void) open_mask(gt, gr, &gv, NULL);
			for (size_t p = 0; p < P; p++)
			{
				const annot_obj_rec *prr = &pred->rec[pi[b + p].index];
				annot_mask_view pv;
				uint64_t	covered = 0,
							i = inter[p * G + g];
				double		uni,
							iou;

				if (pmatched[pi[b + p].index] || i == 0 ||
					!annot_objset_same_label(gt, gr, pred, prr))
					continue;
				(void) open_mask(pred, prr, &pv, NULL);
				for (size_t k = 0; k < G; k++)
					covered += inter[p * G + k];
				/* union without the prediction's void pixels */
				uni = (double) pv.area + (double) gv.area - (double) i -
					(double) (pv.area > covered ? pv.area - covered : 0);
				iou = uni > 0 ? (double) i / uni : 0;
				if (iou > 0.5)
				{
					int			row = label_row(out, &nout, gt, gr);

					out[row].tp++;
					out[row].iou_sum += iou;
					gmatched[gi[a + g].index] = true;
					pmatched[pi[b + p].index] = true;
					break;
				}
			}
		}
		for (size_t g = 0; g < G; g++)
		{
			const annot_obj_rec *gr = &gt->rec[gi[a + g].index];

			if (!gmatched[gi[a + g].index] && !(gr->flags & ANNOT_OBJ_CROWD))
				out[label_row(out, &nout, gt, gr)].fn++;
		}
		for (size_t p = 0; p < P; p++)
		{
			const annot_obj_rec *prr = &pred->rec[pi[b + p].index];
			annot_mask_view pv;
			uint64_t	covered = 0,
						ignored;
			int			crowd = -1;

			if (pmatched[pi[b + p].index])
				continue;
			(void) open_mask(pred, prr, &pv, NULL);
			for (size_t g = 0; g < G; g++)
			{
				const annot_obj_rec *gr = &gt->rec[gi[a + g].index];

				covered += inter[p * G + g];
				/* as panopticapi, the last crowd region of the label */
				if ((gr->flags & ANNOT_OBJ_CROWD) && annot_objset_same_label(gt, gr, pred, prr))
					crowd = (int) g;
			}
			ignored = (pv.area > covered ? pv.area - covered : 0) +
				(crowd >= 0 ? inter[p * G + crowd] : 0);
			if (pv.area > 0 && (double) ignored / (double) pv.area > 0.5)
				continue;
			out[label_row(out, &nout, pred, prr)].fp++;
		}
		a = a1;
		b = b1;
	}
	/* labels of either side without any count still get their row */
	for (uint32_t i = 0; i < gt->n; i++)
		if (!(gt->rec[i].flags & ANNOT_OBJ_CROWD))
			(void) label_row(out, &nout, gt, &gt->rec[i]);
	*rows = out;
	*nrows = nout;
	out = NULL;
done:
	annot_free(gi);
	annot_free(pi);
	annot_free(out);
	annot_free(inter);
	annot_free(gmatched);
	annot_free(pmatched);
	return st;
}
