/*
 * agree_coef.c -- agreement coefficients, their standard errors and
 * confidence intervals, computed from the aggregate states.
 *
 * Cohen's kappa and its asymptotic variance follow Fleiss, Cohen & Everitt
 * (1969), as SAS PROC FREQ and statsmodels' cohens_kappa compute them, with
 * a Wald interval.  Fleiss' generalized kappa, Gwet's AC1/AC2, percent
 * agreement and Krippendorff's alpha follow Gwet (2014), Handbook of
 * Inter-Rater Reliability, 4th ed., as the R package irrCAC 1.4 computes
 * them (fleiss.kappa.raw, gwet.ac1.raw, pa.coeff.raw, krippen.alpha.raw):
 * linearized variance, t interval with n - 1 degrees of freedom, upper
 * bound capped at 1.  Krippendorff's own metrics (Krippendorff 2011,
 * "Computing Krippendorff's alpha-reliability") enter that formula as
 * weights 1 - delta^2 / max delta^2, which leaves alpha unchanged.
 */
#include "agree.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void
result_init(annot_agree_result *r)
{
	r->estimate = NAN;
	r->se = NAN;
	r->ci_lower = NAN;
	r->ci_upper = NAN;
	r->pa = NAN;
	r->pe = NAN;
	r->n_items = 0;
	r->n_ratings = 0;
	r->n_categories = 0;
}

/* ---------------------------------------------------------------------
 * Weights on categories in sorted order (ranks 0..q-1)
 * --------------------------------------------------------------------- */

typedef struct wctx
{
	annot_agree_weights w;
	uint32_t	q;
	double	   *x;				/* position of each rank */
	double	   *marg;			/* KORDINAL: pairable values per rank */
	double	   *cum;			/* KORDINAL: cum[k] = sum of marg below rank k */
	double		norm;			/* the largest distance */
	double		xmin;
	double		xmax;
	double		span;			/* circular: xmax - xmin + 1 */
} wctx;

/* Disagreement of ranks k != l before normalization (irrCAC weights.gen.r). */
static double
raw_dist(const wctx *c, uint32_t k, uint32_t l)
{
	double		a = c->x[k];
	double		b = c->x[l];

	switch (c->w)
	{
		case ANNOT_W_UNWEIGHTED:
			return 1.0;
		case ANNOT_W_LINEAR:
			return fabs(a - b);
		case ANNOT_W_QUADRATIC:
			return (a - b) * (a - b);
		case ANNOT_W_RADICAL:
			return sqrt(fabs(a - b));
		case ANNOT_W_RATIO:
			{
				double		r = (a - b) / (a + b);

				return r * r;
			}
		case ANNOT_W_CIRCULAR:
			{
				double		s = sin(M_PI * (a - b) / c->span);

				return s * s;
			}
		case ANNOT_W_BIPOLAR:
			return (a - b) * (a - b) /
				((a + b - 2.0 * c->xmin) * (2.0 * c->xmax - (a + b)));
		case ANNOT_W_ORDINAL:
			{
				double		n = (k > l ? k - l : l - k) + 1.0;

				return n * (n - 1.0) / 2.0;
			}
		case ANNOT_W_KORDINAL:
			{
				uint32_t	lo = k < l ? k : l;
				uint32_t	hi = k < l ? l : k;
				double		s = c->cum[hi + 1] - c->cum[lo] -
					(c->marg[k] + c->marg[l]) / 2.0;

				return s * s;
			}
	}
	return 1.0;
}

/* Agreement weight of ranks k and l: 1 on the diagonal, 1 - d / max d off it. */
static inline double
weight(const wctx *c, uint32_t k, uint32_t l)
{
	if (k == l)
		return 1.0;
	if (c->w == ANNOT_W_UNWEIGHTED)
		return 0.0;
	return 1.0 - raw_dist(c, k, l) / c->norm;
}

static void
wctx_free(wctx *c)
{
	annot_free(c->x);
	annot_free(c->marg);
	annot_free(c->cum);
	memset(c, 0, sizeof(*c));
}

