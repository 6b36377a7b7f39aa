/*
 * agree_state.c -- the agreement aggregate states: key dictionaries, the
 * pair state (rating pairs) and the item state (per-item tallies), with
 * their add, combine, copy, serialize and deserialize operations.  The wire
 * format is described in FORMAT.md ("Agreement aggregate states").
 */
#include "agree.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "hash.h"

#define PAIR_MAGIC0 'A'
#define PAIR_MAGIC1 'P'
#define ITEMS_MAGIC0 'A'
#define ITEMS_MAGIC1 'I'
#define STATE_VERSION 1

/* ---------------------------------------------------------------------
 * Dictionaries
 * --------------------------------------------------------------------- */

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

static bool
dict_key_equal(const annot_agree_dict *d, uint32_t id, const annot_agree_key *key)
{
	if (d->kind == ANNOT_AGREE_KEY_INT)
		return d->ikeys[id] == key->i;
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
static annot_status
dict_arrays(annot_agree_dict *d, uint32_t cap, annot_err *err)
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
static annot_status
dict_reserve(annot_agree_dict *d, uint32_t n, annot_err *err)
{
	annot_status st;
	uint32_t	nslots = 16;

	if (n > d->max)
		n = d->max;
	if (n > d->cap && (st = dict_arrays(d, n, err)) != ANNOT_OK)
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

	return dict_arrays(d, cap > d->max ? d->max : cap, err);
}

/* Store a key as id d->n in the arrays, without indexing it. */
static annot_status
dict_store(annot_agree_dict *d, const annot_agree_key *key, annot_err *err)
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

	if ((st = dict_store(d, key, err)) != ANNOT_OK)
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
static annot_status
dict_index(annot_agree_dict *d, annot_err *err)
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

annot_status
annot_agree_dict_id(annot_agree_dict *d, annot_agree_keykind kind,
					const annot_agree_key *key, uint32_t *id, annot_err *err)
{
	annot_status st;
	uint64_t	h;
	uint32_t	mask;
	uint32_t	i;

	if (d->kind != kind)
	{
		if (d->kind != ANNOT_AGREE_KEY_NONE || d->n != 0 ||
			(kind != ANNOT_AGREE_KEY_INT && kind != ANNOT_AGREE_KEY_BYTES))
			return annot_fail(err, ANNOT_ECORRUPT, -1,
							  "Keys of two different kinds met in one agreement state.");
		d->kind = (uint8_t) kind;
	}

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
static void
dict_get_key(const annot_agree_dict *d, uint32_t id, annot_agree_key *k)
{
	annot_agree_dict_key(d, id, &k->i, &k->bytes, &k->len);
	k->value = d->values[id];
}

bool
annot_agree_dict_numeric(const annot_agree_dict *d)
{
	uint32_t	id;

	for (id = 0; id < d->n; id++)
		if (!isfinite(d->values[id]))
			return false;
	return true;
}

typedef struct order_entry
{
	int64_t		ikey;
	bool		is_int;
	double		value;
	const char *bytes;
	uint32_t	len;
	uint32_t	id;
	bool		numeric;
} order_entry;

/* Numbers first by value; the rest by bytes, a shorter prefix first. */
static int
order_cmp(const void *pa, const void *pb)
{
	const order_entry *a = pa;
	const order_entry *b = pb;
	uint32_t	n;
	int			c;

	if (a->is_int && b->is_int)
		return a->ikey < b->ikey ? -1 : (a->ikey > b->ikey);
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
	return a->id < b->id ? -1 : (a->id > b->id);
}

void
annot_agree_dict_order(const annot_agree_dict *d, uint32_t *out)
{
	order_entry *e;
	uint32_t	id;

	if (d->n == 0)
		return;
	e = annot_alloc(sizeof(order_entry) * (size_t) d->n);
	if (e == NULL)
	{
		for (id = 0; id < d->n; id++)
			out[id] = id;
		return;
	}
	for (id = 0; id < d->n; id++)
	{
		int64_t		i;

		e[id].value = d->values[id];
		e[id].numeric = !isnan(d->values[id]);
		annot_agree_dict_key(d, id, &i, &e[id].bytes, &e[id].len);
		e[id].ikey = i;
		e[id].is_int = d->kind == ANNOT_AGREE_KEY_INT;
		e[id].id = id;
	}
	qsort(e, d->n, sizeof(order_entry), order_cmp);
	for (id = 0; id < d->n; id++)
		out[id] = e[id].id;
	annot_free(e);
}

/* ---------------------------------------------------------------------
 * Parameters
 * --------------------------------------------------------------------- */

static bool
name_is(const char *s, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(s, name, len) == 0;
}

bool
annot_agree_parse_weights(const char *s, size_t len, bool cohen,
						  annot_agree_weights *out)
{
	static const struct
	{
		const char *name;
		annot_agree_weights w;
		bool		cohen;
	}			names[] = {
		{"unweighted", ANNOT_W_UNWEIGHTED, true},
		{"linear", ANNOT_W_LINEAR, true},
		{"quadratic", ANNOT_W_QUADRATIC, true},
		{"ordinal", ANNOT_W_ORDINAL, false},
		{"radical", ANNOT_W_RADICAL, false},
		{"ratio", ANNOT_W_RATIO, false},
		{"circular", ANNOT_W_CIRCULAR, false},
		{"bipolar", ANNOT_W_BIPOLAR, false},
	};
	size_t		i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((names[i].cohen || !cohen) && name_is(s, len, names[i].name))
		{
			*out = names[i].w;
			return true;
		}
	return false;
}

bool
annot_agree_parse_level(const char *s, size_t len, annot_agree_weights *out)
{
	if (name_is(s, len, "nominal"))
		*out = ANNOT_W_UNWEIGHTED;
	else if (name_is(s, len, "ordinal"))
		*out = ANNOT_W_KORDINAL;
	else if (name_is(s, len, "interval"))
		*out = ANNOT_W_QUADRATIC;
	else if (name_is(s, len, "ratio"))
		*out = ANNOT_W_RATIO;
	else
		return false;
	return true;
}

bool
annot_agree_parse_scale(const char *s, size_t len, annot_agree_scale *out)
{
	if (name_is(s, len, "observed"))
		*out = ANNOT_SCALE_OBSERVED;
	else if (name_is(s, len, "range"))
		*out = ANNOT_SCALE_RANGE;
	else
		return false;
	return true;
}

const char *
annot_agree_weights_name(annot_agree_weights w)
{
	switch (w)
	{
		case ANNOT_W_UNWEIGHTED:
			return "unweighted";
		case ANNOT_W_LINEAR:
			return "linear";
		case ANNOT_W_QUADRATIC:
			return "quadratic";
		case ANNOT_W_ORDINAL:
			return "ordinal";
		case ANNOT_W_RADICAL:
			return "radical";
		case ANNOT_W_RATIO:
			return "ratio";
		case ANNOT_W_CIRCULAR:
			return "circular";
		case ANNOT_W_BIPOLAR:
			return "bipolar";
		case ANNOT_W_KORDINAL:
			return "ordinal";
	}
	return "?";
}

annot_status
annot_agree_check_confidence(double confidence, annot_err *err)
{
	if (!(confidence > 0.0 && confidence < 1.0))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "The confidence level must lie strictly between 0 and 1.");
	return ANNOT_OK;
}

static bool
params_equal(const annot_agree_params *a, const annot_agree_params *b)
{
	return a->weights == b->weights && a->scale == b->scale &&
		a->confidence == b->confidence;
}

static annot_status
params_mismatch(annot_err *err)
{
	return annot_fail(err, ANNOT_EPARAM, -1,
					  "Weights, scale, level and confidence must be the same in every row of a group.");
}

/* ---------------------------------------------------------------------
 * Pair state
 * --------------------------------------------------------------------- */

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
static annot_status
pair_reserve(annot_agree_pair *s, uint32_t need, annot_err *err)
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

	if ((st = annot_agree_dict_id(&s->cats, kind, a, &ia, err)) != ANNOT_OK ||
		(st = annot_agree_dict_id(&s->cats, kind, b, &ib, err)) != ANNOT_OK)
		return st;
	if (s->cats.n > s->cap && (st = pair_reserve(s, s->cats.n, err)) != ANNOT_OK)
		return st;
	s->counts[(size_t) ia * s->cap + ib]++;
	s->n++;
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

	if (!params_equal(&dst->params, &src->params))
		return params_mismatch(err);
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

		dict_get_key(&src->cats, a, &k);
		st = annot_agree_dict_id(&dst->cats, (annot_agree_keykind) src->cats.kind,
								 &k, &map[a], err);
	}
	if (st == ANNOT_OK && dst->cats.n > dst->cap)
		st = pair_reserve(dst, dst->cats.n, err);
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

