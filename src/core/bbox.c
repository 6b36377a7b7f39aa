/*
 * bbox.c -- parsing, formatting, codecs and geometry of axis-aligned boxes.
 */
#include "bbox.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "hash.h"
#include "overlap.h"
#include "wkb.h"

static const char *const coord_names[4] = {"x1", "y1", "x2", "y2"};

annot_status
annot_bbox_validate(const annot_bbox *b, annot_status on_error, annot_err *err)
{
	const double v[4] = {b->x1, b->y1, b->x2, b->y2};
	int			i;

	for (i = 0; i < 4; i++)
		if (!isfinite(v[i]))
			return annot_fail(err, on_error, -1,
							  "Box coordinates must be finite numbers.");
	for (i = 0; i < 4; i++)
		if (fabs(v[i]) > ANNOT_BBOX_MAX_COORD)
			return annot_fail(err, ANNOT_ERANGE, -1,
							  "Coordinate %s (%s) exceeds the limit of %s in magnitude.",
							  coord_names[i], ANNOT_NUM(v[i]),
							  ANNOT_NUM(ANNOT_BBOX_MAX_COORD));
	if (b->x1 > b->x2)
		return annot_fail(err, on_error, -1,
						  "x1 (%s) is greater than x2 (%s): corners are (left,top),(right,bottom).",
						  ANNOT_NUM(b->x1), ANNOT_NUM(b->x2));
	if (b->y1 > b->y2)
		return annot_fail(err, on_error, -1,
						  "y1 (%s) is greater than y2 (%s): corners are (left,top),(right,bottom).",
						  ANNOT_NUM(b->y1), ANNOT_NUM(b->y2));
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

/* Fail with a syntax error at the next non-blank character. */
static annot_status
expected(annot_err *err, const char *text, const char *p, const char *what)
{
	long		pos = annot_skip_space(p) - text;

	return annot_fail(err, ANNOT_ESYNTAX, pos, "Expected %s at position %ld.",
					  what, pos);
}

annot_status
annot_bbox_parse(const char *text, annot_bbox *out, annot_err *err)
{
	/* the grammar: ( x1 , y1 ) , ( x2 , y2 ) */
	static const char *const before[4] = {"\"(\"", "\",\"", "\"(\"", "\",\""};
	double		v[4];
	const char *p = text;
	int			i;

	annot_err_about(err, "bbox", text);
	for (i = 0; i < 4; i++)
	{
		bool		overflow;

		if (i == 2 && !expect_char(&p, ','))
			return expected(err, text, p, "\",\" between the two corners");
		if (!expect_char(&p, before[i][1]))
			return expected(err, text, p, before[i]);
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
			return expected(err, text, p, "\")\"");
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
	char	   *p = buf;

	*p++ = '(';
	p += annot_format_double(p, b->x1);
	*p++ = ',';
	p += annot_format_double(p, b->y1);
	*p++ = ')';
	*p++ = ',';
	*p++ = '(';
	p += annot_format_double(p, b->x2);
	*p++ = ',';
	p += annot_format_double(p, b->y2);
	*p++ = ')';
	*p = '\0';
	return (int) (p - buf);
}

annot_status
annot_bbox_recv(const uint8_t *buf, size_t len, annot_bbox *out,
				annot_err *err)
{
	annot_err_about(err, "bbox", NULL);
	if (len != ANNOT_BBOX_BINLEN)
		return annot_fail(err, ANNOT_EBINARY, -1,
						  "A binary bbox is %d bytes (four float8); got %zu.",
						  ANNOT_BBOX_BINLEN, len);
	out->x1 = annot_get_be_double(buf);
	out->y1 = annot_get_be_double(buf + 8);
	out->x2 = annot_get_be_double(buf + 16);
	out->y2 = annot_get_be_double(buf + 24);
	return annot_bbox_validate(out, ANNOT_EBINARY, err);
}

void
annot_bbox_send(const annot_bbox *b, uint8_t *buf)
{
	buf = annot_put_be_double(buf, b->x1);
	buf = annot_put_be_double(buf, b->y1);
	buf = annot_put_be_double(buf, b->x2);
	annot_put_be_double(buf, b->y2);
}

annot_status
annot_bbox_from_corners(double x1, double y1, double x2, double y2,
						annot_bbox *out, annot_err *err)
{
	annot_err_about(err, "bbox", NULL);
	out->x1 = x1;
	out->y1 = y1;
	out->x2 = x2;
	out->y2 = y2;
	return annot_bbox_validate(out, ANNOT_EPARAM, err);
}

/* x, y, width, height to corners, for a subject named by the caller. */
static annot_status
from_xywh(double x, double y, double w, double h, annot_bbox *out,
		  annot_err *err)
{
	if (!isfinite(x) || !isfinite(y) || !isfinite(w) || !isfinite(h))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Box coordinates must be finite numbers.");
	if (w < 0 || h < 0)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Width and height must not be negative (got %s and %s).",
						  ANNOT_NUM(w), ANNOT_NUM(h));
	out->x1 = x;
	out->y1 = y;
	out->x2 = x + w;
	out->y2 = y + h;
	if (!isfinite(out->x2) || !isfinite(out->y2))
		return annot_fail(err, ANNOT_ERANGE, -1,
						  "x + width or y + height overflows double precision.");
	return annot_bbox_validate(out, ANNOT_EPARAM, err);
}

annot_status
annot_bbox_from_xywh(double x, double y, double w, double h,
					 annot_bbox *out, annot_err *err)
{
	annot_err_about(err, "bbox", NULL);
	return from_xywh(x, y, w, h, out, err);
}

annot_status
annot_bbox_from_array(const double *v, const bool *nulls, int ndim, int n,
					  annot_bbox *out, annot_err *err)
{
	int			i;

	annot_err_about(err, "COCO bbox", NULL);
	if (ndim > 1)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "A COCO bbox is a one-dimensional array [x, y, width, height]; got %d dimensions.",
						  ndim);
	if (n != 4)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "A COCO bbox is an array of 4 numbers [x, y, width, height]; got %d.",
						  n);
	for (i = 0; nulls != NULL && i < 4; i++)
		if (nulls[i])
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "Element %d of the array is NULL.", i + 1);
	return from_xywh(v[0], v[1], v[2], v[3], out, err);
}

