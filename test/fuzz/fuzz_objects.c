/*
 * fuzz_objects.c -- the object set check (behind binary input, aggregate
 * states and values read from disk) on arbitrary bytes, taken as the
 * stored form after its length word.  A set it accepts is matched against
 * itself both ways, and the rows must account for every detection once and
 * every non-crowd ground truth once.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/match.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_rows(const annot_objset *s, bool optimal)
{
	annot_match_opts o = {0.5, 0.1, optimal, true, NULL, 0};
	annot_match_row *rows;
	size_t		n;
	int		   *dseen,
			   *gseen;

	if (annot_match_sets(s, s, &o, &rows, &n, NULL) != ANNOT_OK)
		return;					/* e.g. masks of different sizes */
	dseen = calloc(s->n + 1, sizeof(int));
	gseen = calloc(s->n + 1, sizeof(int));
	for (size_t i = 0; i < n; i++)
	{
		if (rows[i].dt >= 0)
			dseen[rows[i].dt]++;
		if (rows[i].gt >= 0)
			gseen[rows[i].gt]++;
	}
	for (uint32_t i = 0; i < s->n; i++)
		if (dseen[i] != 1 ||
			gseen[i] != ((s->rec[i].flags & ANNOT_OBJ_CROWD) ? 0 : 1))
			abort();
	free(dseen);
	free(gseen);
	free(rows);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_objset *s = aligned_alloc(8, (size + 4 + 7) & ~(size_t) 7);
	annot_err	err;

	s->vl_len_ = (int32_t) ((size + 4) << 2);
	memcpy((uint8_t *) s + 4, data, size);
	annot_err_init(&err);
	if (annot_objset_check(s, size + 4, ANNOT_EBINARY, &err) == ANNOT_OK)
	{
		check_rows(s, false);
		check_rows(s, true);
	}
	else if (err.status == ANNOT_OK || err.detail[0] == '\0')
		abort();
	free(s);
	return 0;
}
