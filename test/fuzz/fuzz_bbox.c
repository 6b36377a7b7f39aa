/*
 * fuzz_bbox.c -- the bbox text parser on arbitrary bytes: it must return a
 * status, and every box it accepts must be valid and print back to itself.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/bbox.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);
	annot_bbox	b;
	annot_err	err;

	memcpy(text, data, size);
	text[size] = '\0';
	annot_err_init(&err);
	if (annot_bbox_parse(text, &b, &err) == ANNOT_OK)
	{
		char		buf[ANNOT_BBOX_TEXTLEN];
		annot_bbox	again;

		if (annot_bbox_validate(&b, ANNOT_EPARAM, NULL) != ANNOT_OK)
			abort();
		annot_bbox_format(&b, buf);
		if (annot_bbox_parse(buf, &again, NULL) != ANNOT_OK ||
			annot_bbox_cmp(&b, &again) != 0)
			abort();
	}
	else if (err.status == ANNOT_OK || err.detail[0] == '\0')
		abort();
	free(text);
	return 0;
}
