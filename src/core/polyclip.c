/*
 * polyclip.c -- exact areas, intersection areas, centroids and the region's
 * boundary, all from the slab sweep of polysweep.c.
 *
 * Area: in a sub-slab [a, b] the gap between consecutive edges i and i+1
 * is a trapezoid of area (b - a) * ((ya[i+1] - ya[i]) + (yb[i+1] - yb[i])) / 2,
 * inside operand k when some ring of k has odd parity below it.
 *
 * Boundary: each run of gaps inside the region contributes its bottom edge
 * (left to right) and top edge (right to left) to the boundary, so the
 * region is on the left of every piece; at each slab boundary the
 * difference between the runs ending there and the runs starting there is
 * closed by vertical pieces.  Pieces are linked into rings at their shared
 * end points (exactly equal, as the sweep computes each boundary y once),
 * taking at a point where the boundary touches itself the sharpest
 * clockwise turn, so that rings stay simple.
 */
#include "poly.h"

#include <math.h>
#include <string.h>

#include "polysweep.h"

#define TWO_PI 6.283185307179586

/* Areas */

/*
 * Walk one sub-slab: twice the area of the gaps inside operand 0's region
 * (s->walk 1: some ring of it with odd parity below the gap) or inside
 * both operands' regions (s->walk 2).
 */
static void
emit_area(sweep *s, double a, double b, const double *ya, const double *yb)
{
	double	   *acc = s->ctx;
	double		h = 0.0;
	int32_t		n = s->nact;
	int32_t		odd[2] = {0, 0};
	int			one_op = s->walk == 1;
	int32_t		i;
	uint8_t    *restrict par = s->par;

	if (n == 0)
		return;
	for (i = 0; i + 1 < n; i++)
	{
		const sw_edge *e = &s->e[s->act[i]];

		/* no branch on the parity: it mispredicts */
		odd[e->op] += 2 * (par[e->ring] ^= 1) - 1;
		h += ((odd[0] > 0) & ((odd[1] > 0) | one_op)) *
			((ya[i + 1] - ya[i]) + (yb[i + 1] - yb[i]));
	}
	par[s->e[s->act[n - 1]].ring] ^= 1;
	*acc += h * (b - a);
}

/*
 * Area of operand a's region (b NULL) or of the intersection of a's and
 * b's, swept over the x-range [xlo, xhi].
 */
static annot_status
sweep_area(const annot_rings *a, const annot_rings *b, double xlo, double xhi,
		   double *area, annot_err *err)
{
	sweep		s;
	double		twice = 0.0;
	annot_status st;

	if ((st = annot_sweep_init(&s, a, b, xlo, xhi, err)) != ANNOT_OK)
		return st;
	s.emit = emit_area;
	s.ctx = &twice;
	s.walk = b ? 2 : 1;
	s.area = &twice;
	st = annot_sweep_run(&s, err);
	annot_sweep_free(&s);
	/* rounding can tip a sliver's sum below zero; no region has less */
	*area = twice > 0 ? twice / 2.0 : 0.0;
	return st;
}

annot_status
annot_rings_area(const annot_rings *r, double *area, annot_err *err)
{
	return sweep_area(r, NULL, -INFINITY, INFINITY, area, err);
}

annot_status
annot_rings_intersection_area(const annot_rings *a, const annot_bbox *ba,
							  const annot_rings *b, const annot_bbox *bb,
							  double *inter, annot_err *err)
{
	double		xlo = fmax(ba->x1, bb->x1);
	double		xhi = fmin(ba->x2, bb->x2);

	*inter = 0.0;
	/* regions whose boxes meet in no area share no area */
	if (!(xlo < xhi) || !(fmax(ba->y1, bb->y1) < fmin(ba->y2, bb->y2)))
		return ANNOT_OK;
	return sweep_area(a, b, xlo, xhi, inter, err);
}

/* Centroid: first moments of the trapezoids, relative to a reference point */

typedef struct moment_acc
{
	double		xref;
	double		yref;
	double		area;			/* twice the area */
	double		mx;				/* six times the moments */
	double		my;
} moment_acc;

static void
emit_moments(sweep *s, double a, double b, const double *ya, const double *yb)
{
	moment_acc *acc = s->ctx;
	double		w = b - a;
	double		ax = a - acc->xref;
	int32_t		n = s->nact;
	int32_t		i;

	s->cnt[0] = 0;
	for (i = 0; i < n; i++)
	{
		const sw_edge *e = &s->e[s->act[i]];
		double		ha;
		double		hb;
		double		ma;
		double		mb;

		s->cnt[0] += (s->par[e->ring] ^= 1) ? 1 : -1;
		if (i + 1 == n || s->cnt[0] == 0)
			continue;

		/*
		 * A trapezoid of heights ha, hb and mid-lines ma, mb (relative to
		 * yref) at its two ends: area w (ha + hb) / 2, x-moment about a
		 * w^2 (ha + 2 hb) / 6, y-moment w (2 ha ma + ha mb + hb ma + 2 hb mb) / 6.
		 */
		ha = ya[i + 1] - ya[i];
		hb = yb[i + 1] - yb[i];
		ma = (ya[i + 1] + ya[i]) / 2 - acc->yref;
		mb = (yb[i + 1] + yb[i]) / 2 - acc->yref;
		acc->area += w * (ha + hb);
		acc->mx += w * (3.0 * ax * (ha + hb) + w * (ha + 2.0 * hb));
		acc->my += w * (2.0 * ha * ma + ha * mb + hb * ma + 2.0 * hb * mb);
	}
}

