/*
 * fuzz_keypoints_text.c -- the keypoints text parser (also behind jsonb
 * input) on arbitrary bytes: it must return a status with a reason, and
 * every value it accepts must pass the stored-form check and print back to
 * itself.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/keypoints.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);
	double	   *xyv;
	size_t		n;
	annot_err	err;

	memcpy(text, data, size);
	text[size] = '\0';
	annot_err_init(&err);
	if (annot_kpts_parse(text, ANNOT_ESYNTAX, &xyv, &n, &err) == ANNOT_OK)
	{
		size_t		sz = annot_kpts_size((int32_t) (n / 3));
		annot_kpts *k = calloc(1, sz);
		annot_kpts *again;
		char	   *buf;
		double	   *xyv2;
		size_t		n2;

		annot_kpts_build(xyv, n, k);
		if (annot_kpts_check(k, sz, NULL) != ANNOT_OK)
			abort();
		buf = malloc(annot_kpts_text_size(k));
		annot_kpts_format(k, buf);
		if (annot_kpts_parse(buf, ANNOT_ESYNTAX, &xyv2, &n2, NULL) != ANNOT_OK ||
			n2 != n)
			abort();
		again = calloc(1, sz);
		annot_kpts_build(xyv2, n2, again);
		if (annot_kpts_cmp(k, again) != 0)
			abort();
		free(again);
		free(xyv2);
		free(buf);
		free(k);
		free(xyv);
	}
	else if (err.status == ANNOT_OK || err.detail[0] == '\0')
		abort();
	free(text);
	return 0;
}