/*
 * Rank the categories whose id has present[id] set (all when present is
 * NULL): rank[id] receives the rank or UINT32_MAX.  Weighted coefficients
 * need finite numeric labels; positions are the ranks (use_ranks) or the
 * values.  marg (by id, may be NULL) gives Krippendorff's ordinal metric its
 * marginals.
 */
static annot_status
wctx_make(const annot_agree_dict *d, const bool *present,
		  annot_agree_weights w, bool use_ranks, const double *marg,
		  wctx *c, uint32_t *rank, annot_err *err)
{
	uint32_t   *order = NULL;
	uint32_t	id;
	uint32_t	k;
	uint32_t	l;
	uint32_t	q = 0;

	memset(c, 0, sizeof(*c));
	c->w = w;
	for (id = 0; id < d->n; id++)
		rank[id] = UINT32_MAX;
	if (d->n == 0)
		return ANNOT_OK;
	order = annot_alloc(sizeof(uint32_t) * d->n);
	c->x = annot_alloc(sizeof(double) * d->n);
	c->marg = annot_alloc(sizeof(double) * d->n);
	c->cum = annot_alloc(sizeof(double) * ((size_t) d->n + 1));
	if (order == NULL || c->x == NULL || c->marg == NULL || c->cum == NULL)
	{
		annot_free(order);
		wctx_free(c);
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for weights.");
	}
	/* a fixed order makes sums independent of the order rows arrived in */
	annot_agree_dict_order(d, order);
	for (k = 0; k < d->n; k++)
	{
		id = order[k];
		if (present != NULL && !present[id])
			continue;
		if (w != ANNOT_W_UNWEIGHTED && !isfinite(d->values[id]))
		{
			annot_free(order);
			wctx_free(c);
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "Weighted agreement needs labels with finite numeric values (integer, float or numeric types).");
		}
		rank[id] = q;
		c->x[q] = use_ranks ? (double) q : d->values[id];
		c->marg[q] = marg != NULL ? marg[id] : 0.0;
		q++;
	}
	annot_free(order);
	c->q = q;
	c->cum[0] = 0.0;
	for (k = 0; k < q; k++)
		c->cum[k + 1] = c->cum[k] + c->marg[k];
	if (q == 0)
		return ANNOT_OK;
	c->xmin = c->x[0];
	c->xmax = c->x[q - 1];
	c->span = c->xmax - c->xmin + 1.0;
	if (w == ANNOT_W_RATIO && c->xmin < 0)
	{
		wctx_free(c);
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Ratio weights need non-negative labels.");
	}
	switch (w)
	{
		case ANNOT_W_UNWEIGHTED:
			c->norm = 1.0;
			break;
		case ANNOT_W_LINEAR:
			c->norm = fabs(c->xmax - c->xmin);
			break;
		case ANNOT_W_QUADRATIC:
			c->norm = (c->xmax - c->xmin) * (c->xmax - c->xmin);
			break;
		case ANNOT_W_RADICAL:
			c->norm = sqrt(fabs(c->xmax - c->xmin));
			break;
		case ANNOT_W_RATIO:
			{
				double		r = (c->xmax - c->xmin) / (c->xmax + c->xmin);

				c->norm = r * r;
				break;
			}
		case ANNOT_W_ORDINAL:
			c->norm = (double) q * (q - 1.0) / 2.0;
			break;
		case ANNOT_W_KORDINAL:
			c->norm = q > 1 ? raw_dist(c, 0, q - 1) : 0.0;
			break;
		case ANNOT_W_CIRCULAR:
		case ANNOT_W_BIPOLAR:
			c->norm = 0.0;
			for (k = 0; k < q; k++)
			{
				annot_check_interrupts();
				for (l = k + 1; l < q; l++)
				{
					double		v = raw_dist(c, k, l);

					if (v > c->norm)
						c->norm = v;
				}
			}
			break;
	}
	return ANNOT_OK;
}

/* Sum of all weights. */
static double
weight_sum(const wctx *c)
{
	double		s = 0.0;
	uint32_t	k;
	uint32_t	l;

	if (c->w == ANNOT_W_UNWEIGHTED)
		return (double) c->q;
	for (k = 0; k < c->q; k++)
	{
		annot_check_interrupts();
		for (l = 0; l < c->q; l++)
			s += weight(c, k, l);
	}
	return s;
}