annot_status
annot_rings_centroid(const annot_rings *r, double *cx, double *cy, bool *found,
					 annot_err *err)
{
	sweep		s;
	moment_acc	acc;
	annot_bbox	box;
	annot_status st;

	annot_rings_bbox(r, &box);
	memset(&acc, 0, sizeof(acc));
	acc.xref = box.x1 / 2 + box.x2 / 2;
	acc.yref = box.y1 / 2 + box.y2 / 2;
	*found = false;
	if ((st = annot_sweep_init(&s, r, NULL, -INFINITY, INFINITY, err)) != ANNOT_OK)
		return st;
	s.emit = emit_moments;
	s.ctx = &acc;
	st = annot_sweep_run(&s, err);
	annot_sweep_free(&s);
	if (st != ANNOT_OK)
		return st;
	if (acc.area > 0)
	{
		/* area holds 2A, the moments 6M: M / A = 2 (6M) / (6 (2A)) */
		*cx = acc.xref + acc.mx / (3.0 * acc.area);
		*cy = acc.yref + acc.my / (3.0 * acc.area);
		*found = true;
	}
	return ANNOT_OK;
}

/* Boundary extraction */

typedef struct piece
{
	double		x0;
	double		y0;
	double		x1;
	double		y1;
	int32_t		src;			/* source edge, or -1 for a vertical piece */
	int32_t		next;			/* following piece on its ring */
	bool		junction;		/* its end point starts several pieces */
} piece;

typedef struct run
{
	double		lo;
	double		hi;
} run;

/* A growable array: its data, its length and its capacity. */
#define VEC(T) struct { T *v; int32_t n; int32_t cap; }

typedef struct vert_event
{
	double		y;
	double		d;				/* +1 or -1: the change of L - R coverage */
	int32_t		run;			/* run index: L runs first, then R runs */
	int32_t		start;			/* 1 at a run's low end */
} vert_event;

typedef struct bound_acc
{
	VEC(piece) pc;
	VEC(run) left;				/* runs of the last sub-slab at its right end */
	VEC(run) cur;				/* runs of this sub-slab at its left end */
	VEC(run) right;				/* ... and at its right end */
	VEC(vert_event) ev;
	VEC(int32_t) idx;
	VEC(double) k1;
	VEC(double) k2;
	double		left_x;
	bool		have_left;
} bound_acc;

/* Make room for need elements of size elem in *p (capacity *cap). */
static bool
grow(void **p, int32_t *cap, int32_t need, size_t elem)
{
	int32_t		ncap;
	void	   *q;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap : 16;
	while (ncap < need)
		ncap *= 2;
	q = annot_realloc(*p, elem * (size_t) ncap);
	if (q == NULL)
		return false;
	*p = q;
	*cap = ncap;
	return true;
}

#define VEC_GROW(vec, need) \
	grow((void **) &(vec).v, &(vec).cap, (need), sizeof(*(vec).v))

static bool
add_piece(bound_acc *acc, double x0, double y0, double x1, double y1,
		  int32_t src)
{
	piece	   *p;

	if (!VEC_GROW(acc->pc, acc->pc.n + 1))
		return false;
	p = &acc->pc.v[acc->pc.n++];
	p->x0 = x0;
	p->y0 = y0;
	p->x1 = x1;
	p->y1 = y1;
	p->src = src;
	p->next = -1;
	p->junction = false;
	return true;
}

/* Does a cut at x cover the y-range [lo, hi]? */
static bool
is_cut(const sweep *s, double x, double lo, double hi)
{
	int32_t		i;

	for (i = 0; i < s->ncuts; i++)
		if (s->cuts[i].x == x && lo <= s->cuts[i].yhi && hi >= s->cuts[i].ylo)
			return true;
	return false;
}

/* Add |c| vertical pieces at x over (lo, hi): up when c > 0, else down. */
static bool
add_vertical(bound_acc *acc, double x, double lo, double hi, int32_t c)
{
	int32_t		m;

	/* a point is no piece: it has no direction to link by */
	if (!(hi > lo))
		return true;
	for (m = 0; m < (c > 0 ? c : -c); m++)
		if (!add_piece(acc, x, c > 0 ? lo : hi, x, c > 0 ? hi : lo, -1))
			return false;
	return true;
}

/*
 * Close events [first, last) of the sorted list with vertical pieces:
 * with c = (L coverage) - (R coverage), where c > 0 the region lies west
 * only and the boundary goes up, where c < 0 east only and it goes down.
 */
static bool
glue_events(bound_acc *acc, double x, int32_t first, int32_t last)
{
	int32_t		c = 0;
	int32_t		j = first;
	double		prev = 0.0;

	while (j < last)
	{
		double		y = acc->ev.v[acc->idx.v[j]].y;

		if (c != 0 && y > prev && !add_vertical(acc, x, prev, y, c))
			return false;
		while (j < last && acc->ev.v[acc->idx.v[j]].y == y)
		{
			c += (int32_t) acc->ev.v[acc->idx.v[j]].d;
			j++;
		}
		prev = y;
	}
	return true;
}

/*
 * Vertical pieces at x between the runs L ending there and the runs R
 * starting there.  Where a cut crosses, a cluster of overlapping runs is
 * not glued: each of its runs is closed on its own.
 */