/* ---------------------------------------------------------------------
 * Wire format helpers: big-endian, every read bounds-checked.
 * --------------------------------------------------------------------- */

static annot_status
truncated(const annot_reader *r, annot_err *err, const char *what)
{
	return annot_fail(err, ANNOT_EBINARY, (long) (r->p - r->start),
					  "Agreement state truncated in %s.", what);
}

static annot_status
inconsistent(const annot_reader *r, annot_err *err, const char *what)
{
	return annot_fail(err, ANNOT_EBINARY, (long) (r->p - r->start),
					  "Inconsistent agreement state: %s.", what);
}

/* Header: magic (2), version, weights, scale, reserved, confidence, n. */
#define HEADER_SIZE (6 + 8 + 8)

static void
put_header(annot_writer *w, char m0, char m1, const annot_agree_params *p, int64_t n)
{
	annot_write_u8(w, (uint8_t) m0);
	annot_write_u8(w, (uint8_t) m1);
	annot_write_u8(w, STATE_VERSION);
	annot_write_u8(w, p->weights);
	annot_write_u8(w, p->scale);
	annot_write_u8(w, 0);
	annot_write_be_double(w, p->confidence);
	annot_write_be64(w, (uint64_t) n);
}

static annot_status
get_header(annot_reader *r, char m0, char m1, annot_agree_params *p, int64_t *n,
		   annot_err *err)
{
	uint8_t		b[6];
	uint64_t	u;
	int			i;

	for (i = 0; i < 6; i++)
		if (!annot_read_u8(r, &b[i]))
			return truncated(r, err, "the header");
	if (b[0] != (uint8_t) m0 || b[1] != (uint8_t) m1)
		return annot_fail(err, ANNOT_EBINARY, 0,
						  "Not an agreement state of this kind (bad magic bytes).");
	if (b[2] != STATE_VERSION)
		return annot_fail(err, ANNOT_EBINARY, 2,
						  "Unknown agreement state version %d.", b[2]);
	if (b[3] > ANNOT_W_KORDINAL || b[4] > ANNOT_SCALE_RANGE || b[5] != 0)
		return inconsistent(r, err, "unknown weights, scale or flags");
	p->weights = b[3];
	p->scale = b[4];
	if (!annot_read_double(r, &p->confidence))
		return truncated(r, err, "the header");
	if (annot_agree_check_confidence(p->confidence, NULL) != ANNOT_OK)
		return inconsistent(r, err, "confidence level outside (0,1)");
	if (!annot_read_u64(r, &u))
		return truncated(r, err, "the header");
	if (u > (uint64_t) INT64_MAX)
		return inconsistent(r, err, "negative count");
	*n = (int64_t) u;
	return ANNOT_OK;
}

