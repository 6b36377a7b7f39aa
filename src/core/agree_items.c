/*
 * agree_items.c -- the item state of Fleiss' kappa, Gwet's AC1/AC2,
 * percent agreement and Krippendorff's alpha: one rating per row, tallied
 * per (item, category) in an open-addressing table.
 *
 * Sorting brings a state into the form the coefficients read and the wire
 * carries: items and categories in key order, the tallies grouped by item
 * in category order.  Sorted states merge by one linear walk, which is how
 * the states of parallel workers and stored states come together: combine
 * only defers them, and annot_agree_items_prepare merges them pairwise.
 * Whatever the split, the sorted form of the same ratings is the same, so
 * every coefficient sums in the same order: results are bit-identical.
 */
#include "agree_impl.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"

annot_agree_items *
annot_agree_items_create(const annot_agree_params *params)
{
	annot_agree_items *s = annot_alloc(sizeof(annot_agree_items));

	if (s == NULL)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->params = *params;
	annot_agree_dict_init(&s->items, ANNOT_AGREE_MAX_ITEMS);
	annot_agree_dict_init(&s->cats, ANNOT_AGREE_ITEM_MAX_CATEGORIES);
	return s;
}

void
annot_agree_items_free(annot_agree_items *s)
{
	uint32_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->npending; i++)
		annot_agree_items_free(s->pending[i]);
	annot_free(s->pending);
	annot_agree_dict_free(&s->items);
	annot_agree_dict_free(&s->cats);
	annot_free(s->cells);
	annot_free(s);
}

