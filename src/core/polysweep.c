/*
 * polysweep.c -- the slab sweep over polygon edges (see polysweep.h).
 *
 * Between two consecutive event abscissae (vertices, and the sweep's x
 * range ends) the active edges are ordered by y at the slab's left end.
 * If the order at the right end differs, some adjacent pair crossed: the
 * first crossing in x is always between two edges adjacent in the current
 * order, so the slab is split there, the pair swapped, and the rest of the
 * slab examined again.  Each swap removes one inversion with respect to
 * the order at the slab's right end, so the loop ends whatever rounding
 * does; y values at a boundary are computed once and shared by the two
 * sub-slabs that meet there, and an edge's y at its own ends is its
 * endpoint exactly, so region boundaries built from them close exactly.
 */
#include "polysweep.h"

#include <float.h>
#include <math.h>
#include <string.h>

static inline bool
key_less(int32_t a, int32_t b, const double *k1, const double *k2)
{
	if (k1[a] != k1[b])
		return k1[a] < k1[b];
	return k2[a] < k2[b];
}

void
annot_sort_by_keys(int32_t *idx, int32_t n, const double *k1, const double *k2)
{
	while (n > 16)
	{
		int32_t		mid = n / 2;
		int32_t		t;
		int32_t		pivot;
		int32_t		i = 0;
		int32_t		j = n - 1;

		if (key_less(idx[mid], idx[0], k1, k2))
			t = idx[mid], idx[mid] = idx[0], idx[0] = t;
		if (key_less(idx[n - 1], idx[mid], k1, k2))
		{
			t = idx[mid], idx[mid] = idx[n - 1], idx[n - 1] = t;
			if (key_less(idx[mid], idx[0], k1, k2))
				t = idx[mid], idx[mid] = idx[0], idx[0] = t;
		}
		pivot = idx[mid];
		for (;;)
		{
			while (key_less(idx[i], pivot, k1, k2))
				i++;
			while (key_less(pivot, idx[j], k1, k2))
				j--;
			if (i >= j)
				break;
			t = idx[i], idx[i] = idx[j], idx[j] = t;
			i++;
			j--;
		}
		if (j + 1 < n - j - 1)
		{
			annot_sort_by_keys(idx, j + 1, k1, k2);
			idx += j + 1;
			n -= j + 1;
		}
		else
		{
			annot_sort_by_keys(idx + j + 1, n - j - 1, k1, k2);
			n = j + 1;
		}
	}
	for (int32_t i = 1; i < n; i++)
	{
		int32_t		t = idx[i];
		int32_t		j = i;

		while (j > 0 && key_less(t, idx[j - 1], k1, k2))
		{
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = t;
	}
}


/*
 * Merge the sorted runs a[bound[i] .. bound[i+1]) (nruns of them) into one
 * sorted run, using tmp (n entries); returns where the result is (a or tmp).
 */
static sw_key *
merge_runs(sw_key *a, sw_key *tmp, int32_t *bound, int32_t nruns, int32_t n)
{
	sw_key	   *src = a;
	sw_key	   *dst = tmp;

	while (nruns > 1)
	{
		int32_t		r;
		int32_t		out = 0;

		for (r = 0; r < nruns; r += 2)
		{
			int32_t		lo = bound[r];
			int32_t		mid = bound[r + 1];
			int32_t		hi;
			int32_t		i = lo;
			int32_t		j = mid;
			int32_t		o = lo;

			bound[out++] = lo;
			if (r + 1 == nruns)
			{
				/* an odd run out: carried over as it is */
				memcpy(dst + lo, src + lo, sizeof(sw_key) * (size_t) (mid - lo));
				continue;
			}
			hi = bound[r + 2];
			while (i < mid && j < hi)
			{
				/* branch-free: which side wins is data, and mispredicts */
				int			tj = src[j].x < src[i].x;

				dst[o++] = tj ? src[j] : src[i];
				j += tj;
				i += !tj;
			}
			while (i < mid)
				dst[o++] = src[i++];
			while (j < hi)
				dst[o++] = src[j++];
		}
		bound[out] = n;
		nruns = out;
		{
			sw_key	   *t = src;

			src = dst;
			dst = t;
		}
	}
	return src;
}

/*
 * Sort a run that is nearly sorted by insertion; false, with the run
 * still a permutation of itself, once more than budget moves were needed.
 */
static bool
insertion_sort(sw_key *a, int32_t n, long budget)
{
	int32_t		i;

	for (i = 1; i < n; i++)
	{
		sw_key		t = a[i];
		int32_t		j = i;

		while (j > 0 && t.x < a[j - 1].x)
		{
			a[j] = a[j - 1];
			j--;
		}
		a[j] = t;
		/* over budget: a zigzag, not a jittered chain; the caller sorts it */
		budget -= i - j;
		if (budget < 0)
			return false;
	}
	return true;
}

/* Sort a[0..n) by x, any order given: runs of 16 by insertion, then merges. */
static void
sort_keys(sw_key *a, int32_t n, sw_key *tmp, int32_t *bound)
{
	int32_t		nruns = 0;
	int32_t		i;
	sw_key	   *res;

	for (i = 0; i < n; i += 16)
	{
		bound[nruns++] = i;
		insertion_sort(a + i, n - i < 16 ? n - i : 16, 256);
	}
	bound[nruns] = n;
	res = merge_runs(a, tmp, bound, nruns, n);
	if (res != a)
		memcpy(a, res, sizeof(sw_key) * (size_t) n);
}

/*
 * Find the chain whose head has the least x: s->cur, s->curx (INFINITY
 * when every chain is done).  Branch-free: which chain wins is data.
 */
static inline void
next_chain(sweep *s)
{
	double		best = INFINITY;
	int32_t		cur = 0;
	int32_t		c;

	for (c = 0; c < s->nchains; c++)
	{
		double		x = s->head[c] < s->chain_end[c] ? s->keys[s->head[c]].x : INFINITY;
		int			t = x < best;

		best = t ? x : best;
		cur = t ? c : cur;
	}
	s->cur = cur;
	s->curx = best;
}

/* Take the point with the least x (s->curx must be finite). */
static inline int32_t
pop_point(sweep *s)
{
	int32_t		v = s->keys[s->head[s->cur]++].v;

	next_chain(s);
	return v;
}

/*
 * Order the points of the operands by x.  A ring's points from its
 * leftmost to its rightmost, and back, form two chains whose x run one
 * way up to the jitter of the drawing; each is put in order by insertion
 * (cheap on so few inversions, bounded, with a full sort as the fallback
 * for a zigzag).  The sweep takes points from the chains' heads, least x
 * first; more than SW_LAZY_CHAINS chains are merged up front instead:
 * O(n log c) for c chains.
 */
static void
sort_points(sweep *s, const annot_rings *a, const annot_rings *b,
			sw_key *keys, sw_key *tmp, int32_t *bound)
{
	int32_t		nchains = 0;
	int32_t		pos = 0;
	int			op;
	int32_t		c;
	sw_key	   *res;

	for (op = 0; op < 2; op++)
	{
		const annot_rings *r = op == 0 ? a : b;
		int32_t		base = op == 0 ? 0 : a->npoints;
		int32_t		ring;

		if (r == NULL)
			continue;
		for (ring = 0; ring < r->nrings; ring++)
		{
			int32_t		start = annot_rings_start(r, ring);
			int32_t		n = r->end[ring] - start;
			const double *xy = r->xy + 2 * (size_t) start;
			int32_t		lo = 0;
			int32_t		hi = 0;
			int32_t		k;

			for (k = 1; k < n; k++)
			{
				if (xy[2 * k] < xy[2 * lo])
					lo = k;
				if (xy[2 * k] > xy[2 * hi])
					hi = k;
			}
			/* chain one: lo up to hi; chain two: past hi round to lo, reversed */
			for (int32_t c = 0; c < 2; c++)
			{
				int32_t		from = c == 0 ? lo : (hi + 1) % n;
				int32_t		len = c == 0 ? (hi - lo + n) % n + 1 : (lo - hi + n) % n - 1;
				int32_t		chain = pos;

				/* a ring on one vertical line: one chain of all its points */
				if (lo == hi)
					len = c == 0 ? n : 0;

				if (len <= 0)
					continue;
				for (k = 0; k < len; k++)
				{
					int32_t		i = (from + (c == 0 ? k : len - 1 - k)) % n;

					keys[pos].x = xy[2 * i];
					keys[pos].v = base + start + i;
					pos++;
				}
				if (!insertion_sort(keys + chain, len, 8 * (long) len + 64))
					sort_keys(keys + chain, len, tmp, bound + nchains + 1);
				bound[nchains++] = chain;
			}
		}
	}
	bound[nchains] = pos;
	if (nchains > SW_LAZY_CHAINS)
	{
		/* many chains: merge them into one up front */
		res = merge_runs(keys, tmp, bound, nchains, pos);
		if (res != keys)
			memcpy(keys, res, sizeof(sw_key) * (size_t) pos);
		nchains = 1;
		bound[1] = pos;
	}
	s->keys = keys;
	s->nchains = nchains;
	for (c = 0; c < nchains; c++)
	{
		s->head[c] = bound[c];
		s->chain_end[c] = bound[c + 1];
	}
	next_chain(s);
}

/*
 * Append the non-vertical edges of r that reach into (xlo, xhi).  Point v
 * of r is global point base + v: eid[] gets the index of the edge from it
 * to its ring successor (-1 when that edge is left out), prev[] the
 * global index of its ring predecessor.
 */
static int32_t
add_edges(sweep *s, sw_edge *out, const annot_rings *r, int32_t op,
		  int32_t ring_base, int32_t base, int32_t *eid, int32_t *prev)
{
	int32_t		n = 0;
	int32_t		ring;

	for (ring = 0; ring < r->nrings; ring++)
	{
		int32_t		start = annot_rings_start(r, ring);
		int32_t		end = r->end[ring];
		int32_t		i;

		for (i = start; i < end; i++)
		{
			int32_t		j = i + 1 < end ? i + 1 : start;
			double		px = r->xy[2 * (size_t) i];
			double		py = r->xy[2 * (size_t) i + 1];
			double		qx = r->xy[2 * (size_t) j];
			double		qy = r->xy[2 * (size_t) j + 1];
			sw_edge    *e = &out[n];

			int			fwd = px < qx;

			prev[base + j] = base + i;
			eid[base + i] = -1;
			/* vertical edges bound no area and cross no open slab */
			if (px == qx)
				continue;
			/* left to right; the edge's direction is data: select, not branch */
			e->x0 = fwd ? px : qx;
			e->y0 = fwd ? py : qy;
			e->x1 = fwd ? qx : px;
			e->y1 = fwd ? qy : py;
			if (e->x1 <= s->xlo || e->x0 >= s->xhi)
				continue;
			e->slope = (e->y1 - e->y0) / (e->x1 - e->x0);
			e->steep = !isfinite(e->slope);
			if (e->steep)		/* for ordering ties only: see annot_sw_y_inside */
				e->slope = copysign(DBL_MAX, e->y1 - e->y0);
			e->ring = ring_base + ring;
			e->op = op;
			e->src = i;
			eid[base + i] = (int32_t) (out + n - s->e);
			n++;
		}
	}
	return n;
}

annot_status
annot_sweep_init(sweep *s, const annot_rings *a, const annot_rings *b,
				 double xlo, double xhi, annot_err *err)
{
	int32_t		np = a->npoints + (b ? b->npoints : 0);
	int32_t		npar = a->nrings + (b ? b->nrings : 0);
	size_t		m = (size_t) np + 1;
	char	   *p;
	sw_key	   *keys;
	sw_key	   *keytmp;
	int32_t    *bound;
	int32_t		i;

	memset(s, 0, sizeof(*s));
	s->xlo = xlo;
	s->xhi = xhi;
	s->status = ANNOT_OK;

	/* one block: edges, keys and doubles first, for alignment, then ints */
	s->block = annot_alloc(m * (sizeof(sw_edge) + 2 * sizeof(sw_key) +
								6 * sizeof(double) + 12 * sizeof(int32_t)) +
						   (size_t) npar + 1);
	if (s->block == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	p = s->block;
	s->e = (sw_edge *) p;
	p += m * sizeof(sw_edge);
	keys = (sw_key *) p;
	p += m * sizeof(sw_key);
	keytmp = (sw_key *) p;
	p += m * sizeof(sw_key);
	s->yl = (double *) p;
	p += m * sizeof(double);
	s->yr = (double *) p;
	p += m * sizeof(double);
	s->yc = (double *) p;
	p += m * sizeof(double);
	s->tmp = (double *) p;
	p += m * sizeof(double);
	s->px = (double *) p;
	p += m * sizeof(double);
	s->py = (double *) p;
	p += m * sizeof(double);
	s->act = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->act2 = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->batch = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->atx = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->head = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->chain_end = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->eid = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->prev = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->pos = (int32_t *) p;
	p += m * sizeof(int32_t);
	s->rep = (int32_t *) p;
	p += m * sizeof(int32_t);
	bound = (int32_t *) p;		/* 2m: chain bounds, and a fallback's */
	p += 2 * m * sizeof(int32_t);
	s->par = (uint8_t *) p;
	memset(s->par, 0, (size_t) npar + 1);
	s->npar = npar;
	s->np = np;
	if (npar <= 64)
	{
		s->mask[0] = a->nrings >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << a->nrings) - 1;
		s->mask[1] = npar >= 64 ? ~s->mask[0] : ((UINT64_C(1) << npar) - 1) & ~s->mask[0];
	}
	s->ne = add_edges(s, s->e, a, 0, 0, 0, s->eid, s->prev);
	if (b)
		s->ne += add_edges(s, s->e + s->ne, b, 1, a->nrings, a->npoints,
						   s->eid, s->prev);

	for (i = 0; i < s->ne; i++)
		s->pos[i] = INT32_MAX;

	/* every event abscissa is a point's: sort the points by x */
	for (i = 0; i < a->npoints; i++)
	{
		s->px[i] = a->xy[2 * (size_t) i];
		s->py[i] = a->xy[2 * (size_t) i + 1];
	}
	for (i = 0; b && i < b->npoints; i++)
	{
		s->px[a->npoints + i] = b->xy[2 * (size_t) i];
		s->py[a->npoints + i] = b->xy[2 * (size_t) i + 1];
	}
	sort_points(s, a, b, keys, keytmp, bound);
	return ANNOT_OK;
}

void
annot_sweep_free(sweep *s)
{
	annot_free(s->block);
	memset(s, 0, sizeof(*s));
}

/* c ? a : b for doubles, exactly and without a branch. */
static inline double
select_double(int c, double a, double b)
{
	uint64_t	ua;
	uint64_t	ub;
	uint64_t	mask = -(uint64_t) (c != 0);
	double		r;

	memcpy(&ua, &a, sizeof(ua));
	memcpy(&ub, &b, sizeof(ub));
	ua = (ua & mask) | (ub & ~mask);
	memcpy(&r, &ua, sizeof(r));
	return r;
}

/* Count work and let the server cancel a long sweep. */
static inline void
sweep_tick(sweep *s, int32_t units)
{
	s->work += units;
	if (s->work > 65536)
	{
		s->work = 0;
		annot_check_interrupts();
	}
}

/* Rounding bound of annot_sw_y() for edge e (generous: 8 ulps of its span). */
static inline double
y_tolerance(const sw_edge *e)
{
	return 8 * DBL_EPSILON * (fabs(e->y0) + fabs(e->y1));
}

/*
 * At a slab's end xr, a vertex may lie on an edge that passes through:
 * the edge's interpolated y then misses the vertex's exact y by rounding.
 * Take the vertex's y for such an edge, so that the region's boundary
 * meets itself there exactly.  Vertices at xr are the ends of active
 * edges and the points at xr waiting at the chains' heads.
 */
static void
snap_to_vertices(sweep *s, double xr)
{
	int32_t		n = s->nact;
	int32_t		nv = 0;
	double	   *v = s->tmp;
	int32_t		i;
	int32_t		c;

	for (i = 0; i < n; i++)
		if (s->e[s->act[i]].x1 == xr)
			v[nv++] = s->e[s->act[i]].y1;
	for (c = 0; c < s->nchains; c++)
		for (i = s->head[c]; i < s->chain_end[c] && s->keys[i].x == xr; i++)
			v[nv++] = s->py[s->keys[i].v];
	if (nv == 0 || nv == n)
		return;
	/* few vertices share an abscissa: insertion sort */
	for (i = 1; i < nv; i++)
	{
		double		t = v[i];
		int32_t		j = i;

		while (j > 0 && v[j - 1] > t)
		{
			v[j] = v[j - 1];
			j--;
		}
		v[j] = t;
	}
	for (i = 0; i < n; i++)
	{
		const sw_edge *e = &s->e[s->act[i]];
		double		y = s->yr[i];
		double		tol;
		int32_t		lo = 0;
		int32_t		hi = nv;

		if (e->x1 == xr)
			continue;
		while (lo < hi)
		{
			int32_t		mid = (lo + hi) / 2;

			if (v[mid] < y)
				lo = mid + 1;
			else
				hi = mid;
		}
		tol = y_tolerance(e);
		if (lo < nv && v[lo] - y <= tol)
			s->yr[i] = v[lo];
		else if (lo > 0 && y - v[lo - 1] <= tol)
			s->yr[i] = v[lo - 1];
	}
}

/*
 * Where edges cross at xc, give neighbours whose y differ only by rounding
 * one y, so that three or more edges through one point meet in one point.
 */
static void
merge_close(const sweep *s, double *y)
{
	int32_t		i;

	for (i = 0; i + 1 < s->nact; i++)
		if (y[i + 1] != y[i] && fabs(y[i + 1] - y[i]) <=
			y_tolerance(&s->e[s->act[i]]) + y_tolerance(&s->e[s->act[i + 1]]))
			y[i + 1] = y[i];
}

/*
 * Sweep the slab [xl, xr] in which no edge starts or ends and whose order
 * at xr (s->yr) is inverted somewhere: find the crossings, emit the
 * crossing-free sub-slabs, and leave the active list ordered at xr.
 */
static void
sweep_crossings(sweep *s, double xl, double xr)
{
	int32_t		n = s->nact;
	int32_t		i;
	int32_t		snaps = 0;

	for (;;)
	{
		double		tmin = 2.0;
		double		xc;
		double	   *yc;
		int32_t		inversions = 0;

		for (i = 0; i + 1 < n; i++)
		{
			if (s->yr[i] > s->yr[i + 1])
			{
				double		num = s->yl[i + 1] - s->yl[i];
				double		t = 0.0;

				/* the lines meet at this fraction of the slab */
				if (num > 0)
					t = num / (num + (s->yr[i] - s->yr[i + 1]));
				s->tmp[i] = t;
				if (t < tmin)
					tmin = t;
				inversions++;
			}
			else
				s->tmp[i] = 3.0;
		}
		if (inversions == 0)
		{
			if (xr > xl)
				s->emit(s, xl, xr, s->yl, s->yr);
			break;
		}
		xc = xl + tmin * (xr - xl);
		if (xc < xl)
			xc = xl;
		if (xc >= xr)
		{
			bool		snapped = false;

			/*
			 * Every crossing left is at the slab's end.  A pair whose ends
			 * differ by rounding meets there: both take the flatter edge's
			 * y (a steep edge's y at a rounded x is the worse one).  The
			 * snaps are bounded, as they may undo an order elsewhere.
			 */
			for (i = 0; i + 1 < n && snaps < n; i++)
				if (s->yr[i] > s->yr[i + 1] &&
					s->yr[i] - s->yr[i + 1] <= y_tolerance(&s->e[s->act[i]]) +
					y_tolerance(&s->e[s->act[i + 1]]))
				{
					s->yr[i] = s->yr[i + 1] =
						fabs(s->e[s->act[i]].slope) <= fabs(s->e[s->act[i + 1]].slope) ?
						s->yr[i] : s->yr[i + 1];
					snapped = true;
					snaps++;
					i++;
				}
			if (snapped)
				continue;

			/*
			 * The others cross within a sliver before xr that doubles
			 * cannot tell from xr (a near-vertical edge): they trade
			 * places at xr, and the slab up to it is crossing-free.
			 */
			if (xr > xl)
				s->emit(s, xl, xr, s->yl, s->yr);
			if (s->stop)
				return;
			for (i = 0; i + 1 < n; i++)
				if (s->yr[i] > s->yr[i + 1])
				{
					int32_t		ta = s->act[i];
					double		t = s->yr[i];

					s->act[i] = s->act[i + 1];
					s->act[i + 1] = ta;
					s->yr[i] = s->yr[i + 1];
					s->yr[i + 1] = t;
					i++;
				}
			memcpy(s->yl, s->yr, sizeof(double) * (size_t) n);
			xl = xr;
			continue;
		}
		yc = s->yc;
		for (i = 0; i < n; i++)
			yc[i] = annot_sw_y(&s->e[s->act[i]], xc);
		sweep_tick(s, n);

		/*
		 * The pairs crossing at xc meet in one point: give both the same y
		 * there so that boundaries through the crossing close.  Take the
		 * flatter edge's: a steep edge's y at a rounded x is off by its
		 * slope times the rounding.
		 */
		for (i = 0; i + 1 < n; i++)
			if (s->tmp[i] <= tmin)
			{
				double		m = fabs(s->e[s->act[i]].slope) <= fabs(s->e[s->act[i + 1]].slope) ?
					yc[i] : yc[i + 1];

				yc[i] = yc[i + 1] = m;
				i++;
			}
		if (s->snap)
			merge_close(s, yc);
		if (xc > xl)
			s->emit(s, xl, xc, s->yl, yc);
		if (s->stop)
			return;

		/* swap the pairs that crossed; each removes one inversion at xr */
		for (i = 0; i + 1 < n; i++)
			if (s->tmp[i] <= tmin)
			{
				int32_t		ta = s->act[i];
				double		t;

				s->act[i] = s->act[i + 1];
				s->act[i + 1] = ta;
				t = s->yr[i], s->yr[i] = s->yr[i + 1], s->yr[i + 1] = t;
				t = yc[i], yc[i] = yc[i + 1], yc[i + 1] = t;
				i++;
			}
		memcpy(s->yl, yc, sizeof(double) * (size_t) n);
		xl = xc;
	}
}

/*
 * Order of two edges just right of X where they have y ya and yb: by y,
 * then slope, then (coincident edges) ring and source for determinism.
 */
static inline bool
below(const sw_edge *a, double ya, const sw_edge *b, double yb)
{
	if (ya != yb)
		return ya < yb;
	if (a->slope != b->slope)
		return a->slope < b->slope;
	if (a->ring != b->ring)
		return a->ring < b->ring;
	return a->src < b->src;
}

/*
 * Add edge ei (or none, when -1) to the batch starting at X: written
 * always, counted when it starts there, so that no branch mispredicts.
 */
static inline void
batch_add(sweep *s, int32_t ei, double X, int32_t *nb)
{
	int32_t		k = ei < 0 ? 0 : ei;
	int			starts = (ei >= 0) & (s->e[k].x0 == X);

	s->batch[*nb] = k;
	/* an uncounted edge may be in the batch already: keep its y */
	s->tmp[k] = select_double(starts, s->e[k].y0, s->tmp[k]);
	*nb += starts;
}

annot_status
annot_sweep_run(sweep *s, annot_err *err)
{
	int32_t		cut = 0;
	double		X;
	int32_t		nb = 0;
	int32_t		i;

	s->nact = 0;
	if (s->ne == 0)
		return ANNOT_OK;

	/*
	 * Start at the range's start (-inf for all): edges crossing it join
	 * there at their y; points from there on are taken in turn.
	 */
	X = s->xlo;
	for (i = 0; i < s->ne; i++)
		if (s->e[i].x0 < X && s->e[i].x1 > X)
		{
			s->batch[nb++] = i;
			s->tmp[i] = annot_sw_y(&s->e[i], X);
		}
	while (s->curx < X)
		pop_point(s);

	for (;;)
	{
		double		Xn = s->xhi;
		int32_t		n = 0;
		int32_t		j;
		bool		inverted = false;
		int32_t		odd[2];
		int			inside;
		double		h;
		bool		passing;
		int32_t		nrep;
		int32_t		natx;

		/*
		 * The points at X: the edges they start join (by y, then slope).
		 * Where every point passes through (one edge of it ends, its
		 * neighbour starts), the new edge takes the old one's place: they
		 * meet at the point, so the order holds and nothing moves.
		 */
		/* (the fast path keeps parities in one word: 64 rings at most) */
		passing = nb == 0 && s->nact > 0 && s->npar <= 64;
		nrep = 0;
		natx = 0;
		while (s->curx == X)
		{
			int32_t		v = pop_point(s);
			int32_t		a = s->eid[s->prev[v]];
			int32_t		b = s->eid[v];
			int32_t		ending = -1;
			int32_t		starting = -1;

			s->atx[natx++] = v;
			if (!passing)
				continue;
			if (a >= 0 && b >= 0)
			{
				/* which way the ring runs here is data: select, not branch */
				int			fwd = (s->e[a].x1 == X) & (s->e[b].x0 == X);
				int			back = (s->e[b].x1 == X) & (s->e[a].x0 == X);

				ending = fwd ? a : back ? b : -1;
				starting = fwd ? b : a;
			}
			if (ending >= 0 && s->pos[ending] < s->nact &&
				s->act[s->pos[ending]] == ending)
			{
				s->act2[nrep] = ending;
				s->rep[nrep] = starting;
				nrep++;
			}
			else
				passing = false;
		}
		if (passing)
		{
			for (i = 0; i < nrep; i++)
			{
				int32_t		p = s->pos[s->act2[i]];
				int32_t		starting = s->rep[i];

				s->act[p] = starting;
				s->pos[starting] = p;
			}
		}
		else
		{
			/* not all pass through: the points' starting edges, to merge */
			for (i = 0; i < natx; i++)
			{
				int32_t		v = s->atx[i];

				batch_add(s, s->eid[v], X, &nb);
				batch_add(s, s->eid[s->prev[v]], X, &nb);
			}
		}
		for (i = 1; i < nb; i++)
		{
			int32_t		t = s->batch[i];

			for (j = i; j > 0 && below(&s->e[t], s->tmp[t],
									   &s->e[s->batch[j - 1]], s->tmp[s->batch[j - 1]]); j--)
				s->batch[j] = s->batch[j - 1];
			s->batch[j] = t;
		}

		/* the next event: a point, a cut or the range's end */
		if (s->curx < Xn)
			Xn = s->curx;
		while (cut < s->ncuts && s->cuts[cut].x <= X)
			cut++;
		if (cut < s->ncuts && s->cuts[cut].x < Xn)
			Xn = s->cuts[cut].x;

		/*
		 * One pass: drop the edges that end at X, merge in the batch, and
		 * take each survivor's y at Xn (exact at its end), watching for an
		 * order that no longer holds there.  An area walk goes along: it
		 * counts only if no pair crossed.
		 */
		odd[0] = odd[1] = 0;
		inside = 0;
		h = 0.0;
		if (passing)
		{
			/*
			 * The common event, kept lean: ring parities as the bits of
			 * one word (a ring has its bit set while odd), so that "inside
			 * operand k" is a mask test.
			 */
			const sw_edge *restrict E = s->e;
			const int32_t *restrict act = s->act;
			const double *restrict yl = s->yl;
			double	   *restrict yr = s->yr;
			uint64_t	bits = 0;

			n = s->nact;
			for (i = 0; i < n; i++)
			{
				const sw_edge *e = &E[act[i]];
				double		y = select_double(Xn == e->x1, e->y1,
											  annot_sw_y_inside(e, Xn));

				yr[i] = y;
				if (i > 0)
				{
					inverted |= yr[i - 1] > y;
					h += inside * ((yl[i] - yl[i - 1]) + (y - yr[i - 1]));
				}
				bits ^= UINT64_C(1) << e->ring;
				inside = ((bits & s->mask[0]) != 0) &
					(((bits & s->mask[1]) != 0) | (s->walk == 1));
			}
		}
		else
		{
			/* locals the compiler may keep in registers: nothing aliases */
			const sw_edge *restrict E = s->e;
			const int32_t *restrict act = s->act;
			const int32_t *restrict batch = s->batch;
			const double *restrict yl = s->yl;
			const double *restrict ybatch = s->tmp;
			int32_t    *restrict act2 = s->act2;
			double	   *restrict yx = s->yc;
			double	   *restrict yr = s->yr;
			uint8_t    *restrict par = s->par;
			const int32_t nact = s->nact;
			const int	one_op = s->walk == 1;
			double		yprev = 0.0;
			double		ylprev = 0.0;

			for (i = 0, j = 0; i < nact || j < nb;)
			{
				int32_t		ei;
				double		y;
				double		ylx;
				const sw_edge *e;

				if (i < nact && !(E[act[i]].x1 > X))
				{
					i++;
					continue;
				}
				if (j < nb && (i >= nact ||
							   below(&E[batch[j]], ybatch[batch[j]],
									 &E[act[i]], yl[i])))
				{
					ei = batch[j++];
					ylx = ybatch[ei];
				}
				else
				{
					ei = act[i];
					ylx = yl[i];
					i++;
				}
				e = &E[ei];
				/* no branches on the data here: they mispredict */
				y = select_double(Xn == e->x1, e->y1,
								  annot_sw_y_inside(e, Xn));
				act2[n] = ei;
				yx[n] = ylx;
				yr[n] = y;
				inverted |= n > 0 && yprev > y;
				h += inside * ((ylx - ylprev) + (y - yprev));
				odd[e->op] += 2 * (par[e->ring] ^= 1) - 1;
				inside = (odd[0] > 0) & ((odd[1] > 0) | one_op);
				yprev = y;
				ylprev = ylx;
				n++;
			}
		}
		if (!passing)
		{
			int32_t    *ta = s->act;
			double	   *ty = s->yl;

			/* the merged list becomes the active one; yc held its y at X */
			s->act = s->act2;
			s->act2 = ta;
			s->yl = s->yc;
			s->yc = ty;
			for (i = 0; i < n; i++)
				s->pos[s->act[i]] = i;
		}
		nb = 0;
		s->nact = n;
		sweep_tick(s, n + 1);

		if (!(Xn > X) || (n == 0 && s->curx == INFINITY))
			break;
		if (n > 0)
		{
			if (s->snap)
			{
				snap_to_vertices(s, Xn);
				inverted = false;
				for (i = 1; i < n; i++)
					inverted |= s->yr[i - 1] > s->yr[i];
			}
			if (inverted)
			{
				sweep_crossings(s, X, Xn);
				for (i = 0; i < n; i++)
					s->pos[s->act[i]] = i;
			}
			else if (s->walk)
				*s->area += h * (Xn - X);
			else
				s->emit(s, X, Xn, s->yl, s->yr);
			if (s->stop || s->status != ANNOT_OK)
				break;
		}
		/* y at Xn are the next slab's left ends */
		{
			double	   *t = s->yl;

			s->yl = s->yr;
			s->yr = t;
		}
		X = Xn;
		if (X >= s->xhi)
			break;
	}
	if (s->status != ANNOT_OK)
		return annot_fail(err, s->status, -1, "Out of memory.");
	return ANNOT_OK;
}