static bool
vertical_pieces(sweep *s, bound_acc *acc, double x, const run *L, int32_t nl,
				const run *R, int32_t nr)
{
	int32_t		nev = 2 * (nl + nr);
	int32_t		i;
	bool		any_cut = false;

	if (nev == 0)
		return true;
	if (!VEC_GROW(acc->ev, nev) || !VEC_GROW(acc->idx, nev) ||
		!VEC_GROW(acc->k1, nev) || !VEC_GROW(acc->k2, nev))
		return false;
	for (i = 0; i < nl + nr; i++)
	{
		const run  *rr = i < nl ? &L[i] : &R[i - nl];
		double		sign = i < nl ? 1.0 : -1.0;
		vert_event *lo = &acc->ev.v[2 * i];
		vert_event *hi = &acc->ev.v[2 * i + 1];

		lo->y = rr->lo, lo->d = sign, lo->run = i, lo->start = 1;
		hi->y = rr->hi, hi->d = -sign, hi->run = i, hi->start = 0;
		/* a run inverted by rounding still opens at its lower end */
		if (rr->hi < rr->lo)
			lo->start = 0, hi->start = 1;
	}
	for (i = 0; i < nev; i++)
	{
		acc->idx.v[i] = i;
		acc->k1.v[i] = acc->ev.v[i].y;
		acc->k2.v[i] = -acc->ev.v[i].start;	/* starts first at equal y */
	}
	annot_sort_by_keys(acc->idx.v, nev, acc->k1.v, acc->k2.v);
	for (i = 0; i < s->ncuts; i++)
		any_cut |= s->cuts[i].x == x;
	if (!any_cut)
		return glue_events(acc, x, 0, nev);

	for (i = 0; i < nev;)
	{
		int32_t		first = i;
		int32_t		open = 0;
		int32_t		j;
		double		lo = acc->ev.v[acc->idx.v[i]].y;
		double		hi;

		/* a cluster: events until no run is open */
		do
		{
			open += acc->ev.v[acc->idx.v[i]].start ? 1 : -1;
			i++;
		} while (i < nev && open > 0);
		hi = acc->ev.v[acc->idx.v[i - 1]].y;
		if (!is_cut(s, x, lo, hi))
		{
			if (!glue_events(acc, x, first, i))
				return false;
			continue;
		}
		for (j = first; j < i; j++)
		{
			const vert_event *e = &acc->ev.v[acc->idx.v[j]];
			const run  *rr = e->run < nl ? &L[e->run] : &R[e->run - nl];

			if (e->start && !add_vertical(acc, x, rr->lo, rr->hi,
										  e->run < nl ? 1 : -1))
				return false;
		}
	}
	return true;
}

/*
 * Walk one sub-slab for the boundary of operand 0's region.  Edges that
 * coincide over the sub-slab (same y at both ends) are taken as one, so
 * that rings sharing an edge merge instead of leaving a seam.
 */
static void
emit_boundary(sweep *s, double a, double b, const double *ya, const double *yb)
{
	bound_acc  *acc = s->ctx;
	int32_t		n = s->nact;
	int32_t		i = 0;
	int32_t		bottom = -1;

	if (!VEC_GROW(acc->cur, n) || !VEC_GROW(acc->right, n))
		goto oom;
	acc->cur.n = acc->right.n = 0;
	s->cnt[0] = 0;
	while (i < n)
	{
		int32_t		j = i;
		bool		was_in = s->cnt[0] > 0;
		bool		now_in;

		/* one group: edges with the same y at both ends */
		do
		{
			const sw_edge *e = &s->e[s->act[j]];

			s->cnt[0] += (s->par[e->ring] ^= 1) ? 1 : -1;
			j++;
		} while (j < n && ya[j] == ya[i] && yb[j] == yb[i]);
		now_in = s->cnt[0] > 0;
		if (!was_in && now_in)
			bottom = i;
		else if (was_in && !now_in)
		{
			const sw_edge *eb = &s->e[s->act[bottom]];
			const sw_edge *et = &s->e[s->act[i]];
			run		   *rl = &acc->cur.v[acc->cur.n++];
			run		   *rr = &acc->right.v[acc->right.n++];

			if (!add_piece(acc, a, ya[bottom], b, yb[bottom], eb->src) ||
				!add_piece(acc, b, yb[i], a, ya[i], et->src))
				goto oom;
			rl->lo = ya[bottom];
			rl->hi = ya[i];
			rr->lo = yb[bottom];
			rr->hi = yb[i];
		}
		i = j;
	}

	/* close the boundary at a against what ended there */
	if (acc->have_left && acc->left_x == a)
	{
		if (!vertical_pieces(s, acc, a, acc->left.v, acc->left.n,
							 acc->cur.v, acc->cur.n))
			goto oom;
	}
	else
	{
		if (acc->have_left &&
			!vertical_pieces(s, acc, acc->left_x, acc->left.v, acc->left.n, NULL, 0))
			goto oom;
		if (!vertical_pieces(s, acc, a, NULL, 0, acc->cur.v, acc->cur.n))
			goto oom;
	}

	/* the runs at b are the west side of the next boundary */
	if (!VEC_GROW(acc->left, acc->right.n))
		goto oom;
	if (acc->right.n > 0)
		memcpy(acc->left.v, acc->right.v, sizeof(run) * (size_t) acc->right.n);
	acc->left.n = acc->right.n;
	acc->left_x = b;
	acc->have_left = true;
	return;

oom:
	s->status = ANNOT_ENOMEM;
	s->stop = true;
}