/* out[k] = sum_l w(k,l) v[l] (weights are symmetric). */
static void
weight_apply(const wctx *c, const double *v, double *out)
{
	uint32_t	k;
	uint32_t	l;

	if (c->w == ANNOT_W_UNWEIGHTED)
	{
		memcpy(out, v, sizeof(double) * c->q);
		return;
	}
	for (k = 0; k < c->q; k++)
	{
		double		s = 0.0;

		annot_check_interrupts();
		for (l = 0; l < c->q; l++)
			s += weight(c, k, l) * v[l];
		out[k] = s;
	}
}

/* ---------------------------------------------------------------------
 * Cohen's kappa
 * --------------------------------------------------------------------- */

annot_status
annot_agree_cohen(const annot_agree_pair *s, annot_agree_result *r,
				  annot_err *err)
{
	const annot_agree_dict *d = &s->cats;
	annot_status st;
	wctx		c;
	uint32_t   *rank = NULL;
	uint32_t   *ids = NULL;
	bool	   *present = NULL;
	double	   *row = NULL;
	double	   *col = NULL;
	double	   *wr = NULL;
	double	   *wc = NULL;
	double		N = (double) s->n;
	double		po = 0.0;
	double		pe = 0.0;
	double		kappa;
	double		sum = 0.0;
	double		var;
	uint32_t	a;
	uint32_t	b;
	uint32_t	i;
	uint32_t	j;
	uint32_t	q;

	annot_err_about(err, "weights", NULL);
	result_init(r);
	r->n_items = s->n;
	r->n_ratings = 2 * s->n;
	if (s->n <= 0 || d->n == 0)
		return ANNOT_OK;

	rank = annot_alloc(sizeof(uint32_t) * d->n);
	ids = annot_alloc(sizeof(uint32_t) * d->n);
	present = annot_alloc(sizeof(bool) * d->n);
	row = annot_alloc(sizeof(double) * d->n);
	col = annot_alloc(sizeof(double) * d->n);
	wr = annot_alloc(sizeof(double) * d->n);
	wc = annot_alloc(sizeof(double) * d->n);
	memset(&c, 0, sizeof(c));
	if (!rank || !ids || !present || !row || !col || !wr || !wc)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory for Cohen's kappa.");
		goto done;
	}
	for (a = 0; a < d->n; a++)
		present[a] = false;
	for (a = 0; a < d->n; a++)
		for (b = 0; b < d->n; b++)
			if (s->counts[(size_t) a * s->cap + b] != 0)
				present[a] = present[b] = true;
	st = wctx_make(d, present, (annot_agree_weights) s->params.weights,
				   s->params.scale == ANNOT_SCALE_OBSERVED, NULL, &c, rank, err);
	if (st != ANNOT_OK)
		goto done;
	q = c.q;
	r->n_categories = (int32_t) q;
	for (a = 0; a < d->n; a++)
		if (rank[a] != UINT32_MAX)
			ids[rank[a]] = a;

	/*
	 * Sums over counts, divided once: exact for integer weights, so perfect
	 * agreement gives exactly 1 with exactly zero standard error.
	 */
	for (i = 0; i < q; i++)
		row[i] = col[i] = 0.0;
	for (i = 0; i < q; i++)
		for (j = 0; j < q; j++)
		{
			double		n = (double) s->counts[(size_t) ids[i] * s->cap + ids[j]];

			row[i] += n;
			col[j] += n;
			if (n != 0.0)
				po += weight(&c, i, j) * n;
		}
	po /= N;
	for (i = 0; i < q; i++)
	{
		row[i] /= N;
		col[i] /= N;
	}
	r->pa = po;
	if (q < 2)
	{
		/* one category: chance agreement is 1 and kappa is undefined */
		r->pe = 1.0;
		goto done;
	}
	for (i = 0; i < q; i++)
	{
		annot_check_interrupts();
		wr[i] = 0.0;
		for (j = 0; j < q; j++)
			wr[i] += col[j] * weight(&c, i, j);
	}
	for (j = 0; j < q; j++)
	{
		annot_check_interrupts();
		wc[j] = 0.0;
		for (i = 0; i < q; i++)
			wc[j] += row[i] * weight(&c, i, j);
	}
	for (i = 0; i < q; i++)
		pe += row[i] * wr[i];
	r->pe = pe;
	if (!(pe < 1.0))
		goto done;
	kappa = (po - pe) / (1.0 - pe);
	r->estimate = kappa;

	/* Fleiss, Cohen & Everitt (1969) large-sample variance */
	for (i = 0; i < q; i++)
		for (j = 0; j < q; j++)
		{
			double		n = (double) s->counts[(size_t) ids[i] * s->cap + ids[j]];
			double		t;

			if (n == 0.0)
				continue;
			t = weight(&c, i, j) - (wr[i] + wc[j]) * (1.0 - kappa);
			sum += n * t * t;
		}
	sum /= N;
	var = (sum - pow(kappa - pe * (1.0 - kappa), 2)) /
		((1.0 - pe) * (1.0 - pe) * N);
	r->se = sqrt(var > 0 ? var : 0.0);
	{
		double		z = -annot_norm_quantile((1.0 - s->params.confidence) / 2.0);

		r->ci_lower = kappa - z * r->se;
		r->ci_upper = kappa + z * r->se;
	}