/* Dictionary: kind, reserved, count, then per key i64 or (u32 len, bytes, f64 value). */
static size_t
dict_serial_size(const annot_agree_dict *d)
{
	if (d->kind == ANNOT_AGREE_KEY_INT)
		return 6 + 8 * (size_t) d->n;
	return 6 + 12 * (size_t) d->n + d->arena_len;
}

static void
put_dict(annot_writer *w, const annot_agree_dict *d)
{
	uint32_t	id;

	annot_write_u8(w, d->kind);
	annot_write_u8(w, 0);
	annot_write_be32(w, d->n);
	for (id = 0; id < d->n; id++)
	{
		if (d->kind == ANNOT_AGREE_KEY_INT)
			annot_write_be64(w, (uint64_t) d->ikeys[id]);
		else
		{
			annot_write_be32(w, d->len[id]);
			if (d->len[id] > 0)
				memcpy(w->p, key_bytes(d, id), d->len[id]);
			w->p += d->len[id];
			annot_write_be_double(w, d->values[id]);
		}
	}
}

/*
 * Read a dictionary.  Indexed, repeated keys are refused; not indexed (the
 * dense item state), keys are only stored, and a repeat merges later.
 */
static annot_status
get_dict(annot_reader *r, annot_agree_dict *d, bool index, const char *what,
		 annot_err *err)
{
	uint8_t		kind;
	uint8_t		reserved;
	uint32_t	n;
	uint32_t	i;
	annot_status st;

	if (!annot_read_u8(r, &kind) || !annot_read_u8(r, &reserved) || !annot_read_u32(r, &n))
		return truncated(r, err, what);
	if (reserved != 0 || kind > ANNOT_AGREE_KEY_BYTES ||
		(kind == ANNOT_AGREE_KEY_NONE && n != 0))
		return inconsistent(r, err, "unknown key kind");
	if (n > d->max)
		return inconsistent(r, err, "more distinct values than the limit");
	/* each key takes at least 8 bytes: refuse counts the message cannot hold */
	if ((uint64_t) n * 8 > annot_reader_left(r))
		return truncated(r, err, what);
	if (d->kind == ANNOT_AGREE_KEY_NONE && n > 0)
		d->kind = kind;
	if (index)
		st = dict_reserve(d, n, err);
	else
		st = n > 0 ? dict_arrays(d, n, err) : ANNOT_OK;
	if (st != ANNOT_OK)
		return st;
	for (i = 0; i < n; i++)
	{
		annot_agree_key k;
		uint32_t	id;
		uint64_t	u;

		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		memset(&k, 0, sizeof(k));
		if (kind == ANNOT_AGREE_KEY_INT)
		{
			if (!annot_read_u64(r, &u))
				return truncated(r, err, what);
			k.i = (int64_t) u;
		}
		else
		{
			if (!annot_read_u32(r, &k.len))
				return truncated(r, err, what);
			if (k.len > ANNOT_AGREE_MAX_KEYLEN)
				return inconsistent(r, err, "key longer than the limit");
			if (annot_reader_left(r) < (size_t) k.len + 8)
				return truncated(r, err, what);
			k.bytes = (const char *) r->p;
			r->p += k.len;
			annot_read_double(r, &k.value);
		}
		if (!index)
		{
			if ((st = dict_store(d, &k, err)) != ANNOT_OK)
				return st == ANNOT_ENOMEM ? st : inconsistent(r, err, "bad key");
			continue;
		}
		if ((st = annot_agree_dict_id(d, (annot_agree_keykind) kind, &k, &id, err)) != ANNOT_OK)
			return st == ANNOT_ENOMEM ? st : inconsistent(r, err, "bad key");
		if (id != i)
			return inconsistent(r, err, "duplicate key");
	}
	if (d->kind == ANNOT_AGREE_KEY_NONE)
		d->kind = kind;
	return ANNOT_OK;
}

