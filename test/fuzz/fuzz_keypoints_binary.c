/*
 * fuzz_keypoints_binary.c -- the keypoints binary receive on arbitrary
 * bytes: a status with a reason, and every accepted message sends back to
 * the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/keypoints.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	double	   *xyv;
	size_t		n;
	annot_err	err;

	annot_err_init(&err);
	if (annot_kpts_recv(data, size, &xyv, &n, &err) == ANNOT_OK)
	{
		size_t		sz = annot_kpts_size((int32_t) (n / 3));
		annot_kpts *k = calloc(1, sz);
		uint8_t    *buf;

		annot_kpts_build(xyv, n, k);
		if (annot_kpts_check(k, sz, NULL) != ANNOT_OK ||
			annot_kpts_send_size(k) != size)
			abort();
		buf = malloc(size);
		annot_kpts_send(k, buf);
		if (memcmp(buf, data, size) != 0)
			abort();
		free(buf);
		free(k);
		free(xyv);
	}
	else if (err.status == ANNOT_OK || err.detail[0] == '\0')
		abort();
	return 0;
}
