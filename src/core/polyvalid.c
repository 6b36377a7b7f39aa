/*
 * polyvalid.c -- the validity check of polygons, and the exact orientation
 * predicate it rests on.
 *
 * Orientation follows Shewchuk, "Adaptive Precision Floating-Point
 * Arithmetic and Fast Robust Geometric Predicates" (1997): a floating-point
 * determinant with a forward error bound decides almost every case; the
 * rest are decided exactly by expanding the determinant into six products,
 * each split exactly into two doubles with fma, and summing the twelve
 * terms exactly as a nonoverlapping expansion (Grow-Expansion).
 */
#include "poly.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "polysweep.h"

/* x + y = s + e exactly (Knuth's TwoSum). */
static inline void
two_sum(double a, double b, double *s, double *e)
{
	double		x = a + b;
	double		bv = x - a;
	double		av = x - bv;

	*s = x;
	*e = (a - av) + (b - bv);
}

/* Add b to the expansion e[0..n), in place; returns the new length. */
static int
grow_expansion(double *e, int n, double b)
{
	double		q = b;
	int			i;

	for (i = 0; i < n; i++)
	{
		double		s;
		double		lo;

		two_sum(q, e[i], &s, &lo);
		e[i] = lo;
		q = s;
	}
	e[n] = q;
	return n + 1;
}

/* Add the exact product a * b to the expansion. */
static int
grow_product(double *e, int n, double a, double b)
{
	double		p = a * b;
	double		lo = fma(a, b, -p);

	n = grow_expansion(e, n, lo);
	return grow_expansion(e, n, p);
}

int
annot_orient2d(double ax, double ay, double bx, double by, double cx, double cy)
{
	/* Shewchuk's ccwerrboundA: (3 + 16 eps) eps with eps = 2^-53 */
	const double errbound = 3.3306690738754716e-16;
	double		detleft = (ax - cx) * (by - cy);
	double		detright = (ay - cy) * (bx - cx);
	double		det = detleft - detright;
	double		detsum = fabs(detleft) + fabs(detright);
	double		e[12];
	int			n = 0;

	if ((detleft > 0 && detright <= 0) || (detleft < 0 && detright >= 0))
		return (det > 0) - (det < 0);
	if (detleft != 0 && fabs(det) > errbound * detsum)
		return (det > 0) - (det < 0);

	/* (ax-cx)(by-cy) - (ay-cy)(bx-cx), expanded; cx*cy cancels */
	n = grow_product(e, n, ax, by);
	n = grow_product(e, n, -ax, cy);
	n = grow_product(e, n, -cx, by);
	n = grow_product(e, n, -ay, bx);
	n = grow_product(e, n, ay, cx);
	n = grow_product(e, n, cy, bx);
	while (n > 0)
	{
		n--;
		if (e[n] != 0)
			return e[n] > 0 ? 1 : -1;
	}
	return 0;
}

const char *
annot_poly_problem_name(annot_poly_problem p)
{
	switch (p)
	{
		case ANNOT_POLY_VALID:
			return "valid";
		case ANNOT_POLY_REPEATED_POINT:
			return "repeated point";
		case ANNOT_POLY_ZERO_AREA:
			return "zero-area ring";
		case ANNOT_POLY_SPIKE:
			return "spike";
		case ANNOT_POLY_SELF_INTERSECTION:
			return "self-intersection";
		case ANNOT_POLY_RINGS_OVERLAP:
			return "overlapping rings";
	}
	return "unknown";
}

int
annot_poly_validity_format(const annot_poly_validity *v, char *buf, size_t len)
{
	char		x[ANNOT_DBL_BUFLEN];
	char		y[ANNOT_DBL_BUFLEN];

	annot_format_double(x, v->x);
	annot_format_double(y, v->y);
	switch (v->problem)
	{
		case ANNOT_POLY_VALID:
			return snprintf(buf, len, "Valid");
		case ANNOT_POLY_REPEATED_POINT:
			return snprintf(buf, len, "Repeated point at ring %d, point %d (%s,%s)",
							(int) v->ring, (int) v->point, x, y);
		case ANNOT_POLY_ZERO_AREA:
			return snprintf(buf, len, "Zero-area ring %d: all its points are collinear",
							(int) v->ring);
		case ANNOT_POLY_SPIKE:
			return snprintf(buf, len, "Spike at ring %d, point %d (%s,%s)",
							(int) v->ring, (int) v->point, x, y);
		case ANNOT_POLY_SELF_INTERSECTION:
			return snprintf(buf, len, "Self-intersection in ring %d: the edges from points %d and %d meet near (%s,%s)",
							(int) v->ring, (int) v->point, (int) v->other_point, x, y);
		case ANNOT_POLY_RINGS_OVERLAP:
			return snprintf(buf, len, "Rings %d and %d overlap near (%s,%s)",
							(int) v->ring, (int) v->other_ring, x, y);
	}
	return snprintf(buf, len, "Unknown problem");
}

