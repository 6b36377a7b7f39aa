/*
 * yolo.c -- reading and writing YOLO label lines.
 */
#include "yolo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* One number of a line, in a terminated copy of the line. */
static bool
line_number(const char **p, double *v)
{
	bool		overflow;

	return annot_parse_double(p, v, &overflow);
}

annot_status
annot_yolo_parse(const char *text, size_t len, double width, double height,
				 annot_yolo_row **rows, size_t *nrows, annot_err *err)
{
	const char *p = text,
			   *end = text + len;
	annot_yolo_row *out = NULL;
	size_t		n = 0,
				cap = 0;
	int32_t		line = 0;
	char		buf[512];
	annot_status st = ANNOT_OK;

	annot_err_about(err, "YOLO labels", NULL);
	*rows = NULL;
	*nrows = 0;
	if (!(isfinite(width) && width > 0 && isfinite(height) && height > 0))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "The image width and height must be positive.");
	while (p < end)
	{
		const char *eol = memchr(p, '\n', (size_t) (end - p));
		size_t		l = (size_t) ((eol ? eol : end) - p);
		const char *q;
		double		v[6];
		int			k = 0;

		line++;
		if (line > ANNOT_YOLO_MAX_LINES)
		{
			st = annot_fail(err, ANNOT_ELIMIT, p - text,
							"More than %d lines.", ANNOT_YOLO_MAX_LINES);
			goto fail;
		}
		if (l >= sizeof(buf))
		{
			st = annot_fail(err, ANNOT_ESYNTAX, p - text,
							"Line %d is longer than %zu bytes.", (int) line, sizeof(buf) - 1);
			goto fail;
		}
		memcpy(buf, p, l);
		buf[l] = '\0';
		if (l > 0 && buf[l - 1] == '\r')
			buf[l - 1] = '\0';
		p = eol ? eol + 1 : end;
		q = annot_skip_space(buf);
		if (*q == '\0')
			continue;
		while (*q != '\0' && k < 6)
		{
			if (!line_number(&q, &v[k]))
			{
				st = annot_fail(err, ANNOT_ESYNTAX, -1,
								"Line %d: number %d is not a finite number.", (int) line, k + 1);
				goto fail;
			}
			k++;
			q = annot_skip_space(q);
		}
		if (*q != '\0' || k < 5)
		{
			st = annot_fail(err, ANNOT_ESYNTAX, -1,
							"Line %d: a line is \"class cx cy w h\" with an optional confidence.",
							(int) line);
			goto fail;
		}
		if (v[0] != floor(v[0]) || v[0] < 0 || v[0] > 2147483647)
		{
			st = annot_fail(err, ANNOT_ESYNTAX, -1,
							"Line %d: the class must be an integer >= 0.", (int) line);
			goto fail;
		}
		if (!(v[3] >= 0 && v[4] >= 0))
		{
			st = annot_fail(err, ANNOT_ESYNTAX, -1,
							"Line %d: width and height must be >= 0.", (int) line);
			goto fail;
		}
		if (n == cap)
		{
			annot_yolo_row *r;

			cap = cap ? 2 * cap : 16;
			r = annot_realloc(out, cap * sizeof(annot_yolo_row));
			if (r == NULL)
			{
				st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
				goto fail;
			}
			out = r;
		}
		out[n].line = line;
		out[n].cls = (int64_t) v[0];
		out[n].box.x1 = (v[1] - v[3] / 2) * width;
		out[n].box.y1 = (v[2] - v[4] / 2) * height;
		out[n].box.x2 = (v[1] + v[3] / 2) * width;
		out[n].box.y2 = (v[2] + v[4] / 2) * height;
		out[n].score = k == 6 ? v[5] : NAN;
		if (annot_bbox_validate(&out[n].box, ANNOT_ESYNTAX, NULL) != ANNOT_OK)
		{
			st = annot_fail(err, ANNOT_ERANGE, -1,
							"Line %d: the box is out of range in pixels.", (int) line);
			goto fail;
		}
		n++;
	}
	*rows = out;
	*nrows = n;
	return ANNOT_OK;
fail:
	annot_free(out);
	return st;
}

int
annot_yolo_format(int64_t cls, const annot_bbox *box, double width,
				  double height, double score, char *buf)
{
	char	   *p = buf;
	double		v[4];

	v[0] = (box->x1 + box->x2) / 2 / width;
	v[1] = (box->y1 + box->y2) / 2 / height;
	v[2] = (box->x2 - box->x1) / width;
	v[3] = (box->y2 - box->y1) / height;
	p += snprintf(p, 24, "%lld", (long long) cls);
	for (int i = 0; i < 4; i++)
	{
		*p++ = ' ';
		p += annot_format_double(p, v[i]);
	}
	if (!isnan(score))
	{
		*p++ = ' ';
		p += annot_format_double(p, score);
	}
	*p = '\0';
	return (int) (p - buf);
}
