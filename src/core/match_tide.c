/*
 * match_tide.c -- TIDE's error decomposition (Bolya, Foley, Hays, Hoffman,
 * ECCV 2020) from a matching: AP at one IoU threshold (COCO's 101-point
 * interpolation, the mean over labels with ground truth), and for each
 * error type the AP gained when the detector's errors of that type are
 * fixed by an oracle, TIDE's dAP.
 *
 * The fixes: a classification error takes the class of the ground truth it
 * claimed and becomes a match; a localization error takes that ground
 * truth's box and becomes a match (an error row that claimed no ground
 * truth would only duplicate a match, and is removed); both, duplicate and
 * background errors are removed; missed ground truths are removed from the
 * ground truth.
 */
#include "match.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct tdet
{
	double		score;
	int64_t		id;
	int			label;			/* index into the label table */
	bool		tp;
} tdet;

static int
cmp_tdet(const void *a, const void *b)
{
	const tdet *x = a,
			   *y = b;

	if (x->label != y->label)
		return x->label < y->label ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The index of a record's label, adding it (with zero counts) if new. */
static int
label_index(const annot_obj_rec **labels, const annot_objset **lsets, int *n,
			int64_t *npos, int64_t *npos_fixed, const annot_objset *s,
			const annot_obj_rec *r)
{
	for (int i = 0; i < *n; i++)
		if (annot_objset_same_label(lsets[i], labels[i], s, r))
			return i;
	labels[*n] = r;
	lsets[*n] = s;
	npos[*n] = 0;
	npos_fixed[*n] = 0;
	return (*n)++;
}

/* Mean over labels with ground truth of the 101-point interpolated AP. */
static double
mean_ap(tdet *d, size_t nd, const int64_t *npos, int nlabels, double *prec,
		double *rec)
{
	double		sum = 0;
	int			n = 0;
	size_t		i = 0;

	qsort(d, nd, sizeof(tdet), cmp_tdet);
	for (int l = 0; l < nlabels; l++)
	{
		size_t		start = i,
					m;
		double		tp = 0,
					fp = 0,
					ap = 0;
		size_t		pi = 0;

		while (i < nd && d[i].label == l)
			i++;
		if (npos[l] <= 0)
			continue;
		m = i - start;
		for (size_t j = 0; j < m; j++)
		{
			if (d[start + j].tp)
				tp += 1;
			else
				fp += 1;
			rec[j] = tp / (double) npos[l];
			prec[j] = tp / (tp + fp + 0x1p-52);
		}
		for (size_t j = m; j-- > 1;)
			if (prec[j] > prec[j - 1])
				prec[j - 1] = prec[j];
		for (int r = 0; r <= 100; r++)
		{
			double		t = r * 0.01;

			while (pi < m && rec[pi] < t)
				pi++;
			if (pi < m)
				ap += prec[pi];
		}
		sum += ap / 101;
		n++;
	}
	return n ? sum / n : NAN;
}

annot_status
annot_tide(const annot_objset *gt, const annot_objset *dt,
		   const annot_match_opts *opts, double out[ANNOT_TIDE_NROWS],
		   annot_err *err)
{
	annot_match_row *rows = NULL;
	size_t		nrows = 0;
	const annot_obj_rec **labels = NULL;
	const annot_objset **lsets = NULL;
	int			nlabels = 0;
	int64_t    *npos = NULL,
			   *npos_fixed = NULL;
	tdet	   *d = NULL;
	double	   *prec = NULL,
			   *rec = NULL;
	annot_status st;
	double		base;

	st = annot_match_sets(gt, dt, opts, &rows, &nrows, err);
	if (st != ANNOT_OK)
		return st;
	annot_err_about(err, "TIDE", NULL);
	labels = annot_alloc(sizeof(*labels) * ((size_t) gt->n + dt->n + 1));
	lsets = annot_alloc(sizeof(*lsets) * ((size_t) gt->n + dt->n + 1));
	npos = annot_alloc(sizeof(int64_t) * ((size_t) gt->n + dt->n + 1));
	npos_fixed = annot_alloc(sizeof(int64_t) * ((size_t) gt->n + dt->n + 1));
	d = annot_alloc(sizeof(tdet) * (dt->n + 1));
	prec = annot_alloc(sizeof(double) * (dt->n + 1));
	rec = annot_alloc(sizeof(double) * (dt->n + 1));
	if (!labels || !lsets || !npos || !npos_fixed || !d || !prec || !rec)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto done;
	}

#define LABEL_OF(set, rec_) label_index(labels, lsets, &nlabels, npos, npos_fixed, set, rec_)
	for (uint32_t i = 0; i < gt->n; i++)
		if (!(gt->rec[i].flags & ANNOT_OBJ_CROWD))
		{
			int			l = LABEL_OF(gt, &gt->rec[i]);

			npos[l]++;
			npos_fixed[l]++;
		}
	/* the base AP, then one fixed AP per error type */
	for (int k = 0; k < ANNOT_TIDE_NROWS; k++)
	{
		size_t		nd = 0;

		annot_check_interrupts();
		if (k == ANNOT_TIDE_MISSED)
			memcpy(npos_fixed, npos, sizeof(int64_t) * (nlabels + 1));
		for (size_t i = 0; i < nrows; i++)
		{
			const annot_match_row *r = &rows[i];
			const annot_obj_rec *dr = r->dt >= 0 ? &dt->rec[r->dt] : NULL;
			annot_outcome o = r->outcome;
			bool		fix = (k == ANNOT_TIDE_CLASSIFICATION && o == ANNOT_OUT_CLASSIFICATION) ||
				(k == ANNOT_TIDE_LOCALIZATION && o == ANNOT_OUT_LOCALIZATION) ||
				(k == ANNOT_TIDE_BOTH && o == ANNOT_OUT_BOTH) ||
				(k == ANNOT_TIDE_DUPLICATE && o == ANNOT_OUT_DUPLICATE) ||
				(k == ANNOT_TIDE_BACKGROUND && o == ANNOT_OUT_BACKGROUND);

			if (o == ANNOT_OUT_MISSED)
			{
				if (k == ANNOT_TIDE_MISSED)
					npos_fixed[LABEL_OF(gt, &gt->rec[r->gt])]--;
				continue;
			}
			if (dr == NULL || o == ANNOT_OUT_IGNORED)
				continue;
			if (fix && (o == ANNOT_OUT_BOTH || o == ANNOT_OUT_DUPLICATE ||
						o == ANNOT_OUT_BACKGROUND || r->gt < 0))
				continue;		/* removed */
			d[nd].score = isnan(dr->score) ? -INFINITY : dr->score;
			d[nd].id = dr->id;
			/* a class-agnostic match with another label counts as an error */
			d[nd].tp = o == ANNOT_OUT_MATCH || fix;
			d[nd].label = fix && o == ANNOT_OUT_CLASSIFICATION ?
				LABEL_OF(gt, &gt->rec[r->gt]) : LABEL_OF(dt, dr);
			nd++;
		}
		out[k] = mean_ap(d, nd, k == ANNOT_TIDE_MISSED ? npos_fixed : npos,
						 nlabels, prec, rec);
	}
#undef LABEL_OF
	base = out[ANNOT_TIDE_AP];
	for (int k = 1; k < ANNOT_TIDE_NROWS; k++)
		out[k] -= base;
	st = ANNOT_OK;
done:
	annot_free(rows);
	annot_free(labels);
	annot_free(lsets);
	annot_free(npos);
	annot_free(npos_fixed);
	annot_free(d);
	annot_free(prec);
	annot_free(rec);
	return st;
}
