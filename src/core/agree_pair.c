/*
 * agree_pair.c -- the pair state of Cohen's kappa and the confusion matrix:
 * one rating pair per row, counted in a dense categories x categories
 * table that grows by half as categories appear.
 */
#include "agree_impl.h"

#include <string.h>

annot_agree_pair *
annot_agree_pair_create(const annot_agree_params *params)
{
	annot_agree_pair *s = annot_alloc(sizeof(annot_agree_pair));

	if (s == NULL)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->params = *params;
	annot_agree_dict_init(&s->cats, ANNOT_AGREE_PAIR_MAX_CATEGORIES);
	return s;
}

void
annot_agree_pair_free(annot_agree_pair *s)
{
	if (s == NULL)
		return;
	annot_agree_dict_free(&s->cats);
	annot_free(s->counts);
	annot_free(s);
}

/* Grow the count table to hold at least need categories (x 1.5 steps). */
annot_status
annot_agree_pair_reserve(annot_agree_pair *s, uint32_t need, annot_err *err)
{
	uint32_t	cap;
	int64_t    *c;
	uint32_t	i;

	if (need <= s->cap)
		return ANNOT_OK;
	cap = s->cap < 8 ? 8 : s->cap + s->cap / 2;
	if (cap < need)
		cap = need;
	if (cap > ANNOT_AGREE_PAIR_MAX_CATEGORIES)
		cap = ANNOT_AGREE_PAIR_MAX_CATEGORIES;
	c = annot_alloc(sizeof(int64_t) * (size_t) cap * cap);
	if (c == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for the agreement table.");
	memset(c, 0, sizeof(int64_t) * (size_t) cap * cap);
	for (i = 0; i < s->cap; i++)
		memcpy(c + (size_t) i * cap, s->counts + (size_t) i * s->cap,
			   sizeof(int64_t) * s->cap);
	annot_free(s->counts);
	s->counts = c;
	s->cap = cap;
	return ANNOT_OK;
}

annot_status
annot_agree_pair_add(annot_agree_pair *s, annot_agree_keykind kind,
					 const annot_agree_key *a, const annot_agree_key *b,
					 annot_err *err)
{
	annot_status st;
	uint32_t	ia;
	uint32_t	ib;

	annot_err_about(err, "agreement aggregate", NULL);
	if ((st = annot_agree_dict_id(&s->cats, kind, a, &ia, err)) != ANNOT_OK ||
		(st = annot_agree_dict_id(&s->cats, kind, b, &ib, err)) != ANNOT_OK)
		return st;
	if (s->cats.n > s->cap && (st = annot_agree_pair_reserve(s, s->cats.n, err)) != ANNOT_OK)
		return st;
	s->counts[(size_t) ia * s->cap + ib]++;
	/* rows may stream in without the executor checking for a cancel */
	if ((++s->n & 0xFFFF) == 0)
		annot_check_interrupts();
	return ANNOT_OK;
}

annot_status
annot_agree_pair_combine(annot_agree_pair *dst, const annot_agree_pair *src,
						 annot_err *err)
{
	annot_status st = ANNOT_OK;
	uint32_t   *map;
	uint32_t	a;
	uint32_t	b;
	int64_t		n;

	if (!annot_agree_params_equal(&dst->params, &src->params))
		return annot_agree_params_differ(err);
	annot_err_about(err, "agreement aggregate", NULL);
	if (src->cats.n == 0)
		return ANNOT_OK;
	if (__builtin_add_overflow(dst->n, src->n, &n))
		return annot_fail(err, ANNOT_ERANGE, -1, "Too many rating pairs.");
	map = annot_alloc(sizeof(uint32_t) * src->cats.n);
	if (map == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory to combine states.");
	for (a = 0; a < src->cats.n && st == ANNOT_OK; a++)
	{
		annot_agree_key k;

		annot_agree_dict_get(&src->cats, a, &k);
		st = annot_agree_dict_id(&dst->cats, (annot_agree_keykind) src->cats.kind,
								 &k, &map[a], err);
	}
	if (st == ANNOT_OK && dst->cats.n > dst->cap)
		st = annot_agree_pair_reserve(dst, dst->cats.n, err);
	if (st == ANNOT_OK)
	{
		for (a = 0; a < src->cats.n; a++)
			for (b = 0; b < src->cats.n; b++)
			{
				int64_t		c = src->counts[(size_t) a * src->cap + b];

				if (c != 0)
					dst->counts[(size_t) map[a] * dst->cap + map[b]] += c;
			}
		dst->n = n;
	}
	annot_free(map);
	return st;
}

annot_agree_pair *
annot_agree_pair_copy(const annot_agree_pair *src, annot_err *err)
{
	annot_agree_pair *s = annot_agree_pair_create(&src->params);

	if (s == NULL)
	{
		annot_fail(err, ANNOT_ENOMEM, -1, "No memory to copy a state.");
		return NULL;
	}
	if (annot_agree_pair_combine(s, src, err) != ANNOT_OK)
	{
		annot_agree_pair_free(s);
		return NULL;
	}
	return s;
}