annot_status
annot_bbox_parse_coco(const char *json, annot_bbox *out, annot_err *err)
{
	double		v[4];
	const char *p = annot_skip_space(json);
	int			n = 0;

	annot_err_about(err, "COCO bbox", NULL);
	if (*p != '[')
		return annot_fail(err, ANNOT_EPARAM, p - json,
						  "Expected a JSON array of numbers.");
	p = annot_skip_space(p + 1);
	if (*p != ']')
	{
		for (;;)
		{
			double		x;
			bool		overflow;
			long		pos = annot_skip_space(p) - json;

			if (!annot_parse_double(&p, &x, &overflow))
			{
				if (overflow)
					return annot_fail(err, ANNOT_ERANGE, pos,
									  "Element %d of the array is out of range for type double precision.",
									  n + 1);
				return annot_fail(err, ANNOT_EPARAM, pos,
								  "Element %d of the array is not a number.",
								  n + 1);
			}
			if (n < 4)
				v[n] = x;
			n++;
			p = annot_skip_space(p);
			if (*p == ']')
				break;
			if (*p != ',')
				return annot_fail(err, ANNOT_EPARAM, p - json,
								  "Expected \",\" or \"]\" at position %ld.",
								  (long) (p - json));
			p++;
		}
	}
	p = annot_skip_space(p + 1);
	if (*p != '\0')
		return annot_fail(err, ANNOT_EPARAM, p - json,
						  "Unexpected text after the array at position %ld.",
						  (long) (p - json));
	if (n != 4)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "A COCO bbox is an array of 4 numbers [x, y, width, height]; got %d.",
						  n);
	return from_xywh(v[0], v[1], v[2], v[3], out, err);
}

annot_status
annot_bbox_coco(const annot_bbox *b, char *buf, int *len, annot_err *err)
{
	const double v[4] = {b->x1, b->y1,
		annot_bbox_coco_extent(b->x1, b->x2),
	annot_bbox_coco_extent(b->y1, b->y2)};
	char	   *p = buf;
	int			i;

	annot_err_about(err, "bbox", NULL);
	if (!isfinite(v[2]) || !isfinite(v[3]))
		return annot_fail(err, ANNOT_ERANGE, -1,
						  "The box is too large for a COCO width and height.");
	*p++ = '[';
	for (i = 0; i < 4; i++)
	{
		if (i > 0)
		{
			*p++ = ',';
			*p++ = ' ';
		}
		p += annot_format_double(p, v[i]);
	}
	*p++ = ']';
	*p = '\0';
	*len = (int) (p - buf);
	return ANNOT_OK;
}

