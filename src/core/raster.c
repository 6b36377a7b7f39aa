/*
 * raster.c -- pycocotools' polygon rasterizer, rewritten to do work only
 * where it can change the result, in memory bounded by the input.
 *
 * The original (maskApi.c rleFrPoly) stores every point of a 5x upsampled
 * walk along each edge, then keeps a point p[j] where its column u differs
 * from that of p[j-1]: with xd = min(u[j], u[j-1]) (u[j] - 1 when u grew),
 * the point is kept when (xd + .5) / 5 - .5 is a whole column n in
 * [0, w-1], that is xd = 5n + 2, and it toggles the mask at linear
 * position n * h + y, y = ceil((min(v[j], v[j-1]) + .5) / 5 - .5) clamped
 * to [0, h].  The sorted toggles are the run boundaries.
 *
 * Which pairs are kept depends only on the pair, not on the walking
 * direction, so instead of walking each edge this code visits just the
 * steps that land on a kept column: every 5th step of an x-major edge,
 * and, found by binary search, the steps where a y-major edge moves to the
 * next column.  The arithmetic of each point is pycocotools' own, in the
 * same order, so the toggles are the same bits.
 *
 * Along an edge u is monotonic, so an edge toggles each kept column
 * between its ends exactly once: its toggles are the columns [nlo, nhi].
 * The toggles of a whole polygon can outnumber its points by the width of
 * the image (a comb of long teeth), so they are never all held at once:
 * the columns are swept left to right in chunks holding about
 * ANNOT_RASTER_CHUNK toggles, with a list of the edges that reach into the
 * chunk.  A chunk is at least one column, which no more edges can cross
 * than the polygon has, so the memory is the edges, one chunk's toggles
 * and the result.  Each ring keeps its own parity (a ring is filled by the
 * even-odd rule) and the rings are merged by union, as frPyObjects + merge
 * do: a pixel is set where at least one ring has it set.
 */
#include "raster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SCALE 5.0

/* One edge after pycocotools' flip: the walk runs from t = 0 to tmax. */
typedef struct edge
{
	int64_t		xs;
	int64_t		ys;
	int64_t		tmax;			/* dx for x-major, dy for y-major */
	double		s;
	int64_t		nlo;			/* first and last kept column it toggles */
	int64_t		nhi;
	uint32_t	ring;
	bool		xmajor;
	bool		flip;
	bool		point;			/* both ends at one place: s is 0/0 */
} edge;

/*
 * C's (int) cast of a double, as pycocotools applies it: truncation toward
 * zero.  Arguments stay well inside the int range by the coordinate limit.
 */
static inline int64_t
trunc_int(double v)
{
	return (int64_t) v;
}

/* Column (u) of the walk at t, computed as pycocotools does. */
static inline int64_t
edge_u(const edge *e, int64_t t)
{
	double		q;

	if (e->xmajor)
		return t + e->xs;
	q = e->s * (double) t;
	q = (double) e->xs + q;
	q = q + .5;
	return trunc_int(q);
}

/* Row (v) of the walk at t. */
static inline int64_t
edge_v(const edge *e, int64_t t)
{
	double		q;

	if (!e->xmajor)
		return t + e->ys;
	if (e->point)
		return e->ys;			/* pycocotools' value is undefined; never used */
	q = e->s * (double) t;
	q = (double) e->ys + q;
	q = q + .5;
	return trunc_int(q);
}

static inline int64_t
floor_div5(int64_t a)
{
	return a >= 0 ? a / 5 : -((-a + 4) / 5);
}

/*
 * Set up the edge from (xs, ys) to (xe, ye) and the kept columns it
 * toggles, clipped to [0, w-1]: column n where the walk passes u = 5n + 2.
 */