/* The clockwise angle from direction (rx, ry) to (dx, dy), in (0, 2 pi]. */
static double
cw_angle(double rx, double ry, double dx, double dy)
{
	double		t = atan2(ry, rx) - atan2(dy, dx);

	while (t <= 0)
		t += TWO_PI;
	while (t > TWO_PI)
		t -= TWO_PI;
	return t;
}

/*
 * Link pieces into rings: each piece's successor starts where it ends.
 * Where several do, each arriving piece takes the unclaimed leaving piece
 * reached first turning clockwise from the way it came.
 */
static bool
link_pieces(bound_acc *acc)
{
	piece	   *pc = acc->pc.v;
	int32_t		n = acc->pc.n;
	int32_t    *byst = annot_alloc(sizeof(int32_t) * ((size_t) n + 1));
	int32_t    *byend = annot_alloc(sizeof(int32_t) * ((size_t) n + 1));
	double	   *k = annot_alloc(sizeof(double) * 4 * ((size_t) n + 1));
	bool	   *taken = annot_alloc((size_t) n + 1);
	bool		ok = byst && byend && k && taken;
	int32_t		i;
	int32_t		j;

	for (i = 0; ok && i < n; i++)
	{
		byst[i] = byend[i] = i;
		k[i] = pc[i].x0;
		k[n + i] = pc[i].y0;
		k[2 * n + i] = pc[i].x1;
		k[3 * n + i] = pc[i].y1;
		taken[i] = false;
	}
	if (ok)
	{
		annot_sort_by_keys(byst, n, k, k + n);
		annot_sort_by_keys(byend, n, k + 2 * n, k + 3 * n);
	}

	/* walk the distinct points in both orders together */
	for (i = 0, j = 0; ok && i < n;)
	{
		double		px = pc[byend[i]].x1;
		double		py = pc[byend[i]].y1;
		int32_t		ie = i;
		int32_t		je;
		int32_t		m;

		while (ie < n && pc[byend[ie]].x1 == px && pc[byend[ie]].y1 == py)
			ie++;
		while (j < n && (pc[byst[j]].x0 < px ||
						 (pc[byst[j]].x0 == px && pc[byst[j]].y0 < py)))
			j++;
		je = j;
		while (je < n && pc[byst[je]].x0 == px && pc[byst[je]].y0 == py)
			je++;
		for (m = i; m < ie; m++)
		{
			piece	   *in = &pc[byend[m]];

			in->junction = je - j > 1;
		}
		for (m = i; m < ie; m++)
		{
			piece	   *in = &pc[byend[m]];
			double		best = 10.0;
			int32_t		bi = -1;
			int32_t		q;

			for (q = j; q < je; q++)
			{
				const piece *out = &pc[byst[q]];
				double		t;

				if (taken[byst[q]])
					continue;
				if (je - j == 1)
				{
					bi = byst[q];
					break;
				}
				t = cw_angle(in->x0 - in->x1, in->y0 - in->y1,
							 out->x1 - out->x0, out->y1 - out->y0);
				if (t < best)
				{
					best = t;
					bi = byst[q];
				}
			}
			if (bi >= 0)
			{
				in->next = bi;
				taken[bi] = true;
			}
		}
		i = ie;
		j = je;
	}
	annot_free(byst);
	annot_free(byend);
	annot_free(k);
	annot_free(taken);
	return ok;
}

/* One ring under construction: its points, simplified as they come. */
typedef struct ring_out
{
	double	   *xy;
	int32_t		n;
	int32_t		cap;
} ring_out;

/* Does b fold back onto the line a-b at c (a spike), exactly? */
static bool
is_spike(const double *a, const double *b, const double *c)
{
	if (annot_orient2d(a[0], a[1], b[0], b[1], c[0], c[1]) != 0)
		return false;
	/* collinear: a spike when a and c lie on the same side of b */
	return ((a[0] > b[0]) - (a[0] < b[0])) == ((c[0] > b[0]) - (c[0] < b[0])) &&
		((a[1] > b[1]) - (a[1] < b[1])) == ((c[1] > b[1]) - (c[1] < b[1]));
}

/* Append a point, dropping repeats and spikes as they form. */
static bool
ring_push(ring_out *r, double x, double y)
{
	double		p[2] = {x, y};

	while (r->n >= 1)
	{
		double	   *top = r->xy + 2 * (r->n - 1);

		if (top[0] == x && top[1] == y)
			return true;
		if (r->n >= 2 && is_spike(top - 2, top, p))
		{
			r->n--;
			continue;
		}
		break;
	}
	if (!grow((void **) &r->xy, &r->cap, 2 * (r->n + 1), sizeof(double)))
		return false;
	r->xy[2 * r->n] = x;
	r->xy[2 * r->n + 1] = y;
	r->n++;
	return true;
}

/* Clean the ring's wrap-around: repeats and spikes across its closing. */
static void
ring_close(ring_out *r)
{
	bool		changed = true;

	while (changed && r->n >= 3)
	{
		double	   *first = r->xy;
		double	   *last = r->xy + 2 * (r->n - 1);

		changed = false;
		if (last[0] == first[0] && last[1] == first[1])
		{
			r->n--;
			changed = true;
		}
		else if (is_spike(last - 2, last, first))
		{
			r->n--;
			changed = true;
		}
		else if (is_spike(last, first, first + 2))
		{
			memmove(r->xy, r->xy + 2, sizeof(double) * 2 * (r->n - 1));
			r->n--;
			changed = true;
		}
	}
}

