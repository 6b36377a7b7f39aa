/*
 * rle_ops.c -- set operations, overlap measures and Boundary IoU on the
 * foreground intervals of masks.
 *
 * Every operation is a merge of sorted interval lists, linear in the
 * number of runs and independent of the number of pixels.
 */
#include "rle_ops.h"

#include <math.h>
#include <string.h>

/* Scratch intervals on the stack before falling back to the heap. */
#define STACK_IVALS 1024

annot_status
annot_mask_check_same_size(uint32_t ha, uint32_t wa, uint32_t hb, uint32_t wb,
						   annot_err *err)
{
	if (ha != hb || wa != wb)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "The masks have different sizes: %u x %u and %u x %u (height x width).",
						  ha, wa, hb, wb);
	return ANNOT_OK;
}

static inline bool
op_value(annot_mask_op op, int a, int b)
{
	switch (op)
	{
		case ANNOT_MASK_AND:
			return a && b;
		case ANNOT_MASK_OR:
			return a || b;
		case ANNOT_MASK_ANDNOT:
			return a && !b;
		case ANNOT_MASK_XOR:
			return a != b;
	}
	return false;
}

/*
 * Sweep over the interval boundaries of a and of b shifted by bshift
 * positions, clipped to [0, h*w), emitting where op's value changes.
 */
static annot_status
combine_shifted(const annot_ivals *a, const annot_ivals *b, int64_t bshift,
				annot_mask_op op, annot_ivals *out, annot_err *err)
{
	const int64_t total = (int64_t) a->h * a->w;
	const uint64_t na = 2 * (uint64_t) a->n;
	const uint64_t nb = 2 * (uint64_t) b->n;
	uint64_t	i = 0,
				j = 0;
	int			ina = 0,
				inb = 0;
	bool		cur = false;
	int64_t		start = 0;
	annot_status st;
	uint64_t	steps = 0;

	annot_ivals_init(out, a->h, a->w);
	if ((st = annot_ivals_reserve(out, (uint64_t) a->n + b->n + 1, err)) != ANNOT_OK)
		return st;
	while (i < na || j < nb)
	{
		int64_t		xa = i < na ? (int64_t) a->iv[i] : INT64_MAX;
		int64_t		xb = INT64_MAX;
		int64_t		x;
		bool		v;

		if (j < nb)
		{
			xb = (int64_t) b->iv[j] + bshift;
			if (xb < 0)
				xb = 0;
			else if (xb > total)
				xb = total;
		}
		x = xa < xb ? xa : xb;
		if (xa == x)
			ina ^= 1, i++;
		if (xb == x)
			inb ^= 1, j++;
		v = op_value(op, ina, inb);
		if (v != cur)
		{
			if (v)
				start = x;
			else if ((st = annot_ivals_push(out, (uint32_t) start, (uint32_t) x, err)) != ANNOT_OK)
				goto fail;
			cur = v;
		}
		if ((++steps & 0xffff) == 0)
			annot_check_interrupts();
	}
	/* every interval has both ends, so both lists end outside: cur is false */
	return ANNOT_OK;

fail:
	annot_ivals_free(out);
	return st;
}

annot_status
annot_ivals_combine(const annot_ivals *a, const annot_ivals *b,
					annot_mask_op op, annot_ivals *out, annot_err *err)
{
	annot_status st;

	annot_err_about(err, "mask", NULL);
	if ((st = annot_mask_check_same_size(a->h, a->w, b->h, b->w, err)) != ANNOT_OK)
		return st;
	return combine_shifted(a, b, 0, op, out, err);
}

annot_status
annot_ivals_complement(const annot_ivals *a, annot_ivals *out, annot_err *err)
{
	const uint32_t total = a->h * a->w;
	uint32_t	prev = 0;
	uint32_t	i;
	annot_status st;

	annot_err_about(err, "mask", NULL);
	annot_ivals_init(out, a->h, a->w);
	if ((st = annot_ivals_reserve(out, (uint64_t) a->n + 1, err)) != ANNOT_OK)
		return st;
	for (i = 0; i < a->n; i++)
	{
		annot_ivals_push(out, prev, a->iv[2 * i], NULL);	/* room reserved */
		prev = a->iv[2 * i + 1];
	}
	annot_ivals_push(out, prev, total, NULL);
	return ANNOT_OK;
}

/* Overlap of two sorted interval arrays of na and nb intervals. */
static uint64_t
inter_area(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
	const uint32_t *aend = a + 2 * (size_t) na;
	const uint32_t *bend = b + 2 * (size_t) nb;
	uint64_t	sum = 0;

	/*
	 * A plain merge.  Its branches look random but are not: the two masks
	 * of a pair usually differ by a steady margin along their outline, so
	 * which interval ends first repeats from column to column and the CPU
	 * predicts it; a branch-free version measured three times slower.
	 */
	while (a < aend && b < bend)
	{
		uint32_t	lo;

		if (a[1] <= b[0])
		{
			a += 2;
			continue;
		}
		if (b[1] <= a[0])
		{
			b += 2;
			continue;
		}
		lo = a[0] > b[0] ? a[0] : b[0];
		if (a[1] <= b[1])
		{
			sum += a[1] - lo;
			a += 2;
		}
		else
		{
			sum += b[1] - lo;
			b += 2;
		}
	}
	return sum;
}

