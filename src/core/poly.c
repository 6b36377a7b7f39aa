/*
 * poly.c -- the polygon type: stored layout, validation, text, binary and
 * WKB codecs, COCO area, equality and hashing.  The region algorithms are
 * in polyclip.c, the validity check in polyvalid.c.
 */
#include "poly.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bytes.h"
#include "hash.h"
#include "wkb.h"

/* Bytes of ring_end[] rounded up so that xy[] is 8-byte aligned. */
static size_t
ring_end_bytes(int32_t nrings)
{
	return ((size_t) nrings * sizeof(int32_t) + 7) & ~(size_t) 7;
}

size_t
annot_poly_size(int32_t nrings, int32_t npoints)
{
	return offsetof(annot_poly, data) + ring_end_bytes(nrings) +
		(size_t) npoints * 2 * sizeof(double);
}

static const int32_t *
poly_ends(const annot_poly *p)
{
	return (const int32_t *) p->data;
}

static const double *
poly_xy(const annot_poly *p)
{
	return (const double *) (p->data + ring_end_bytes(p->nrings));
}

int32_t
annot_poly_nrings(const annot_poly *p)
{
	return p->nrings;
}

int32_t
annot_poly_npoints(const annot_poly *p)
{
	return p->npoints;
}

int32_t
annot_poly_ring_npoints(const annot_poly *p, int32_t ring)
{
	const int32_t *end = poly_ends(p);

	return end[ring] - (ring == 0 ? 0 : end[ring - 1]);
}

const double *
annot_poly_ring_xy(const annot_poly *p, int32_t ring)
{
	const int32_t *end = poly_ends(p);

	return poly_xy(p) + 2 * (size_t) (ring == 0 ? 0 : end[ring - 1]);
}

annot_rings
annot_poly_rings(const annot_poly *p)
{
	annot_rings r;

	r.nrings = p->nrings;
	r.npoints = p->npoints;
	r.end = poly_ends(p);
	r.xy = poly_xy(p);
	return r;
}

annot_status
annot_poly_check(const annot_poly *p, size_t varsize, annot_err *err)
{
	const int32_t *end;
	int32_t		r;

	if (varsize < offsetof(annot_poly, data))
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "A poly value of %zu bytes is shorter than its header.",
						  varsize);
	if (p->version != ANNOT_POLY_VERSION || p->flags != 0 || p->reserved != 0)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "Unknown poly format version %u (flags %u).",
						  (unsigned) p->version, (unsigned) p->flags);
	if (p->nrings < 1 || p->npoints < (int64_t) 3 * p->nrings ||
		p->npoints > ANNOT_POLY_MAX_POINTS ||
		annot_poly_size(p->nrings, p->npoints) != varsize)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "Poly header (%d rings, %d points) does not match its size of %zu bytes.",
						  (int) p->nrings, (int) p->npoints, varsize);
	end = poly_ends(p);
	for (r = 0; r < p->nrings; r++)
	{
		int32_t		start = r == 0 ? 0 : end[r - 1];

		if ((int64_t) end[r] - start < 3 || end[r] > p->npoints)
			return annot_fail(err, ANNOT_ECORRUPT, -1,
							  "Ring %d of a stored poly has inconsistent bounds.",
							  (int) r + 1);
	}
	if (end[p->nrings - 1] != p->npoints)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "Stored poly rings do not cover its %d points.",
						  (int) p->npoints);
	return ANNOT_OK;
}

annot_status
annot_rings_validate(const annot_rings *r, annot_status on_error,
					 annot_err *err)
{
	int32_t		ring;
	int32_t		i;

	if (r->nrings < 1)
		return annot_fail(err, on_error, -1,
						  "A polygon needs at least one ring.");
	if (r->npoints > ANNOT_POLY_MAX_POINTS)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "A polygon may have at most %d points; this one has %d.",
						  ANNOT_POLY_MAX_POINTS, (int) r->npoints);
	for (ring = 0; ring < r->nrings; ring++)
	{
		int32_t		start = annot_rings_start(r, ring);
		int32_t		n = r->end[ring] - start;

		if (n < 3)
			return annot_fail(err, on_error, -1,
							  "Ring %d has %d point%s; a ring needs at least 3.",
							  (int) ring + 1, (int) n, n == 1 ? "" : "s");
		for (i = start; i < r->end[ring]; i++)
		{
			int			k;

			for (k = 0; k < 2; k++)
			{
				double		v = r->xy[2 * (size_t) i + k];

				if (!isfinite(v))
					return annot_fail(err, on_error, -1,
									  "Coordinate %d of ring %d is not a finite number.",
									  (int) (2 * (i - start) + k + 1), (int) ring + 1);
				if (fabs(v) > ANNOT_POLY_MAX_COORD)
					return annot_fail(err, ANNOT_ERANGE, -1,
									  "Coordinate %d of ring %d (%g) exceeds the limit of %g in magnitude.",
									  (int) (2 * (i - start) + k + 1), (int) ring + 1,
									  v, ANNOT_POLY_MAX_COORD);
			}
		}
	}
	return ANNOT_OK;
}

