/*
 * fuzz_yolo.c -- the YOLO label reader on arbitrary bytes: a status with a
 * reason; every box it reads is valid, and its line written back reads
 * to the same class.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/yolo.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_yolo_row *rows;
	size_t		n;
	annot_err	err;

	annot_err_init(&err);
	if (annot_yolo_parse((const char *) data, size, 640, 480, &rows, &n, &err) == ANNOT_OK)
	{
		for (size_t i = 0; i < n; i++)
		{
			char		line[ANNOT_YOLO_LINELEN];
			annot_yolo_row *back;
			size_t		m;
			int			len;

			if (annot_bbox_validate(&rows[i].box, ANNOT_EPARAM, NULL) != ANNOT_OK)
				abort();
			len = annot_yolo_format(rows[i].cls, &rows[i].box, 640, 480, rows[i].score, line);
			if (len <= 0 || (size_t) len >= sizeof(line))
				abort();
			if (annot_yolo_parse(line, (size_t) len, 640, 480, &back, &m, NULL) == ANNOT_OK)
			{
				if (m != 1 || back[0].cls != rows[i].cls)
					abort();
				free(back);
			}
		}
		free(rows);
	}
	else if (err.status == ANNOT_OK || err.detail[0] == '\0')
		abort();
	return 0;
}