done:
	wctx_free(&c);
	annot_free(rank);
	annot_free(ids);
	annot_free(present);
	annot_free(row);
	annot_free(col);
	annot_free(wr);
	annot_free(wc);
	return st;
}

void
annot_agree_class_stats(const annot_agree_pair *s, uint32_t id,
						annot_agree_class *o)
{
	uint32_t	k;

	o->support = 0;
	o->predicted = 0;
	for (k = 0; k < s->cats.n; k++)
	{
		o->support += s->counts[(size_t) id * s->cap + k];
		o->predicted += s->counts[(size_t) k * s->cap + id];
	}
	o->tp = s->counts[(size_t) id * s->cap + id];
	o->precision = o->predicted > 0 ? (double) o->tp / (double) o->predicted : NAN;
	o->recall = o->support > 0 ? (double) o->tp / (double) o->support : NAN;
	o->f1 = o->support + o->predicted > 0 ?
		2.0 * (double) o->tp / (double) (o->support + o->predicted) : NAN;
}

/* ---------------------------------------------------------------------
 * Per-item tallies grouped by item
 * --------------------------------------------------------------------- */

/*
 * A sorted state read item by item: items in key order, the cells of item
 * i from start[i] to start[i + 1] - 1 in category order, so that every sum
 * runs in the same order however the rows were split between parallel
 * workers or stored states.  A state not yet prepared is read through a
 * prepared copy.
 */
typedef struct iview
{
	uint32_t	n;				/* items */
	uint64_t   *start;
	const annot_agree_cell *cells;
	double	   *r;				/* ratings of each item */
	const annot_agree_dict *cats;	/* categories, in key order */
	annot_agree_items *copy;	/* the prepared copy, if one was made */
} iview;

/* Category id and count of cell a. */
#define CELL_CAT(v, a) ((uint32_t) ((v)->cells[a].key & 0xFFFFFFFF))
#define CELL_CNT(v, a) ((double) (v)->cells[a].count)

static void
iview_free(iview *v)
{
	annot_free(v->start);
	annot_free(v->r);
	annot_agree_items_free(v->copy);
	memset(v, 0, sizeof(*v));
}

static annot_status
iview_make(const annot_agree_items *s, iview *v, annot_err *err)
{
	annot_status st;
	uint64_t	j;
	uint32_t	i;

	memset(v, 0, sizeof(*v));
	if (!annot_agree_items_ready(s))
	{
		v->copy = annot_agree_items_copy(s, err);
		if (v->copy == NULL)
			return err != NULL ? err->status : ANNOT_ENOMEM;
		if ((st = annot_agree_items_prepare(v->copy, err)) != ANNOT_OK)
		{
			iview_free(v);
			return st;
		}
		s = v->copy;
	}
	v->n = s->items.n;
	v->cells = s->cells;
	v->cats = &s->cats;
	v->start = annot_alloc(sizeof(uint64_t) * ((size_t) v->n + 1));
	v->r = annot_alloc(sizeof(double) * ((size_t) v->n + 1));
	if (v->start == NULL || v->r == NULL)
	{
		iview_free(v);
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for item tallies.");
	}
	for (i = 0, j = 0; i < v->n; i++)
	{
		int64_t		r = 0;

		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		v->start[i] = j;
		while (j < s->ncells && (uint32_t) (s->cells[j].key >> 32) == i)
			r += s->cells[j++].count;
		v->r[i] = (double) r;
	}
	v->start[v->n] = j;
	return ANNOT_OK;
}

