/*
 * wkb.c -- bounded WKB reader and writer for (multi)polygons.
 */
#include "wkb.h"

#include <math.h>
#include <string.h>

#include "bytes.h"

#define WKB_POLYGON 3
#define WKB_MULTIPOLYGON 6
#define EWKB_SRID_FLAG 0x20000000u
#define EWKB_Z_FLAG 0x80000000u
#define EWKB_M_FLAG 0x40000000u

static annot_status
truncated(annot_reader *r, annot_err *err)
{
	return annot_fail(err, ANNOT_EBINARY, annot_reader_pos(r),
					  "WKB ends early at byte %ld.", annot_reader_pos(r));
}

/* Read a byte-order mark and a geometry type; returns the base type. */
static annot_status
read_header(annot_reader *r, uint32_t *type, annot_err *err)
{
	uint8_t		order;
	uint32_t	t;

	if (!annot_read_u8(r, &order))
		return truncated(r, err);
	if (order > 1)
		return annot_fail(err, ANNOT_EBINARY, annot_reader_pos(r) - 1,
						  "Invalid WKB byte order mark %u.", order);
	/* 0 is XDR (big-endian), 1 NDR (little-endian) */
	r->big_endian = order == 0;
	if (!annot_read_u32(r, &t))
		return truncated(r, err);
	if ((t & (EWKB_Z_FLAG | EWKB_M_FLAG)) != 0 ||
		(t & ~EWKB_SRID_FLAG) >= 1000)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Only 2D geometries are supported (WKB type %u has Z or M).",
						  (unsigned) t);
	if (t & EWKB_SRID_FLAG)
	{
		uint32_t	srid;

		if (!annot_read_u32(r, &srid))
			return truncated(r, err);
		t &= ~EWKB_SRID_FLAG;
	}
	*type = t;
	return ANNOT_OK;
}

