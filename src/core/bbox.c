/*
 * bbox.c -- parsing, formatting and geometry of axis-aligned boxes.
 */
#include "bbox.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "overlap.h"

annot_status
annot_bbox_validate(const annot_bbox *b, annot_status on_error, annot_err *err)
{
	if (!isfinite(b->x1) || !isfinite(b->y1) ||
		!isfinite(b->x2) || !isfinite(b->y2))
		return annot_fail(err, on_error, -1,
						  "Box coordinates must be finite numbers.");
	if (b->x1 > b->x2)
		return annot_fail(err, on_error, -1,
						  "x1 (%g) is greater than x2 (%g): corners are (left,top),(right,bottom).",
						  b->x1, b->x2);
	if (b->y1 > b->y2)
		return annot_fail(err, on_error, -1,
						  "y1 (%g) is greater than y2 (%g): corners are (left,top),(right,bottom).",
						  b->y1, b->y2);
	return ANNOT_OK;
}

/* Expect the character c after optional blanks; advance past it. */
static bool
expect_char(const char **p, char c)
{
	const char *s = annot_skip_space(*p);

	if (*s != c)
		return false;
	*p = s + 1;
	return true;
}

static const char *const coord_names[4] = {"x1", "y1", "x2", "y2"};

annot_status
annot_bbox_parse(const char *text, annot_bbox *out, annot_err *err)
{
	/* the grammar: ( x1 , y1 ) , ( x2 , y2 ) */
	static const char before[4] = {'(', ',', '(', ','};
	double		v[4];
	const char *p = text;
	int			i;

	for (i = 0; i < 4; i++)
	{
		bool		overflow;

		if (i == 2 && !expect_char(&p, ','))
			return annot_fail(err, ANNOT_ESYNTAX, annot_skip_space(p) - text,
							  "Expected \",\" between the two corners at position %ld.",
							  (long) (annot_skip_space(p) - text));
		if (!expect_char(&p, before[i]))
			return annot_fail(err, ANNOT_ESYNTAX, annot_skip_space(p) - text,
							  "Expected \"%c\" at position %ld.", before[i],
							  (long) (annot_skip_space(p) - text));
		if (!annot_parse_double(&p, &v[i], &overflow))
		{
			long		pos = annot_skip_space(p) - text;

			if (overflow)
				return annot_fail(err, ANNOT_ERANGE, pos,
								  "Coordinate %s at position %ld is out of range for type double precision.",
								  coord_names[i], pos);
			return annot_fail(err, ANNOT_ESYNTAX, pos,
							  "Expected a finite number for %s at position %ld.",
							  coord_names[i], pos);
		}
		if ((i == 1 || i == 3) && !expect_char(&p, ')'))
			return annot_fail(err, ANNOT_ESYNTAX, annot_skip_space(p) - text,
							  "Expected \")\" at position %ld.",
							  (long) (annot_skip_space(p) - text));
	}
	p = annot_skip_space(p);
	if (*p != '\0')
		return annot_fail(err, ANNOT_ESYNTAX, p - text,
						  "Unexpected text after the box at position %ld.",
						  (long) (p - text));

	out->x1 = v[0];
	out->y1 = v[1];
	out->x2 = v[2];
	out->y2 = v[3];
	return annot_bbox_validate(out, ANNOT_ESYNTAX, err);
}

int
annot_bbox_format(const annot_bbox *b, char *buf)
{
	char		n[4][ANNOT_DBL_BUFLEN];

	annot_format_double(n[0], b->x1);
	annot_format_double(n[1], b->y1);
	annot_format_double(n[2], b->x2);
	annot_format_double(n[3], b->y2);
	return snprintf(buf, ANNOT_BBOX_TEXTLEN, "(%s,%s),(%s,%s)",
					n[0], n[1], n[2], n[3]);
}

annot_status
annot_bbox_from_xywh(double x, double y, double w, double h,
					 annot_bbox *out, annot_err *err)
{
	if (!isfinite(x) || !isfinite(y) || !isfinite(w) || !isfinite(h))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Box coordinates must be finite numbers.");
	if (w < 0 || h < 0)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Width and height must not be negative (got %g and %g).",
						  w, h);
	out->x1 = x;
	out->y1 = y;
	out->x2 = x + w;
	out->y2 = y + h;
	if (!isfinite(out->x2) || !isfinite(out->y2))
		return annot_fail(err, ANNOT_ERANGE, -1,
						  "x + width or y + height overflows double precision.");
	return ANNOT_OK;
}

double
annot_bbox_coco_extent(double lo, double hi)
{
	double		d = hi - lo;
	double		cand[3];
	int			prec;
	int			k;

	/*
	 * hi was typically computed as lo + w from a short decimal w (COCO
	 * files hold widths like 395.93).  Find the shortest decimal that gives
	 * hi back when added to lo; the exact difference and its neighbours are
	 * the candidates when no short one does.
	 */
	for (prec = 1; prec <= 17; prec++)
	{
		char		buf[ANNOT_DBL_BUFLEN];
		double		w;

		snprintf(buf, sizeof(buf), "%.*g", prec, d);
		w = strtod(buf, NULL);
		if (w >= 0 && lo + w == hi)
			return w;
	}
	cand[0] = d;
	cand[1] = nextafter(d, INFINITY);
	cand[2] = nextafter(d, -INFINITY);
	for (k = 0; k < 3; k++)
		if (cand[k] >= 0 && lo + cand[k] == hi)
			return cand[k];
	return d;
}