static double
ring_signed_area(const double *xy, int32_t n)
{
	double		s = 0.0;
	int32_t		i;

	for (i = 1; i + 1 < n; i++)
		s += (xy[2 * i] - xy[0]) * (xy[2 * i + 3] - xy[1]) -
			(xy[2 * i + 2] - xy[0]) * (xy[2 * i + 1] - xy[1]);
	return s / 2.0;
}

/* Rings of the region: the cycles of linked pieces, simplified. */
typedef struct cycles
{
	annot_rings_buf buf;
	double	   *area;			/* signed area per ring */
	int32_t		cap;
} cycles;

/* Does piece q continue piece p along one straight source? */
static bool
same_run(const piece *p, const piece *q)
{
	if (p->src != q->src)
		return false;
	if (p->src >= 0)
		return true;
	/* vertical pieces: on one line, one way */
	return p->x0 == q->x0 && (p->y1 > p->y0) == (q->y1 > q->y0);
}

/* Add a finished ring to out, unless it encloses no area. */
static annot_status
keep_ring(cycles *out, ring_out *r, annot_err *err)
{
	double		ar;
	int32_t		t;
	annot_status st;

	ring_close(r);
	if (r->n < 3)
		return ANNOT_OK;
	ar = ring_signed_area(r->xy, r->n);
	if (ar == 0)
		return ANNOT_OK;
	for (t = 0; t < r->n; t++)
		if ((st = annot_rings_buf_add_point(&out->buf, r->xy[2 * t],
											r->xy[2 * t + 1], err)) != ANNOT_OK)
			return st;
	if ((st = annot_rings_buf_end_ring(&out->buf, err)) != ANNOT_OK)
		return st;
	if (!grow((void **) &out->area, &out->cap, out->buf.nrings, sizeof(double)))
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	out->area[out->buf.nrings - 1] = ar;
	return ANNOT_OK;
}

/*
 * Keep ring r, split where it passes a point twice.  That happens where a
 * hole touches its shell (or another hole) at a point: the trace goes
 * from the shell into the hole there and back later.  Walking the points
 * with a stack, a point met again closes the loop since its first visit,
 * which leaves as a ring of its own; OGC wants the two rings apart.
 */
static annot_status
split_ring(cycles *out, ring_out *r, annot_err *err)
{
	int32_t		n = r->n;
	int32_t    *idx;
	int32_t    *group;
	int32_t    *at;
	int32_t    *stack;
	double	   *kx;
	int32_t		ngroups = 0;
	int32_t		top = 0;
	int32_t		i;
	annot_status st = ANNOT_OK;
	ring_out	sub = {NULL, 0, 0};

	if (n < 4)
		return keep_ring(out, r, err);
	idx = annot_alloc(sizeof(int32_t) * (size_t) n);
	group = annot_alloc(sizeof(int32_t) * (size_t) n);
	at = annot_alloc(sizeof(int32_t) * (size_t) n);
	stack = annot_alloc(sizeof(int32_t) * (size_t) n);
	kx = annot_alloc(sizeof(double) * 2 * (size_t) n);
	if (!idx || !group || !at || !stack || !kx)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto done;
	}
	for (i = 0; i < n; i++)
	{
		idx[i] = i;
		group[i] = -1;
		kx[i] = r->xy[2 * i];
		kx[n + i] = r->xy[2 * i + 1];
	}
	annot_sort_by_keys(idx, n, kx, kx + n);
	for (i = 1; i < n; i++)
		if (kx[idx[i]] == kx[idx[i - 1]] && kx[n + idx[i]] == kx[n + idx[i - 1]])
		{
			if (group[idx[i - 1]] < 0)
				group[idx[i - 1]] = ngroups++;
			group[idx[i]] = group[idx[i - 1]];
		}
	if (ngroups == 0)
	{
		st = keep_ring(out, r, err);
		goto done;
	}
	for (i = 0; i < ngroups; i++)
		at[i] = -1;
	for (i = 0; i < n && st == ANNOT_OK; i++)
	{
		int32_t		g = group[i];

		if (g >= 0 && at[g] >= 0)
		{
			int32_t		k;

			/* the loop since the first visit leaves as its own ring */
			sub.n = 0;
			for (k = at[g]; k < top; k++)
				if (!ring_push(&sub, r->xy[2 * stack[k]], r->xy[2 * stack[k] + 1]))
					st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
			for (k = at[g] + 1; k < top; k++)
				if (group[stack[k]] >= 0)
					at[group[stack[k]]] = -1;
			top = at[g] + 1;
			if (st == ANNOT_OK)
				st = keep_ring(out, &sub, err);
			continue;
		}
		if (g >= 0)
			at[g] = top;
		stack[top++] = i;
	}
	sub.n = 0;
	for (i = 0; i < top && st == ANNOT_OK; i++)
		if (!ring_push(&sub, r->xy[2 * stack[i]], r->xy[2 * stack[i] + 1]))
			st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	if (st == ANNOT_OK)
		st = keep_ring(out, &sub, err);