/* Grow the output arrays of rings to hold one more ring. */
static annot_status
push_ring(annot_wkb_rings *out, int32_t *cap, int32_t npts, int32_t poly,
		  annot_err *err)
{
	if (out->nrings == *cap)
	{
		int32_t		ncap = *cap ? *cap * 2 : 4;
		int32_t    *a = annot_realloc(out->npts, sizeof(int32_t) * ncap);

		if (a == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		out->npts = a;
		a = annot_realloc(out->start, sizeof(int32_t) * ncap);
		if (a == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		out->start = a;
		a = annot_realloc(out->polygon, sizeof(int32_t) * ncap);
		if (a == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		out->polygon = a;
		*cap = ncap;
	}
	out->npts[out->nrings] = npts;
	out->start[out->nrings] = out->npoints;
	out->polygon[out->nrings] = poly;
	out->nrings++;
	return ANNOT_OK;
}

/* Read the body of a Polygon (after its header). */
static annot_status
read_polygon(annot_reader *r, annot_wkb_rings *out, int32_t *cap, int32_t *xycap,
			 int32_t poly, annot_err *err)
{
	uint32_t	nrings;
	uint32_t	i;
	annot_status st;

	if (!annot_read_u32(r, &nrings))
		return truncated(r, err);
	/* each ring takes at least 4 bytes: check before trusting the count */
	if (nrings > annot_reader_left(r) / 4)
		return annot_fail(err, ANNOT_EBINARY, annot_reader_pos(r),
						  "WKB ring count %u exceeds the data.", (unsigned) nrings);
	for (i = 0; i < nrings; i++)
	{
		uint32_t	npts;
		uint32_t	k;

		if (!annot_read_u32(r, &npts))
			return truncated(r, err);
		if (npts > annot_reader_left(r) / 16)
			return annot_fail(err, ANNOT_EBINARY, annot_reader_pos(r),
							  "WKB point count %u exceeds the data.", (unsigned) npts);
		if ((uint64_t) out->npoints + npts > ANNOT_WKB_MAX_POINTS)
			return annot_fail(err, ANNOT_ELIMIT, -1,
							  "More than %d points in a WKB geometry.",
							  ANNOT_WKB_MAX_POINTS);
		if ((st = push_ring(out, cap, (int32_t) npts, poly, err)) != ANNOT_OK)
			return st;
		if (out->npoints + (int32_t) npts > *xycap)
		{
			int32_t		ncap = *xycap ? *xycap : 16;
			double	   *a;

			while (ncap < out->npoints + (int32_t) npts)
				ncap *= 2;
			a = annot_realloc(out->xy, sizeof(double) * 2 * (size_t) ncap);
			if (a == NULL)
				return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
			out->xy = a;
			*xycap = ncap;
		}
		for (k = 0; k < npts; k++)
		{
			double	   *dst = out->xy + 2 * (size_t) (out->npoints + k);

			if (!annot_read_double(r, &dst[0]) || !annot_read_double(r, &dst[1]))
				return truncated(r, err);
			if (!isfinite(dst[0]) || !isfinite(dst[1]))
				return annot_fail(err, ANNOT_EPARAM, annot_reader_pos(r),
								  "WKB coordinate is not finite (ring %u, point %u).",
								  (unsigned) (out->nrings), (unsigned) k + 1);
		}
		out->npoints += (int32_t) npts;
	}
	return ANNOT_OK;
}

annot_status
annot_wkb_read_rings(const uint8_t *buf, size_t len, annot_wkb_rings *out,
					 annot_err *err)
{
	annot_reader r;
	uint32_t	type;
	int32_t		cap = 0;
	int32_t		xycap = 0;
	annot_status st;

	annot_reader_init(&r, buf, len, false);
	memset(out, 0, sizeof(*out));
	if ((st = read_header(&r, &type, err)) != ANNOT_OK)
		goto fail;
	if (type == WKB_POLYGON)
		st = read_polygon(&r, out, &cap, &xycap, 0, err);
	else if (type == WKB_MULTIPOLYGON)
	{
		uint32_t	n;
		uint32_t	i;

		if (!annot_read_u32(&r, &n))
		{
			st = truncated(&r, err);
			goto fail;
		}
		if (n > annot_reader_left(&r) / 9)
		{
			st = annot_fail(err, ANNOT_EBINARY, annot_reader_pos(&r),
							"WKB polygon count %u exceeds the data.", (unsigned) n);
			goto fail;
		}
		for (i = 0; i < n && st == ANNOT_OK; i++)
		{
			uint32_t	sub;

			if ((st = read_header(&r, &sub, err)) != ANNOT_OK)
				break;
			if (sub != WKB_POLYGON)
			{
				st = annot_fail(err, ANNOT_EBINARY, annot_reader_pos(&r),
								"MultiPolygon member %u has WKB type %u, not Polygon.",
								(unsigned) i + 1, (unsigned) sub);
				break;
			}
			st = read_polygon(&r, out, &cap, &xycap, (int32_t) i, err);
		}
	}
	else
		st = annot_fail(err, ANNOT_EPARAM, 0,
						"WKB type %u is not a Polygon (3) or MultiPolygon (6).",
						(unsigned) type);
	if (st == ANNOT_OK && annot_reader_left(&r) != 0)
		st = annot_fail(err, ANNOT_EBINARY, annot_reader_pos(&r),
						"%ld bytes of garbage after the WKB geometry.",
						(long) annot_reader_left(&r));
	if (st == ANNOT_OK)
		return ANNOT_OK;
fail:
	annot_wkb_rings_free(out);
	return st;
}

void
annot_wkb_rings_free(annot_wkb_rings *r)
{
	annot_free(r->npts);
	annot_free(r->start);
	annot_free(r->polygon);
	annot_free(r->xy);
	memset(r, 0, sizeof(*r));
}

size_t
annot_wkb_polygon_size(int32_t nrings, const int32_t *npts)
{
	size_t		size = 1 + 4 + 4;
	int32_t		i;

	for (i = 0; i < nrings; i++)
		size += 4 + (size_t) npts[i] * 16;
	return size;
}

size_t
annot_wkb_write_polygon(uint8_t *buf, int32_t nrings, const int32_t *npts,
						const double *xy)
{
	uint8_t    *p = buf;
	int32_t		i;
	size_t		k = 0;

	*p++ = 1;					/* little endian */
	p = annot_put_le32(p, WKB_POLYGON);
	p = annot_put_le32(p, (uint32_t) nrings);
	for (i = 0; i < nrings; i++)
	{
		int32_t		j;

		p = annot_put_le32(p, (uint32_t) npts[i]);
		for (j = 0; j < npts[i]; j++, k++)
		{
			p = annot_put_le_double(p, xy[2 * k]);
			p = annot_put_le_double(p, xy[2 * k + 1]);
		}
	}
	return (size_t) (p - buf);
}

size_t
annot_wkb_multipolygon_size(int32_t nrings, const int32_t *npts,
							const int32_t *polygon)
{
	size_t		size = 1 + 4 + 4;
	int32_t		i;

	for (i = 0; i < nrings; i++)
	{
		/* a polygon header before each polygon's first ring */
		if (i == 0 || polygon[i] != polygon[i - 1])
			size += 1 + 4 + 4;
		size += 4 + ((size_t) npts[i] + 1) * 16;
	}
	return size;
}

size_t
annot_wkb_write_multipolygon(uint8_t *buf, int32_t nrings, const int32_t *npts,
							 const int32_t *polygon, const double *xy)
{
	uint8_t    *p = buf;
	int32_t		i;
	size_t		k = 0;

	*p++ = 1;					/* little endian */
	p = annot_put_le32(p, WKB_MULTIPOLYGON);
	p = annot_put_le32(p, nrings > 0 ? (uint32_t) polygon[nrings - 1] + 1 : 0);
	for (i = 0; i < nrings; i++)
	{
		int32_t		j;

		if (i == 0 || polygon[i] != polygon[i - 1])
		{
			int32_t		n = 1;

			while (i + n < nrings && polygon[i + n] == polygon[i])
				n++;
			*p++ = 1;
			p = annot_put_le32(p, WKB_POLYGON);
			p = annot_put_le32(p, (uint32_t) n);
		}
		p = annot_put_le32(p, (uint32_t) npts[i] + 1);
		for (j = 0; j < npts[i]; j++)
		{
			p = annot_put_le_double(p, xy[2 * (k + j)]);
			p = annot_put_le_double(p, xy[2 * (k + j) + 1]);
		}
		p = annot_put_le_double(p, xy[2 * k]);
		p = annot_put_le_double(p, xy[2 * k + 1]);
		k += (size_t) npts[i];
	}
	return (size_t) (p - buf);
}
