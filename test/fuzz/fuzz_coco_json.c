/*
 * fuzz_coco_json.c -- the COCO JSON reader on arbitrary bytes: a status
 * with a reason; a document it accepts is evaluated against itself (as
 * ground truth and, when it is a list, as results) for each type, which
 * must give a status and never statistics outside [0, 1] or -1.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/cocoeval.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_coco_doc doc;
	annot_err	err;

	annot_err_init(&err);
	if (annot_coco_read((const char *) data, size, ANNOT_ESYNTAX,
						ANNOT_COCO_READ_ALL, &doc, &err) != ANNOT_OK)
	{
		if (err.status == ANNOT_OK || err.detail[0] == '\0')
			abort();
		return 0;
	}
	for (int type = ANNOT_EVAL_BBOX; type <= ANNOT_EVAL_KEYPOINTS; type++)
	{
		annot_eval_params p;
		annot_eval_result res;

		annot_eval_default_params((annot_eval_type) type, &p);
		if (annot_cocoeval(&doc, &doc, &p, &res, NULL) != ANNOT_OK)
			continue;
		for (int i = 0; i < res.nstats; i++)
			if (!(res.stats[i] == -1 || (res.stats[i] >= 0 && res.stats[i] <= 1)))
				abort();
		annot_eval_result_free(&res);
	}
	annot_coco_doc_free(&doc);
	return 0;
}
