/*
 * fuzz_poly.c -- the polygon decoders on arbitrary bytes.  The first byte
 * picks the decoder: text (which jsonb input also goes through), binary
 * receive, or WKB.  Each must return a status; every polygon accepted must
 * pass the stored-value check, encode back to itself, and keep the region
 * algorithms' invariants: area within the bounding box, the intersection
 * with itself equal to its area, make_valid keeping the region (and, when
 * its rings are valid, their shoelace sum equal to the area).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/poly.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Relative closeness at the scale of the polygon's box. */
static bool
close_enough(double got, double want, double scale)
{
	return fabs(got - want) <= 1e-9 * scale + 1e-300;
}

static void
check_rings(const annot_rings_buf *buf)
{
	annot_rings r = annot_rings_buf_view(buf);
	size_t		size = annot_poly_size(r.nrings, r.npoints);
	annot_poly *p = calloc(1, size);
	char	   *text;
	annot_rings_buf again;
	uint8_t    *bin;
	size_t		len;
	double		scale;

	if (annot_rings_validate(&r, ANNOT_EPARAM, NULL) != ANNOT_OK)
		abort();
	if (annot_poly_build(&r, p, NULL) != ANNOT_OK ||
		annot_poly_check(p, size, NULL) != ANNOT_OK)
		abort();

	/* text and binary round trips are exact */
	text = malloc(annot_poly_text_size(&r));
	annot_poly_format(&r, text);
	if (annot_poly_parse(text, ANNOT_ESYNTAX, &again, NULL) != ANNOT_OK ||
		again.npoints != r.npoints || again.nrings != r.nrings ||
		memcmp(again.xy, r.xy, sizeof(double) * 2 * (size_t) r.npoints) != 0 ||
		memcmp(again.end, r.end, sizeof(int32_t) * (size_t) r.nrings) != 0)
		abort();
	annot_rings_buf_free(&again);
	free(text);
	bin = malloc(annot_poly_send_size(&r));
	len = annot_poly_send(&r, bin);
	if (annot_poly_recv(bin, len, &again, NULL) != ANNOT_OK ||
		memcmp(again.xy, r.xy, sizeof(double) * 2 * (size_t) r.npoints) != 0)
		abort();
	annot_rings_buf_free(&again);
	free(bin);

	/* region invariants, on sizes that keep the fuzzer fast */
	scale = (p->bbox.x2 - p->bbox.x1) * (p->bbox.y2 - p->bbox.y1);
	if (!(p->area >= 0) || p->area > scale * (1 + 1e-12) || !(p->coco_area >= 0))
		abort();
	if (r.npoints <= 400)
	{
		double		inter;
		annot_rings_buf mv;
		annot_poly_validity v;

		if (annot_rings_intersection_area(&r, &p->bbox, &r, &p->bbox, &inter, NULL) != ANNOT_OK ||
			!close_enough(inter, p->area, scale))
			abort();
		if (annot_rings_validity(&r, &v, NULL) != ANNOT_OK)
			abort();
		if (annot_rings_make_valid(&r, &mv, NULL) != ANNOT_OK)
			abort();
		if (mv.nrings > 0)
		{
			annot_rings m = annot_rings_buf_view(&mv);
			double		a;

			/*
			 * The region is always kept; valid rings (the rule, but for
			 * edges within rounding of vertical, where make_valid falls
			 * back) have it as their shoelace sum.
			 */
			if (annot_rings_area(&m, &a, NULL) != ANNOT_OK ||
				!close_enough(a, p->area, scale))
				abort();
			if (annot_rings_validity(&m, &v, NULL) != ANNOT_OK ||
				(v.problem == ANNOT_POLY_VALID &&
				 !close_enough(annot_rings_coco_area(&m), p->area, scale)))
				abort();
		}
		else if (!close_enough(p->area, 0, scale))
			abort();
		annot_rings_buf_free(&mv);
	}
	free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_rings_buf buf;
	annot_err	err;
	annot_status st;

	if (size < 1)
		return 0;
	annot_err_init(&err);
	switch (data[0] % 3)
	{
		case 0:
			{
				char	   *text = malloc(size);

				memcpy(text, data + 1, size - 1);
				text[size - 1] = '\0';
				st = annot_poly_parse(text, ANNOT_ESYNTAX, &buf, &err);
				free(text);
				break;
			}
		case 1:
			st = annot_poly_recv(data + 1, size - 1, &buf, &err);
			break;
		default:
			st = annot_poly_from_wkb(data + 1, size - 1, &buf, &err);
			break;
	}
	if (st == ANNOT_OK)
	{
		check_rings(&buf);
		annot_rings_buf_free(&buf);
	}
	else if (err.status != st || err.detail[0] == '\0')
		abort();
	return 0;
}