size_t
annot_agree_pair_serial_size(const annot_agree_pair *s)
{
	size_t		cells = 0;
	uint32_t	a;
	uint32_t	b;

	for (a = 0; a < s->cats.n; a++)
		for (b = 0; b < s->cats.n; b++)
			if (s->counts[(size_t) a * s->cap + b] != 0)
				cells++;
	return HEADER_SIZE + dict_serial_size(&s->cats) + 4 + 16 * cells;
}

void
annot_agree_pair_serialize(const annot_agree_pair *s, uint8_t *buf)
{
	annot_writer w = {buf};
	uint8_t    *countp;
	uint32_t	cells = 0;
	uint32_t	a;
	uint32_t	b;

	put_header(&w, PAIR_MAGIC0, PAIR_MAGIC1, &s->params, s->n);
	put_dict(&w, &s->cats);
	countp = w.p;
	annot_write_be32(&w, 0);
	for (a = 0; a < s->cats.n; a++)
		for (b = 0; b < s->cats.n; b++)
		{
			int64_t		c = s->counts[(size_t) a * s->cap + b];

			if (c != 0)
			{
				annot_write_be32(&w, a);
				annot_write_be32(&w, b);
				annot_write_be64(&w, (uint64_t) c);
				cells++;
			}
		}
	w.p = countp;
	annot_write_be32(&w, cells);
}