/*
 * sum_k n_ik (n*_ik - 1) for one item, n*_ik = sum_l w(k,l) n_il: the
 * item's (weighted) agreeing ordered pairs of ratings.
 */
static double
item_pairs(const iview *v, uint32_t i, const wctx *c, const uint32_t *rank)
{
	uint64_t	a;
	uint64_t	b;
	double		s = 0.0;

	for (a = v->start[i]; a < v->start[i + 1]; a++)
	{
		double		nstar = 0.0;

		if (c->w == ANNOT_W_UNWEIGHTED)
			nstar = CELL_CNT(v, a);
		else
			for (b = v->start[i]; b < v->start[i + 1]; b++)
				nstar += weight(c, rank[CELL_CAT(v, a)], rank[CELL_CAT(v, b)]) * CELL_CNT(v, b);
		s += CELL_CNT(v, a) * (nstar - 1.0);
	}
	return s;
}

/* sum_k n_ik f[rank k] over the cells of item i. */
static double
item_dot(const iview *v, uint32_t i, const double *f, const uint32_t *rank)
{
	uint64_t	a;
	double		s = 0.0;

	for (a = v->start[i]; a < v->start[i + 1]; a++)
		s += CELL_CNT(v, a) * f[rank[CELL_CAT(v, a)]];
	return s;
}

/* t interval of irrCAC, the upper bound capped at 1. */
static void
t_interval(annot_agree_result *r, double df, double confidence)
{
	double		t;

	if (!(df >= 1) || isnan(r->se))
		return;
	t = annot_t_quantile(1.0 - (1.0 - confidence) / 2.0, df);
	r->ci_lower = r->estimate - r->se * t;
	r->ci_upper = fmin(1.0, r->estimate + r->se * t);
}

typedef enum item_coef
{
	COEF_FLEISS,
	COEF_GWET,
	COEF_PERCENT
} item_coef;

