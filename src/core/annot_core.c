/*
 * annot_core.c -- error records and number parsing shared by every decoder
 * of the core (the number formatter is in shortest.c).
 */
#include "annot_core.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
annot_err_init(annot_err *err)
{
	if (err == NULL)
		return;
	err->status = ANNOT_OK;
	err->pos = -1;
	err->subject = NULL;
	err->literal = NULL;
	err->detail[0] = '\0';
}

void
annot_err_about(annot_err *err, const char *subject, const char *literal)
{
	if (err == NULL)
		return;
	err->subject = subject;
	err->literal = literal;
}

annot_status
annot_fail(annot_err *err, annot_status status, long pos, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return status;
	err->status = status;
	err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
	va_end(ap);
	return status;
}

annot_num_text
annot_num(double x)
{
	annot_num_text t;

	annot_format_double(t.s, x);
	return t;
}

const char *
annot_skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		   *p == '\f' || *p == '\v')
		p++;
	return p;
}

bool
annot_parse_double(const char **p, double *out, bool *overflow)
{
	const char *s = annot_skip_space(*p);
	const char *q = s;
	int			digits = 0;
	char		small[64];
	char	   *copy;
	char	   *end;
	size_t		len;
	double		v;

	*overflow = false;

	/*
	 * Accept only the plain decimal grammar, so that strtod's extensions
	 * (nan, inf, hex floats) can never slip through.
	 */
	if (*q == '+' || *q == '-')
		q++;
	while (*q >= '0' && *q <= '9')
		q++, digits++;
	if (*q == '.')
	{
		q++;
		while (*q >= '0' && *q <= '9')
			q++, digits++;
	}
	if (digits == 0)
		return false;
	if (*q == 'e' || *q == 'E')
	{
		const char *e = q + 1;
		int			edigits = 0;

		if (*e == '+' || *e == '-')
			e++;
		while (*e >= '0' && *e <= '9')
			e++, edigits++;
		if (edigits == 0)
			return false;
		q = e;
	}

	/* strtod needs a terminated copy: the token may be followed by anything */
	len = (size_t) (q - s);
	if (len < sizeof(small))
		copy = small;
	else
	{
		copy = annot_alloc(len + 1);
		if (copy == NULL)
			return false;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	errno = 0;
	v = strtod(copy, &end);
	if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL))
		*overflow = true;
	if (copy != small)
		annot_free(copy);
	if (*overflow)
		return false;
	*out = v;
	*p = q;
	return true;
}