static void
edge_init(edge *e, int64_t xs, int64_t ys, int64_t xe, int64_t ye, int64_t w)
{
	int64_t		dx = llabs(xe - xs);
	int64_t		dy = llabs(ys - ye);
	int64_t		umin,
				umax;

	e->xmajor = dx >= dy;
	e->flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
	if (e->flip)
	{
		int64_t		t;

		t = xs, xs = xe, xe = t;
		t = ys, ys = ye, ye = t;
	}
	e->xs = xs;
	e->ys = ys;
	e->tmax = e->xmajor ? dx : dy;
	e->point = dx == 0 && dy == 0;
	e->s = e->point ? 0.0 :
		e->xmajor ? (double) (ye - ys) / (double) dx : (double) (xe - xs) / (double) dy;

	/* the pairs' smaller columns run over [umin, umax - 1] */
	if (e->tmax == 0)
		umin = 1, umax = 0;
	else if (e->xmajor)
		umin = xs, umax = xs + e->tmax;
	else
	{
		int64_t		u0 = edge_u(e, 0),
					u1 = edge_u(e, e->tmax);

		umin = u0 < u1 ? u0 : u1;
		umax = u0 < u1 ? u1 : u0;
	}
	e->nlo = floor_div5(umin - 2 + 4);	/* ceil((umin - 2) / 5) */
	e->nhi = floor_div5(umax - 1 - 2);
	if (e->nlo < 0)
		e->nlo = 0;
	if (e->nhi > w - 1)
		e->nhi = w - 1;
}

/*
 * Position toggled by the pair of walk points (u0, v0) then (u1, v1), or
 * -1 when the pair crosses no column centre inside the image, as
 * pycocotools decides.
 */
static inline int64_t
pair_toggle(int64_t u0, int64_t v0, int64_t u1, int64_t v1,
			int64_t h, int64_t w)
{
	int64_t		xd,
				yv;
	double		yd;

	if (u0 == u1)
		return -1;
	xd = u1 < u0 ? u1 : u1 - 1;
	if (xd < 2 || (xd - 2) % 5 != 0 || (xd - 2) / 5 > w - 1)
		return -1;
	yv = v1 < v0 ? v1 : v0;
	yd = ((double) yv + .5) / SCALE - .5;
	if (yd < 0)
		yd = 0;
	else if (yd > (double) h)
		yd = (double) h;
	yd = ceil(yd);
	return ((xd - 2) / 5) * h + (int64_t) yd;
}

/* The toggle of edge e in kept column n (nlo <= n <= nhi). */
static inline int64_t
edge_toggle(const edge *e, int64_t n, int64_t h, int64_t w)
{
	int64_t		level = 5 * n + 2;

	if (e->xmajor)
	{
		/* u = xs + t: the pair (k, k+1) has its smaller column at k */
		int64_t		k = level - e->xs;

		return pair_toggle(edge_u(e, k), edge_v(e, k),
						   edge_u(e, k + 1), edge_v(e, k + 1), h, w);
	}
	else
	{
		/*
		 * y-major: u(t) is monotonic and moves by at most one column a
		 * step.  The first step t' at which u has passed the level makes
		 * the pair (t'-1, t') that crosses it.
		 */
		bool		up = edge_u(e, e->tmax) > edge_u(e, 0);
		int64_t		a = 1,
					b = e->tmax;

		while (a < b)
		{
			int64_t		mid = a + (b - a) / 2;
			int64_t		um = edge_u(e, mid);

			if (up ? um > level : um <= level)
				b = mid;
			else
				a = mid + 1;
		}
		return pair_toggle(edge_u(e, a - 1), edge_v(e, a - 1),
						   edge_u(e, a), edge_v(e, a), h, w);
	}
}

/* 5x a coordinate, rounded as pycocotools does; checks the limits. */
static annot_status
scaled_coord(double c, size_t i, int64_t *out, annot_err *err)
{
	double		q;

	if (!isfinite(c))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Polygon coordinate %zu is not a finite number.", i + 1);
	if (fabs(c) > ANNOT_RASTER_MAX_COORD)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Polygon coordinate %zu (%g) is farther than %g from the image.",
						  i + 1, c, ANNOT_RASTER_MAX_COORD);
	q = SCALE * c;
	q = q + .5;
	*out = trunc_int(q);
	return ANNOT_OK;
}

/*
 * A toggle: position in the low 32 bits, ring above (only when there are
 * several rings, so that one ring's toggles sort together).
 */
typedef uint64_t toggle;

#define TOGGLE_POS(t) ((uint32_t) ((t) & 0xffffffffu))
#define TOGGLE_RING(t) ((uint32_t) ((t) >> 32))

/*
 * Radix sort of n keys below 2^bits, 11 bits a pass, through tmp (n keys).
 * Insertion sort for a few.
 */