/* Fleiss' generalized kappa, Gwet's AC1/AC2 and percent agreement. */
static annot_status
item_coefficient(const annot_agree_items *s, item_coef which,
				 annot_agree_result *r, annot_err *err)
{
	annot_status st;
	iview		v;
	wctx		c;
	uint32_t   *rank = NULL;
	double	   *pi = NULL;
	double	   *aux = NULL;
	double	   *sumq = NULL;
	double		n = 0;
	double		n2 = 0;
	double		pa = 0.0;
	double		pe = 0.0;
	double		coef;
	double		gfac = 0.0;
	uint32_t	i;
	uint32_t	k;
	uint64_t	a;

	annot_err_about(err, "weights", NULL);
	result_init(r);
	r->n_ratings = s->n;
	memset(&c, 0, sizeof(c));
	if ((st = iview_make(s, &v, err)) != ANNOT_OK)
		return st;
	rank = annot_alloc(sizeof(uint32_t) * ((size_t) v.cats->n + 1));
	pi = annot_alloc(sizeof(double) * ((size_t) v.cats->n + 1));
	aux = annot_alloc(sizeof(double) * ((size_t) v.cats->n + 1));
	sumq = annot_alloc(sizeof(double) * ((size_t) v.n + 1));
	if (!rank || !pi || !aux || !sumq)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory for agreement.");
		goto done;
	}
	st = wctx_make(v.cats, NULL, (annot_agree_weights) s->params.weights,
				   false, NULL, &c, rank, err);
	if (st != ANNOT_OK)
		goto done;
	r->n_categories = (int32_t) c.q;

	for (k = 0; k < c.q; k++)
		pi[k] = 0.0;
	for (i = 0; i < v.n; i++)
	{
		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		if (v.r[i] < 1)
			continue;
		n++;
		sumq[i] = item_pairs(&v, i, &c, rank);
		if (v.r[i] >= 2)
		{
			n2++;
			pa += sumq[i] / (v.r[i] * (v.r[i] - 1.0));
		}
		for (a = v.start[i]; a < v.start[i + 1]; a++)
			pi[rank[CELL_CAT(&v, a)]] += CELL_CNT(&v, a) / v.r[i];
	}
	r->n_items = (int64_t) n;
	if (n2 == 0)
		goto done;				/* no item with two ratings: nothing to compare */
	pa /= n2;
	r->pa = pa;
	for (k = 0; k < c.q; k++)
		pi[k] /= n;

	if (which == COEF_PERCENT)
		pe = 0.0;
	else if (c.q < 2)
	{
		r->pe = 1.0;
		goto done;				/* one category: chance agreement 1 */
	}
	else if (which == COEF_FLEISS)
	{
		weight_apply(&c, pi, aux);
		for (k = 0; k < c.q; k++)
			pe += pi[k] * aux[k];
	}
	else
	{
		gfac = weight_sum(&c) / ((double) c.q * (c.q - 1.0));
		for (k = 0; k < c.q; k++)
		{
			pe += pi[k] * (1.0 - pi[k]);
			aux[k] = 1.0 - pi[k];
		}
		pe *= gfac;
	}
	r->pe = pe;
	if (!(pe < 1.0))
		goto done;
	coef = (pa - pe) / (1.0 - pe);
	r->estimate = coef;

	if (n >= 2)
	{
		double		acc = 0.0;

		for (i = 0; i < v.n; i++)
		{
			double		pai;
			double		x;

			if (v.r[i] < 1)
				continue;
			pai = v.r[i] >= 2 ? sumq[i] / (v.r[i] * (v.r[i] - 1.0)) : 0.0;
			if (which == COEF_PERCENT)
				x = (n / n2) * pai;
			else
			{
				double		pei = item_dot(&v, i, aux, rank) / v.r[i];

				if (which == COEF_GWET)
					pei *= gfac;
				x = (n / n2) * (pai - (v.r[i] >= 2 ? pe : 0.0)) / (1.0 - pe);
				x -= 2.0 * (1.0 - coef) * (pei - pe) / (1.0 - pe);
			}
			acc += (x - coef) * (x - coef);
		}
		r->se = sqrt(acc / (n * (n - 1.0)));
		t_interval(r, n - 1.0, s->params.confidence);
	}
done:
	wctx_free(&c);
	iview_free(&v);
	annot_free(rank);
	annot_free(pi);
	annot_free(aux);
	annot_free(sumq);
	return st;
}

annot_status
annot_agree_fleiss(const annot_agree_items *s, annot_agree_result *r,
				   annot_err *err)
{
	return item_coefficient(s, COEF_FLEISS, r, err);
}

annot_status
annot_agree_gwet(const annot_agree_items *s, annot_agree_result *r,
				 annot_err *err)
{
	return item_coefficient(s, COEF_GWET, r, err);
}

annot_status
annot_agree_percent(const annot_agree_items *s, annot_agree_result *r,
					annot_err *err)
{
	return item_coefficient(s, COEF_PERCENT, r, err);
}

/* ---------------------------------------------------------------------
 * Krippendorff's alpha
 * --------------------------------------------------------------------- */