static const double exact_pow10[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* The double nearest to c * 10^k, for c < 10^18. */
static double
decimal_to_double(uint64_t c, int k)
{
	char		buf[48];

	/* both operands exact, so the one rounding is the correct one */
	if (c < (UINT64_C(1) << 53) && k >= -22 && k <= 22)
		return k >= 0 ? (double) c * exact_pow10[k] : (double) c / exact_pow10[-k];
	snprintf(buf, sizeof(buf), "%llue%d", (unsigned long long) c, k);
	return strtod(buf, NULL);
}

/*
 * The sign of d - c * 10^k (-1, 0, 1), or 2 when it cannot be told cheaply.
 * fma rounds the exact difference once, which keeps its sign.
 */
static int
compare_decimal(double d, uint64_t c, int k)
{
	double		r;

	if (c >= (UINT64_C(1) << 53) || k < -22 || k > 22)
		return 2;
	if (k >= 0)
		r = -fma((double) c, exact_pow10[k], -d);
	else
		r = fma(d, exact_pow10[-k], -(double) c);
	return (r > 0) - (r < 0);
}

/*
 * The decimal of p significant digits nearest to d ("%.*g" of printf), as
 * a double; slow but exact.
 */
static double
rounded_to_digits(double d, int p)
{
	char		buf[48];

	snprintf(buf, sizeof(buf), "%.*g", p & 31, d);
	return strtod(buf, NULL);
}

double
annot_bbox_coco_extent(double lo, double hi)
{
	double		d = hi - lo;
	uint64_t	bits;
	uint64_t	digits;
	uint64_t	scale = 1;
	uint64_t	t;
	int32_t		e10;
	int			n = 0;
	int			p;

	/*
	 * hi was typically computed as lo + w from a short decimal w (COCO
	 * files hold widths like 395.93).  Find the decimal w of fewest digits,
	 * among d rounded to 1, 2, ... 17 digits, that gives hi back when added
	 * to lo; the exact difference and its neighbours are the candidates
	 * when no rounding of d does.
	 */
	if (d == 0 || !isfinite(d))
		return d;
	memcpy(&bits, &d, sizeof(bits));
	if ((bits & ((UINT64_C(1) << 52) - 1)) == 0 && (bits >> 52 & 0x7ff) > 1)
	{
		/*
		 * A power of two: the decimals that read back to it reach further
		 * above than below, so its shortest digits need not be its nearest
		 * ones; round d itself.
		 */
		for (p = 1; p <= 17; p++)
		{
			double		w = rounded_to_digits(d, p);

			if (w >= 0 && lo + w == hi)
				return w;
		}
	}
	else
	{
		/*
		 * d rounded to p digits is its shortest digits rounded to p digits:
		 * no rounding boundary of fewer digits lies between d and its
		 * shortest decimal (that boundary would be a shorter or a nearer
		 * decimal reading back to d), unless the shortest decimal is that
		 * boundary itself.  From p = n on, every rounding reads back to d.
		 */
		annot_shortest_decimal(d, &digits, &e10);
		for (t = digits; t > 0; t /= 10)
			n++;
		for (p = n - 1; p > 0; p--)
			scale *= 10;
		for (p = 1; p < n; p++, scale /= 10)
		{
			uint64_t	c = digits / scale;
			uint64_t	rest = digits % scale;
			int			side = 0;
			double		w;

			/* the shortest decimal halfway: d's side of it decides */
			if (2 * rest == scale)
				side = compare_decimal(d, digits, e10);
			if (side == 2)
				w = rounded_to_digits(d, p);
			else
				w = decimal_to_double(c + (2 * rest > scale || side > 0 ||
										   (2 * rest == scale && side == 0 && c % 2 == 1)),
									  e10 + n - p);
			if (w >= 0 && lo + w == hi)
				return w;
		}
		if (lo + d == hi)
			return d;
	}
	if (lo + nextafter(d, INFINITY) == hi)
		return nextafter(d, INFINITY);
	if (lo + nextafter(d, -INFINITY) == hi)
		return nextafter(d, -INFINITY);
	return d;
}

void
annot_bbox_to_wkb(const annot_bbox *b, uint8_t *buf)
{
	const int32_t npts = 5;
	const double xy[10] = {b->x1, b->y1, b->x2, b->y1, b->x2, b->y2,
	b->x1, b->y2, b->x1, b->y1};

	annot_wkb_write_polygon(buf, 1, &npts, xy);
}

annot_status
annot_bbox_from_wkb(const uint8_t *buf, size_t len, annot_bbox *out,
					annot_err *err)
{
	annot_wkb_rings rings;
	annot_status st;
	int32_t		i;

	/* annot_wkb_read_rings names WKB as the subject */
	if ((st = annot_wkb_read_rings(buf, len, &rings, err)) != ANNOT_OK)
		return st;
	if (rings.npoints == 0)
	{
		annot_wkb_rings_free(&rings);
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "An empty geometry has no bounding box.");
	}
	out->x1 = out->x2 = rings.xy[0];
	out->y1 = out->y2 = rings.xy[1];
	for (i = 1; i < rings.npoints; i++)
	{
		out->x1 = fmin(out->x1, rings.xy[2 * i]);
		out->x2 = fmax(out->x2, rings.xy[2 * i]);
		out->y1 = fmin(out->y1, rings.xy[2 * i + 1]);
		out->y2 = fmax(out->y2, rings.xy[2 * i + 1]);
	}
	annot_wkb_rings_free(&rings);
	return annot_bbox_validate(out, ANNOT_EPARAM, err);
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

void
annot_bbox_center(const annot_bbox *b, double *x, double *y)
{
	*x = b->x1 / 2 + b->x2 / 2;
	*y = b->y1 / 2 + b->y2 / 2;
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

annot_status
annot_bbox_clip(const annot_bbox *b, double width, double height,
				annot_bbox *out, bool *inside, annot_err *err)
{
	annot_bbox	img = {0.0, 0.0, width, height};

	annot_err_about(err, "image size", NULL);
	if (!(width >= 0) || !(height >= 0) || isinf(width) || isinf(height))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Image width and height must be finite and non-negative (got %s and %s).",
						  ANNOT_NUM(width), ANNOT_NUM(height));
	*inside = annot_bbox_intersection(b, &img, out);
	return ANNOT_OK;
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