void
annot_rings_bbox(const annot_rings *r, annot_bbox *out)
{
	int32_t		i;

	out->x1 = out->x2 = r->xy[0];
	out->y1 = out->y2 = r->xy[1];
	for (i = 1; i < r->npoints; i++)
	{
		double		x = r->xy[2 * (size_t) i];
		double		y = r->xy[2 * (size_t) i + 1];

		if (x < out->x1)
			out->x1 = x;
		if (x > out->x2)
			out->x2 = x;
		if (y < out->y1)
			out->y1 = y;
		if (y > out->y2)
			out->y2 = y;
	}
}

double
annot_rings_coco_area(const annot_rings *r)
{
	double		total = 0.0;
	int32_t		ring;

	for (ring = 0; ring < r->nrings; ring++)
	{
		int32_t		start = annot_rings_start(r, ring);
		int32_t		n = r->end[ring] - start;
		const double *p = r->xy + 2 * (size_t) start;
		double		s = 0.0;
		int32_t		i;

		/*
		 * Shoelace relative to the first point: the same value, with less
		 * cancellation when coordinates are large.
		 */
		for (i = 1; i + 1 < n; i++)
			s += (p[2 * i] - p[0]) * (p[2 * i + 3] - p[1]) -
				(p[2 * i + 2] - p[0]) * (p[2 * i + 1] - p[1]);
		total += fabs(s) / 2.0;
	}
	return total;
}

annot_status
annot_poly_build(const annot_rings *r, annot_poly *dst, annot_err *err)
{
	int32_t    *end = (int32_t *) dst->data;
	double	   *xy = (double *) (dst->data + ring_end_bytes(r->nrings));
	annot_status st;

	dst->version = ANNOT_POLY_VERSION;
	dst->flags = 0;
	dst->reserved = 0;
	dst->nrings = r->nrings;
	dst->npoints = r->npoints;
	memset(dst->data, 0, ring_end_bytes(r->nrings));
	memcpy(end, r->end, sizeof(int32_t) * (size_t) r->nrings);
	memcpy(xy, r->xy, sizeof(double) * 2 * (size_t) r->npoints);
	annot_rings_bbox(r, &dst->bbox);
	dst->coco_area = annot_rings_coco_area(r);
	if ((st = annot_rings_area(r, &dst->area, err)) != ANNOT_OK)
		return st;
	return ANNOT_OK;
}

void
annot_rings_buf_init(annot_rings_buf *b)
{
	memset(b, 0, sizeof(*b));
}

void
annot_rings_buf_free(annot_rings_buf *b)
{
	annot_free(b->end);
	annot_free(b->xy);
	annot_rings_buf_init(b);
}

annot_status
annot_rings_buf_add_point(annot_rings_buf *b, double x, double y,
						  annot_err *err)
{
	if (b->npoints >= ANNOT_POLY_MAX_POINTS)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "A polygon may have at most %d points.",
						  ANNOT_POLY_MAX_POINTS);
	if (b->npoints == b->point_cap)
	{
		int32_t		cap = b->point_cap ? b->point_cap * 2 : 32;
		double	   *a;

		if (cap > ANNOT_POLY_MAX_POINTS)
			cap = ANNOT_POLY_MAX_POINTS;
		a = annot_realloc(b->xy, sizeof(double) * 2 * (size_t) cap);
		if (a == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		b->xy = a;
		b->point_cap = cap;
	}
	b->xy[2 * (size_t) b->npoints] = x;
	b->xy[2 * (size_t) b->npoints + 1] = y;
	b->npoints++;
	return ANNOT_OK;
}