annot_status
annot_agree_krippendorff(const annot_agree_items *s, annot_agree_result *r,
						 annot_err *err)
{
	annot_status st;
	iview		v;
	wctx		c;
	uint32_t   *rank = NULL;
	double	   *marg = NULL;
	double	   *pi = NULL;
	double	   *piw = NULL;
	double	   *sumq = NULL;
	bool	   *present = NULL;
	double		n0 = 0;
	double		n = 0;
	double		total = 0;
	double		rmean;
	double		epsi;
	double		paprime = 0.0;
	double		pa;
	double		pe = 0.0;
	double		alpha;
	double		alphap;
	uint32_t	q2 = 0;
	uint32_t	i;
	uint32_t	k;
	uint64_t	a;

	annot_err_about(err, "weights", NULL);
	result_init(r);
	memset(&c, 0, sizeof(c));
	if ((st = iview_make(s, &v, err)) != ANNOT_OK)
		return st;
	rank = annot_alloc(sizeof(uint32_t) * ((size_t) v.cats->n + 1));
	marg = annot_alloc(sizeof(double) * ((size_t) v.cats->n + 1));
	pi = annot_alloc(sizeof(double) * ((size_t) v.cats->n + 1));
	piw = annot_alloc(sizeof(double) * ((size_t) v.cats->n + 1));
	present = annot_alloc(sizeof(bool) * ((size_t) v.cats->n + 1));
	sumq = annot_alloc(sizeof(double) * ((size_t) v.n + 1));
	if (!rank || !marg || !pi || !piw || !present || !sumq)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory for Krippendorff's alpha.");
		goto done;
	}

	/* only pairable values (units with two or more) count */
	for (k = 0; k < v.cats->n; k++)
		marg[k] = 0.0;
	for (i = 0; i < v.n; i++)
	{
		if (v.r[i] >= 1)
			n0++;
		if (v.r[i] < 2)
			continue;
		n++;
		total += v.r[i];
		for (a = v.start[i]; a < v.start[i + 1]; a++)
			marg[CELL_CAT(&v, a)] += CELL_CNT(&v, a);
	}
	for (k = 0; k < v.cats->n; k++)
	{
		present[k] = true;
		if (marg[k] > 0)
			q2++;
	}
	r->n_items = (int64_t) n;
	r->n_ratings = (int64_t) total;
	r->n_categories = (int32_t) q2;
	if (n == 0)
		goto done;
	st = wctx_make(v.cats, present, (annot_agree_weights) s->params.weights,
				   false, marg, &c, rank, err);
	if (st != ANNOT_OK)
		goto done;

	rmean = total / n;
	epsi = 1.0 / total;
	for (k = 0; k < c.q; k++)
		pi[k] = 0.0;
	for (i = 0; i < v.n; i++)
	{
		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		if (v.r[i] < 2)
			continue;
		sumq[i] = item_pairs(&v, i, &c, rank);
		paprime += sumq[i] / (rmean * (v.r[i] - 1.0));
		for (a = v.start[i]; a < v.start[i + 1]; a++)
			pi[rank[CELL_CAT(&v, a)]] += CELL_CNT(&v, a) / rmean;
	}
	paprime /= n;
	pa = (1.0 - epsi) * paprime + epsi;
	r->pa = pa;
	for (k = 0; k < c.q; k++)
		pi[k] /= n;
	if (q2 < 2)
	{
		r->pe = 1.0;
		goto done;				/* one value: no disagreement to expect */
	}
	weight_apply(&c, pi, piw);
	for (k = 0; k < c.q; k++)
		pe += pi[k] * piw[k];
	r->pe = pe;
	if (!(pe < 1.0))
		goto done;
	alpha = (pa - pe) / (1.0 - pe);
	alphap = (paprime - pe) / (1.0 - pe);
	r->estimate = alpha;

	if (n >= 2)
	{
		double		acc = 0.0;

		for (i = 0; i < v.n; i++)
		{
			double		pai;
			double		pei;
			double		x;

			if (v.r[i] < 2)
				continue;
			pai = sumq[i] / (rmean * (v.r[i] - 1.0)) -
				paprime * (v.r[i] - rmean) / rmean;
			pei = item_dot(&v, i, piw, rank) / rmean - pe * (v.r[i] - rmean) / rmean;
			x = (pai - pe) / (1.0 - pe) - 2.0 * (1.0 - alphap) * (pei - pe) / (1.0 - pe);
			acc += (x - alphap) * (x - alphap);
		}
		r->se = sqrt(acc / (n * (n - 1.0)));
		/* irrCAC takes the degrees of freedom from all rated units */
		t_interval(r, n0 - 1.0, s->params.confidence);
	}
done:
	wctx_free(&c);
	iview_free(&v);
	annot_free(rank);
	annot_free(marg);
	annot_free(pi);
	annot_free(piw);
	annot_free(sumq);
	annot_free(present);
	return st;
}