static void
sort_keys(toggle *a, toggle *tmp, size_t n, int bits)
{
	toggle	   *src = a;
	toggle	   *dst = tmp;
	int			shift;

	if (n < 64)
	{
		size_t		i;

		for (i = 1; i < n; i++)
		{
			toggle		v = a[i];
			size_t		j = i;

			while (j > 0 && a[j - 1] > v)
			{
				a[j] = a[j - 1];
				j--;
			}
			a[j] = v;
		}
		return;
	}
	for (shift = 0; shift < bits; shift += 11)
	{
		size_t		count[2048] = {0};
		size_t		i,
					sum = 0;
		toggle	   *t;

		for (i = 0; i < n; i++)
			count[(src[i] >> shift) & 2047]++;
		if (count[(src[0] >> shift) & 2047] == n)
			continue;			/* every key has this digit: nothing moves */
		for (i = 0; i < 2048; i++)
		{
			size_t		c = count[i];

			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & 2047]++] = src[i];
		t = src, src = dst, dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof(toggle));
}

/* The state of a rasterization, kept across column chunks. */
typedef struct sweep
{
	int64_t		h;
	int64_t		w;
	uint32_t	nrings;
	edge	   *edges;
	size_t		nedges;
	uint32_t   *order;			/* edges with toggles, by nlo */
	size_t		norder;
	size_t		next;			/* next of order to become active */
	uint32_t   *active;
	size_t		nactive;
	toggle	   *junctions;		/* toggles between edges, sorted */
	size_t		njunctions;
	size_t		nextjunction;
	toggle	   *buf;			/* one chunk's toggles */
	toggle	   *tmp;
	size_t		bufcap;
	uint8_t    *on;				/* per ring: inside it now */
	uint32_t   *starts;			/* a chunk's ring entries and exits */
	uint32_t   *ends;
	int64_t		cover;			/* rings inside at the chunk's start */
	uint32_t	outstart;		/* start of the output run under way */
	annot_ivals *out;
} sweep;

static void
sweep_free(sweep *s)
{
	annot_free(s->edges);
	annot_free(s->order);
	annot_free(s->active);
	annot_free(s->junctions);
	annot_free(s->buf);
	annot_free(s->tmp);
	annot_free(s->on);
	annot_free(s->starts);
	annot_free(s->ends);
}

/* The edges that toggle anything, in the order of their first column. */
static annot_status
order_edges(sweep *s, annot_err *err)
{
	toggle	   *keys,
			   *tmp;
	size_t		i,
				n = 0;

	keys = annot_alloc((s->nedges + 1) * sizeof(toggle));
	tmp = annot_alloc((s->nedges + 1) * sizeof(toggle));
	s->order = annot_alloc((s->nedges + 1) * sizeof(uint32_t));
	s->active = annot_alloc((s->nedges + 1) * sizeof(uint32_t));
	if (keys == NULL || tmp == NULL || s->order == NULL || s->active == NULL)
	{
		annot_free(keys);
		annot_free(tmp);
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory rasterizing a polygon.");
	}
	for (i = 0; i < s->nedges; i++)
		if (s->edges[i].nlo <= s->edges[i].nhi)
			keys[n++] = ((toggle) s->edges[i].nlo << 32) | i;
	sort_keys(keys, tmp, n, 64);
	for (i = 0; i < n; i++)
		s->order[i] = (uint32_t) keys[i];
	s->norder = n;
	annot_free(keys);
	annot_free(tmp);
	return ANNOT_OK;
}

