/*
 * fuzz_mask_bitmap.c -- bitmaps to masks and back: the first two bytes
 * choose the grid, the rest is the bitmap (any length: a wrong one must be
 * refused).  Accepted bitmaps come back as 0/1 bytes, pixel for pixel.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/rle.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_ivals m;
	annot_err	err;
	int64_t		h,
				w;
	uint8_t    *out;
	size_t		i,
				n;

	if (size < 2)
		return 0;
	h = 1 + data[0] % 48;
	w = 1 + data[1] % 48;
	n = size - 2;
	annot_err_init(&err);
	if (annot_mask_from_bitmap(data + 2, n, h, w, &m, &err) != ANNOT_OK)
	{
		if (n == (size_t) (h * w) || err.status != ANNOT_EPARAM)
			abort();
		return 0;
	}
	out = malloc(n);
	annot_mask_to_bitmap(&m, out);
	for (i = 0; i < n; i++)
		if (out[i] != (data[2 + i] != 0))
			abort();
	free(out);
	annot_ivals_free(&m);
	return 0;
}