done:
	annot_free(idx);
	annot_free(group);
	annot_free(at);
	annot_free(stack);
	annot_free(kx);
	annot_free(sub.xy);
	return st;
}

static annot_status
collect_cycles(bound_acc *acc, cycles *out, annot_err *err)
{
	piece	   *pc = acc->pc.v;
	int32_t		n = acc->pc.n;
	bool	   *seen = annot_alloc((size_t) n + 1);
	int32_t    *list = annot_alloc(sizeof(int32_t) * ((size_t) n + 1));
	ring_out	r = {NULL, 0, 0};
	annot_status st = ANNOT_OK;
	int32_t		i;

	annot_rings_buf_init(&out->buf);
	out->area = NULL;
	out->cap = 0;
	if (seen == NULL || list == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto done;
	}
	memset(seen, 0, (size_t) n + 1);
	for (i = 0; i < n && st == ANNOT_OK; i++)
	{
		int32_t		len = 0;
		int32_t		p = i;
		int32_t		first = 0;
		int32_t		t;

		if (seen[i])
			continue;
		/* follow the ring; an open chain is a rounding accident: drop it */
		while (p >= 0 && !seen[p])
		{
			seen[p] = true;
			list[len++] = p;
			p = pc[p].next;
		}
		if (p != i)
			continue;

		/* start where a new straight run begins, then keep run starts */
		for (t = 0; t < len; t++)
			if (!same_run(&pc[list[(t + len - 1) % len]], &pc[list[t]]))
			{
				first = t;
				break;
			}
		r.n = 0;
		for (t = 0; t < len && st == ANNOT_OK; t++)
		{
			int32_t		cur = list[(first + t) % len];
			int32_t		prev = list[(first + t + len - 1) % len];

			/* keep run starts, and junctions for split_ring() to see */
			if ((t == 0 || pc[prev].junction || !same_run(&pc[prev], &pc[cur])) &&
				!ring_push(&r, pc[cur].x0, pc[cur].y0))
				st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		}
		if (st == ANNOT_OK)
		{
			ring_close(&r);
			st = split_ring(out, &r, err);
		}
	}
done:
	annot_free(seen);
	annot_free(list);
	annot_free(r.xy);
	if (st != ANNOT_OK)
	{
		annot_rings_buf_free(&out->buf);
		annot_free(out->area);
		out->area = NULL;
	}
	return st;
}

/* Sweep operand r with the given cuts and collect its boundary rings. */
static annot_status
boundary_rings(const annot_rings *r, const sw_cut *cuts, int32_t ncuts,
			   cycles *out, annot_err *err)
{
	sweep		s;
	bound_acc	acc;
	annot_status st;

	memset(&acc, 0, sizeof(acc));
	if ((st = annot_sweep_init(&s, r, NULL, -INFINITY, INFINITY, err)) != ANNOT_OK)
		return st;
	s.emit = emit_boundary;
	s.ctx = &acc;
	s.snap = true;
	s.cuts = cuts;
	s.ncuts = ncuts;
	st = annot_sweep_run(&s, err);
	if (st == ANNOT_OK && acc.have_left &&
		!vertical_pieces(&s, &acc, acc.left_x, acc.left.v, acc.left.n, NULL, 0))
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	annot_sweep_free(&s);
	if (st == ANNOT_OK && !link_pieces(&acc))
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	if (st == ANNOT_OK)
		st = collect_cycles(&acc, out, err);
	annot_free(acc.pc.v);
	annot_free(acc.left.v);
	annot_free(acc.cur.v);
	annot_free(acc.right.v);
	annot_free(acc.ev.v);
	annot_free(acc.idx.v);
	annot_free(acc.k1.v);
	annot_free(acc.k2.v);
	return st;
}

/*
 * Where is (px, py) relative to ring xy[0..n): 1 inside, -1 outside, 0 on
 * its boundary; even-odd crossing count with exact orientation tests.
 */
static int
point_in_ring(const double *xy, int32_t n, double px, double py)
{
	bool		inside = false;
	int32_t		i;

	for (i = 0; i < n; i++)
	{
		const double *a = xy + 2 * i;
		const double *b = xy + 2 * ((i + 1) % n);
		int			o;

		if ((a[1] > py) != (b[1] > py))
		{
			/* the edge crosses the horizontal line through p */
			o = annot_orient2d(a[0], a[1], b[0], b[1], px, py);
			if (o == 0)
				return 0;
			/* crossing to the right of p when p is left of an upward edge */
			if ((o > 0) == (b[1] > a[1]))
				inside = !inside;
		}
		else if (a[1] == py && b[1] == py &&
				 px >= fmin(a[0], b[0]) && px <= fmax(a[0], b[0]))
			return 0;
		else if (a[0] == px && a[1] == py)
			return 0;
	}
	return inside ? 1 : -1;
}