static void
set_problem(annot_poly_validity *out, annot_poly_problem p, int32_t ring,
			int32_t point, int32_t other, double x, double y)
{
	out->problem = p;
	out->ring = ring;
	out->point = point;
	out->other_ring = other;
	out->other_point = 0;
	out->x = x;
	out->y = y;
}

/* Checks of one ring alone: repeated points, zero area, spikes. */
static bool
check_ring(const annot_rings *r, int32_t ring, annot_poly_validity *out)
{
	int32_t		start = annot_rings_start(r, ring);
	int32_t		n = r->end[ring] - start;
	const double *p = r->xy + 2 * (size_t) start;
	int32_t		i;
	bool		collinear = true;

	for (i = 0; i < n; i++)
	{
		const double *a = p + 2 * i;
		const double *b = p + 2 * ((i + 1) % n);

		if (a[0] == b[0] && a[1] == b[1])
		{
			set_problem(out, ANNOT_POLY_REPEATED_POINT, ring + 1,
						(i + 1) % n + 1, 0, b[0], b[1]);
			return false;
		}
	}
	for (i = 2; i < n && collinear; i++)
		collinear = annot_orient2d(p[0], p[1], p[2], p[3], p[2 * i], p[2 * i + 1]) == 0;
	if (collinear)
	{
		set_problem(out, ANNOT_POLY_ZERO_AREA, ring + 1, 0, 0, NAN, NAN);
		return false;
	}
	for (i = 0; i < n; i++)
	{
		const double *a = p + 2 * ((i + n - 1) % n);
		const double *b = p + 2 * i;
		const double *c = p + 2 * ((i + 1) % n);

		if (annot_orient2d(a[0], a[1], b[0], b[1], c[0], c[1]) == 0 &&
			((a[0] > b[0]) - (a[0] < b[0])) == ((c[0] > b[0]) - (c[0] < b[0])) &&
			((a[1] > b[1]) - (a[1] < b[1])) == ((c[1] > b[1]) - (c[1] < b[1])))
		{
			set_problem(out, ANNOT_POLY_SPIKE, ring + 1, i + 1, 0, b[0], b[1]);
			return false;
		}
	}
	return true;
}

typedef struct vedge
{
	double		xmin;
	double		xmax;
	double		ymin;
	double		ymax;
	int32_t		ring;
	int32_t		i;				/* start point (index into xy) */
	int32_t		j;				/* end point */
	int32_t		pos;			/* 0-based position of the start in its ring */
} vedge;

/* Do the closed segments p-q and r-s meet?  *proper: they cross. */
static bool
segments_meet(const double *p, const double *q, const double *r,
			  const double *s, bool *proper)
{
	int			o1 = annot_orient2d(p[0], p[1], q[0], q[1], r[0], r[1]);
	int			o2 = annot_orient2d(p[0], p[1], q[0], q[1], s[0], s[1]);
	int			o3 = annot_orient2d(r[0], r[1], s[0], s[1], p[0], p[1]);
	int			o4 = annot_orient2d(r[0], r[1], s[0], s[1], q[0], q[1]);

	*proper = false;
	if (o1 * o2 > 0 || o3 * o4 > 0)
		return false;
	if (o1 == 0 && o2 == 0)
	{
		/* collinear: do the projections overlap (or touch)? */
		bool		use_x = p[0] != q[0];
		int			k = use_x ? 0 : 1;

		return fmax(fmin(p[k], q[k]), fmin(r[k], s[k])) <=
			fmin(fmax(p[k], q[k]), fmax(r[k], s[k]));
	}
	*proper = o1 * o2 < 0 && o3 * o4 < 0;
	return true;
}