uint64_t
annot_ivals_inter_area(const annot_ivals *a, const annot_ivals *b)
{
	return inter_area(a->iv, a->n, b->iv, b->n);
}

/* Whether the pycocotools bounding boxes of two masks share a pixel. */
static bool
bbox_overlap(const uint32_t a[4], const uint32_t b[4])
{
	uint64_t	ax1 = (uint64_t) a[0] + a[2],
				ay1 = (uint64_t) a[1] + a[3];
	uint64_t	bx1 = (uint64_t) b[0] + b[2],
				by1 = (uint64_t) b[1] + b[3];

	if (a[2] == 0 || b[2] == 0)
		return false;
	return a[0] < bx1 && b[0] < ax1 && a[1] < by1 && b[1] < ay1;
}

annot_status
annot_mask_inter_area(const annot_mask_view *a, const annot_mask_view *b,
					  uint64_t *out, annot_err *err)
{
	uint32_t	stack_a[2 * STACK_IVALS];
	uint32_t	stack_b[2 * STACK_IVALS];
	uint32_t   *ia = stack_a;
	uint32_t   *ib = stack_b;
	uint32_t	na,
				nb;
	annot_status st;

	annot_err_about(err, "mask", NULL);
	if ((st = annot_mask_check_same_size(a->h, a->w, b->h, b->w, err)) != ANNOT_OK)
		return st;
	if (!bbox_overlap(a->bbox, b->bbox))
	{
		*out = 0;
		return ANNOT_OK;
	}
	if (ANNOT_MASK_DECODE_CAP(a) > STACK_IVALS &&
		(ia = annot_alloc(ANNOT_MASK_DECODE_CAP(a) * 2 * sizeof(uint32_t))) == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory for mask runs.");
	if (ANNOT_MASK_DECODE_CAP(b) > STACK_IVALS &&
		(ib = annot_alloc(ANNOT_MASK_DECODE_CAP(b) * 2 * sizeof(uint32_t))) == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory for mask runs.");
		goto done;
	}
	if ((st = annot_mask_decode_into(a, ia, &na, err)) == ANNOT_OK &&
		(st = annot_mask_decode_into(b, ib, &nb, err)) == ANNOT_OK)
		*out = inter_area(ia, na, ib, nb);

done:
	if (ia != stack_a)
		annot_free(ia);
	if (ib != stack_b && ib != NULL)
		annot_free(ib);
	return st;
}

annot_status
annot_mask_check_ratio(double ratio, annot_err *err)
{
	annot_err_about(err, "dilation ratio", NULL);
	if (!isfinite(ratio) || ratio < 0)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "The dilation ratio must be a finite number >= 0 (got %g).", ratio);
	return ANNOT_OK;
}

annot_status
annot_ivals_boundary_ratio(const annot_ivals *m, double ratio,
						   annot_ivals *out, annot_err *err)
{
	annot_status st;

	if ((st = annot_mask_check_ratio(ratio, err)) != ANNOT_OK)
		return st;
	annot_err_about(err, "mask", NULL);
	return annot_ivals_boundary(m, annot_mask_dilation(m->h, m->w, ratio), out, err);
}

uint32_t
annot_mask_dilation(uint32_t h, uint32_t w, double ratio)
{
	/* h^2 + w^2 exactly, then one rounding to double, as numpy's sqrt gets it */
	double		diag = sqrt((double) ((uint64_t) h * h + (uint64_t) w * w));
	double		d = rint(ratio * diag);

	if (!(d >= 1.0))
		return 1;
	/* beyond the image every pixel is boundary anyway */
	if (d > (double) h + (double) w)
		return h + w;
	return (uint32_t) d;
}

/*
 * Erosion along the columns: each run, cut at column ends (the border is
 * background), loses d pixels at both ends.
 */
static annot_status
erode_vertical(const annot_ivals *m, uint32_t d, annot_ivals *out,
			   annot_err *err)
{
	const uint32_t h = m->h;
	uint32_t	i;
	annot_status st;

	annot_ivals_init(out, m->h, m->w);
	if (2 * (uint64_t) d >= h)
		return ANNOT_OK;
	for (i = 0; i < m->n; i++)
	{
		uint32_t	s = m->iv[2 * i];
		uint32_t	e = m->iv[2 * i + 1];

		while (s < e)
		{
			uint32_t	colend = (s / h + 1) * h;
			uint32_t	pe = e < colend ? e : colend;

			if (pe - s > 2 * d &&
				(st = annot_ivals_push(out, s + d, pe - d, err)) != ANNOT_OK)
			{
				annot_ivals_free(out);
				return st;
			}
			s = pe;
		}
		if ((i & 0xfff) == 0)
			annot_check_interrupts();
	}
	return ANNOT_OK;
}

