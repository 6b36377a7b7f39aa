/*
 * fuzz_agree_state.c -- the agreement aggregate state decoder on arbitrary
 * bytes.  The first byte picks the pair state (even) or the item state
 * (odd); the rest is the serialized state.  Deserialize must return a
 * status; an accepted state must serialize to a message that decodes again
 * to the same coefficients, and every coefficient must compute without a
 * crash or an out-of-bounds access, also when a second copy of an item
 * state is deferred into the first (the parallel path).
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/agree.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Two results are the same, NaN included. */
static int
same(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

static void
check_pair(const uint8_t *data, size_t size)
{
	annot_agree_pair *s;
	annot_agree_pair *t;
	annot_agree_result r1;
	annot_agree_result r2;
	annot_err	err;
	uint8_t    *buf;
	size_t		n;
	uint32_t	i;

	annot_err_init(&err);
	if (annot_agree_pair_deserialize(data, size, &s, &err) != ANNOT_OK)
	{
		if (s != NULL || err.status == ANNOT_OK || err.detail[0] == '\0')
			abort();
		return;
	}
	if (annot_agree_pair_serial_size(s, &n, NULL) != ANNOT_OK)
		abort();
	buf = malloc(n);
	annot_agree_pair_serialize(s, buf);
	/* the same size, and canonical: a second trip gives the same bytes */
	if (n != size)
		abort();
	if (annot_agree_pair_deserialize(buf, n, &t, NULL) != ANNOT_OK)
		abort();
	{
		uint8_t    *again = malloc(n);

		annot_agree_pair_serialize(t, again);
		if (memcmp(again, buf, n) != 0)
			abort();
		free(again);
	}
	if (annot_agree_cohen(s, &r1, NULL) == ANNOT_OK)
	{
		if (annot_agree_cohen(t, &r2, NULL) != ANNOT_OK ||
			!same(r1.estimate, r2.estimate) || !same(r1.se, r2.se))
			abort();
	}
	for (i = 0; i < s->cats.n; i++)
	{
		annot_agree_class c;

		annot_agree_class_stats(s, i, &c);
		if (c.tp > c.support || c.tp > c.predicted)
			abort();
	}
	if (annot_agree_pair_combine(t, s, NULL) == ANNOT_OK && t->n != 2 * s->n)
		abort();
	free(buf);
	annot_agree_pair_free(s);
	annot_agree_pair_free(t);
}

static void
check_items(const uint8_t *data, size_t size)
{
	annot_agree_items *s;
	annot_agree_items *t;
	annot_agree_result r1;
	annot_agree_result r2;
	annot_err	err;
	uint8_t    *buf;
	size_t		n;

	annot_err_init(&err);
	if (annot_agree_items_deserialize(data, size, &s, &err) != ANNOT_OK)
	{
		if (s != NULL || err.status == ANNOT_OK || err.detail[0] == '\0')
			abort();
		return;
	}
	if (annot_agree_items_serial_size(s, &n, NULL) != ANNOT_OK)
		abort();
	if (n != size)
		abort();
	buf = malloc(n);
	annot_agree_items_serialize(s, buf);
	if (annot_agree_items_deserialize(buf, n, &t, NULL) != ANNOT_OK)
		abort();
	/* the quadratic work of weights is bounded by the category limit */
	if (s->cats.n <= 256)
	{
		annot_status (*fns[]) (const annot_agree_items *, annot_agree_result *, annot_err *) = {
			annot_agree_fleiss, annot_agree_gwet, annot_agree_percent,
			annot_agree_krippendorff
		};
		size_t		f;

		for (f = 0; f < sizeof(fns) / sizeof(fns[0]); f++)
		{
			annot_status st1 = fns[f] (s, &r1, NULL);
			annot_status st2 = fns[f] (t, &r2, NULL);

			if (st1 != st2)
				abort();
			/* the state's order of arrival never changes a result */
			if (st1 == ANNOT_OK &&
				(!same(r1.estimate, r2.estimate) || !same(r1.se, r2.se) ||
				 r1.n_items != r2.n_items))
				abort();
		}
	}
	/*
	 * The stored form: prepared (sorted), it serializes canonically, reads
	 * back sorted, and gives the same coefficients to the last bit.
	 */
	if (s->cats.n <= 256)
	{
		annot_agree_items *u;
		annot_agree_items *v;
		uint8_t    *sorted;
		uint8_t    *again;
		size_t		m;
		size_t		m2;

		if (annot_agree_items_deserialize(buf, n, &u, NULL) != ANNOT_OK)
			abort();
		if (annot_agree_items_prepare(u, NULL) == ANNOT_OK)
		{
			if (!annot_agree_items_ready(u) ||
				annot_agree_items_serial_size(u, &m, NULL) != ANNOT_OK)
				abort();
			sorted = malloc(m);
			annot_agree_items_serialize(u, sorted);
			if (annot_agree_items_deserialize(sorted, m, &v, NULL) != ANNOT_OK ||
				v->form != ANNOT_AGREE_SORTED ||
				annot_agree_items_serial_size(v, &m2, NULL) != ANNOT_OK || m2 != m)
				abort();
			again = malloc(m);
			annot_agree_items_serialize(v, again);
			if (memcmp(again, sorted, m) != 0)
				abort();
			if (annot_agree_fleiss(s, &r1, NULL) == ANNOT_OK &&
				(annot_agree_fleiss(v, &r2, NULL) != ANNOT_OK ||
				 !same(r1.estimate, r2.estimate) || !same(r1.se, r2.se)))
				abort();
			free(sorted);
			free(again);
			annot_agree_items_free(v);
		}
		annot_agree_items_free(u);
	}
	/* the parallel path: a second copy deferred, merged by the final step */
	if (s->cats.n <= 256)
	{
		annot_agree_items *u;

		if (annot_agree_items_deserialize(buf, n, &u, NULL) != ANNOT_OK)
			abort();
		if (annot_agree_items_defer(t, u, NULL) == ANNOT_OK)
		{
			if (t->npending != 1)
				abort();
			(void) annot_agree_fleiss(t, &r1, NULL);
			(void) annot_agree_krippendorff(t, &r2, NULL);
			if (annot_agree_items_prepare(t, NULL) == ANNOT_OK && !annot_agree_items_ready(t))
				abort();
		}
		else
			annot_agree_items_free(u);
	}
	free(buf);
	annot_agree_items_free(s);
	annot_agree_items_free(t);
}

/*
 * The text form: what decodes is re-encoded to text that decodes to the
 * same bytes, which then go through the wire checks in a buffer of their
 * exact size.
 */
static void
check_text(const uint8_t *data, size_t size, bool items)
{
	uint8_t    *wire;
	uint8_t    *exact;
	uint8_t    *again;
	size_t		len;
	size_t		len2;
	size_t		tlen;
	char	   *text;
	annot_err	err;

	annot_err_init(&err);
	if (annot_agree_text_decode((const char *) data, size, &wire, &len, &err) != ANNOT_OK)
	{
		if (wire != NULL || err.status == ANNOT_OK || err.detail[0] == '\0')
			abort();
		return;
	}
	if (annot_agree_text_len(len, &tlen, NULL) != ANNOT_OK)
		abort();
	text = malloc(tlen + 1);
	annot_agree_text_encode(wire, len, text);
	if (strlen(text) != tlen ||
		annot_agree_text_decode(text, tlen, &again, &len2, NULL) != ANNOT_OK ||
		len2 != len || memcmp(again, wire, len) != 0)
		abort();
	exact = malloc(len > 0 ? len : 1);
	memcpy(exact, wire, len);
	if (items)
		check_items(exact, len);
	else
		check_pair(exact, len);
	free(exact);
	free(text);
	annot_free(wire);
	annot_free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] & 0x40)
		check_text(data + 1, size - 1, (data[0] & 1) != 0);
	else if (data[0] & 1)
		check_items(data + 1, size - 1);
	else
		check_pair(data + 1, size - 1);
	return 0;
}
