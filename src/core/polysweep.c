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

/* Order of the edge list: by x0, then y0, then slope. */
static inline bool
edge_less(const sw_edge *a, const sw_edge *b)
{
	if (a->x0 != b->x0)
		return a->x0 < b->x0;
	if (a->y0 != b->y0)
		return a->y0 < b->y0;
	return a->slope < b->slope;
}

/* Quicksort (median of three, insertion sort below 16) of the edge list. */
static void
sort_edges(sw_edge *v, int32_t n)
{
	while (n > 16)
	{
		int32_t		mid = n / 2;
		sw_edge		t;
		sw_edge		pivot;
		int32_t		i = 0;
		int32_t		j = n - 1;

		/* median of three into v[mid] */
		if (edge_less(&v[mid], &v[0]))
			t = v[mid], v[mid] = v[0], v[0] = t;
		if (edge_less(&v[n - 1], &v[mid]))
		{
			t = v[mid], v[mid] = v[n - 1], v[n - 1] = t;
			if (edge_less(&v[mid], &v[0]))
				t = v[mid], v[mid] = v[0], v[0] = t;
		}
		pivot = v[mid];
		for (;;)
		{
			while (edge_less(&v[i], &pivot))
				i++;
			while (edge_less(&pivot, &v[j]))
				j--;
			if (i >= j)
				break;
			t = v[i], v[i] = v[j], v[j] = t;
			i++;
			j--;
		}
		/* recurse into the smaller part, loop on the larger */
		if (j + 1 < n - j - 1)
		{
			sort_edges(v, j + 1);
			v += j + 1;
			n -= j + 1;
		}
		else
		{
			sort_edges(v + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (int32_t i = 1; i < n; i++)
	{
		sw_edge		t = v[i];
		int32_t		j = i;

		while (j > 0 && edge_less(&t, &v[j - 1]))
		{
			v[j] = v[j - 1];
			j--;
		}
		v[j] = t;
	}
}

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

/* Append the non-vertical edges of r that reach into (xlo, xhi). */
static int32_t
add_edges(sw_edge *out, const annot_rings *r, int32_t op, int32_t ring_base,
		  double xlo, double xhi)
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

			/* vertical edges bound no area and cross no open slab */
			if (px == qx)
				continue;
			if (px < qx)
			{
				e->x0 = px, e->y0 = py, e->x1 = qx, e->y1 = qy;
			}
			else
			{
				e->x0 = qx, e->y0 = qy, e->x1 = px, e->y1 = py;
			}
			if (e->x1 <= xlo || e->x0 >= xhi)
				continue;
			e->slope = (e->y1 - e->y0) / (e->x1 - e->x0);
			e->ring = ring_base + ring;
			e->op = op;
			e->src = i;
			e->unused = 0;
			n++;
		}
	}
	return n;
}

annot_status
annot_sweep_init(sweep *s, const annot_rings *a, const annot_rings *b,
				 double xlo, double xhi, annot_err *err)
{
	int32_t		maxe = a->npoints + (b ? b->npoints : 0);
	int32_t		npar = a->nrings + (b ? b->nrings : 0);
	size_t		m = (size_t) maxe + 1;

	memset(s, 0, sizeof(*s));
	s->xlo = xlo;
	s->xhi = xhi;
	s->status = ANNOT_OK;
	s->e = annot_alloc(sizeof(sw_edge) * m);
	s->act = annot_alloc(sizeof(int32_t) * m);
	s->tmp_act = annot_alloc(sizeof(int32_t) * m);
	s->yl = annot_alloc(sizeof(double) * m);
	s->yr = annot_alloc(sizeof(double) * m);
	s->yc = annot_alloc(sizeof(double) * m);
	s->tmp = annot_alloc(sizeof(double) * m);
	s->par = annot_alloc((size_t) npar + 1);
	if (!s->e || !s->act || !s->tmp_act || !s->yl || !s->yr || !s->yc ||
		!s->tmp || !s->par)
	{
		annot_sweep_free(s);
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	}
	memset(s->par, 0, (size_t) npar + 1);
	s->npar = npar;
	s->ne = add_edges(s->e, a, 0, 0, xlo, xhi);
	if (b)
		s->ne += add_edges(s->e + s->ne, b, 1, a->nrings, xlo, xhi);
	sort_edges(s->e, s->ne);
	return ANNOT_OK;
}

