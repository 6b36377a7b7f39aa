/*
 * fuzz_mask_binary.c -- the binary (send/recv) reader of masks on
 * arbitrary bytes: a status, never an overread; what it accepts writes
 * back to a message that reads as the same mask.
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
	size_t		bsize;
	uint8_t    *buf;

	annot_err_init(&err);
	if (annot_mask_binary_read(data, size, &m, &err) != ANNOT_OK)
	{
		if (err.detail[0] == '\0')
			abort();
		return 0;
	}
	bsize = annot_mask_binary_size(&m);
	if (bsize > size)			/* canonical form is never longer */
		abort();
	buf = malloc(bsize);
	annot_mask_binary_write(&m, buf);
	if (annot_mask_binary_read(buf, bsize, &back, NULL) != ANNOT_OK ||
		back.h != m.h || back.w != m.w || back.n != m.n ||
		(m.n > 0 && memcmp(back.iv, m.iv, 8 * (size_t) m.n) != 0))
		abort();
	annot_ivals_free(&back);
	free(buf);
	annot_ivals_free(&m);
	return 0;
}