/* Approximate meeting point of two segments that meet, for messages. */
static void
meeting_point(const double *p, const double *q, const double *r,
			  const double *s, double *x, double *y)
{
	double		dx = q[0] - p[0];
	double		dy = q[1] - p[1];
	double		ex = s[0] - r[0];
	double		ey = s[1] - r[1];
	double		den = dx * ey - dy * ex;
	const double *cand[4] = {p, q, r, s};
	int			k;

	if (den != 0)
	{
		double		t = ((r[0] - p[0]) * ey - (r[1] - p[1]) * ex) / den;

		if (t >= 0 && t <= 1)
		{
			*x = p[0] + t * dx;
			*y = p[1] + t * dy;
			return;
		}
	}
	/* touching or collinear: an endpoint that lies on the other segment */
	for (k = 0; k < 4; k++)
	{
		const double *a = k < 2 ? r : p;
		const double *b = k < 2 ? s : q;
		const double *c = cand[k];

		if (annot_orient2d(a[0], a[1], b[0], b[1], c[0], c[1]) == 0 &&
			c[0] >= fmin(a[0], b[0]) && c[0] <= fmax(a[0], b[0]) &&
			c[1] >= fmin(a[1], b[1]) && c[1] <= fmax(a[1], b[1]))
		{
			*x = c[0];
			*y = c[1];
			return;
		}
	}
	*x = p[0];
	*y = p[1];
}

/*
 * Find a pair of edges that meet where they must not: two edges of one
 * ring other than neighbours, or edges of two rings crossing properly.
 */
static annot_status
find_intersections(const annot_rings *r, annot_poly_validity *out, bool *found,
				   annot_err *err)
{
	int32_t		n = r->npoints;
	vedge	   *e = annot_alloc(sizeof(vedge) * ((size_t) n + 1));
	int32_t    *order = annot_alloc(sizeof(int32_t) * ((size_t) n + 1));
	int32_t    *act = annot_alloc(sizeof(int32_t) * ((size_t) n + 1));
	double	   *k1 = annot_alloc(sizeof(double) * ((size_t) n + 1));
	double	   *k2 = annot_alloc(sizeof(double) * ((size_t) n + 1));
	int32_t		nact = 0;
	int32_t		ring;
	int32_t		m = 0;
	int32_t		t;
	long		work = 0;

	*found = false;
	if (!e || !order || !act || !k1 || !k2)
	{
		annot_free(e);
		annot_free(order);
		annot_free(act);
		annot_free(k1);
		annot_free(k2);
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	}
	for (ring = 0; ring < r->nrings; ring++)
	{
		int32_t		start = annot_rings_start(r, ring);
		int32_t		end = r->end[ring];
		int32_t		i;

		for (i = start; i < end; i++)
		{
			int32_t		j = i + 1 < end ? i + 1 : start;
			const double *a = r->xy + 2 * (size_t) i;
			const double *b = r->xy + 2 * (size_t) j;

			e[m].xmin = fmin(a[0], b[0]);
			e[m].xmax = fmax(a[0], b[0]);
			e[m].ymin = fmin(a[1], b[1]);
			e[m].ymax = fmax(a[1], b[1]);
			e[m].ring = ring;
			e[m].i = i;
			e[m].j = j;
			e[m].pos = i - start;
			order[m] = m;
			k1[m] = e[m].xmin;
			k2[m] = (double) m;
			m++;
		}
	}
	annot_sort_by_keys(order, m, k1, k2);

	/*
	 * Sweep by xmin, keeping the edges whose x-range is still open; test
	 * each new edge against those whose y-range meets its own.
	 */
	for (t = 0; t < m && !*found; t++)
	{
		const vedge *f = &e[order[t]];
		int32_t		q;
		int32_t		kept = 0;

		for (q = 0; q < nact; q++)
			if (e[act[q]].xmax >= f->xmin)
				act[kept++] = act[q];
		nact = kept;
		work += nact;
		if (work > 65536)
		{
			work = 0;
			annot_check_interrupts();
		}
		for (q = 0; q < nact && !*found; q++)
		{
			const vedge *g = &e[act[q]];
			const double *p1 = r->xy + 2 * (size_t) f->i;
			const double *p2 = r->xy + 2 * (size_t) f->j;
			const double *q1 = r->xy + 2 * (size_t) g->i;
			const double *q2 = r->xy + 2 * (size_t) g->j;
			bool		proper;
			double		x;
			double		y;

			if (g->ymax < f->ymin || g->ymin > f->ymax)
				continue;
			/* neighbours on a ring share a point; spikes were checked */
			if (f->ring == g->ring && (f->j == g->i || g->j == f->i))
				continue;
			if (!segments_meet(p1, p2, q1, q2, &proper))
				continue;
			if (f->ring == g->ring)
			{
				const vedge *first = f->pos < g->pos ? f : g;
				const vedge *second = f->pos < g->pos ? g : f;

				meeting_point(p1, p2, q1, q2, &x, &y);
				set_problem(out, ANNOT_POLY_SELF_INTERSECTION, f->ring + 1,
							first->pos + 1, 0, x, y);
				out->other_point = second->pos + 1;
				*found = true;
			}
			else if (proper)
			{
				meeting_point(p1, p2, q1, q2, &x, &y);
				set_problem(out, ANNOT_POLY_RINGS_OVERLAP,
							(f->ring < g->ring ? f->ring : g->ring) + 1, 0,
							(f->ring < g->ring ? g->ring : f->ring) + 1, x, y);
				*found = true;
			}
		}
		act[nact++] = order[t];
	}
	annot_free(e);
	annot_free(order);
	annot_free(act);
	annot_free(k1);
	annot_free(k2);
	return ANNOT_OK;
}

