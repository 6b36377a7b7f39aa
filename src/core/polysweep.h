/*
 * polysweep.h -- the slab sweep shared by the region algorithms
 * (polyclip.c) and the validity check (polyvalid.c).  Internal to the core.
 *
 * Edges of one or two operands are cut by vertical lines at every vertex
 * and at every crossing into sub-slabs in which no two edges cross.  For
 * each sub-slab [a, b] the sweep calls emit() with the active edges in
 * bottom-to-top order and their y at a and at b; walking them with one
 * parity bit per ring tells which gaps between consecutive edges lie in
 * each operand's region.
 */
#ifndef ANNOT_POLYSWEEP_H
#define ANNOT_POLYSWEEP_H

#include "poly.h"

/* Chains beyond this many are merged before the sweep, not while it goes. */
#define SW_LAZY_CHAINS 8

/* A point's x and its index, sorted together: no indirect loads. */
typedef struct sw_key
{
	double		x;
	int32_t		v;
} sw_key;

typedef struct sw_edge
{
	double		x0;				/* left end: x0 < x1 always */
	double		y0;
	double		x1;
	double		y1;
	double		slope;
	int32_t		ring;			/* index into the parity array */
	int32_t		op;				/* operand: 0 or 1 */
	int32_t		src;			/* point index of the edge's start in its operand */
	int32_t		steep;			/* slope overflows: interpolate by parameter */
} sw_edge;

/* A vertical line at which the region is cut (for hole-free pieces). */
typedef struct sw_cut
{
	double		x;
	double		ylo;			/* only runs meeting [ylo, yhi] are cut */
	double		yhi;
} sw_cut;

typedef struct sweep sweep;
typedef void (*sw_emit_fn) (sweep *s, double a, double b, const double *ya,
							const double *yb);

struct sweep
{
	sw_edge    *e;
	int32_t		ne;
	int32_t		np;				/* points of both operands */
	double	   *px;				/* their x */
	double	   *py;				/* and y */
	sw_key	   *keys;		/* points by chain, each chain sorted by x */
	int32_t		nchains;
	int32_t    *head;			/* each chain's next point in keys */
	int32_t    *chain_end;		/* and its end */
	int32_t		cur;			/* the chain whose head has the least x */
	double		curx;			/* that x; INFINITY once all are taken */
	int32_t    *atx;			/* the points taken at one abscissa */
	int32_t    *eid;			/* edge from each point to its successor, or -1 */
	int32_t    *prev;			/* each point's ring predecessor */
	int32_t    *pos;			/* each active edge's place in act */
	int32_t    *rep;			/* edges taking an ending edge's place */
	int32_t    *act;			/* active edges, bottom to top */
	int32_t		nact;
	uint8_t    *par;			/* one parity bit per ring */
	int32_t		npar;
	uint64_t	mask[2];		/* with npar <= 64: each operand's rings' bits */
	int32_t		cnt[2];			/* rings with odd parity, per operand */
	double		xlo;			/* sweep only [xlo, xhi] */
	double		xhi;
	const sw_cut *cuts;			/* sorted by x; extra slab boundaries */
	int32_t		ncuts;
	sw_emit_fn	emit;
	void	   *ctx;			/* the emitter's state */

	/*
	 * Area measures need no emitter for crossing-free slabs: with walk 1
	 * (operand 0's region) or 2 (both operands'), the sweep adds twice the
	 * area of such slabs to *area itself, and calls emit only for the
	 * sub-slabs of slabs with crossings.
	 */
	int			walk;
	double	   *area;
	bool		snap;			/* make boundaries meet exactly (boundary tracing) */
	bool		stop;			/* set by emit to end the sweep early */
	annot_status status;		/* set by emit on failure (ENOMEM) */
	/* work arrays; act, yl, yr swap with their spares between slabs */
	double	   *yl;				/* y of the active edges at the slab's left end */
	double	   *yr;				/* ... at its right end */
	double	   *yc;				/* ... at a crossing */
	double	   *tmp;
	int32_t    *act2;
	int32_t    *batch;			/* edges starting at one abscissa */
	long		work;			/* edges visited since the last interrupt check */
	void	   *block;			/* the one allocation behind the arrays */
};

/*
 * Set up s for operands a (and b, may be NULL) restricted to the x-range
 * [xlo, xhi] (use -INFINITY, INFINITY for all).  Rings of a take parity
 * slots 0.., rings of b follow.
 */
annot_status annot_sweep_init(sweep *s, const annot_rings *a,
							  const annot_rings *b, double xlo, double xhi,
							  annot_err *err);
void		annot_sweep_free(sweep *s);

/* Run the sweep, calling s->emit for every sub-slab of positive width. */
annot_status annot_sweep_run(sweep *s, annot_err *err);

/*
 * y of edge e at x strictly inside its x-range.  The slope overflows only
 * for an x-span of subnormal size under a normal y-span; such an edge is
 * interpolated by parameter instead.
 */
static inline double
annot_sw_y_inside(const sw_edge *e, double x)
{
	if (e->steep)
		return e->y0 + (e->y1 - e->y0) * ((x - e->x0) / (e->x1 - e->x0));
	return e->y0 + e->slope * (x - e->x0);
}

/* y of edge e at x, exact at the edge's ends. */
static inline double
annot_sw_y(const sw_edge *e, double x)
{
	if (x <= e->x0)
		return e->y0;
	if (x >= e->x1)
		return e->y1;
	return annot_sw_y_inside(e, x);
}

/* Sort idx[0..n) by (k1[idx], k2[idx]) ascending. */
void		annot_sort_by_keys(int32_t *idx, int32_t n, const double *k1,
							   const double *k2);

#endif							/* ANNOT_POLYSWEEP_H */
