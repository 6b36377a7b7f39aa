/*
 * agree_dict.c -- key dictionaries of the agreement states: keys (64-bit
 * integers or byte strings with an optional numeric value) to dense ids in
 * order of first sight, by open addressing, a direct table for small
 * integers and a memo of the last key; and the order of keys, which fixes
 * the order every coefficient sums in.
 */
#include "agree_impl.h"

#include <math.h>
#include <string.h>

#include "hash.h"

void
annot_agree_dict_init(annot_agree_dict *d, uint32_t max)
{
	memset(d, 0, sizeof(*d));
	d->max = max;
}

void
annot_agree_dict_free(annot_agree_dict *d)
{
	annot_free(d->ikeys);
	annot_free(d->off);
	annot_free(d->len);
	annot_free(d->values);
	annot_free(d->slots);
	annot_free(d->direct);
	annot_free(d->arena);
	memset(d, 0, sizeof(*d));
}

/* The bytes of a key (the arena is NULL while every key is empty). */
static const char *
key_bytes(const annot_agree_dict *d, uint32_t id)
{
	return d->arena != NULL ? d->arena + d->off[id] : "";
}

static uint64_t
dict_hash_id(const annot_agree_dict *d, uint32_t id)
{
	if (d->kind == ANNOT_AGREE_KEY_INT)
		return annot_hash_fmix64((uint64_t) d->ikeys[id]);
	return annot_hash_bytes(key_bytes(d, id), d->len[id]);
}

/*
 * The same key: the same bytes and the same numeric value (none, or equal),
 * exactly when annot_agree_key_cmp says 0.  The glue derives the value from
 * the bytes, so the value only tells apart keys of a crafted state.
 */
static bool
dict_key_equal(const annot_agree_dict *d, uint32_t id, const annot_agree_key *key)
{
	double		v = d->values[id];

	if (d->kind == ANNOT_AGREE_KEY_INT)
		return d->ikeys[id] == key->i;
	if (isnan(v) != isnan(key->value) || (!isnan(v) && v != key->value))
		return false;
	return d->len[id] == key->len &&
		(key->len == 0 || memcmp(key_bytes(d, id), key->bytes, key->len) == 0);
}