annot_status
annot_agree_pair_deserialize(const uint8_t *buf, size_t len,
							 annot_agree_pair **out, annot_err *err)
{
	annot_reader r = {buf, buf + len, buf, true};
	annot_agree_params params;
	annot_agree_pair *s;
	annot_status st;
	int64_t		n;
	int64_t		sum = 0;
	uint64_t	prev = 0;
	uint32_t	ncells;
	uint32_t	i;

	*out = NULL;
	memset(&params, 0, sizeof(params));
	if ((st = get_header(&r, PAIR_MAGIC0, PAIR_MAGIC1, &params, &n, err)) != ANNOT_OK)
		return st;
	s = annot_agree_pair_create(&params);
	if (s == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for a state.");
	if ((st = get_dict(&r, &s->cats, true, "the categories", err)) != ANNOT_OK)
		goto fail;
	if (s->cats.n > 0 && (st = pair_reserve(s, s->cats.n, err)) != ANNOT_OK)
		goto fail;
	if (!annot_read_u32(&r, &ncells))
	{
		st = truncated(&r, err, "the cell count");
		goto fail;
	}
	if ((uint64_t) ncells * 16 > annot_reader_left(&r))
	{
		st = truncated(&r, err, "the cells");
		goto fail;
	}
	for (i = 0; i < ncells; i++)
	{
		uint32_t	a = 0;
		uint32_t	b = 0;
		uint64_t	c = 0;
		int64_t    *cell;

		annot_read_u32(&r, &a);
		annot_read_u32(&r, &b);
		annot_read_u64(&r, &c);
		if (a >= s->cats.n || b >= s->cats.n)
		{
			st = inconsistent(&r, err, "cell outside the table");
			goto fail;
		}
		/* cells come in row-major order, each once: the form serialize writes */
		if (i > 0 && ((uint64_t) a << 32 | b) <= prev)
		{
			st = inconsistent(&r, err, "cells out of order or repeated");
			goto fail;
		}
		prev = (uint64_t) a << 32 | b;
		cell = &s->counts[(size_t) a * s->cap + b];
		if (c == 0 || c > (uint64_t) INT64_MAX)
		{
			st = inconsistent(&r, err, "zero or negative cell");
			goto fail;
		}
		*cell = (int64_t) c;
		if (__builtin_add_overflow(sum, (int64_t) c, &sum))
		{
			st = inconsistent(&r, err, "counts overflow");
			goto fail;
		}
	}
	if (sum != n)
	{
		st = inconsistent(&r, err, "cells do not add up to the pair count");
		goto fail;
	}
	for (i = 0; i < s->cats.n; i++)
	{
		uint32_t	j;
		bool		used = false;

		for (j = 0; j < s->cats.n && !used; j++)
			used = s->counts[(size_t) i * s->cap + j] != 0 ||
				s->counts[(size_t) j * s->cap + i] != 0;
		if (!used)
		{
			st = inconsistent(&r, err, "category without ratings");
			goto fail;
		}
	}
	if (annot_reader_left(&r) != 0)
	{
		st = inconsistent(&r, err, "trailing bytes");
		goto fail;
	}
	s->n = n;
	*out = s;
	return ANNOT_OK;
fail:
	annot_agree_pair_free(s);
	return st;
}

/* ---------------------------------------------------------------------
 * Item state
 * --------------------------------------------------------------------- */

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
	for (i = 0; i < cap; i++)
		cells[i].key = ANNOT_AGREE_NOCELL;

	/*
	 * A fresh seed per table: copying one linear-probing table into another
	 * in slot order with the same hash would pile the keys into long runs.
	 */
	seed = annot_hash_fmix64((uint64_t) (uintptr_t) cells ^ cap);
	for (i = 0; i < s->cellcap; i++)
	{
		uint64_t	k = s->cells[i].key;
		uint64_t	j;

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

	if (!s->dense)
		return ANNOT_OK;
	if ((st = dict_index(&s->items, err)) != ANNOT_OK ||
		(st = dict_index(&s->cats, err)) != ANNOT_OK)
		return st;
	while (cap * 7 < s->ncells * 10 + 10)
		cap *= 2;
	/* rehashing walks the old array: every entry of a dense one is a tally */
	if ((st = cells_resize(s, cap, err)) != ANNOT_OK)
		return st;
	s->dense = false;
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

	if (s->dense && (st = items_index(s, err)) != ANNOT_OK)
		return st;
	if ((st = annot_agree_dict_id(&s->items, item_kind, item, &it, err)) != ANNOT_OK ||
		(st = annot_agree_dict_id(&s->cats, label_kind, label, &c, err)) != ANNOT_OK ||
		(st = cell_slot(s, ((uint64_t) it << 32) | c, &slot, &fresh, err)) != ANNOT_OK)
		return st;
	s->cells[slot].count++;
	s->n++;
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

	if (!params_equal(&dst->params, &src->params))
		return params_mismatch(err);
	if (src->n == 0)
		return ANNOT_OK;
	if (__builtin_add_overflow(dst->n, src->n, &n))
		return annot_fail(err, ANNOT_ERANGE, -1, "Too many ratings.");
	if (dst->dense && (st = items_index(dst, err)) != ANNOT_OK)
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
		(st = dict_reserve(&dst->items, (uint32_t) ((uint64_t) dst->items.n + src->items.n > UINT32_MAX ? UINT32_MAX : dst->items.n + src->items.n), err)) != ANNOT_OK)
		goto done;
	if ((st = cells_reserve(dst, dst->ncells + src->ncells, err)) != ANNOT_OK)
		goto done;
	for (i = 0; i < src->items.n && st == ANNOT_OK; i++)
	{
		annot_agree_key k;

		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		dict_get_key(&src->items, i, &k);
		st = annot_agree_dict_id(&dst->items, (annot_agree_keykind) src->items.kind,
								 &k, &imap[i], err);
	}
	for (i = 0; i < src->cats.n && st == ANNOT_OK; i++)
	{
		annot_agree_key k;

		dict_get_key(&src->cats, i, &k);
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

/* Every item and every category of a deserialized state has a rating. */
static annot_status
check_all_used(const annot_agree_items *s, const annot_reader *r, annot_err *err)
{
	uint8_t    *seen_item = annot_alloc((size_t) s->items.n + 1);
	uint8_t    *seen_cat = annot_alloc((size_t) s->cats.n + 1);
	annot_status st = ANNOT_OK;
	uint64_t	j;
	uint32_t	i;

	if (seen_item == NULL || seen_cat == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory for a state.");
		goto done;
	}
	memset(seen_item, 0, (size_t) s->items.n + 1);
	memset(seen_cat, 0, (size_t) s->cats.n + 1);
	for (j = 0; j < s->cellcap; j++)
		if (s->cells[j].key != ANNOT_AGREE_NOCELL)
		{
			seen_item[s->cells[j].key >> 32] = 1;
			seen_cat[s->cells[j].key & 0xFFFFFFFF] = 1;
		}
	for (i = 0; i < s->items.n && st == ANNOT_OK; i++)
		if (!seen_item[i])
			st = inconsistent(r, err, "item without ratings");
	for (i = 0; i < s->cats.n && st == ANNOT_OK; i++)
		if (!seen_cat[i])
			st = inconsistent(r, err, "category without ratings");
done:
	annot_free(seen_item);
	annot_free(seen_cat);
	return st;
}

annot_status
annot_agree_items_defer(annot_agree_items *dst, annot_agree_items *src,
						annot_err *err)
{
	int64_t		n;
	uint32_t	need;
	uint32_t	i;

	if (!params_equal(&dst->params, &src->params))
		return params_mismatch(err);
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

annot_status
annot_agree_items_flatten(annot_agree_items *s, annot_err *err)
{
	annot_status st = ANNOT_OK;
	int64_t		n = s->n;
	uint32_t	i;

	if (s->npending == 0)
		return ANNOT_OK;
	/* s->n already counts the deferred ratings */
	for (i = 0; i < s->npending; i++)
		s->n -= s->pending[i]->n;
	for (i = 0; i < s->npending && st == ANNOT_OK; i++)
		st = annot_agree_items_combine(s, s->pending[i], err);
	if (st != ANNOT_OK)
		return st;
	for (i = 0; i < s->npending; i++)
		annot_agree_items_free(s->pending[i]);
	s->npending = 0;
	if (s->n != n)
		return annot_fail(err, ANNOT_ECORRUPT, -1, "Rating counts changed while merging states.");
	return ANNOT_OK;
}

size_t
annot_agree_items_serial_size(const annot_agree_items *s)
{
	return HEADER_SIZE + dict_serial_size(&s->items) +
		dict_serial_size(&s->cats) + 8 + 16 * (size_t) s->ncells;
}

void
annot_agree_items_serialize(const annot_agree_items *s, uint8_t *buf)
{
	annot_writer w = {buf};
	uint64_t	j;

	put_header(&w, ITEMS_MAGIC0, ITEMS_MAGIC1, &s->params, s->n);
	put_dict(&w, &s->items);
	put_dict(&w, &s->cats);
	annot_write_be64(&w, s->ncells);
	for (j = 0; j < s->cellcap; j++)
	{
		if (s->cells[j].key == ANNOT_AGREE_NOCELL)
			continue;
		annot_write_be32(&w, (uint32_t) (s->cells[j].key >> 32));
		annot_write_be32(&w, (uint32_t) s->cells[j].key);
		annot_write_be64(&w, (uint64_t) s->cells[j].count);
	}
}

annot_status
annot_agree_items_deserialize(const uint8_t *buf, size_t len,
							  annot_agree_items **out, annot_err *err)
{
	annot_reader r = {buf, buf + len, buf, true};
	annot_agree_params params;
	annot_agree_items *s;
	annot_status st;
	int64_t		n;
	int64_t		sum = 0;
	uint64_t	ncells;
	uint64_t	i;

	*out = NULL;
	memset(&params, 0, sizeof(params));
	if ((st = get_header(&r, ITEMS_MAGIC0, ITEMS_MAGIC1, &params, &n, err)) != ANNOT_OK)
		return st;
	s = annot_agree_items_create(&params);
	if (s == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for a state.");
	if ((st = get_dict(&r, &s->items, false, "the items", err)) != ANNOT_OK ||
		(st = get_dict(&r, &s->cats, false, "the categories", err)) != ANNOT_OK)
		goto fail;
	if (!annot_read_u64(&r, &ncells))
	{
		st = truncated(&r, err, "the cell count");
		goto fail;
	}
	if (ncells > annot_reader_left(&r) / 16)
	{
		st = truncated(&r, err, "the cells");
		goto fail;
	}
	/* a plain array: checked for bounds, indexed only if ever merged into */
	s->cells = annot_alloc(sizeof(annot_agree_cell) * ((size_t) ncells + 1));
	if (s->cells == NULL)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "No memory for item tallies.");
		goto fail;
	}
	s->dense = true;
	for (i = 0; i < ncells; i++)
	{
		uint32_t	it = 0;
		uint32_t	c = 0;
		uint64_t	cnt = 0;

		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		annot_read_u32(&r, &it);
		annot_read_u32(&r, &c);
		annot_read_u64(&r, &cnt);
		if (it >= s->items.n || c >= s->cats.n)
		{
			st = inconsistent(&r, err, "cell refers to an unknown item or category");
			goto fail;
		}
		if (cnt == 0 || cnt > (uint64_t) INT64_MAX)
		{
			st = inconsistent(&r, err, "zero or negative count");
			goto fail;
		}
		s->cells[i].key = ((uint64_t) it << 32) | c;
		s->cells[i].count = (int64_t) cnt;
		s->ncells = s->cellcap = i + 1;
		if (__builtin_add_overflow(sum, (int64_t) cnt, &sum))
		{
			st = inconsistent(&r, err, "counts overflow");
			goto fail;
		}
	}
	if (sum != n)
	{
		st = inconsistent(&r, err, "cells do not add up to the rating count");
		goto fail;
	}
	if ((st = check_all_used(s, &r, err)) != ANNOT_OK)
		goto fail;
	if (annot_reader_left(&r) != 0)
	{
		st = inconsistent(&r, err, "trailing bytes");
		goto fail;
	}
	s->n = n;
	*out = s;
	return ANNOT_OK;
fail:
	annot_agree_items_free(s);
	return st;
}
