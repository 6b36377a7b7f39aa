/*
 * fuzz_voc_xml.c -- the VOC XML reader on arbitrary bytes: a status with a
 * reason; every object it reads has a name and a valid box.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/voc_xml.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_voc_doc doc;
	annot_err	err;

	annot_err_init(&err);
	if (annot_voc_read((const char *) data, size, &doc, &err) == ANNOT_OK)
	{
		for (size_t i = 0; i < doc.nobjects; i++)
			if (doc.objects[i].name == NULL ||
				annot_bbox_validate(&doc.objects[i].box, ANNOT_EPARAM, NULL) != ANNOT_OK)
				abort();
		annot_voc_doc_free(&doc);
	}
	else if (err.status == ANNOT_OK || err.detail[0] == '\0')
		abort();
	return 0;
}