annot_status
annot_rings_buf_end_ring(annot_rings_buf *b, annot_err *err)
{
	if (b->nrings == b->ring_cap)
	{
		int32_t		cap = b->ring_cap ? b->ring_cap * 2 : 4;
		int32_t    *a = annot_realloc(b->end, sizeof(int32_t) * (size_t) cap);

		if (a == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		b->end = a;
		b->ring_cap = cap;
	}
	b->end[b->nrings++] = b->npoints;
	return ANNOT_OK;
}

annot_rings
annot_rings_buf_view(const annot_rings_buf *b)
{
	annot_rings r;

	r.nrings = b->nrings;
	r.npoints = b->npoints;
	r.end = b->end;
	r.xy = b->xy;
	return r;
}

void
annot_bbox_ring(const annot_bbox *b, int32_t *end, double xy[8])
{
	*end = 4;
	xy[0] = b->x1;
	xy[1] = b->y1;
	xy[2] = b->x2;
	xy[3] = b->y1;
	xy[4] = b->x2;
	xy[5] = b->y2;
	xy[6] = b->x1;
	xy[7] = b->y2;
}

/* Validate decoded rings; on failure free them.  The decoders' last step. */
static annot_status
validated(annot_rings_buf *out, annot_status on_error, annot_err *err)
{
	annot_rings view = annot_rings_buf_view(out);
	annot_status st = annot_rings_validate(&view, on_error, err);

	if (st != ANNOT_OK)
		annot_rings_buf_free(out);
	return st;
}

/* Text form */

/* Case-insensitive prefix test for the non-finite spellings. */
static bool
starts_with_word(const char *p, const char *word)
{
	for (; *word; p++, word++)
		if ((*p | 0x20) != *word)
			return false;
	return true;
}

/*
 * After a list element: 1 past a ",", 0 at a "]" (left for the caller),
 * -1 at anything else; blanks skipped.
 */
static int
list_next(const char **p)
{
	*p = annot_skip_space(*p);
	if (**p == ',')
	{
		(*p)++;
		return 1;
	}
	return **p == ']' ? 0 : -1;
}

/* Is the token at p a spelling of NaN or an infinity? */
static bool
non_finite_token(const char *p)
{
	if (*p == '+' || *p == '-')
		p++;
	return starts_with_word(p, "nan") || starts_with_word(p, "inf");
}

annot_status
annot_poly_parse(const char *text, annot_status syntax_status,
				 annot_rings_buf *out, annot_err *err)
{
	const char *p = annot_skip_space(text);
	annot_status st;
	int			sep;

	annot_rings_buf_init(out);
	if (*p != '[')
	{
		st = annot_fail(err, syntax_status, p - text,
						"Expected \"[\" to open the list of rings at position %ld.",
						(long) (p - text));
		goto fail;
	}
	p = annot_skip_space(p + 1);
	if (*p == ']')
	{
		st = annot_fail(err, syntax_status, p - text,
						"A polygon needs at least one ring; the list at position %ld is empty.",
						(long) (p - text));
		goto fail;
	}
	for (;;)
	{
		int32_t		ring = out->nrings + 1;
		int32_t		ncoord = 0;
		long		ring_pos;
		double		pending = 0.0;

		p = annot_skip_space(p);
		ring_pos = p - text;
		if (*p != '[')
		{
			st = annot_fail(err, syntax_status, p - text,
							"Expected \"[\" to open ring %d at position %ld.",
							(int) ring, (long) (p - text));
			goto fail;
		}
		p = annot_skip_space(p + 1);
		if (*p != ']')
		{
			for (;;)
			{
				double		v;
				bool		overflow;
				long		pos;

				p = annot_skip_space(p);
				pos = p - text;
				if (!annot_parse_double(&p, &v, &overflow))
				{
					if (overflow)
						st = annot_fail(err, ANNOT_ERANGE, pos,
										"Coordinate %d of ring %d at position %ld is out of range for type double precision.",
										(int) ncoord + 1, (int) ring, pos);
					else if (non_finite_token(p))
						st = annot_fail(err, syntax_status, pos,
										"Coordinate %d of ring %d at position %ld is not a finite number.",
										(int) ncoord + 1, (int) ring, pos);
					else
						st = annot_fail(err, syntax_status, pos,
										"Expected a number for coordinate %d of ring %d at position %ld.",
										(int) ncoord + 1, (int) ring, pos);
					goto fail;
				}
				if (fabs(v) > ANNOT_POLY_MAX_COORD)
				{
					st = annot_fail(err, ANNOT_ERANGE, pos,
									"Coordinate %d of ring %d at position %ld exceeds the limit of %g in magnitude.",
									(int) ncoord + 1, (int) ring, pos,
									ANNOT_POLY_MAX_COORD);
					goto fail;
				}
				if (ncoord % 2 == 0)
					pending = v;
				else if ((st = annot_rings_buf_add_point(out, pending, v, err)) != ANNOT_OK)
				{
					/* name the place of the point that went over the limit */
					if (st == ANNOT_ELIMIT)
						st = annot_fail(err, ANNOT_ELIMIT, pos,
										"A polygon may have at most %d points; ring %d goes over at position %ld.",
										ANNOT_POLY_MAX_POINTS, (int) ring, pos);
					goto fail;
				}
				ncoord++;
				if ((sep = list_next(&p)) > 0)
					continue;
				if (sep == 0)
					break;
				st = annot_fail(err, syntax_status, p - text,
								"Expected \",\" or \"]\" after coordinate %d of ring %d at position %ld.",
								(int) ncoord, (int) ring, (long) (p - text));
				goto fail;
			}
		}
		/* p is at the ring's "]" */
		if (ncoord % 2 != 0)
		{
			st = annot_fail(err, syntax_status, ring_pos,
							"Ring %d at position %ld has an odd number of coordinates (%d): a ring is a list of x, y pairs.",
							(int) ring, ring_pos, (int) ncoord);
			goto fail;
		}
		if (ncoord < 6)
		{
			st = annot_fail(err, syntax_status, ring_pos,
							"Ring %d at position %ld has %d point%s; a ring needs at least 3.%s",
							(int) ring, ring_pos, (int) ncoord / 2,
							ncoord == 2 ? "" : "s",
							ncoord == 4 ? " A 4-number ring is not read as a box (unlike pycocotools): give the box's 4 corners." : "");
			goto fail;
		}
		if ((st = annot_rings_buf_end_ring(out, err)) != ANNOT_OK)
			goto fail;
		p++;
		if ((sep = list_next(&p)) > 0)
			continue;
		if (sep == 0)
			break;
		st = annot_fail(err, syntax_status, p - text,
						"Expected \",\" or \"]\" after ring %d at position %ld.",
						(int) ring, (long) (p - text));
		goto fail;
	}
	p = annot_skip_space(p + 1);
	if (*p != '\0')
	{
		st = annot_fail(err, syntax_status, p - text,
						"Unexpected text after the polygon at position %ld.",
						(long) (p - text));
		goto fail;
	}
	return validated(out, syntax_status, err);

fail:
	annot_rings_buf_free(out);
	return st;
}

size_t
annot_poly_text_size(const annot_rings *r)
{
	/* each number with its separator, and two brackets and a comma a ring */
	return (size_t) r->npoints * 2 * (ANNOT_DBL_BUFLEN + 1) +
		(size_t) r->nrings * 3 + 3;
}

size_t
annot_poly_format(const annot_rings *r, char *buf)
{
	char	   *p = buf;
	int32_t		ring;

	*p++ = '[';
	for (ring = 0; ring < r->nrings; ring++)
	{
		int32_t		i;

		if (ring > 0)
			*p++ = ',';
		*p++ = '[';
		for (i = 2 * annot_rings_start(r, ring); i < 2 * r->end[ring]; i++)
		{
			if (i > 2 * annot_rings_start(r, ring))
				*p++ = ',';
			p += annot_format_double(p, r->xy[i]);
		}
		*p++ = ']';
	}
	*p++ = ']';
	*p = '\0';
	return (size_t) (p - buf);
}

/* Binary form: big-endian, as PostgreSQL's pq_send functions write */

size_t
annot_poly_send_size(const annot_rings *r)
{
	return 1 + 4 + 4 * (size_t) r->nrings + 16 * (size_t) r->npoints;
}

size_t
annot_poly_send(const annot_rings *r, uint8_t *buf)
{
	uint8_t    *p = buf;
	int32_t		ring;
	int32_t		i;

	*p++ = ANNOT_POLY_VERSION;
	p = annot_put_be32(p, (uint32_t) r->nrings);
	for (ring = 0; ring < r->nrings; ring++)
		p = annot_put_be32(p, (uint32_t) (r->end[ring] - annot_rings_start(r, ring)));
	for (i = 0; i < 2 * r->npoints; i++)
		p = annot_put_be_double(p, r->xy[i]);
	return (size_t) (p - buf);
}

annot_status
annot_poly_recv(const uint8_t *buf, size_t len, annot_rings_buf *out,
				annot_err *err)
{
	uint32_t	nrings;
	uint64_t	total = 0;
	size_t		off;
	uint32_t	ring;
	annot_status st;

	annot_rings_buf_init(out);
	if (len < 5)
		return annot_fail(err, ANNOT_EBINARY, (long) len,
						  "Binary poly of %zu bytes is shorter than its 5-byte header.",
						  len);
	if (buf[0] != ANNOT_POLY_VERSION)
		return annot_fail(err, ANNOT_EBINARY, 0,
						  "Unsupported binary poly version %u.", (unsigned) buf[0]);
	nrings = annot_get_be32(buf + 1);
	if (nrings < 1)
		return annot_fail(err, ANNOT_EBINARY, 1,
						  "A polygon needs at least one ring.");
	if (nrings > (len - 5) / 4)
		return annot_fail(err, ANNOT_EBINARY, 1,
						  "Ring count %u exceeds the data.", (unsigned) nrings);
	for (ring = 0; ring < nrings; ring++)
	{
		uint32_t	n = annot_get_be32(buf + 5 + 4 * (size_t) ring);

		if (n < 3)
			return annot_fail(err, ANNOT_EBINARY, (long) (5 + 4 * ring),
							  "Ring %u has %u points; a ring needs at least 3.",
							  (unsigned) ring + 1, (unsigned) n);
		total += n;
		if (total > ANNOT_POLY_MAX_POINTS)
			return annot_fail(err, ANNOT_ELIMIT, (long) (5 + 4 * ring),
							  "A polygon may have at most %d points.",
							  ANNOT_POLY_MAX_POINTS);
	}
	off = 5 + 4 * (size_t) nrings;
	if (len - off != 16 * total)
		return annot_fail(err, ANNOT_EBINARY, (long) off,
						  "Binary poly has %zu bytes of coordinates for %llu points (%llu expected).",
						  len - off, (unsigned long long) total,
						  (unsigned long long) (16 * total));
	for (ring = 0; ring < nrings; ring++)
	{
		uint32_t	n = annot_get_be32(buf + 5 + 4 * (size_t) ring);
		uint32_t	k;

		for (k = 0; k < n; k++, off += 16)
		{
			st = annot_rings_buf_add_point(out, annot_get_be_double(buf + off),
										   annot_get_be_double(buf + off + 8), err);
			if (st != ANNOT_OK)
				goto fail;
		}
		if ((st = annot_rings_buf_end_ring(out, err)) != ANNOT_OK)
			goto fail;
	}
	return validated(out, ANNOT_EBINARY, err);

fail:
	annot_rings_buf_free(out);
	return st;
}

/* WKB */

/* Append points [from, to) of the WKB rings, dropping a repeated closing point. */
static annot_status
append_wkb_ring(annot_rings_buf *out, const annot_wkb_rings *w, int32_t ring,
				bool keep_closing, int32_t *count, annot_err *err)
{
	const double *p = w->xy + 2 * (size_t) w->start[ring];
	int32_t		n = w->npts[ring];
	int32_t		k;
	annot_status st;

	if (!keep_closing && n > 1 && p[0] == p[2 * (n - 1)] &&
		p[1] == p[2 * (n - 1) + 1])
		n--;
	for (k = 0; k < n; k++)
		if ((st = annot_rings_buf_add_point(out, p[2 * k], p[2 * k + 1], err)) != ANNOT_OK)
			return st;
	*count = n;
	return ANNOT_OK;
}

annot_status
annot_poly_from_wkb(const uint8_t *buf, size_t len, annot_rings_buf *out,
					annot_err *err)
{
	annot_wkb_rings w;
	annot_status st;
	int32_t		i;

	annot_rings_buf_init(out);
	if ((st = annot_wkb_read_rings(buf, len, &w, err)) != ANNOT_OK)
		return st;
	if (w.npoints > ANNOT_POLY_MAX_POINTS)
	{
		st = annot_fail(err, ANNOT_ELIMIT, -1,
						"A polygon may have at most %d points; the WKB has %d.",
						ANNOT_POLY_MAX_POINTS, (int) w.npoints);
		goto fail;
	}
	for (i = 0; i < w.nrings;)
	{
		int32_t		poly = w.polygon[i];
		int32_t		shell = i;
		int32_t		n;
		int32_t		j;

		if ((st = append_wkb_ring(out, &w, shell, false, &n, err)) != ANNOT_OK)
			goto fail;
		if (n < 3)
		{
			st = annot_fail(err, ANNOT_EPARAM, -1,
							"The exterior ring of WKB polygon %d has %d distinct points; a ring needs at least 3.",
							(int) poly + 1, (int) n);
			goto fail;
		}
		/* holes: bridge from the shell's first point and back */
		for (j = i + 1; j < w.nrings && w.polygon[j] == poly; j++)
		{
			const double *s0 = w.xy + 2 * (size_t) w.start[shell];
			const double *h = w.xy + 2 * (size_t) w.start[j];
			int32_t		m = w.npts[j];

			if (m < 3)
			{
				st = annot_fail(err, ANNOT_EPARAM, -1,
								"Interior ring %d of WKB polygon %d has %d points; a ring needs at least 3.",
								(int) (j - i), (int) poly + 1, (int) m);
				goto fail;
			}
			if ((st = annot_rings_buf_add_point(out, s0[0], s0[1], err)) != ANNOT_OK ||
				(st = append_wkb_ring(out, &w, j, true, &n, err)) != ANNOT_OK)
				goto fail;
			if ((h[0] != h[2 * (m - 1)] || h[1] != h[2 * (m - 1) + 1]) &&
				(st = annot_rings_buf_add_point(out, h[0], h[1], err)) != ANNOT_OK)
				goto fail;
		}
		if ((st = annot_rings_buf_end_ring(out, err)) != ANNOT_OK)
			goto fail;
		i = j;
	}
	if (out->nrings == 0)
	{
		st = annot_fail(err, ANNOT_EPARAM, -1,
						"An empty geometry has no rings; a polygon needs at least one.");
		goto fail;
	}
	annot_wkb_rings_free(&w);
	return validated(out, ANNOT_EPARAM, err);

fail:
	annot_wkb_rings_free(&w);
	annot_rings_buf_free(out);
	return st;
}

/* Equality and hashing */

bool
annot_poly_equal(const annot_poly *a, const annot_poly *b)
{
	return a->npoints == b->npoints && annot_poly_cmp(a, b) == 0;
}

int
annot_poly_cmp(const annot_poly *a, const annot_poly *b)
{
	annot_rings ra;
	annot_rings rb;
	int32_t		i;

	if (a->nrings != b->nrings)
		return a->nrings < b->nrings ? -1 : 1;
	ra = annot_poly_rings(a);
	rb = annot_poly_rings(b);
	for (i = 0; i < ra.nrings; i++)
		if (ra.end[i] != rb.end[i])
			return ra.end[i] < rb.end[i] ? -1 : 1;
	/* same ring sizes, hence the same number of points */
	for (i = 0; i < 2 * ra.npoints; i++)
		if (ra.xy[i] != rb.xy[i])
			return ra.xy[i] < rb.xy[i] ? -1 : 1;
	return 0;
}

uint64_t
annot_poly_hash(const annot_poly *p, uint64_t seed)
{
	annot_rings r = annot_poly_rings(p);
	uint64_t	h = annot_hash_fmix64(seed + ANNOT_HASH_GOLDEN);
	int32_t		i;

	for (i = 0; i < r.nrings; i++)
		h = (h ^ (uint64_t) r.end[i]) * UINT64_C(0x100000001b3);
	for (i = 0; i < 2 * r.npoints; i++)
	{
		double		d = r.xy[i] + 0.0;	/* -0 + 0 is +0: -0 hashes as 0 */
		uint64_t	bits;

		memcpy(&bits, &d, sizeof(bits));
		h = (h ^ bits) * UINT64_C(0x100000001b3);
		h ^= h >> 29;
	}
	return annot_hash_fmix64(h);
}
