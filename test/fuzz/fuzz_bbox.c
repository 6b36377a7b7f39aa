/*
 * fuzz_bbox.c -- every box decoder on the same arbitrary bytes: the text
 * parser and COCO's JSON array (on the bytes as text), the binary form
 * (on the bytes), arrays as drivers bind them (on the bytes as doubles), and
 * the number formatter.  Each must return a status with a detail; every box
 * accepted must be valid and encode back to itself.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/bbox.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A COCO width reads back to the far corner exactly when some width can
 * (x1 + w == x2 in double arithmetic), else within a unit in the last place
 * of the larger coordinate.
 */
static bool
near_or_exact(double lo, double hi, double got)
{
	double		w = annot_bbox_coco_extent(lo, hi);
	double		big = fmax(fabs(lo), fabs(hi));

	if (lo + w == hi)
		return got == hi;
	return fabs(got - hi) <= nextafter(big, INFINITY) - big;
}

/* A failure carries a status and a detail; a success a valid box. */
static void
check_result(annot_status st, const annot_err *err, const annot_bbox *b)
{
	char		buf[ANNOT_BBOX_TEXTLEN];
	char		coco[ANNOT_BBOX_COCOLEN];
	uint8_t		bin[ANNOT_BBOX_BINLEN];
	annot_bbox	again;
	int			len;

	if (st != ANNOT_OK)
	{
		if (err->status != st || err->detail[0] == '\0' || err->subject == NULL)
			abort();
		return;
	}
	if (annot_bbox_validate(b, ANNOT_EPARAM, NULL) != ANNOT_OK)
		abort();
	annot_bbox_format(b, buf);
	if (annot_bbox_parse(buf, &again, NULL) != ANNOT_OK ||
		!annot_bbox_equal(b, &again) ||
		signbit(b->x1) != signbit(again.x1))
		abort();
	if (annot_bbox_coco(b, coco, &len, NULL) != ANNOT_OK ||
		(size_t) len != strlen(coco) ||
		annot_bbox_parse_coco(coco, &again, NULL) != ANNOT_OK ||
		again.x1 != b->x1 || again.y1 != b->y1 ||
		!near_or_exact(b->x1, b->x2, again.x2) ||
		!near_or_exact(b->y1, b->y2, again.y2))
		abort();
	annot_bbox_send(b, bin);
	if (annot_bbox_recv(bin, sizeof(bin), &again, NULL) != ANNOT_OK ||
		memcmp(b, &again, sizeof(again)) != 0)
		abort();
	if (!(annot_bbox_iou(b, &again) >= 0 && annot_bbox_iou(b, &again) <= 1))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);
	double	   *v = malloc(size / 8 * sizeof(double) + 1);
	annot_bbox	b;
	annot_err	err;
	size_t		i;

	memcpy(text, data, size);
	text[size] = '\0';
	annot_err_init(&err);
	check_result(annot_bbox_parse(text, &b, &err), &err, &b);
	annot_err_init(&err);
	check_result(annot_bbox_parse_coco(text, &b, &err), &err, &b);
	annot_err_init(&err);
	check_result(annot_bbox_recv(data, size, &b, &err), &err, &b);

	for (i = 0; i < size / 8; i++)
	{
		char		num[ANNOT_DBL_BUFLEN];
		int			len;

		memcpy(&v[i], data + 8 * i, sizeof(double));
		len = annot_format_double(num, v[i]);
		if ((size_t) len != strlen(num) || len >= ANNOT_DBL_BUFLEN ||
			(!isnan(v[i]) && strtod(num, NULL) != v[i]))
			abort();
	}
	annot_err_init(&err);
	check_result(annot_bbox_from_array(v, NULL, 1, (int) (size / 8), &b, &err),
				 &err, &b);
	free(v);
	free(text);
	return 0;
}