/* Resize the cell table to cap slots (a power of two). */
static annot_status
cells_resize(annot_agree_items *s, uint64_t cap, annot_err *err)
{
	annot_agree_cell *cells;
	uint64_t	mask = cap - 1;
	uint64_t	seed;
	uint64_t	i;

	if (cap > (SIZE_MAX / sizeof(annot_agree_cell)))
		return annot_fail(err, ANNOT_ELIMIT, -1, "Too many item-category pairs.");
	cells = annot_alloc(sizeof(annot_agree_cell) * (size_t) cap);
	if (cells == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for item tallies.");
	/* all ones: every key ANNOT_AGREE_NOCELL (counts are set on insertion) */
	memset(cells, 0xFF, sizeof(annot_agree_cell) * (size_t) cap);

	/*
	 * A fresh seed per table: copying one linear-probing table into another
	 * in slot order with the same hash would pile the keys into long runs.
	 */
	seed = annot_hash_fmix64((uint64_t) (uintptr_t) cells ^ cap);
	for (i = 0; i < s->cellcap; i++)
	{
		uint64_t	k = s->cells[i].key;
		uint64_t	j;

		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		if (k == ANNOT_AGREE_NOCELL)
			continue;
		for (j = annot_hash_fmix64(k ^ seed) & mask; cells[j].key != ANNOT_AGREE_NOCELL; j = (j + 1) & mask)
			;
		cells[j] = s->cells[i];
	}
	annot_free(s->cells);
	s->cells = cells;
	s->cellcap = cap;
	s->seed = seed;
	return ANNOT_OK;
}

/* Size the cell table for n cells at the load factor limit of 7/10. */
static annot_status
cells_reserve(annot_agree_items *s, uint64_t n, annot_err *err)
{
	uint64_t	cap = 64;

	while (cap * 7 < n * 10 + 10)
		cap *= 2;
	if (cap <= s->cellcap)
		return ANNOT_OK;
	return cells_resize(s, cap, err);
}

/* The slot of cell key k, inserting it (count 0) when absent. */
static annot_status
cell_slot(annot_agree_items *s, uint64_t k, uint64_t *slot, bool *fresh,
		  annot_err *err)
{
	annot_status st;
	uint64_t	mask;
	uint64_t	j;

	if ((s->ncells + 1) * 10 > s->cellcap * 7 &&
		(st = cells_resize(s, s->cellcap < 64 ? 64 : s->cellcap * 2, err)) != ANNOT_OK)
		return st;
	mask = s->cellcap - 1;
	for (j = annot_hash_fmix64(k ^ s->seed) & mask; s->cells[j].key != ANNOT_AGREE_NOCELL; j = (j + 1) & mask)
		if (s->cells[j].key == k)
		{
			*slot = j;
			*fresh = false;
			return ANNOT_OK;
		}
	s->cells[j].key = k;
	s->cells[j].count = 0;
	s->ncells++;
	*slot = j;
	*fresh = true;
	return ANNOT_OK;
}

/* Index a dense state so that keys and tallies can be looked up. */
static annot_status
items_index(annot_agree_items *s, annot_err *err)
{
	annot_status st;
	uint64_t	cap = 64;

	if (s->form == ANNOT_AGREE_HASHED)
		return ANNOT_OK;
	if ((st = annot_agree_dict_index(&s->items, err)) != ANNOT_OK ||
		(st = annot_agree_dict_index(&s->cats, err)) != ANNOT_OK)
		return st;
	while (cap * 7 < s->ncells * 10 + 10)
		cap *= 2;
	/* rehashing walks the old array: every entry of a dense one is a tally */
	if ((st = cells_resize(s, cap, err)) != ANNOT_OK)
		return st;
	s->form = ANNOT_AGREE_HASHED;
	return ANNOT_OK;
}

annot_status
annot_agree_items_add(annot_agree_items *s, annot_agree_keykind item_kind,
					  const annot_agree_key *item,
					  annot_agree_keykind label_kind,
					  const annot_agree_key *label, annot_err *err)
{
	annot_status st;
	uint32_t	it;
	uint32_t	c;
	uint64_t	slot;
	bool		fresh;

	annot_err_about(err, "agreement aggregate", NULL);
	if (s->form != ANNOT_AGREE_HASHED && (st = items_index(s, err)) != ANNOT_OK)
		return st;
	if ((st = annot_agree_dict_id(&s->items, item_kind, item, &it, err)) != ANNOT_OK ||
		(st = annot_agree_dict_id(&s->cats, label_kind, label, &c, err)) != ANNOT_OK ||
		(st = cell_slot(s, ((uint64_t) it << 32) | c, &slot, &fresh, err)) != ANNOT_OK)
		return st;
	s->cells[slot].count++;
	/* rows may stream in without the executor checking for a cancel */
	if ((++s->n & 0xFFFF) == 0)
		annot_check_interrupts();
	return ANNOT_OK;
}

annot_status
annot_agree_items_combine(annot_agree_items *dst, const annot_agree_items *src,
						  annot_err *err)
{
	annot_status st = ANNOT_OK;
	uint32_t   *imap = NULL;
	uint32_t   *cmap = NULL;
	uint32_t	i;
	uint64_t	j;
	int64_t		n;

	if (!annot_agree_params_equal(&dst->params, &src->params))
		return annot_agree_params_differ(err);
	if (src->n == 0)
		return ANNOT_OK;
	if (__builtin_add_overflow(dst->n, src->n, &n))
		return annot_fail(err, ANNOT_ERANGE, -1, "Too many ratings.");
	annot_err_about(err, "agreement aggregate", NULL);
	if (dst->form != ANNOT_AGREE_HASHED && (st = items_index(dst, err)) != ANNOT_OK)
		return st;
	/* the states src holds for later come along; src->n counts them */
	for (i = 0; i < src->npending && st == ANNOT_OK; i++)
	{
		int64_t		before = dst->n;

		st = annot_agree_items_combine(dst, src->pending[i], err);
		dst->n = before;
	}
	if (st != ANNOT_OK)
		return st;
	imap = annot_alloc(sizeof(uint32_t) * ((size_t) src->items.n + 1));
	cmap = annot_alloc(sizeof(uint32_t) * ((size_t) src->cats.n + 1));
	if (imap == NULL || cmap == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory to combine states.");
		goto done;
	}
	if (dst->items.kind == ANNOT_AGREE_KEY_NONE)
		dst->items.kind = src->items.kind;
	if (dst->items.kind == src->items.kind &&
		(st = annot_agree_dict_reserve(&dst->items, (uint32_t) ((uint64_t) dst->items.n + src->items.n > UINT32_MAX ? UINT32_MAX : dst->items.n + src->items.n), err)) != ANNOT_OK)
		goto done;
	if ((st = cells_reserve(dst, dst->ncells + src->ncells, err)) != ANNOT_OK)
		goto done;
	for (i = 0; i < src->items.n && st == ANNOT_OK; i++)
	{
		annot_agree_key k;

		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		annot_agree_dict_get(&src->items, i, &k);
		st = annot_agree_dict_id(&dst->items, (annot_agree_keykind) src->items.kind,
								 &k, &imap[i], err);
	}
	for (i = 0; i < src->cats.n && st == ANNOT_OK; i++)
	{
		annot_agree_key k;

		annot_agree_dict_get(&src->cats, i, &k);
		st = annot_agree_dict_id(&dst->cats, (annot_agree_keykind) src->cats.kind,
								 &k, &cmap[i], err);
	}
	for (j = 0; j < src->cellcap && st == ANNOT_OK; j++)
	{
		uint64_t	k = src->cells[j].key;
		uint64_t	slot;
		bool		fresh;

		if (k == ANNOT_AGREE_NOCELL)
			continue;
		if ((j & 0xFFFF) == 0)
			annot_check_interrupts();
		st = cell_slot(dst, ((uint64_t) imap[k >> 32] << 32) | cmap[k & 0xFFFFFFFF],
					   &slot, &fresh, err);
		if (st == ANNOT_OK)
			dst->cells[slot].count += src->cells[j].count;
	}
	if (st == ANNOT_OK)
		dst->n = n;
done:
	annot_free(imap);
	annot_free(cmap);
	return st;
}

annot_agree_items *
annot_agree_items_copy(const annot_agree_items *src, annot_err *err)
{
	annot_agree_items *s = annot_agree_items_create(&src->params);

	if (s == NULL)
	{
		annot_fail(err, ANNOT_ENOMEM, -1, "No memory to copy a state.");
		return NULL;
	}
	if (annot_agree_items_combine(s, src, err) != ANNOT_OK)
	{
		annot_agree_items_free(s);
		return NULL;
	}
	return s;
}


annot_status
annot_agree_items_defer(annot_agree_items *dst, annot_agree_items *src,
						annot_err *err)
{
	int64_t		n;
	uint32_t	need;
	uint32_t	i;

	if (!annot_agree_params_equal(&dst->params, &src->params))
		return annot_agree_params_differ(err);
	if (__builtin_add_overflow(dst->n, src->n, &n))
		return annot_fail(err, ANNOT_ERANGE, -1, "Too many ratings.");
	need = dst->npending + 1 + src->npending;
	if (need > dst->pendcap)
	{
		uint32_t	cap = need < 8 ? 8 : need * 2;
		annot_agree_items **p = annot_realloc(dst->pending,
											  sizeof(annot_agree_items *) * cap);

		if (p == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "No memory to combine states.");
		dst->pending = p;
		dst->pendcap = cap;
	}
	/* keep the list flat: src's own deferred states move over too */
	for (i = 0; i < src->npending; i++)
	{
		src->n -= src->pending[i]->n;
		dst->pending[dst->npending++] = src->pending[i];
	}
	src->npending = 0;
	dst->pending[dst->npending++] = src;
	dst->n = n;
	return ANNOT_OK;
}
/* ---------------------------------------------------------------------
 * The sorted form
 * --------------------------------------------------------------------- */

/*
 * Ranks of the ids of d in key order, a repeated key (a dense dictionary)
 * sharing its rank; order receives the ids in key order and *distinct the
 * number of distinct keys.
 */
static void
dict_ranks(const annot_agree_dict *d, uint32_t *order, uint32_t *rank,
		   uint32_t *distinct)
{
	uint32_t	r = 0;
	uint32_t	i;

	annot_agree_dict_order(d, order);
	for (i = 0; i < d->n; i++)
	{
		if (i > 0 && annot_agree_key_cmp(d, order[i - 1], d, order[i]) != 0)
			r++;
		rank[order[i]] = r;
	}
	*distinct = d->n > 0 ? r + 1 : 0;
}

/* A dictionary of the distinct keys of d in key order. */
static annot_status
dict_sorted(const annot_agree_dict *d, const uint32_t *order,
			const uint32_t *rank, uint32_t distinct, annot_agree_dict *out,
			annot_err *err)
{
	annot_status st;
	uint32_t	i;

	annot_agree_dict_init(out, d->max);
	out->kind = d->kind;
	if (distinct > 0 && (st = annot_agree_dict_arrays(out, distinct, err)) != ANNOT_OK)
		return st;
	for (i = 0; i < d->n; i++)
	{
		annot_agree_key k;

		if (i > 0 && rank[order[i]] == rank[order[i - 1]])
			continue;
		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		annot_agree_dict_get(d, order[i], &k);
		if ((st = annot_agree_dict_store(out, &k, err)) != ANNOT_OK)
			return st;
	}
	return ANNOT_OK;
}

static int
cell_cmp(const void *pa, const void *pb)
{
	uint64_t	a = ((const annot_agree_cell *) pa)->key;
	uint64_t	b = ((const annot_agree_cell *) pb)->key;

	return a < b ? -1 : (a > b);
}

/* Sort the cells of one item by key, adding up repeats; returns the count left. */
static uint64_t
run_sort(annot_agree_cell *c, uint64_t n)
{
	uint64_t	i;
	uint64_t	w;

	if (n > 16)
		qsort(c, n, sizeof(annot_agree_cell), cell_cmp);
	else
		for (i = 1; i < n; i++)
		{
			annot_agree_cell x = c[i];
			uint64_t	j = i;

			while (j > 0 && c[j - 1].key > x.key)
			{
				c[j] = c[j - 1];
				j--;
			}
			c[j] = x;
		}
	for (i = 0, w = 0; i < n; i++)
	{
		if (w > 0 && c[w - 1].key == c[i].key)
			c[w - 1].count += c[i].count;
		else
			c[w++] = c[i];
	}
	return w;
}

/*
 * Sort the own tallies of s: both dictionaries rebuilt in key order with
 * repeated keys made one, the cells grouped by item (a counting sort) and
 * within an item by category, repeats added up.
 */
static annot_status
items_sort(annot_agree_items *s, annot_err *err)
{
	annot_status st = ANNOT_OK;
	uint32_t	ni = s->items.n;
	uint32_t	nc = s->cats.n;
	uint32_t   *iorder = annot_alloc(sizeof(uint32_t) * ((size_t) ni + 1));
	uint32_t   *irank = annot_alloc(sizeof(uint32_t) * ((size_t) ni + 1));
	uint32_t   *corder = annot_alloc(sizeof(uint32_t) * ((size_t) nc + 1));
	uint32_t   *crank = annot_alloc(sizeof(uint32_t) * ((size_t) nc + 1));
	uint64_t   *start = NULL;
	annot_agree_cell *out = NULL;
	annot_agree_dict items;
	annot_agree_dict cats;
	uint32_t	di = 0;
	uint32_t	dc = 0;
	uint64_t	j;
	uint64_t	w = 0;
	uint32_t	i;

	annot_agree_dict_init(&items, s->items.max);
	annot_agree_dict_init(&cats, s->cats.max);
	if (iorder == NULL || irank == NULL || corder == NULL || crank == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory to sort item tallies.");
		goto done;
	}
	dict_ranks(&s->items, iorder, irank, &di);
	dict_ranks(&s->cats, corder, crank, &dc);
	start = annot_alloc(sizeof(uint64_t) * ((size_t) di + 2));
	out = annot_alloc(sizeof(annot_agree_cell) * ((size_t) s->ncells + 1));
	if (start == NULL || out == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory to sort item tallies.");
		goto done;
	}

	/* counting sort by item rank */
	memset(start, 0, sizeof(uint64_t) * ((size_t) di + 2));
	for (j = 0; j < s->cellcap; j++)
		if (s->cells[j].key != ANNOT_AGREE_NOCELL)
			start[irank[s->cells[j].key >> 32] + 2]++;
	for (i = 0; i < di; i++)
		start[i + 2] += start[i + 1];
	for (j = 0; j < s->cellcap; j++)
	{
		uint64_t	k = s->cells[j].key;
		uint32_t	it;

		if (k == ANNOT_AGREE_NOCELL)
			continue;
		if ((j & 0xFFFF) == 0)
			annot_check_interrupts();
		it = irank[k >> 32];
		out[start[it + 1]].key = ((uint64_t) it << 32) | crank[k & 0xFFFFFFFF];
		out[start[it + 1]].count = s->cells[j].count;
		start[it + 1]++;
	}

	/* within each item by category, repeats added up, packed to the front */
	for (i = 0, j = 0; i < di; i++)
	{
		uint64_t	len = start[i + 1] - j;
		uint64_t	kept;

		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		kept = run_sort(out + j, len);
		if (w != j)
			memmove(out + w, out + j, sizeof(annot_agree_cell) * kept);
		w += kept;
		j += len;
	}

	if ((st = dict_sorted(&s->items, iorder, irank, di, &items, err)) != ANNOT_OK ||
		(st = dict_sorted(&s->cats, corder, crank, dc, &cats, err)) != ANNOT_OK)
		goto done;
	annot_agree_dict_free(&s->items);
	annot_agree_dict_free(&s->cats);
	s->items = items;
	s->cats = cats;
	annot_agree_dict_init(&items, 0);
	annot_agree_dict_init(&cats, 0);
	annot_free(s->cells);
	s->cells = out;
	out = NULL;
	s->ncells = s->cellcap = w;
	s->form = ANNOT_AGREE_SORTED;
done:
	annot_agree_dict_free(&items);
	annot_agree_dict_free(&cats);
	annot_free(iorder);
	annot_free(irank);
	annot_free(corder);
	annot_free(crank);
	annot_free(start);
	annot_free(out);
	return st;
}

/*
 * Merge the sorted dictionaries a and b into out (sorted), mapping their
 * ids; maps are monotone, so runs stay in order through them.
 */
static annot_status
dict_merge(const annot_agree_dict *a, const annot_agree_dict *b,
		   annot_agree_dict *out, uint32_t *amap, uint32_t *bmap,
		   annot_err *err)
{
	annot_status st;
	uint32_t	i = 0;
	uint32_t	j = 0;
	uint64_t	most = (uint64_t) a->n + b->n;

	if (a->n > 0 && b->n > 0 && a->kind != b->kind)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Integer labels and labels of another type cannot meet in one agreement state.");
	out->kind = a->n > 0 ? a->kind : b->kind;
	if (most > out->max)
		most = out->max;
	if (most > 0 && (st = annot_agree_dict_arrays(out, (uint32_t) most, err)) != ANNOT_OK)
		return st;
	while (i < a->n || j < b->n)
	{
		int			c;
		annot_agree_key k;

		if ((out->n & 0xFFFF) == 0)
			annot_check_interrupts();
		if (i == a->n)
			c = 1;
		else if (j == b->n)
			c = -1;
		else
			c = annot_agree_key_cmp(a, i, b, j);
		if (c <= 0)
			annot_agree_dict_get(a, i, &k);
		else
			annot_agree_dict_get(b, j, &k);
		if (c <= 0)
			amap[i++] = out->n;
		if (c >= 0)
			bmap[j++] = out->n;
		if ((st = annot_agree_dict_store(out, &k, err)) != ANNOT_OK)
			return st;
	}
	return ANNOT_OK;
}

/* The cells of a sorted state from position *pos while they belong to item. */
static uint64_t
run_end(const annot_agree_items *s, uint64_t pos, uint32_t item)
{
	while (pos < s->ncells && (uint32_t) (s->cells[pos].key >> 32) == item)
		pos++;
	return pos;
}

/* Merge the sorted states a and b into a new sorted state *out. */
static annot_status
items_merge(const annot_agree_items *a, const annot_agree_items *b,
			annot_agree_items **out, annot_err *err)
{
	annot_status st;
	annot_agree_items *m;
	uint32_t   *aimap = annot_alloc(sizeof(uint32_t) * ((size_t) a->items.n + 1));
	uint32_t   *bimap = annot_alloc(sizeof(uint32_t) * ((size_t) b->items.n + 1));
	uint32_t   *acmap = annot_alloc(sizeof(uint32_t) * ((size_t) a->cats.n + 1));
	uint32_t   *bcmap = annot_alloc(sizeof(uint32_t) * ((size_t) b->cats.n + 1));
	uint64_t	pa = 0;
	uint64_t	pb = 0;
	uint64_t	w = 0;
	uint32_t	i;
	int64_t		n;

	*out = NULL;
	m = annot_agree_items_create(&a->params);
	if (m == NULL || aimap == NULL || bimap == NULL || acmap == NULL || bcmap == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory to merge states.");
		goto done;
	}
	if (__builtin_add_overflow(a->n, b->n, &n))
	{
		st = annot_fail(err, ANNOT_ERANGE, -1, "Too many ratings.");
		goto done;
	}
	if ((st = dict_merge(&a->cats, &b->cats, &m->cats, acmap, bcmap, err)) != ANNOT_OK ||
		(st = dict_merge(&a->items, &b->items, &m->items, aimap, bimap, err)) != ANNOT_OK)
		goto done;
	m->cells = annot_alloc(sizeof(annot_agree_cell) * ((size_t) a->ncells + b->ncells + 1));
	if (m->cells == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory to merge states.");
		goto done;
	}

	/*
	 * Items in merged order: a's and b's ids map to increasing merged ids,
	 * so each state's runs are taken in turn, and an item both hold has its
	 * two runs merged by category.
	 */
	for (i = 0; i < m->items.n; i++)
	{
		bool		ina = pa < a->ncells && aimap[a->cells[pa].key >> 32] == i;
		bool		inb = pb < b->ncells && bimap[b->cells[pb].key >> 32] == i;
		uint64_t	ea = ina ? run_end(a, pa, (uint32_t) (a->cells[pa].key >> 32)) : pa;
		uint64_t	eb = inb ? run_end(b, pb, (uint32_t) (b->cells[pb].key >> 32)) : pb;

		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		while (pa < ea || pb < eb)
		{
			uint32_t	ca = pa < ea ? acmap[a->cells[pa].key & 0xFFFFFFFF] : UINT32_MAX;
			uint32_t	cb = pb < eb ? bcmap[b->cells[pb].key & 0xFFFFFFFF] : UINT32_MAX;
			int64_t		cnt = 0;

			if (ca <= cb)
				cnt += a->cells[pa++].count;
			if (cb <= ca)
				cnt += b->cells[pb++].count;
			m->cells[w].key = ((uint64_t) i << 32) | (ca < cb ? ca : cb);
			m->cells[w].count = cnt;
			w++;
		}
	}
	m->ncells = m->cellcap = w;
	m->n = n;
	m->form = ANNOT_AGREE_SORTED;
	*out = m;
	m = NULL;
	st = ANNOT_OK;
done:
	annot_agree_items_free(m);
	annot_free(aimap);
	annot_free(bimap);
	annot_free(acmap);
	annot_free(bcmap);
	return st;
}

/* Move the dictionaries and tallies of src (emptied) into the empty dst. */
static void
move_tallies(annot_agree_items *dst, annot_agree_items *src)
{
	dst->items = src->items;
	dst->cats = src->cats;
	dst->cells = src->cells;
	dst->ncells = src->ncells;
	dst->cellcap = src->cellcap;
	dst->form = src->form;
	annot_agree_dict_init(&src->items, ANNOT_AGREE_MAX_ITEMS);
	annot_agree_dict_init(&src->cats, ANNOT_AGREE_ITEM_MAX_CATEGORIES);
	src->cells = NULL;
	src->ncells = src->cellcap = 0;
	src->form = ANNOT_AGREE_HASHED;
}

annot_status
annot_agree_items_prepare(annot_agree_items *s, annot_err *err)
{
	annot_status st = ANNOT_OK;
	annot_agree_items **list;
	annot_agree_items *own;
	uint32_t	count;
	uint32_t	i;
	int64_t		total = s->n;

	if (annot_agree_items_ready(s))
		return ANNOT_OK;
	annot_err_about(err, "agreement aggregate", NULL);
	for (i = 0; i < s->npending && st == ANNOT_OK; i++)
		if (s->pending[i]->form != ANNOT_AGREE_SORTED)
			st = items_sort(s->pending[i], err);
	if (st == ANNOT_OK && s->form != ANNOT_AGREE_SORTED)
		st = items_sort(s, err);
	if (st != ANNOT_OK || s->npending == 0)
		return st;

	/* the own tallies move to a state of their own, merged like the others */
	own = annot_agree_items_create(&s->params);
	if (own == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory to merge states.");
	move_tallies(own, s);
	own->n = s->n;
	for (i = 0; i < s->npending; i++)
		own->n -= s->pending[i]->n;

	/* pairwise rounds: every tally is copied about log2(states) times */
	count = s->npending + 1;
	list = annot_alloc(sizeof(annot_agree_items *) * count);
	if (list == NULL)
	{
		annot_agree_items_free(own);
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory to merge states.");
	}
	list[0] = own;
	memcpy(list + 1, s->pending, sizeof(annot_agree_items *) * s->npending);
	annot_free(s->pending);
	s->pending = NULL;
	s->npending = 0;
	s->pendcap = 0;
	while (count > 1 && st == ANNOT_OK)
	{
		uint32_t	half = 0;

		for (i = 0; i < count && st == ANNOT_OK; i += 2)
		{
			annot_agree_items *m = list[i];

			if (i + 1 < count)
			{
				st = items_merge(list[i], list[i + 1], &m, err);
				if (st != ANNOT_OK)
					break;
				annot_agree_items_free(list[i]);
				annot_agree_items_free(list[i + 1]);
				list[i + 1] = NULL;
			}
			list[i] = NULL;
			list[half++] = m;	/* half <= i: a slot already taken */
		}
		if (st == ANNOT_OK)
			count = half;
	}
	if (st != ANNOT_OK)
	{
		for (i = 0; i < count; i++)
			annot_agree_items_free(list[i]);
		annot_free(list);
		return st;
	}
	own = list[0];
	annot_free(list);
	if (own->n != total)
	{
		annot_agree_items_free(own);
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "Rating counts changed while merging states.");
	}
	move_tallies(s, own);
	annot_agree_items_free(own);
	return ANNOT_OK;
}
