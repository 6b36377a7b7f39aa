/*
 * fuzz_rle_string.c -- the COCO compressed counts decoder on arbitrary
 * bytes (pycocotools' rleFrString reads past the end of such input): the
 * first two bytes choose the grid, the rest is the string.  An accepted
 * string re-encodes to itself when it was canonical, and always to a
 * string that decodes to the same mask.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/rle.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_ivals m,
				back;
	annot_err	err;
	int64_t		h,
				w;
	char	   *s;
	uint64_t	area = 0;
	uint32_t	i;

	if (size < 2)
		return 0;
	h = 1 + data[0] % 64;
	w = 1 + data[1] % 64;
	annot_err_init(&err);
	if (annot_mask_from_coco_string((const char *) data + 2, size - 2, h, w,
									ANNOT_EPARAM, &m, &err) != ANNOT_OK)
	{
		if (err.detail[0] == '\0')
			abort();
		return 0;
	}
	/* intervals sorted, disjoint, not adjacent, inside the grid */
	for (i = 0; i < m.n; i++)
	{
		if (m.iv[2 * i] >= m.iv[2 * i + 1] || m.iv[2 * i + 1] > h * w ||
			(i > 0 && m.iv[2 * i] <= m.iv[2 * i - 1]))
			abort();
		area += m.iv[2 * i + 1] - m.iv[2 * i];
	}
	if (area != annot_ivals_area(&m))
		abort();
	s = malloc(annot_mask_coco_strlen(&m) + 1);
	annot_mask_coco_string(&m, s);
	if (annot_mask_from_coco_string(s, strlen(s), h, w, ANNOT_EPARAM, &back, NULL) != ANNOT_OK ||
		back.n != m.n || (m.n > 0 && memcmp(back.iv, m.iv, 8 * (size_t) m.n) != 0))
		abort();
	annot_ivals_free(&back);
	free(s);
	annot_ivals_free(&m);
	return 0;
}