/* Index of the smallest shell containing hole h, or -1. */
static int32_t
containing_shell(const cycles *c, int32_t h)
{
	annot_rings v = annot_rings_buf_view(&c->buf);
	int32_t		hs = annot_rings_start(&v, h);
	int32_t		hn = v.end[h] - hs;
	int32_t		best = -1;
	int32_t		s;

	for (s = 0; s < v.nrings; s++)
	{
		int32_t		ss = annot_rings_start(&v, s);
		int32_t		sn = v.end[s] - ss;
		int32_t		k;
		int			where = 0;

		if (c->area[s] <= 0)
			continue;
		if (best >= 0 && c->area[s] >= c->area[best])
			continue;

		/* a hole vertex not on the shell tells; else an edge midpoint */
		for (k = 0; k < hn && where == 0; k++)
			where = point_in_ring(v.xy + 2 * (size_t) ss, sn,
								  v.xy[2 * (size_t) (hs + k)],
								  v.xy[2 * (size_t) (hs + k) + 1]);
		for (k = 0; k < hn && where == 0; k++)
		{
			const double *p = v.xy + 2 * (size_t) (hs + k);
			const double *q = v.xy + 2 * (size_t) (hs + (k + 1) % hn);

			where = point_in_ring(v.xy + 2 * (size_t) ss, sn,
								  p[0] / 2 + q[0] / 2, p[1] / 2 + q[1] / 2);
		}
		if (where > 0)
			best = s;
	}
	return best;
}

static void
cycles_free(cycles *c)
{
	annot_rings_buf_free(&c->buf);
	annot_free(c->area);
	c->area = NULL;
}

/* Append ring i of c to out, reversed when reverse. */
static annot_status
copy_ring(const cycles *c, int32_t i, annot_rings_buf *out, annot_err *err)
{
	annot_rings v = annot_rings_buf_view(&c->buf);
	int32_t		s = annot_rings_start(&v, i);
	int32_t		k;
	annot_status st;

	for (k = s; k < v.end[i]; k++)
		if ((st = annot_rings_buf_add_point(out, v.xy[2 * (size_t) k],
											v.xy[2 * (size_t) k + 1], err)) != ANNOT_OK)
			return st;
	return ANNOT_OK;
}

static int
cmp_cut(const sw_cut *a, const sw_cut *b)
{
	return (a->x > b->x) - (a->x < b->x);
}

annot_status
annot_rings_outline(const annot_rings *r, annot_rings_buf *out,
					int32_t **polygon, annot_err *err)
{
	cycles		c;
	annot_status st;
	int32_t    *shell_of = NULL;
	int32_t    *poly = NULL;
	int32_t		npoly = 0;
	int32_t		i;

	annot_rings_buf_init(out);
	*polygon = NULL;
	if ((st = boundary_rings(r, NULL, 0, &c, err)) != ANNOT_OK)
		return st;
	shell_of = annot_alloc(sizeof(int32_t) * ((size_t) c.buf.nrings + 1));
	poly = annot_alloc(sizeof(int32_t) * ((size_t) c.buf.nrings + 1));
	if (!shell_of || !poly)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto done;
	}
	for (i = 0; i < c.buf.nrings; i++)
		shell_of[i] = c.area[i] > 0 ? i : containing_shell(&c, i);
	for (i = 0; i < c.buf.nrings; i++)
	{
		int32_t		h;

		if (c.area[i] <= 0)
			continue;
		if ((st = copy_ring(&c, i, out, err)) != ANNOT_OK ||
			(st = annot_rings_buf_end_ring(out, err)) != ANNOT_OK)
			goto done;
		poly[out->nrings - 1] = npoly;
		for (h = 0; h < c.buf.nrings; h++)
		{
			if (c.area[h] > 0 || shell_of[h] != i)
				continue;
			if ((st = copy_ring(&c, h, out, err)) != ANNOT_OK ||
				(st = annot_rings_buf_end_ring(out, err)) != ANNOT_OK)
				goto done;
			poly[out->nrings - 1] = npoly;
		}
		npoly++;
	}
	*polygon = poly;
	poly = NULL;
	st = ANNOT_OK;
done:
	if (st != ANNOT_OK)
		annot_rings_buf_free(out);
	annot_free(shell_of);
	annot_free(poly);
	cycles_free(&c);
	return st;
}

/* A copy of r's rings. */
static annot_status
copy_rings(const annot_rings *r, annot_rings_buf *out, annot_err *err)
{
	annot_status st = ANNOT_OK;
	int32_t		ring;

	for (ring = 0; ring < r->nrings && st == ANNOT_OK; ring++)
	{
		int32_t		i;

		for (i = annot_rings_start(r, ring); i < r->end[ring] && st == ANNOT_OK; i++)
			st = annot_rings_buf_add_point(out, r->xy[2 * (size_t) i],
										   r->xy[2 * (size_t) i + 1], err);
		if (st == ANNOT_OK)
			st = annot_rings_buf_end_ring(out, err);
	}
	return st;
}

/* Area of owned rings, by the sweep. */
static annot_status
buf_area(const annot_rings_buf *b, double *area, annot_err *err)
{
	annot_rings v = annot_rings_buf_view(b);

	*area = 0.0;
	if (v.nrings == 0)
		return ANNOT_OK;
	return annot_rings_area(&v, area, err);
}

/*
 * Shells of c, each with the holes it contains joined to it by a doubled
 * bridge from its first point, which the even-odd rule cancels.
 */