/* State of the search for a point inside two rings at once. */
typedef struct overlap_acc
{
	bool		found;
	int32_t		ring_a;
	int32_t		ring_b;
	double		x;
	double		y;
} overlap_acc;

/*
 * A gap inside two or more rings overlaps them, unless its height is at
 * the rounding level of its coordinates: edges that touch or share a
 * stretch leave such gaps where the sweep orders them by rounded values.
 */
static void
emit_overlap(sweep *s, double a, double b, const double *ya, const double *yb)
{
	overlap_acc *acc = s->ctx;
	int32_t		n = s->nact;
	int32_t		i;

	s->cnt[0] = 0;
	for (i = 0; i < n; i++)
	{
		const sw_edge *e = &s->e[s->act[i]];

		s->cnt[0] += (s->par[e->ring] ^= 1) ? 1 : -1;
		if (i + 1 < n && s->cnt[0] >= 2 && !acc->found)
		{
			double		h = (ya[i + 1] - ya[i]) + (yb[i + 1] - yb[i]);
			double		tol = 8 * DBL_EPSILON *
				(fabs(ya[i]) + fabs(ya[i + 1]) + fabs(yb[i]) + fabs(yb[i + 1]));

			if (h > tol)
			{
				int32_t		k;

				acc->found = true;
				acc->ring_a = acc->ring_b = -1;
				for (k = 0; k < s->npar; k++)
					if (s->par[k])
					{
						if (acc->ring_a < 0)
							acc->ring_a = k;
						else if (acc->ring_b < 0)
							acc->ring_b = k;
					}
				acc->x = a / 2 + b / 2;
				acc->y = (ya[i] + ya[i + 1] + yb[i] + yb[i + 1]) / 4;
			}
		}
	}
	if (acc->found)
		s->stop = true;
}

annot_status
annot_rings_validity(const annot_rings *r, annot_poly_validity *out,
					 annot_err *err)
{
	int32_t		ring;
	bool		found;
	annot_status st;

	set_problem(out, ANNOT_POLY_VALID, 0, 0, 0, NAN, NAN);
	for (ring = 0; ring < r->nrings; ring++)
		if (!check_ring(r, ring, out))
			return ANNOT_OK;
	if ((st = find_intersections(r, out, &found, err)) != ANNOT_OK || found)
		return st;
	if (r->nrings > 1)
	{
		sweep		s;
		overlap_acc acc;

		memset(&acc, 0, sizeof(acc));
		if ((st = annot_sweep_init(&s, r, NULL, -INFINITY, INFINITY, err)) != ANNOT_OK)
			return st;
		s.emit = emit_overlap;
		s.ctx = &acc;
		st = annot_sweep_run(&s, err);
		annot_sweep_free(&s);
		if (st != ANNOT_OK)
			return st;
		if (acc.found)
			set_problem(out, ANNOT_POLY_RINGS_OVERLAP, acc.ring_a + 1, 0,
						acc.ring_b + 1, acc.x, acc.y);
	}
	return ANNOT_OK;
}
