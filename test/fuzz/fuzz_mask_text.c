/*
 * fuzz_mask_text.c -- the text (COCO JSON) reader of masks on arbitrary
 * bytes, with compressed strings and counts arrays: a status, never an
 * overread; an accepted mask survives the trip through its stored form
 * and its own text unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/rle_json.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
same(const annot_ivals *a, const annot_ivals *b)
{
	return a->h == b->h && a->w == b->w && a->n == b->n &&
		(a->n == 0 || memcmp(a->iv, b->iv, 8 * (size_t) a->n) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_ivals m,
				back;
	annot_mask_view v;
	annot_err	err;
	size_t		ssize;
	uint8_t    *buf;
	char	   *coco,
			   *text;

	annot_err_init(&err);
	/* the input is not terminated: the reader must respect its length */
	if (annot_mask_parse((const char *) data, size, ANNOT_ESYNTAX, &m, &err) != ANNOT_OK)
	{
		if (err.status == ANNOT_OK || err.detail[0] == '\0')
			abort();
		return 0;
	}
	ssize = annot_mask_serial_size(&m);
	buf = malloc(ssize);
	annot_mask_serialize(&m, buf);
	if (annot_mask_open(buf, ssize, &v, NULL) != ANNOT_OK ||
		annot_mask_decode(&v, &back, NULL) != ANNOT_OK || !same(&m, &back))
		abort();
	annot_ivals_free(&back);
	coco = malloc(annot_mask_coco_strlen(&m) + 1);
	annot_mask_coco_string(&m, coco);
	/* storage never exceeds the COCO string plus the header */
	if (ssize > strlen(coco) + ANNOT_MASK_HDRSZ)
		abort();
	text = annot_mask_text(m.h, m.w, coco, NULL);
	if (annot_mask_parse(text, strlen(text), ANNOT_ESYNTAX, &back, NULL) != ANNOT_OK ||
		!same(&m, &back))
		abort();
	annot_ivals_free(&back);
	free(text);
	free(coco);
	free(buf);
	annot_ivals_free(&m);
	return 0;
}
