/*
 * raster.c -- pycocotools' polygon rasterizer, rewritten to do work only
 * where it can change the result.
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
 * same order, so the toggles are the same bits; work and memory no longer
 * grow with how far a vertex lies outside the image.
 */
#include "raster.h"

#include "rle_ops.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SCALE 5.0

/* Growable list of toggle positions. */
typedef struct toggles
{
	uint32_t   *pos;
	size_t		n;
	size_t		cap;
} toggles;

static annot_status
toggles_add(toggles *t, uint32_t p, annot_err *err)
{
	if (t->n == t->cap)
	{
		size_t		cap = t->cap ? 2 * t->cap : 64;
		uint32_t   *grown = annot_realloc(t->pos, cap * sizeof(uint32_t));

		if (grown == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory rasterizing a polygon.");
		t->pos = grown;
		t->cap = cap;
	}
	t->pos[t->n++] = p;
	if ((t->n & 0xffff) == 0)
		annot_check_interrupts();
	return ANNOT_OK;
}

/* One edge after pycocotools' flip: the walk runs from t = 0 to tmax. */
typedef struct edge
{
	int64_t		xs;
	int64_t		ys;
	int64_t		tmax;			/* dx for x-major, dy for y-major */
	bool		xmajor;
	bool		flip;
	bool		point;			/* both ends at one place: s is 0/0 */
	double		s;
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

static void
edge_init(edge *e, int64_t xs, int64_t ys, int64_t xe, int64_t ye)
{
	int64_t		dx = llabs(xe - xs);
	int64_t		dy = llabs(ys - ye);

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
}

/*
 * Keep the pair of walk points (u0, v0) then (u1, v1) when it crosses a
 * column centre inside the image, as pycocotools decides.
 */
static annot_status
keep_pair(toggles *t, int64_t u0, int64_t v0, int64_t u1, int64_t v1,
		  int64_t h, int64_t w, annot_err *err)
{
	int64_t		xd,
				yv;
	double		yd;

	if (u0 == u1)
		return ANNOT_OK;
	xd = u1 < u0 ? u1 : u1 - 1;
	if (xd < 2 || (xd - 2) % 5 != 0 || (xd - 2) / 5 > w - 1)
		return ANNOT_OK;
	yv = v1 < v0 ? v1 : v0;
	yd = ((double) yv + .5) / SCALE - .5;
	if (yd < 0)
		yd = 0;
	else if (yd > (double) h)
		yd = (double) h;
	yd = ceil(yd);
	return toggles_add(t, (uint32_t) (((xd - 2) / 5) * h + (int64_t) yd), err);
}

/* The kept steps inside one edge. */
static annot_status
edge_toggles(const edge *e, toggles *t, int64_t h, int64_t w, annot_err *err)
{
	const int64_t ulo = 2;
	const int64_t uhi = 5 * w - 3;
	annot_status st;

	if (e->tmax == 0)
		return ANNOT_OK;
	if (e->xmajor)
	{
		/* u = xs + t: the pair (t, t+1) is kept when xs + t = 5n + 2 */
		int64_t		lo = ulo - e->xs > 0 ? ulo - e->xs : 0;
		int64_t		hi = uhi - e->xs < e->tmax - 1 ? uhi - e->xs : e->tmax - 1;
		int64_t		k;

		if (lo > hi)
			return ANNOT_OK;
		k = lo + ((((2 - (e->xs + lo)) % 5) + 5) % 5);
		for (; k <= hi; k += 5)
		{
			if ((st = keep_pair(t, edge_u(e, k), edge_v(e, k),
								edge_u(e, k + 1), edge_v(e, k + 1),
								h, w, err)) != ANNOT_OK)
				return st;
		}
		return ANNOT_OK;
	}

	/*
	 * y-major: u(t) is monotonic and moves by at most one column a step.
	 * For each kept column level U between the ends, find the first step
	 * t' at which u has passed U; the pair (t'-1, t') is the crossing.
	 */
	{
		int64_t		u0 = edge_u(e, 0);
		int64_t		u1 = edge_u(e, e->tmax);
		bool		up = u1 > u0;
		int64_t		umin = up ? u0 : u1;
		int64_t		umax = up ? u1 : u0;
		int64_t		level;

		if (u0 == u1)
			return ANNOT_OK;
		/* crossings between U and U+1 for U in [umin, umax-1] */
		level = umin > ulo ? umin : ulo;
		level += (((2 - level) % 5) + 5) % 5;
		for (; level <= umax - 1 && level <= uhi; level += 5)
		{
			int64_t		a = 1,
						b = e->tmax;

			/* smallest t' with u(t') > level (up) or u(t') <= level (down) */
			while (a < b)
			{
				int64_t		mid = a + (b - a) / 2;
				int64_t		um = edge_u(e, mid);

				if (up ? um > level : um <= level)
					b = mid;
				else
					a = mid + 1;
			}
			if ((st = keep_pair(t, edge_u(e, a - 1), edge_v(e, a - 1),
								edge_u(e, a), edge_v(e, a),
								h, w, err)) != ANNOT_OK)
				return st;
		}
		return ANNOT_OK;
	}
}

/*
 * Sort the toggle positions: insertion sort for the few of a small
 * polygon, else a radix sort in three passes of 11 bits (positions are
 * below 2^31), several times faster than qsort on the thousands of a large
 * one.
 */
static annot_status
sort_positions(uint32_t *a, size_t n, annot_err *err)
{
	uint32_t   *tmp;
	uint32_t   *src = a;
	uint32_t   *dst;
	int			pass;

	if (n < 64)
	{
		size_t		i;

		for (i = 1; i < n; i++)
		{
			uint32_t	v = a[i];
			size_t		j = i;

			while (j > 0 && a[j - 1] > v)
			{
				a[j] = a[j - 1];
				j--;
			}
			a[j] = v;
		}
		return ANNOT_OK;
	}
	if ((tmp = annot_alloc(n * sizeof(uint32_t))) == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory rasterizing a polygon.");
	dst = tmp;
	for (pass = 0; pass < 3; pass++)
	{
		const int	shift = 11 * pass;
		size_t		count[2048] = {0};
		size_t		i,
					sum = 0;
		uint32_t   *t;

		for (i = 0; i < n; i++)
			count[(src[i] >> shift) & 2047]++;
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
	/* three passes leave the result in tmp */
	memcpy(a, src, n * sizeof(uint32_t));
	annot_free(tmp);
	return ANNOT_OK;
}

/* Sort the toggles and turn them into intervals; equal ones cancel. */
static annot_status
toggles_to_ivals(toggles *t, int64_t h, int64_t w, annot_ivals *out,
				 annot_err *err)
{
	const uint32_t total = (uint32_t) (h * w);
	bool		on = false;
	uint32_t	start = 0;
	size_t		i = 0;
	annot_status st;

	annot_ivals_init(out, (uint32_t) h, (uint32_t) w);
	if ((st = sort_positions(t->pos, t->n, err)) != ANNOT_OK)
		return st;
	while (i < t->n)
	{
		uint32_t	p = t->pos[i];
		size_t		k = i;

		while (k < t->n && t->pos[k] == p)
			k++;
		if ((k - i) & 1)
		{
			if (!on)
				start = p;
			else if ((st = annot_ivals_push(out, start, p, err)) != ANNOT_OK)
				goto fail;
			on = !on;
		}
		i = k;
	}
	if (on && (st = annot_ivals_push(out, start, total, err)) != ANNOT_OK)
		goto fail;
	return ANNOT_OK;

fail:
	annot_ivals_free(out);
	return st;
}

/* 5x a coordinate, rounded as pycocotools does; checks the limits. */
static annot_status
scaled_coord(double c, uint32_t i, int64_t *out, annot_err *err)
{
	double		q;

	if (!isfinite(c))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Polygon coordinate %u is not a finite number.", i + 1);
	if (fabs(c) > ANNOT_RASTER_MAX_COORD)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Polygon coordinate %u (%g) is farther than %g from the image.",
						  i + 1, c, ANNOT_RASTER_MAX_COORD);
	q = SCALE * c;
	q = q + .5;
	*out = trunc_int(q);
	return ANNOT_OK;
}

annot_status
annot_raster_ring(const double *xy, uint32_t npts, int64_t h, int64_t w,
				  annot_ivals *out, annot_err *err)
{
	toggles		t = {NULL, 0, 0};
	int64_t		x0 = 0,
				y0 = 0,
				xa,
				ya,
				xb,
				yb;
	int64_t		lastu = 0,
				lastv = 0;
	uint32_t	j;
	annot_status st;

	if ((st = annot_mask_check_size(h, w, ANNOT_EPARAM, err)) != ANNOT_OK)
		return st;
	if (npts > 0 &&
		((st = scaled_coord(xy[0], 0, &x0, err)) != ANNOT_OK ||
		 (st = scaled_coord(xy[1], 1, &y0, err)) != ANNOT_OK))
		return st;
	xa = x0;
	ya = y0;
	for (j = 0; j < npts; j++)
	{
		edge		e;
		int64_t		tfirst;

		/* the last edge closes the ring back to the first point */
		if (j + 1 < npts)
		{
			if ((st = scaled_coord(xy[2 * (j + 1)], 2 * (j + 1), &xb, err)) != ANNOT_OK ||
				(st = scaled_coord(xy[2 * (j + 1) + 1], 2 * (j + 1) + 1, &yb, err)) != ANNOT_OK)
				goto fail;
		}
		else
			xb = x0, yb = y0;
		edge_init(&e, xa, ya, xb, yb);

		/* the pair formed by the last point of the previous edge and ours */
		tfirst = e.flip ? e.tmax : 0;
		if (j > 0 &&
			(st = keep_pair(&t, lastu, lastv, edge_u(&e, tfirst), edge_v(&e, tfirst),
							h, w, err)) != ANNOT_OK)
			goto fail;
		if ((st = edge_toggles(&e, &t, h, w, err)) != ANNOT_OK)
			goto fail;
		lastu = edge_u(&e, e.flip ? 0 : e.tmax);
		lastv = edge_v(&e, e.flip ? 0 : e.tmax);
		xa = xb;
		ya = yb;
	}
	st = toggles_to_ivals(&t, h, w, out, err);

fail:
	annot_free(t.pos);
	return st;
}

annot_status
annot_raster_rings(const double *xy, const uint32_t *npts, uint32_t nrings,
				   int64_t h, int64_t w, annot_ivals *out, annot_err *err)
{
	annot_status st;
	size_t		off = 0;
	uint32_t	r;

	if ((st = annot_mask_check_size(h, w, ANNOT_EPARAM, err)) != ANNOT_OK)
		return st;
	annot_ivals_init(out, (uint32_t) h, (uint32_t) w);
	for (r = 0; r < nrings; r++)
	{
		annot_ivals ring,
					merged;

		if ((st = annot_raster_ring(xy + 2 * off, npts[r], h, w, &ring, err)) != ANNOT_OK)
			goto fail;
		off += npts[r];
		if (r == 0)
		{
			*out = ring;
			continue;
		}
		st = annot_ivals_combine(out, &ring, ANNOT_MASK_OR, &merged, err);
		annot_ivals_free(&ring);
		if (st != ANNOT_OK)
			goto fail;
		annot_ivals_free(out);
		*out = merged;
	}
	return ANNOT_OK;

fail:
	annot_ivals_free(out);
	return st;
}

annot_status
annot_raster_box(double x1, double y1, double x2, double y2,
				 int64_t h, int64_t w, annot_ivals *out, annot_err *err)
{
	const double xy[8] = {x1, y1, x1, y2, x2, y2, x2, y1};

	return annot_raster_ring(xy, 4, h, w, out, err);
}