/* Make room for need toggles in the chunk buffers. */
static annot_status
sweep_reserve(sweep *s, size_t need, annot_err *err)
{
	size_t		cap = s->bufcap ? s->bufcap : 64;

	if (need <= s->bufcap)
		return ANNOT_OK;
	while (cap < need)
		cap *= 2;
	annot_free(s->buf);
	annot_free(s->tmp);
	annot_free(s->starts);
	annot_free(s->ends);
	s->buf = annot_alloc(cap * sizeof(toggle));
	s->tmp = annot_alloc(cap * sizeof(toggle));
	s->starts = annot_alloc(cap * sizeof(uint32_t));
	s->ends = annot_alloc(cap * sizeof(uint32_t));
	s->bufcap = 0;
	if (s->buf == NULL || s->tmp == NULL || s->starts == NULL || s->ends == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory rasterizing a polygon.");
	s->bufcap = cap;
	return ANNOT_OK;
}

/* Output: coverage by the rings goes from 0 to more or back at pos. */
static inline annot_status
cover_change(sweep *s, int64_t before, int64_t after, uint32_t pos,
			 annot_err *err)
{
	if (before == 0 && after > 0)
		s->outstart = pos;
	else if (before > 0 && after == 0)
		return annot_ivals_push(s->out, s->outstart, pos, err);
	return ANNOT_OK;
}

/*
 * The chunk's n toggles in s->buf, sorted: fold each ring's repeats by
 * parity into entries and exits, and those into the union.
 */
static annot_status
sweep_emit(sweep *s, size_t n, annot_err *err)
{
	size_t		i = 0,
				nst = 0,
				nen = 0,
				a,
				b;
	annot_status st;

	while (i < n)
	{
		toggle		t = s->buf[i];
		size_t		k = i;
		uint32_t	r = TOGGLE_RING(t);

		while (k < n && s->buf[k] == t)
			k++;
		if ((k - i) & 1)
		{
			if (s->on[r])
				s->ends[nen++] = TOGGLE_POS(t);
			else
				s->starts[nst++] = TOGGLE_POS(t);
			s->on[r] ^= 1;
		}
		i = k;
	}
	/* with several rings, entries and exits come ring by ring: sort them */
	if (s->nrings > 1)
	{
		for (i = 0; i < nst; i++)
			s->buf[i] = s->starts[i];
		sort_keys(s->buf, s->tmp, nst, 33);
		for (i = 0; i < nst; i++)
			s->starts[i] = (uint32_t) s->buf[i];
		for (i = 0; i < nen; i++)
			s->buf[i] = s->ends[i];
		sort_keys(s->buf, s->tmp, nen, 33);
		for (i = 0; i < nen; i++)
			s->ends[i] = (uint32_t) s->buf[i];
	}
	/* merge: at one position entries first, so touching runs join */
	a = b = 0;
	while (a < nst || b < nen)
	{
		int64_t		c = s->cover;

		if (b >= nen || (a < nst && s->starts[a] <= s->ends[b]))
		{
			s->cover++;
			st = cover_change(s, c, s->cover, s->starts[a++], err);
		}
		else
		{
			s->cover--;
			st = cover_change(s, c, s->cover, s->ends[b++], err);
		}
		if (st != ANNOT_OK)
			return st;
	}
	return ANNOT_OK;
}

/* The kept columns a chunk [a, b] may hold of edge e. */
static inline int64_t
edge_span(const edge *e, int64_t a, int64_t b)
{
	int64_t		lo = e->nlo > a ? e->nlo : a;
	int64_t		hi = e->nhi < b ? e->nhi : b;

	return hi >= lo ? hi - lo + 1 : 0;
}

/*
 * Sweep the columns in chunks of about budget toggles: the edges reaching
 * into a chunk give their toggles in it, with the junctions between edges
 * that fall there.
 */
static annot_status
sweep_run(sweep *s, size_t budget, annot_err *err)
{
	const int64_t h = s->h;
	const int64_t w = s->w;
	int64_t		a = 0;
	annot_status st;
	int			bits = s->nrings > 1 ? 64 : 33;

	if (budget < 1)
		budget = 1;
	while (a < w)
	{
		int64_t		b,
					width;
		size_t		i,
					n = 0,
					nnew,
					keep;
		uint64_t	need;
		uint64_t	chunkend;

		/* edges that ended before a leave, those that start by a join */
		keep = 0;
		for (i = 0; i < s->nactive; i++)
			if (s->edges[s->active[i]].nhi >= a)
				s->active[keep++] = s->active[i];
		s->nactive = keep;
		while (s->next < s->norder && s->edges[s->order[s->next]].nlo <= a)
		{
			uint32_t	ei = s->order[s->next++];

			if (s->edges[ei].nhi >= a)
				s->active[s->nactive++] = ei;
		}
		/* nothing here: jump to the next edge or junction */
		if (s->nactive == 0)
		{
			int64_t		na = w;

			if (s->next < s->norder)
				na = s->edges[s->order[s->next]].nlo;
			if (s->nextjunction < s->njunctions)
			{
				int64_t		nj = TOGGLE_POS(s->junctions[s->nextjunction]) / h;

				if (nj < na)
					na = nj;
			}
			if (na > a)
			{
				a = na;
				continue;
			}
		}

		/*
		 * Chunk width: the active edges toggle every column of it; the
		 * edges starting inside it toggle at most that many.  Narrow it
		 * until its toggles fit the budget, down to one column.
		 */
		width = (int64_t) (budget / (s->nactive + 1));
		if (width < 1)
			width = 1;
		for (;;)
		{
			b = a + width - 1 < w - 1 ? a + width - 1 : w - 1;
			need = 0;
			for (i = 0; i < s->nactive; i++)
				need += (uint64_t) edge_span(&s->edges[s->active[i]], a, b);
			for (i = s->next; i < s->norder &&
				 s->edges[s->order[i]].nlo <= b; i++)
				need += (uint64_t) edge_span(&s->edges[s->order[i]], a, b);
			nnew = i - s->next;
			if (need <= budget || width == 1)
				break;
			width = width / 2;
		}
		chunkend = (uint64_t) (b + 1) * (uint64_t) h;
		for (i = s->nextjunction; i < s->njunctions &&
			 TOGGLE_POS(s->junctions[i]) < chunkend; i++)
			need++;
		if ((st = sweep_reserve(s, (size_t) need, err)) != ANNOT_OK)
			return st;
		for (i = 0; i < nnew; i++)
			s->active[s->nactive++] = s->order[s->next++];

		/* the toggles of the chunk */
		for (i = 0; i < s->nactive; i++)
		{
			const edge *e = &s->edges[s->active[i]];
			int64_t		lo = e->nlo > a ? e->nlo : a;
			int64_t		hi = e->nhi < b ? e->nhi : b;
			int64_t		c;

			for (c = lo; c <= hi; c++)
			{
				int64_t		p = edge_toggle(e, c, h, w);

				if (p >= 0)
					s->buf[n++] = ((toggle) e->ring << 32) | (uint64_t) p;
			}
			if ((i & 1023) == 1023)
				annot_check_interrupts();
		}
		while (s->nextjunction < s->njunctions &&
			   TOGGLE_POS(s->junctions[s->nextjunction]) < chunkend)
			s->buf[n++] = s->junctions[s->nextjunction++];
		sort_keys(s->buf, s->tmp, n, bits);
		if ((st = sweep_emit(s, n, err)) != ANNOT_OK)
			return st;
		annot_check_interrupts();
		a = b + 1;
	}
	/* junctions at or past the end of the last column (position h * w) */
	{
		size_t		n = 0;

		if ((st = sweep_reserve(s, s->njunctions - s->nextjunction, err)) != ANNOT_OK)
			return st;
		while (s->nextjunction < s->njunctions)
			s->buf[n++] = s->junctions[s->nextjunction++];
		if ((st = sweep_emit(s, n, err)) != ANNOT_OK)
			return st;
	}
	/* a ring still inside runs to the end of the image */
	if (s->cover > 0)
		return annot_ivals_push(s->out, s->outstart, (uint32_t) (h * w), err);
	return ANNOT_OK;
}

/*
 * Read the rings into edges and junction toggles.  The pair formed by the
 * last point of an edge and the first of the next is a toggle of its own.
 */
static annot_status
sweep_edges(sweep *s, const double *xy, const uint32_t *npts, annot_err *err)
{
	size_t		total = 0,
				off = 0;
	uint32_t	r;
	annot_status st;
	toggle	   *tmp;

	for (r = 0; r < s->nrings; r++)
		total += npts[r];
	s->edges = annot_alloc((total + 1) * sizeof(edge));
	s->junctions = annot_alloc((total + 1) * sizeof(toggle));
	s->on = annot_alloc(s->nrings + 1);
	if (s->edges == NULL || s->junctions == NULL || s->on == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory rasterizing a polygon.");
	memset(s->on, 0, s->nrings + 1);
	for (r = 0; r < s->nrings; r++)
	{
		const double *ring = xy + 2 * off;
		int64_t		x0 = 0,
					y0 = 0,
					xa,
					ya,
					xb,
					yb;
		int64_t		lastu = 0,
					lastv = 0;
		uint32_t	j;

		if (npts[r] > 0 &&
			((st = scaled_coord(ring[0], 2 * off, &x0, err)) != ANNOT_OK ||
			 (st = scaled_coord(ring[1], 2 * off + 1, &y0, err)) != ANNOT_OK))
			return st;
		xa = x0;
		ya = y0;
		for (j = 0; j < npts[r]; j++)
		{
			edge	   *e = &s->edges[s->nedges];
			int64_t		tfirst,
						p;

			/* the last edge closes the ring back to the first point */
			if (j + 1 < npts[r])
			{
				size_t		i = 2 * (off + j + 1);

				if ((st = scaled_coord(xy[i], i, &xb, err)) != ANNOT_OK ||
					(st = scaled_coord(xy[i + 1], i + 1, &yb, err)) != ANNOT_OK)
					return st;
			}
			else
				xb = x0, yb = y0;
			edge_init(e, xa, ya, xb, yb, s->w);
			e->ring = r;
			s->nedges++;

			tfirst = e->flip ? e->tmax : 0;
			if (j > 0 &&
				(p = pair_toggle(lastu, lastv, edge_u(e, tfirst), edge_v(e, tfirst),
								 s->h, s->w)) >= 0)
				s->junctions[s->njunctions++] = ((toggle) r << 32) | (uint64_t) p;
			lastu = edge_u(e, e->flip ? 0 : e->tmax);
			lastv = edge_v(e, e->flip ? 0 : e->tmax);
			xa = xb;
			ya = yb;
			if ((j & 0xffff) == 0xffff)
				annot_check_interrupts();
		}
		off += npts[r];
	}
	/* junctions by position (their ring does not matter for the order) */
	if ((tmp = annot_alloc((s->njunctions + 1) * sizeof(toggle))) == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory rasterizing a polygon.");
	{
		size_t		i;

		/* position first so that the sort orders by it */
		for (i = 0; i < s->njunctions; i++)
			s->junctions[i] = ((toggle) TOGGLE_POS(s->junctions[i]) << 32) |
				TOGGLE_RING(s->junctions[i]);
		sort_keys(s->junctions, tmp, s->njunctions, 64);
		for (i = 0; i < s->njunctions; i++)
			s->junctions[i] = ((toggle) (s->junctions[i] & 0xffffffffu) << 32) |
				(s->junctions[i] >> 32);
	}
	annot_free(tmp);
	return ANNOT_OK;
}

annot_status
annot_raster_rings_budget(const double *xy, const uint32_t *npts,
						  uint32_t nrings, int64_t h, int64_t w,
						  size_t budget, annot_ivals *out, annot_err *err)
{
	sweep		s;
	annot_status st;

	if ((st = annot_mask_check_size(h, w, ANNOT_EPARAM, err)) != ANNOT_OK)
		return st;
	memset(&s, 0, sizeof(s));
	s.h = h;
	s.w = w;
	s.nrings = nrings;
	s.out = out;
	annot_ivals_init(out, (uint32_t) h, (uint32_t) w);
	if ((st = sweep_edges(&s, xy, npts, err)) != ANNOT_OK ||
		(st = order_edges(&s, err)) != ANNOT_OK ||
		(st = sweep_run(&s, budget, err)) != ANNOT_OK)
		annot_ivals_free(out);
	sweep_free(&s);
	return st;
}

annot_status
annot_raster_rings(const double *xy, const uint32_t *npts, uint32_t nrings,
				   int64_t h, int64_t w, annot_ivals *out, annot_err *err)
{
	return annot_raster_rings_budget(xy, npts, nrings, h, w,
									 ANNOT_RASTER_CHUNK, out, err);
}

annot_status
annot_raster_ring(const double *xy, uint32_t npts, int64_t h, int64_t w,
				  annot_ivals *out, annot_err *err)
{
	return annot_raster_rings(xy, &npts, 1, h, w, out, err);
}

annot_status
annot_mask_from_box(double x1, double y1, double x2, double y2,
					int64_t h, int64_t w, annot_ivals *out, annot_err *err)
{
	annot_status st;

	annot_err_about(err, "mask size", NULL);
	if ((st = annot_mask_check_size(h, w, ANNOT_EPARAM, err)) != ANNOT_OK)
		return st;
	annot_err_about(err, "bbox", NULL);
	return annot_raster_box(x1, y1, x2, y2, h, w, out, err);
}

annot_status
annot_raster_box(double x1, double y1, double x2, double y2,
				 int64_t h, int64_t w, annot_ivals *out, annot_err *err)
{
	double		xy[8];

	annot_raster_box_ring(x1, y1, x2, y2, xy);
	return annot_raster_ring(xy, 4, h, w, out, err);
}

void
annot_raster_box_ring(double x1, double y1, double x2, double y2, double xy[8])
{
	/* rleFrBbox's ring: (x1,y1) (x1,y2) (x2,y2) (x2,y1) */
	xy[0] = x1, xy[1] = y1;
	xy[2] = x1, xy[3] = y2;
	xy[4] = x2, xy[5] = y2;
	xy[6] = x2, xy[7] = y1;
}