void
annot_sweep_free(sweep *s)
{
	annot_free(s->e);
	annot_free(s->act);
	annot_free(s->tmp_act);
	annot_free(s->yl);
	annot_free(s->yr);
	annot_free(s->yc);
	annot_free(s->tmp);
	annot_free(s->par);
	s->e = NULL;
	s->act = s->tmp_act = NULL;
	s->yl = s->yr = s->yc = s->tmp = NULL;
	s->par = NULL;
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

/*
 * Insert the edges e[*next..] that start at or before X into the active
 * list, whose y at X are in s->yl, keeping bottom-to-top order at X+.
 */
static void
insert_edges(sweep *s, double X, int32_t *next)
{
	int32_t		first = *next;
	int32_t		last = first;
	int32_t		nb;
	int32_t		i = 0;
	int32_t		j = 0;
	int32_t		k = 0;

	while (last < s->ne && s->e[last].x0 <= X)
		last++;
	if (last == first)
		return;
	*next = last;
	nb = last - first;

	/*
	 * Order the new batch by y at X, then slope.  Edges starting exactly at
	 * X come sorted by the list's own order; only the first boundary of a
	 * restricted sweep holds edges that started earlier.
	 */
	for (i = 0; i < nb; i++)
	{
		s->tmp_act[i] = first + i;
		s->tmp[first + i] = annot_sw_y(&s->e[first + i], X);
	}
	if (s->e[first].x0 < X)
	{
		double	   *slopes = s->yc;

		for (i = first; i < last; i++)
			slopes[i] = s->e[i].slope;
		annot_sort_by_keys(s->tmp_act, nb, s->tmp, slopes);
	}

	/* merge the batch into the active list, from the back, in place */
	i = s->nact - 1;
	j = nb - 1;
	k = s->nact + nb - 1;
	while (j >= 0)
	{
		int32_t		ne = s->tmp_act[j];
		double		ynew = s->tmp[ne];
		bool		take_new;

		if (i < 0)
			take_new = true;
		else
		{
			const sw_edge *ea = &s->e[s->act[i]];
			const sw_edge *en = &s->e[ne];

			if (ynew != s->yl[i])
				take_new = ynew > s->yl[i];
			else if (en->slope != ea->slope)
				take_new = en->slope > ea->slope;
			else
				take_new = en->ring > ea->ring ||
					(en->ring == ea->ring && en->src > ea->src);
		}
		if (take_new)
		{
			s->act[k] = ne;
			s->yl[k] = ynew;
			j--;
		}
		else
		{
			s->act[k] = s->act[i];
			s->yl[k] = s->yl[i];
			i--;
		}
		k--;
	}
	s->nact += nb;
}

/*
 * Sweep the slab [xl, xr] in which no edge starts or ends: find crossings
 * as inversions, emit the crossing-free sub-slabs, and leave the active
 * list ordered at xr with y at xr in s->yl.
 */
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
 * edges and the starts of edges e[next..].
 */
static void
snap_to_vertices(sweep *s, double xr, int32_t next)
{
	int32_t		n = s->nact;
	int32_t		nv = 0;
	double	   *v = s->tmp;
	int32_t		i;

	for (i = 0; i < n; i++)
		if (s->e[s->act[i]].x1 == xr)
			v[nv++] = s->e[s->act[i]].y1;
	for (i = next; i < s->ne && s->e[i].x0 == xr; i++)
		v[nv++] = s->e[i].y0;
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

static void
sweep_slab(sweep *s, double xl, double xr, int32_t next)
{
	int32_t		n = s->nact;
	int32_t		i;

	for (i = 0; i < n; i++)
		s->yr[i] = annot_sw_y(&s->e[s->act[i]], xr);
	snap_to_vertices(s, xr, next);
	sweep_tick(s, n);

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
			/*
			 * The pairs meet at the slab's end: give each the same y there.
			 * A snap to the pair's mean lowers the sum of all inversions
			 * sum(max(0, y[i] - y[j]), i < j) by at least the pair's own
			 * (max(0, .) is convex), so this ends as well.
			 */
			for (i = 0; i + 1 < n; i++)
				if (s->yr[i] > s->yr[i + 1])
				{
					double		m = s->yr[i] / 2 + s->yr[i + 1] / 2;

					s->yr[i] = s->yr[i + 1] = m;
					i++;
				}
			continue;
		}
		else
		{
			yc = s->yc;
			for (i = 0; i < n; i++)
				yc[i] = annot_sw_y(&s->e[s->act[i]], xc);
			sweep_tick(s, n);

			/*
			 * The pairs crossing at xc meet in one point: give both the same
			 * y there so that boundaries through the crossing close.
			 */
			for (i = 0; i + 1 < n; i++)
				if (s->tmp[i] <= tmin)
				{
					double		m = yc[i] / 2 + yc[i + 1] / 2;

					yc[i] = yc[i + 1] = m;
					i++;
				}
			merge_close(s, yc);
		}
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
	memcpy(s->yl, s->yr, sizeof(double) * (size_t) n);
}

annot_status
annot_sweep_run(sweep *s, annot_err *err)
{
	int32_t		next = 0;
	int32_t		cut = 0;
	double		X;

	s->nact = 0;
	if (s->ne == 0)
		return ANNOT_OK;
	X = s->e[0].x0 > s->xlo ? s->e[0].x0 : s->xlo;
	while (cut < s->ncuts && s->cuts[cut].x <= X)
		cut++;

	for (;;)
	{
		double		Xn = s->xhi;
		int32_t		i;
		int32_t		k = 0;

		/* drop the edges that end at X; the rest keep their y at X */
		for (i = 0; i < s->nact; i++)
		{
			const sw_edge *e = &s->e[s->act[i]];

			if (e->x1 > X)
			{
				s->act[k] = s->act[i];
				s->yl[k] = s->yl[i];
				k++;
			}
		}
		s->nact = k;
		insert_edges(s, X, &next);

		if (s->nact == 0)
		{
			if (next >= s->ne)
				break;
			X = s->e[next].x0;
			continue;
		}
		/* the next event: a start, an end, a cut or the range's end */
		if (next < s->ne && s->e[next].x0 < Xn)
			Xn = s->e[next].x0;
		for (i = 0; i < s->nact; i++)
			if (s->e[s->act[i]].x1 < Xn)
				Xn = s->e[s->act[i]].x1;
		while (cut < s->ncuts && s->cuts[cut].x <= X)
			cut++;
		if (cut < s->ncuts && s->cuts[cut].x < Xn)
			Xn = s->cuts[cut].x;
		if (!(Xn > X))
			break;
		sweep_slab(s, X, Xn, next);
		if (s->stop || s->status != ANNOT_OK)
			break;
		X = Xn;
		if (X >= s->xhi)
			break;
	}
	if (s->status != ANNOT_OK)
		return annot_fail(err, s->status, -1, "Out of memory.");
	return ANNOT_OK;
}