double
annot_bbox_width(const annot_bbox *b)
{
	return b->x2 - b->x1;
}

double
annot_bbox_height(const annot_bbox *b)
{
	return b->y2 - b->y1;
}

double
annot_bbox_area(const annot_bbox *b)
{
	return (b->x2 - b->x1) * (b->y2 - b->y1);
}

double
annot_bbox_inter_area(const annot_bbox *a, const annot_bbox *b)
{
	double		w = fmin(a->x2, b->x2) - fmax(a->x1, b->x1);
	double		h = fmin(a->y2, b->y2) - fmax(a->y1, b->y1);

	if (w <= 0 || h <= 0)
		return 0.0;
	return w * h;
}

bool
annot_bbox_intersection(const annot_bbox *a, const annot_bbox *b,
						annot_bbox *out)
{
	if (!annot_bbox_overlaps(a, b))
		return false;
	out->x1 = fmax(a->x1, b->x1);
	out->y1 = fmax(a->y1, b->y1);
	out->x2 = fmin(a->x2, b->x2);
	out->y2 = fmin(a->y2, b->y2);
	return true;
}

void
annot_bbox_cover(const annot_bbox *a, const annot_bbox *b, annot_bbox *out)
{
	out->x1 = fmin(a->x1, b->x1);
	out->y1 = fmin(a->y1, b->y1);
	out->x2 = fmax(a->x2, b->x2);
	out->y2 = fmax(a->y2, b->y2);
}

double
annot_bbox_iou(const annot_bbox *a, const annot_bbox *b)
{
	return annot_overlap_iou(annot_bbox_area(a), annot_bbox_area(b),
							 annot_bbox_inter_area(a, b));
}

double
annot_bbox_dice(const annot_bbox *a, const annot_bbox *b)
{
	return annot_overlap_dice(annot_bbox_area(a), annot_bbox_area(b),
							  annot_bbox_inter_area(a, b));
}

double
annot_bbox_giou(const annot_bbox *a, const annot_bbox *b)
{
	annot_bbox	c;
	double		area_a = annot_bbox_area(a);
	double		area_b = annot_bbox_area(b);
	double		inter = annot_bbox_inter_area(a, b);
	double		uni = annot_overlap_union(area_a, area_b, inter);
	double		carea;

	annot_bbox_cover(a, b, &c);
	carea = annot_bbox_area(&c);
	if (carea <= 0)
		return 0.0;
	return annot_overlap_iou(area_a, area_b, inter) - (carea - uni) / carea;
}

double
annot_bbox_iou_crowd(const annot_bbox *dt, const annot_bbox *gt)
{
	return annot_overlap_crowd_iou(annot_bbox_area(dt),
								   annot_bbox_inter_area(dt, gt));
}

bool
annot_bbox_clip(const annot_bbox *b, double width, double height,
				annot_bbox *out)
{
	annot_bbox	img = {0.0, 0.0, width, height};

	return annot_bbox_intersection(b, &img, out);
}

bool
annot_bbox_overlaps(const annot_bbox *a, const annot_bbox *b)
{
	return a->x1 <= b->x2 && b->x1 <= a->x2 &&
		a->y1 <= b->y2 && b->y1 <= a->y2;
}

bool
annot_bbox_contains(const annot_bbox *a, const annot_bbox *b)
{
	return a->x1 <= b->x1 && a->y1 <= b->y1 &&
		a->x2 >= b->x2 && a->y2 >= b->y2;
}

bool
annot_bbox_equal(const annot_bbox *a, const annot_bbox *b)
{
	return a->x1 == b->x1 && a->y1 == b->y1 &&
		a->x2 == b->x2 && a->y2 == b->y2;
}

static int
cmp_double(double a, double b)
{
	return (a > b) - (a < b);
}

int
annot_bbox_cmp(const annot_bbox *a, const annot_bbox *b)
{
	int			c;

	if ((c = cmp_double(a->x1, b->x1)) != 0)
		return c;
	if ((c = cmp_double(a->y1, b->y1)) != 0)
		return c;
	if ((c = cmp_double(a->x2, b->x2)) != 0)
		return c;
	return cmp_double(a->y2, b->y2);
}

uint64_t
annot_bbox_hash(const annot_bbox *b, uint64_t seed)
{
	const double v[4] = {b->x1, b->y1, b->x2, b->y2};
	uint64_t	h = annot_hash_splitmix64(seed ^ ANNOT_HASH_GOLDEN);
	int			i;

	for (i = 0; i < 4; i++)
	{
		double		d = v[i] == 0.0 ? 0.0 : v[i];	/* -0 hashes as 0 */
		uint64_t	bits;

		memcpy(&bits, &d, sizeof(bits));
		h = annot_hash_splitmix64(h ^ bits) + (uint64_t) i;
	}
	return h;
}
