/*
 * fuzz_mask_stored.c -- stored (on-disk) masks on arbitrary bytes, as a
 * damaged page would hand them over: opening, decoding and computing on
 * them give a status, never an overread; what decodes re-serializes to
 * exactly the same bytes (the stored form is canonical).
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/rle_ops.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_mask_view v;
	annot_ivals m,
				r;
	uint64_t	inter;
	uint8_t    *buf;
	char	   *s;

	if (annot_mask_open(data, size, &v, NULL) != ANNOT_OK)
		return 0;
	/* transcoding to text reads the runs without decoding them */
	s = malloc(annot_mask_view_coco_strlen(&v) + 1);
	annot_mask_view_coco_string(&v, s);
	free(s);
	if (annot_mask_inter_area(&v, &v, &inter, NULL) == ANNOT_OK &&
		inter > v.area)
		abort();
	if (annot_mask_decode(&v, &m, NULL) != ANNOT_OK)
		return 0;
	if (annot_mask_serial_size(&m) != size)
		abort();
	buf = malloc(size);
	annot_mask_serialize(&m, buf);
	if (memcmp(buf, data, size) != 0)
		abort();
	free(buf);
	if (annot_ivals_inter_area(&m, &m) != v.area)
		abort();
	if (m.h <= 64 && m.w <= 64)
	{
		if (annot_ivals_boundary(&m, 1 + m.h % 3, &r, NULL) != ANNOT_OK)
			abort();
		annot_ivals_free(&r);
	}
	if (annot_ivals_complement(&m, &r, NULL) != ANNOT_OK ||
		annot_ivals_area(&r) + v.area != (uint64_t) m.h * m.w)
		abort();
	annot_ivals_free(&r);
	annot_ivals_free(&m);
	return 0;
}