static annot_status
bridged_shells(const cycles *c, annot_rings_buf *out, annot_err *err)
{
	annot_rings v = annot_rings_buf_view(&c->buf);
	annot_status st = ANNOT_OK;
	int32_t		i;

	annot_rings_buf_init(out);
	for (i = 0; i < v.nrings && st == ANNOT_OK; i++)
	{
		int32_t		s0 = annot_rings_start(&v, i);
		int32_t		h;

		if (c->area[i] <= 0)
			continue;
		st = copy_ring(c, i, out, err);
		for (h = 0; h < v.nrings && st == ANNOT_OK; h++)
		{
			int32_t		hs = annot_rings_start(&v, h);

			if (c->area[h] >= 0 || containing_shell(c, h) != i)
				continue;
			st = annot_rings_buf_add_point(out, v.xy[2 * (size_t) s0],
										   v.xy[2 * (size_t) s0 + 1], err);
			if (st == ANNOT_OK)
				st = copy_ring(c, h, out, err);
			if (st == ANNOT_OK)
				st = annot_rings_buf_add_point(out, v.xy[2 * (size_t) hs],
											   v.xy[2 * (size_t) hs + 1], err);
		}
		if (st == ANNOT_OK)
			st = annot_rings_buf_end_ring(out, err);
	}
	if (st != ANNOT_OK)
		annot_rings_buf_free(out);
	return st;
}

/*
 * Hole-free pieces of the region whose boundary rings (pass one) are c:
 * cut along a vertical line through each hole's middle, over the height
 * of the shell around it.  A hole then meets a cut in every strip it
 * reaches, so no piece surrounds it.
 */
static annot_status
cut_pieces(const annot_rings *r, const cycles *c, annot_rings_buf *out,
		   annot_err *err)
{
	annot_rings v = annot_rings_buf_view(&c->buf);
	cycles		c2;
	sw_cut	   *cuts;
	int32_t		ncuts = 0;
	annot_status st;
	int32_t		i;

	annot_rings_buf_init(out);
	cuts = annot_alloc(sizeof(sw_cut) * ((size_t) v.nrings + 1));
	if (cuts == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	for (i = 0; i < v.nrings; i++)
	{
		int32_t		s = annot_rings_start(&v, i);
		int32_t		one_end = v.end[i] - s;
		annot_rings one = {1, one_end, NULL, v.xy + 2 * (size_t) s};
		annot_bbox	hb;
		int32_t		sh;

		if (c->area[i] >= 0)
			continue;
		one.end = &one_end;
		annot_rings_bbox(&one, &hb);
		cuts[ncuts].x = hb.x1 / 2 + hb.x2 / 2;
		cuts[ncuts].ylo = -INFINITY;
		cuts[ncuts].yhi = INFINITY;
		sh = containing_shell(c, i);
		if (sh >= 0)
		{
			int32_t		ss = annot_rings_start(&v, sh);
			int32_t		shell_end = v.end[sh] - ss;
			annot_rings shell = {1, shell_end, NULL, v.xy + 2 * (size_t) ss};
			annot_bbox	sb;

			shell.end = &shell_end;
			annot_rings_bbox(&shell, &sb);
			cuts[ncuts].ylo = sb.y1;
			cuts[ncuts].yhi = sb.y2;
		}
		ncuts++;
	}
	/* insertion sort: holes are few */
	for (i = 1; i < ncuts; i++)
	{
		sw_cut		t = cuts[i];
		int32_t		j = i;

		while (j > 0 && cmp_cut(&t, &cuts[j - 1]) < 0)
		{
			cuts[j] = cuts[j - 1];
			j--;
		}
		cuts[j] = t;
	}
	st = boundary_rings(r, cuts, ncuts, &c2, err);
	annot_free(cuts);
	if (st != ANNOT_OK)
		return st;
	/* every piece is a shell now; should rounding leave a hole, bridge it */
	st = bridged_shells(&c2, out, err);
	cycles_free(&c2);
	return st;
}

annot_status
annot_rings_make_valid(const annot_rings *r, annot_rings_buf *out,
					   annot_err *err)
{
	cycles		c;
	annot_status st;
	annot_bbox	box;
	double		want;
	double		got;
	double		tol;
	int32_t		i;
	bool		holes = false;

	annot_rings_buf_init(out);
	if ((st = annot_rings_area(r, &want, err)) != ANNOT_OK)
		return st;
	annot_rings_bbox(r, &box);
	/* a decomposition agrees with the sweep's area to rounding */
	tol = 1e-9 * want + 1e-12 * (box.x2 - box.x1) * (box.y2 - box.y1);

	if ((st = boundary_rings(r, NULL, 0, &c, err)) != ANNOT_OK)
		return st;
	for (i = 0; i < c.buf.nrings; i++)
		holes |= c.area[i] < 0;
	if (!holes)
	{
		*out = c.buf;
		annot_free(c.area);
		c.area = NULL;
	}
	else
		st = cut_pieces(r, &c, out, err);

	/*
	 * Edges within rounding of vertical can mislead the tracing (their y
	 * at a rounded x is off by slope times the rounding).  The region must
	 * not change: check it, and fall back to shells with bridged holes,
	 * then to the rings as they came.
	 */
	if (st == ANNOT_OK && (st = buf_area(out, &got, err)) == ANNOT_OK &&
		!(fabs(got - want) <= tol))
	{
		annot_rings_buf_free(out);
		if (holes && (st = bridged_shells(&c, out, err)) == ANNOT_OK &&
			(st = buf_area(out, &got, err)) == ANNOT_OK &&
			fabs(got - want) <= tol)
			goto done;
		annot_rings_buf_free(out);
		if (st == ANNOT_OK)
			st = copy_rings(r, out, err);
	}
done:
	if (holes)
		cycles_free(&c);
	if (st != ANNOT_OK)
		annot_rings_buf_free(out);
	return st;
}