/* Replace *dst by src, freeing what *dst held. */
static void
ivals_move(annot_ivals *dst, annot_ivals *src)
{
	annot_ivals_free(dst);
	*dst = *src;
	annot_ivals_init(src, dst->h, dst->w);
}

annot_status
annot_ivals_erode(const annot_ivals *m, uint32_t d, annot_ivals *out,
				  annot_err *err)
{
	const int64_t h = m->h;
	uint64_t	left = 2 * (uint64_t) d + 1;	/* columns still to cover */
	annot_ivals p;				/* columns x .. x + plen - 1 all set */
	annot_ivals r;				/* columns x .. x + rlen - 1 all set */
	annot_ivals t;
	uint64_t	plen = 1,
				rlen = 0;
	annot_status st;

	annot_ivals_init(out, m->h, m->w);
	annot_ivals_init(&r, m->h, m->w);
	if (left > m->w)
		return ANNOT_OK;
	if ((st = erode_vertical(m, d, &p, err)) != ANNOT_OK)
		return st;

	/*
	 * Along the rows the erosion is the intersection of 2d+1 neighbouring
	 * columns, that is of the mask shifted by multiples of h.  Windows of
	 * 1, 2, 4, ... columns are built by doubling and the ones in the binary
	 * expansion of 2d+1 combined: O(log d) merges.
	 */
	while (left > 0 && p.n > 0)
	{
		if (left & 1)
		{
			if (rlen == 0)
			{
				if ((st = combine_shifted(&p, &p, 0, ANNOT_MASK_AND, &t, err)) != ANNOT_OK)
					goto fail;
			}
			else if ((st = combine_shifted(&r, &p, -(int64_t) rlen * h,
										   ANNOT_MASK_AND, &t, err)) != ANNOT_OK)
				goto fail;
			ivals_move(&r, &t);
			rlen += plen;
		}
		left >>= 1;
		if (left > 0)
		{
			if ((st = combine_shifted(&p, &p, -(int64_t) plen * h,
									  ANNOT_MASK_AND, &t, err)) != ANNOT_OK)
				goto fail;
			ivals_move(&p, &t);
			plen *= 2;
		}
	}
	annot_ivals_free(&p);
	if (left > 0 || r.n == 0)
	{
		/* a window emptied before it was complete */
		annot_ivals_free(&r);
		return ANNOT_OK;
	}
	/* r marks the left column of each window; its centre is d columns on */
	{
		annot_ivals none;

		annot_ivals_init(&none, m->h, m->w);
		st = combine_shifted(&none, &r, (int64_t) d * h, ANNOT_MASK_OR, out, err);
	}
	annot_ivals_free(&r);
	return st;

fail:
	annot_ivals_free(&p);
	annot_ivals_free(&r);
	return st;
}

annot_status
annot_ivals_boundary(const annot_ivals *m, uint32_t d, annot_ivals *out,
					 annot_err *err)
{
	annot_ivals e;
	annot_status st;

	if ((st = annot_ivals_erode(m, d, &e, err)) != ANNOT_OK)
		return st;
	st = annot_ivals_combine(m, &e, ANNOT_MASK_ANDNOT, out, err);
	annot_ivals_free(&e);
	return st;
}

annot_status
annot_ivals_boundary_iou(const annot_ivals *a, const annot_ivals *b,
						 double ratio, double *out, annot_err *err)
{
	annot_ivals ba,
				bb;
	uint32_t	d;
	annot_status st;
	uint64_t	inter;

	if ((st = annot_mask_check_ratio(ratio, err)) != ANNOT_OK)
		return st;
	annot_err_about(err, "mask", NULL);
	if ((st = annot_mask_check_same_size(a->h, a->w, b->h, b->w, err)) != ANNOT_OK)
		return st;
	d = annot_mask_dilation(a->h, a->w, ratio);
	if ((st = annot_ivals_boundary(a, d, &ba, err)) != ANNOT_OK)
		return st;
	if ((st = annot_ivals_boundary(b, d, &bb, err)) != ANNOT_OK)
	{
		annot_ivals_free(&ba);
		return st;
	}
	inter = annot_ivals_inter_area(&ba, &bb);
	*out = annot_mask_iou_value(inter, annot_ivals_area(&ba),
								annot_ivals_area(&bb), false);
	annot_ivals_free(&ba);
	annot_ivals_free(&bb);
	return ANNOT_OK;
}
