/*
 * agree_confusion.c -- the confusion matrix of a pair state as JSON: the
 * labels in key order, the matrix (rows = the first rater, "truth"), per
 * class support, predicted count, true positives, precision, recall and
 * F1, then n, accuracy, macro F1 and support-weighted F1 (as scikit-learn's
 * classification_report, undefined scores null instead of 0).
 */
#include "agree.h"

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A growing string; a failed allocation sticks and is reported at the end. */
typedef struct jbuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	bool		failed;
} jbuf;

static void
jb_reserve(jbuf *b, size_t more)
{
	size_t		cap;
	char	   *d;

	if (b->failed || b->len + more + 1 <= b->cap)
		return;
	cap = b->cap < 256 ? 256 : b->cap;
	while (cap < b->len + more + 1)
		cap *= 2;
	d = annot_realloc(b->data, cap);
	if (d == NULL)
	{
		b->failed = true;
		return;
	}
	b->data = d;
	b->cap = cap;
}

static void
jb_put(jbuf *b, const char *s, size_t n)
{
	jb_reserve(b, n);
	if (b->failed)
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
jb_str(jbuf *b, const char *s)
{
	jb_put(b, s, strlen(s));
}

static void
jb_int(jbuf *b, int64_t v)
{
	char		num[24];

	snprintf(num, sizeof(num), "%" PRId64, v);
	jb_str(b, num);
}

/* A float, shortest round trip; NaN (undefined) as null. */
static void
jb_number(jbuf *b, double x)
{
	char		num[ANNOT_DBL_BUFLEN];

	if (isnan(x))
	{
		jb_str(b, "null");
		return;
	}
	annot_format_double(num, x);
	jb_str(b, num);
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void
jb_string(jbuf *b, const char *s, uint32_t len)
{
	uint32_t	i;

	jb_put(b, "\"", 1);
	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];
		char		esc[8];

		switch (c)
		{
			case '"':
				jb_put(b, "\\\"", 2);
				break;
			case '\\':
				jb_put(b, "\\\\", 2);
				break;
			case '\b':
				jb_put(b, "\\b", 2);
				break;
			case '\f':
				jb_put(b, "\\f", 2);
				break;
			case '\n':
				jb_put(b, "\\n", 2);
				break;
			case '\r':
				jb_put(b, "\\r", 2);
				break;
			case '\t':
				jb_put(b, "\\t", 2);
				break;
			default:
				if (c < 0x20)
				{
					snprintf(esc, sizeof(esc), "\\u%04x", c);
					jb_put(b, esc, 6);
				}
				else
					jb_put(b, (const char *) &s[i], 1);
		}
	}
	jb_put(b, "\"", 1);
}

/* Whether s is a JSON number as the grammar of RFC 8259 has it. */
static bool
is_json_number(const char *s, uint32_t len)
{
	uint32_t	i = 0;
	uint32_t	start;

	if (i < len && s[i] == '-')
		i++;
	if (i >= len || !isdigit((unsigned char) s[i]))
		return false;
	if (s[i] == '0')
		i++;
	else
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
	if (i < len && s[i] == '.')
	{
		start = ++i;
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
		if (i == start)
			return false;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		start = i;
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
		if (i == start)
			return false;
	}
	return i == len;
}

/* A label: numbers for numeric labels, strings otherwise. */
static void
jb_label(jbuf *b, const annot_agree_dict *d, uint32_t id)
{
	int64_t		i;
	const char *bytes;
	uint32_t	len;

	annot_agree_dict_key(d, id, &i, &bytes, &len);
	if (d->kind == ANNOT_AGREE_KEY_INT)
		jb_int(b, i);
	else if (isfinite(d->values[id]) && is_json_number(bytes, len))
		jb_put(b, bytes, len);
	else
		jb_string(b, bytes, len);
}

/* The labels and the matrix, rows and columns in key order. */
static void
put_matrix(jbuf *b, const annot_agree_pair *s, const uint32_t *order)
{
	uint32_t	q = s->cats.n;
	uint32_t	i;
	uint32_t	j;

	jb_str(b, "{\"labels\": [");
	for (i = 0; i < q; i++)
	{
		if (i > 0)
			jb_str(b, ", ");
		jb_label(b, &s->cats, order[i]);
	}
	jb_str(b, "], \"matrix\": [");
	for (i = 0; i < q; i++)
	{
		annot_check_interrupts();
		jb_str(b, i > 0 ? ", [" : "[");
		for (j = 0; j < q; j++)
		{
			if (j > 0)
				jb_str(b, ", ");
			jb_int(b, s->counts[(size_t) order[i] * s->cap + order[j]]);
		}
		jb_str(b, "]");
	}
	jb_str(b, "]");
}

/* Per-class scores and the summary scores over all classes. */
static void
put_classes(jbuf *b, const annot_agree_pair *s, const uint32_t *order)
{
	uint32_t	q = s->cats.n;
	double		n = (double) s->n;
	int64_t		correct = 0;
	double		macro = 0.0;
	double		weighted = 0.0;
	uint32_t	i;

	jb_str(b, ", \"classes\": [");
	for (i = 0; i < q; i++)
	{
		annot_agree_class c;

		annot_agree_class_stats(s, order[i], &c);
		correct += c.tp;
		macro += c.f1;
		weighted += c.f1 * (double) c.support;
		jb_str(b, i > 0 ? ", {\"label\": " : "{\"label\": ");
		jb_label(b, &s->cats, order[i]);
		jb_str(b, ", \"support\": ");
		jb_int(b, c.support);
		jb_str(b, ", \"predicted\": ");
		jb_int(b, c.predicted);
		jb_str(b, ", \"tp\": ");
		jb_int(b, c.tp);
		jb_str(b, ", \"precision\": ");
		jb_number(b, c.precision);
		jb_str(b, ", \"recall\": ");
		jb_number(b, c.recall);
		jb_str(b, ", \"f1\": ");
		jb_number(b, c.f1);
		jb_str(b, "}");
	}
	jb_str(b, "], \"n\": ");
	jb_int(b, s->n);
	jb_str(b, ", \"accuracy\": ");
	jb_number(b, (double) correct / n);
	jb_str(b, ", \"macro_f1\": ");
	jb_number(b, macro / q);
	jb_str(b, ", \"weighted_f1\": ");
	jb_number(b, weighted / n);
	jb_str(b, "}");
}

annot_status
annot_agree_confusion_json(const annot_agree_pair *s, char **out,
						   annot_err *err)
{
	jbuf		b = {NULL, 0, 0, false};
	uint32_t   *order;

	*out = NULL;
	annot_err_about(err, "confusion matrix", NULL);
	order = annot_alloc(sizeof(uint32_t) * ((size_t) s->cats.n + 1));
	if (order == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for a confusion matrix.");
	annot_agree_dict_order(&s->cats, order);
	put_matrix(&b, s, order);
	put_classes(&b, s, order);
	annot_free(order);
	if (b.failed)
	{
		annot_free(b.data);
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for a confusion matrix.");
	}
	*out = b.data;
	return ANNOT_OK;
}