/* Rebuild the slot table at twice the needed size. */
static annot_status
dict_rehash(annot_agree_dict *d, uint32_t nslots, annot_err *err)
{
	uint32_t   *slots = annot_alloc(sizeof(uint32_t) * (size_t) nslots);
	uint32_t	mask = nslots - 1;
	uint32_t	id;

	if (slots == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for the key table.");
	memset(slots, 0, sizeof(uint32_t) * (size_t) nslots);
	for (id = 0; id < d->n; id++)
	{
		uint32_t	i = (uint32_t) dict_hash_id(d, id) & mask;

		if ((id & 0xFFFF) == 0)
			annot_check_interrupts();
		while (slots[i] != 0)
			i = (i + 1) & mask;
		slots[i] = id + 1;
	}
	annot_free(d->slots);
	d->slots = slots;
	d->nslots = nslots;
	return ANNOT_OK;
}

/* Resize the per-id arrays to cap ids. */
annot_status
annot_agree_dict_arrays(annot_agree_dict *d, uint32_t cap, annot_err *err)
{
	double	   *v;

	if (d->kind == ANNOT_AGREE_KEY_INT)
	{
		int64_t    *k = annot_realloc(d->ikeys, sizeof(int64_t) * (size_t) cap);

		if (k == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for keys.");
		d->ikeys = k;
	}
	else
	{
		uint32_t   *o = annot_realloc(d->off, sizeof(uint32_t) * (size_t) cap);

		if (o == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for keys.");
		d->off = o;
		o = annot_realloc(d->len, sizeof(uint32_t) * (size_t) cap);
		if (o == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for keys.");
		d->len = o;
	}
	v = annot_realloc(d->values, sizeof(double) * (size_t) cap);
	if (v == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for keys.");
	d->values = v;
	d->cap = cap;
	return ANNOT_OK;
}

/* Size the arrays and slot table for n keys at once (no-op if large enough). */
annot_status
annot_agree_dict_reserve(annot_agree_dict *d, uint32_t n, annot_err *err)
{
	annot_status st;
	uint32_t	nslots = 16;

	if (n > d->max)
		n = d->max;
	if (n > d->cap && (st = annot_agree_dict_arrays(d, n, err)) != ANNOT_OK)
		return st;
	while ((uint64_t) nslots < (uint64_t) n * 2 && nslots < (UINT32_C(1) << 31))
		nslots *= 2;
	if (nslots > d->nslots)
		return dict_rehash(d, nslots, err);
	return ANNOT_OK;
}

/* Make room for one more id (doubling). */
static annot_status
dict_grow(annot_agree_dict *d, annot_err *err)
{
	uint32_t	cap = d->cap < 8 ? 8 : d->cap * 2;

	return annot_agree_dict_arrays(d, cap > d->max ? d->max : cap, err);
}

/* Store a key as id d->n in the arrays, without indexing it. */
annot_status
annot_agree_dict_store(annot_agree_dict *d, const annot_agree_key *key, annot_err *err)
{
	annot_status st;
	uint32_t	nid = d->n;

	if (d->n >= d->max)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "At most %u distinct values are supported here.",
						  (unsigned) d->max);
	if (d->n == d->cap && (st = dict_grow(d, err)) != ANNOT_OK)
		return st;
	if (d->kind == ANNOT_AGREE_KEY_INT)
	{
		d->ikeys[nid] = key->i;
		d->values[nid] = (double) key->i;
	}
	else
	{
		if (key->len > ANNOT_AGREE_MAX_KEYLEN)
			return annot_fail(err, ANNOT_ELIMIT, -1,
							  "A value is %u bytes long; at most %d bytes are supported.",
							  (unsigned) key->len, ANNOT_AGREE_MAX_KEYLEN);
		if (d->arena_len + key->len > UINT32_MAX)
			return annot_fail(err, ANNOT_ELIMIT, -1,
							  "The distinct values take more than 4 GB.");
		if (d->arena_len + key->len > d->arena_cap)
		{
			size_t		cap = d->arena_cap < 256 ? 256 : d->arena_cap * 2;
			char	   *a;

			while (cap < d->arena_len + key->len)
				cap *= 2;
			a = annot_realloc(d->arena, cap);
			if (a == NULL)
				return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for keys.");
			d->arena = a;
			d->arena_cap = cap;
		}
		if (key->len > 0)
			memcpy(d->arena + d->arena_len, key->bytes, key->len);
		d->off[nid] = (uint32_t) d->arena_len;
		d->len[nid] = key->len;
		d->arena_len += key->len;
		d->values[nid] = key->value;
	}
	d->n++;
	return ANNOT_OK;
}

/* Append a new key as id d->n; the caller has checked it is absent. */
static annot_status
dict_insert(annot_agree_dict *d, const annot_agree_key *key, uint32_t *id,
			annot_err *err)
{
	annot_status st;
	uint32_t	nid = d->n;

	if ((st = annot_agree_dict_store(d, key, err)) != ANNOT_OK)
		return st;
	/* keep the load factor at most 1/2 */
	if ((uint64_t) d->n * 2 > d->nslots)
	{
		if ((st = dict_rehash(d, d->nslots < 16 ? 16 : d->nslots * 2, err)) != ANNOT_OK)
			return st;
	}
	else
	{
		uint32_t	mask = d->nslots - 1;
		uint32_t	i = (uint32_t) dict_hash_id(d, nid) & mask;

		while (d->slots[i] != 0)
			i = (i + 1) & mask;
		d->slots[i] = nid + 1;
	}
	*id = nid;
	return ANNOT_OK;
}

/*
 * Index a dictionary stored without slots (a dense state): the slot table
 * and the direct table of small integers.  A repeated key keeps its first
 * id; later ids of it stay reachable by id only, which merges them.
 */
annot_status
annot_agree_dict_index(annot_agree_dict *d, annot_err *err)
{
	annot_status st;
	uint32_t	nslots = 16;
	uint32_t	id;

	while ((uint64_t) nslots < (uint64_t) d->n * 2 && nslots < (UINT32_C(1) << 31))
		nslots *= 2;
	if ((st = dict_rehash(d, nslots, err)) != ANNOT_OK)
		return st;
	if (d->kind != ANNOT_AGREE_KEY_INT)
		return ANNOT_OK;
	for (id = 0; id < d->n; id++)
	{
		int64_t		k = d->ikeys[id];

		if (k < 0 || k >= ANNOT_AGREE_DIRECT)
			continue;
		if (d->direct == NULL)
		{
			d->direct = annot_alloc(sizeof(uint32_t) * ANNOT_AGREE_DIRECT);
			if (d->direct == NULL)
				return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for keys.");
			memset(d->direct, 0, sizeof(uint32_t) * ANNOT_AGREE_DIRECT);
		}
		if (d->direct[k] == 0)
			d->direct[k] = id + 1;
	}
	return ANNOT_OK;
}

/* Set the kind of an empty dictionary; refuse a second kind. */
static annot_status
dict_kind(annot_agree_dict *d, annot_agree_keykind kind, annot_err *err)
{
	if (d->kind == kind)
		return ANNOT_OK;
	if (d->kind != ANNOT_AGREE_KEY_NONE || d->n != 0 ||
		(kind != ANNOT_AGREE_KEY_INT && kind != ANNOT_AGREE_KEY_BYTES))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Integer labels and labels of another type cannot meet in one agreement state.");
	d->kind = (uint8_t) kind;
	return ANNOT_OK;
}

annot_status
annot_agree_dict_id(annot_agree_dict *d, annot_agree_keykind kind,
					const annot_agree_key *key, uint32_t *id, annot_err *err)
{
	annot_status st;
	uint64_t	h;
	uint32_t	mask;
	uint32_t	i;

	if (d->kind != kind && (st = dict_kind(d, kind, err)) != ANNOT_OK)
		return st;

	/* small non-negative integers, the usual class ids, skip the hash */
	if (kind == ANNOT_AGREE_KEY_INT && key->i >= 0 && key->i < ANNOT_AGREE_DIRECT)
	{
		if (d->direct == NULL)
		{
			d->direct = annot_alloc(sizeof(uint32_t) * ANNOT_AGREE_DIRECT);
			if (d->direct == NULL)
				return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for keys.");
			memset(d->direct, 0, sizeof(uint32_t) * ANNOT_AGREE_DIRECT);
		}
		if (d->direct[key->i] != 0)
		{
			*id = d->direct[key->i] - 1;
			return ANNOT_OK;
		}
		if ((st = dict_insert(d, key, id, err)) != ANNOT_OK)
			return st;
		d->direct[key->i] = *id + 1;
		return ANNOT_OK;
	}

	/* ratings of one item usually arrive together */
	if (d->have_last && dict_key_equal(d, d->last_id, key))
	{
		*id = d->last_id;
		return ANNOT_OK;
	}

	if (d->nslots > 0)
	{
		h = kind == ANNOT_AGREE_KEY_INT ? annot_hash_fmix64((uint64_t) key->i)
			: annot_hash_bytes(key->bytes, key->len);
		mask = d->nslots - 1;
		for (i = (uint32_t) h & mask; d->slots[i] != 0; i = (i + 1) & mask)
		{
			if (dict_key_equal(d, d->slots[i] - 1, key))
			{
				*id = d->slots[i] - 1;
				d->last_id = *id;
				d->have_last = true;
				return ANNOT_OK;
			}
		}
	}
	if ((st = dict_insert(d, key, id, err)) != ANNOT_OK)
		return st;
	d->last_id = *id;
	d->have_last = true;
	return ANNOT_OK;
}

void
annot_agree_dict_key(const annot_agree_dict *d, uint32_t id, int64_t *i,
					 const char **bytes, uint32_t *len)
{
	if (d->kind == ANNOT_AGREE_KEY_INT)
	{
		*i = d->ikeys[id];
		*bytes = NULL;
		*len = 0;
	}
	else
	{
		*i = 0;
		*bytes = key_bytes(d, id);
		*len = d->len[id];
	}
}

/* The key of id as an annot_agree_key. */
void
annot_agree_dict_get(const annot_agree_dict *d, uint32_t id, annot_agree_key *k)
{
	annot_agree_dict_key(d, id, &k->i, &k->bytes, &k->len);
	k->value = d->values[id];
}

typedef struct order_entry
{
	double		value;
	const char *bytes;
	uint32_t	len;
	uint32_t	id;
	bool		numeric;
} order_entry;

/* Numbers first by value; the rest by bytes, a shorter prefix first. */
static int
entry_cmp(const order_entry *a, const order_entry *b)
{
	uint32_t	n;
	int			c;

	if (a->numeric && b->numeric && a->value != b->value)
		return a->value < b->value ? -1 : 1;
	if (a->numeric != b->numeric)
		return a->numeric ? -1 : 1;
	n = a->len < b->len ? a->len : b->len;
	c = n > 0 ? memcmp(a->bytes, b->bytes, n) : 0;
	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return 0;
}

/* Order of byte keys, a repeated key (dense dictionary) by id. */
static int
order_cmp(const order_entry *a, const order_entry *b)
{
	int			c = entry_cmp(a, b);

	if (c != 0)
		return c;
	return a->id < b->id ? -1 : (a->id > b->id);
}

static void
entry_of(const annot_agree_dict *d, uint32_t id, order_entry *e)
{
	e->value = d->values[id];
	e->numeric = !isnan(d->values[id]);
	e->bytes = key_bytes(d, id);
	e->len = d->len[id];
	e->id = id;
}

/*
 * Bottom-up merge sort of byte-key entries (tmp holds n): stable, n log n
 * comparisons at worst, and a cancel is seen between runs.
 */
static void
sort_entries(order_entry *e, order_entry *tmp, uint32_t n)
{
	uint64_t	width;
	order_entry *from = e;
	order_entry *to = tmp;

	for (width = 1; width < n; width *= 2)
	{
		uint64_t	lo;

		for (lo = 0; lo < n; lo += 2 * width)
		{
			uint64_t	mid = lo + width < n ? lo + width : n;
			uint64_t	hi = lo + 2 * width < n ? lo + 2 * width : n;
			uint64_t	i = lo;
			uint64_t	j = mid;
			uint64_t	k = lo;

			if ((lo & 0xFFFF) < 2 * width)
				annot_check_interrupts();
			while (i < mid && j < hi)
				to[k++] = order_cmp(&from[j], &from[i]) < 0 ? from[j++] : from[i++];
			while (i < mid)
				to[k++] = from[i++];
			while (j < hi)
				to[k++] = from[j++];
		}
		from = to;
		to = to == e ? tmp : e;
	}
	if (from != e)
		memcpy(e, from, sizeof(order_entry) * (size_t) n);
}

typedef struct int_entry
{
	uint64_t	key;			/* the key with its sign bit flipped */
	uint32_t	id;
} int_entry;

/*
 * Integer keys: a least-significant-digit radix sort, 16 bits a pass,
 * linear and stable (ids stay in order among equal keys); passes whose
 * digit is the same for every key are skipped.
 */
static void
dict_order_int(const annot_agree_dict *d, uint32_t *out)
{
	int_entry  *e = annot_alloc(sizeof(int_entry) * (size_t) d->n);
	int_entry  *t = annot_alloc(sizeof(int_entry) * (size_t) d->n);
	uint64_t   *count = annot_alloc(sizeof(uint64_t) * 65536);
	uint32_t	id;
	int			shift;

	if (e == NULL || t == NULL || count == NULL)
	{
		for (id = 0; id < d->n; id++)
			out[id] = id;
		goto done;
	}
	for (id = 0; id < d->n; id++)
	{
		e[id].key = (uint64_t) d->ikeys[id] ^ (UINT64_C(1) << 63);
		e[id].id = id;
	}
	for (shift = 0; shift < 64; shift += 16)
	{
		uint64_t	sum = 0;
		int_entry  *x;
		uint32_t	k;

		annot_check_interrupts();
		memset(count, 0, sizeof(uint64_t) * 65536);
		for (id = 0; id < d->n; id++)
			count[(e[id].key >> shift) & 0xFFFF]++;
		if (count[(e[0].key >> shift) & 0xFFFF] == d->n)
			continue;
		for (k = 0; k < 65536; k++)
		{
			uint64_t	c = count[k];

			count[k] = sum;
			sum += c;
		}
		annot_check_interrupts();
		for (id = 0; id < d->n; id++)
			t[count[(e[id].key >> shift) & 0xFFFF]++] = e[id];
		x = e;
		e = t;
		t = x;
	}
	for (id = 0; id < d->n; id++)
		out[id] = e[id].id;
done:
	annot_free(e);
	annot_free(t);
	annot_free(count);
}

void
annot_agree_dict_order(const annot_agree_dict *d, uint32_t *out)
{
	order_entry *e;
	order_entry *tmp;
	uint32_t	id;

	if (d->n == 0)
		return;
	if (d->kind == ANNOT_AGREE_KEY_INT)
	{
		dict_order_int(d, out);
		return;
	}
	e = annot_alloc(sizeof(order_entry) * (size_t) d->n);
	tmp = annot_alloc(sizeof(order_entry) * (size_t) d->n);
	if (e == NULL || tmp == NULL)
	{
		for (id = 0; id < d->n; id++)
			out[id] = id;
		annot_free(e);
		annot_free(tmp);
		return;
	}
	for (id = 0; id < d->n; id++)
		entry_of(d, id, &e[id]);
	sort_entries(e, tmp, d->n);
	for (id = 0; id < d->n; id++)
		out[id] = e[id].id;
	annot_free(e);
	annot_free(tmp);
}

int
annot_agree_key_cmp(const annot_agree_dict *a, uint32_t ia,
					const annot_agree_dict *b, uint32_t ib)
{
	order_entry ea;
	order_entry eb;

	if (a->kind == ANNOT_AGREE_KEY_INT)
		return a->ikeys[ia] < b->ikeys[ib] ? -1 : (a->ikeys[ia] > b->ikeys[ib]);
	entry_of(a, ia, &ea);
	entry_of(b, ib, &eb);
	return entry_cmp(&ea, &eb);
}
