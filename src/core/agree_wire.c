/*
 * agree_wire.c -- the wire format of the agreement states (FORMAT.md,
 * "Agreement states"): what parallel workers exchange and what the state
 * types annot.agreement_pairs and annot.agreement_items store, and its
 * base64 text form.  Every read is bounds-checked; deserialize checks
 * every length, count, index and order and refuses anything else.
 */
#include "agree_impl.h"

#include <math.h>
#include <string.h>

#include "bytes.h"

#define PAIR_MAGIC0 'A'
#define PAIR_MAGIC1 'P'
#define ITEMS_MAGIC0 'A'
#define ITEMS_MAGIC1 'I'
#define STATE_VERSION 1
/* header flag of an item state: dictionaries and cells in sorted order */
#define ITEMS_SORTED 0x01

/* The bytes of a key (the arena is NULL while every key is empty). */
static const char *
key_bytes(const annot_agree_dict *d, uint32_t id)
{
	return d->arena != NULL ? d->arena + d->off[id] : "";
}

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

/* A cell's count: at least 1, and the running sum must not overflow. */
static annot_status
add_count(const annot_reader *r, uint64_t c, int64_t *sum, annot_err *err)
{
	if (c == 0 || c > (uint64_t) INT64_MAX)
		return inconsistent(r, err, "zero or negative count");
	if (__builtin_add_overflow(*sum, (int64_t) c, sum))
		return inconsistent(r, err, "counts overflow");
	return ANNOT_OK;
}

/* After the cells: the counts add up to the header's n, nothing follows. */
static annot_status
check_end(const annot_reader *r, int64_t sum, int64_t n, annot_err *err)
{
	if (sum != n)
		return inconsistent(r, err, "cells do not add up to the count in the header");
	if (annot_reader_left(r) != 0)
		return inconsistent(r, err, "trailing bytes");
	return ANNOT_OK;
}

/* Header: magic (2), version, weights, scale, flags, confidence, n. */
#define HEADER_SIZE (6 + 8 + 8)

static void
put_header(annot_writer *w, char m0, char m1, const annot_agree_params *p,
		   uint8_t flags, int64_t n)
{
	annot_write_u8(w, (uint8_t) m0);
	annot_write_u8(w, (uint8_t) m1);
	annot_write_u8(w, STATE_VERSION);
	annot_write_u8(w, p->weights);
	annot_write_u8(w, p->scale);
	annot_write_u8(w, flags);
	annot_write_be_double(w, p->confidence);
	annot_write_be64(w, (uint64_t) n);
}

static annot_status
get_header(annot_reader *r, char m0, char m1, uint8_t known_flags,
		   annot_agree_params *p, uint8_t *flags, int64_t *n, annot_err *err)
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
	if (b[3] > ANNOT_W_KORDINAL || b[4] > ANNOT_SCALE_RANGE || (b[5] & ~known_flags) != 0)
		return inconsistent(r, err, "unknown weights, scale or flags");
	p->weights = b[3];
	p->scale = b[4];
	*flags = b[5];
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

/* One key: i64, or u32 length, the bytes and the f64 value. */
static void
put_key(annot_writer *w, const annot_agree_dict *d, uint32_t id)
{
	if (d->kind == ANNOT_AGREE_KEY_INT)
	{
		annot_write_be64(w, (uint64_t) d->ikeys[id]);
		return;
	}
	annot_write_be32(w, d->len[id]);
	if (d->len[id] > 0)
		memcpy(w->p, key_bytes(d, id), d->len[id]);
	w->p += d->len[id];
	annot_write_be_double(w, d->values[id]);
}

static void
put_dict(annot_writer *w, const annot_agree_dict *d)
{
	uint32_t	id;

	annot_write_u8(w, d->kind);
	annot_write_u8(w, 0);
	annot_write_be32(w, d->n);
	for (id = 0; id < d->n; id++)
		put_key(w, d, id);
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
		st = annot_agree_dict_reserve(d, n, err);
	else
		st = n > 0 ? annot_agree_dict_arrays(d, n, err) : ANNOT_OK;
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
			if ((st = annot_agree_dict_store(d, &k, err)) != ANNOT_OK)
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

/* The serialized size of a state, refused over what one varlena holds. */
static annot_status
wire_size(size_t len, size_t *out, annot_err *err)
{
	*out = len;
	if (len > ANNOT_AGREE_MAX_WIRE)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "The state needs %zu bytes serialized; at most %zu are supported.",
						  len, ANNOT_AGREE_MAX_WIRE);
	return ANNOT_OK;
}

annot_status
annot_agree_pair_serial_size(const annot_agree_pair *s, size_t *len,
							 annot_err *err)
{
	size_t		cells = 0;
	uint32_t	a;
	uint32_t	b;

	annot_err_about(err, "agreement state", NULL);
	for (a = 0; a < s->cats.n; a++)
		for (b = 0; b < s->cats.n; b++)
			if (s->counts[(size_t) a * s->cap + b] != 0)
				cells++;
	return wire_size(HEADER_SIZE + dict_serial_size(&s->cats) + 4 + 16 * cells,
					 len, err);
}

/*
 * Categories go out in key order and cells in that order too, so that the
 * same pairs give the same bytes however they arrived.
 */
void
annot_agree_pair_serialize(const annot_agree_pair *s, uint8_t *buf)
{
	annot_writer w = {buf};
	uint8_t    *countp;
	uint32_t	cells = 0;
	uint32_t	q = s->cats.n;
	uint32_t   *order = annot_alloc(sizeof(uint32_t) * ((size_t) q + 1));
	uint32_t	a;
	uint32_t	b;

	/* without memory for the order (never in the server): id order */
	if (order != NULL)
		annot_agree_dict_order(&s->cats, order);
	put_header(&w, PAIR_MAGIC0, PAIR_MAGIC1, &s->params, 0, s->n);
	annot_write_u8(&w, s->cats.kind);
	annot_write_u8(&w, 0);
	annot_write_be32(&w, q);
	for (a = 0; a < q; a++)
		put_key(&w, &s->cats, order ? order[a] : a);
	countp = w.p;
	annot_write_be32(&w, 0);
	for (a = 0; a < q; a++)
	{
		annot_check_interrupts();
		for (b = 0; b < q; b++)
		{
			int64_t		c = order ? s->counts[(size_t) order[a] * s->cap + order[b]]
			: s->counts[(size_t) a * s->cap + b];

			if (c != 0)
			{
				annot_write_be32(&w, a);
				annot_write_be32(&w, b);
				annot_write_be64(&w, (uint64_t) c);
				cells++;
			}
		}
	}
	w.p = countp;
	annot_write_be32(&w, cells);
	annot_free(order);
}

annot_status
annot_agree_pair_deserialize(const uint8_t *buf, size_t len,
							 annot_agree_pair **out, annot_err *err)
{
	annot_reader r;
	annot_agree_params params;
	annot_agree_pair *s;
	annot_status st;
	int64_t		n;
	int64_t		sum = 0;
	uint64_t	prev = 0;
	uint32_t	ncells;
	uint32_t	i;
	uint8_t		flags;

	*out = NULL;
	annot_err_about(err, "agreement state", NULL);
	annot_reader_init(&r, buf, len, true);
	memset(&params, 0, sizeof(params));
	if ((st = get_header(&r, PAIR_MAGIC0, PAIR_MAGIC1, 0, &params, &flags, &n, err)) != ANNOT_OK)
		return st;
	s = annot_agree_pair_create(&params);
	if (s == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for a state.");
	if ((st = get_dict(&r, &s->cats, true, "the categories", err)) != ANNOT_OK)
		goto fail;
	if (s->cats.n > 0 && (st = annot_agree_pair_reserve(s, s->cats.n, err)) != ANNOT_OK)
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
		if ((st = add_count(&r, c, &sum, err)) != ANNOT_OK)
			goto fail;
		*cell = (int64_t) c;
	}
	if ((st = check_end(&r, sum, n, err)) != ANNOT_OK)
		goto fail;
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
	s->n = n;
	*out = s;
	return ANNOT_OK;
fail:
	annot_agree_pair_free(s);
	return st;
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
annot_agree_items_serial_size(const annot_agree_items *s, size_t *len,
							  annot_err *err)
{
	annot_err_about(err, "agreement state", NULL);
	if (s->npending > 0)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "An item state with deferred states must be prepared before it is serialized.");
	return wire_size(HEADER_SIZE + dict_serial_size(&s->items) +
					 dict_serial_size(&s->cats) + 8 + 16 * (size_t) s->ncells,
					 len, err);
}

void
annot_agree_items_serialize(const annot_agree_items *s, uint8_t *buf)
{
	annot_writer w = {buf};
	uint64_t	j;

	put_header(&w, ITEMS_MAGIC0, ITEMS_MAGIC1, &s->params,
			   s->form == ANNOT_AGREE_SORTED ? ITEMS_SORTED : 0, s->n);
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

/* A state that says it is sorted: keys strictly in order, cells too. */
static annot_status
check_sorted(const annot_agree_items *s, const annot_reader *r, annot_err *err)
{
	uint64_t	j;
	uint32_t	i;

	for (i = 1; i < s->items.n; i++)
	{
		if ((i & 0xFFFF) == 0)
			annot_check_interrupts();
		if (annot_agree_key_cmp(&s->items, i - 1, &s->items, i) >= 0)
			return inconsistent(r, err, "items out of order in a sorted state");
	}
	for (i = 1; i < s->cats.n; i++)
		if (annot_agree_key_cmp(&s->cats, i - 1, &s->cats, i) >= 0)
			return inconsistent(r, err, "categories out of order in a sorted state");
	for (j = 1; j < s->ncells; j++)
		if (s->cells[j - 1].key >= s->cells[j].key)
			return inconsistent(r, err, "cells out of order in a sorted state");
	return ANNOT_OK;
}

annot_status
annot_agree_items_deserialize(const uint8_t *buf, size_t len,
							  annot_agree_items **out, annot_err *err)
{
	annot_reader r;
	annot_agree_params params;
	annot_agree_items *s;
	annot_status st;
	int64_t		n;
	int64_t		sum = 0;
	uint64_t	ncells;
	uint64_t	i;
	uint8_t		flags;

	*out = NULL;
	annot_err_about(err, "agreement state", NULL);
	annot_reader_init(&r, buf, len, true);
	memset(&params, 0, sizeof(params));
	if ((st = get_header(&r, ITEMS_MAGIC0, ITEMS_MAGIC1, ITEMS_SORTED, &params,
						 &flags, &n, err)) != ANNOT_OK)
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
	s->form = ANNOT_AGREE_DENSE;
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
		if ((st = add_count(&r, cnt, &sum, err)) != ANNOT_OK)
			goto fail;
		s->cells[i].key = ((uint64_t) it << 32) | c;
		s->cells[i].count = (int64_t) cnt;
		s->ncells = s->cellcap = i + 1;
	}
	if ((st = check_end(&r, sum, n, err)) != ANNOT_OK)
		goto fail;
	if ((st = check_all_used(s, &r, err)) != ANNOT_OK)
		goto fail;
	if ((flags & ITEMS_SORTED) != 0)
	{
		if ((st = check_sorted(s, &r, err)) != ANNOT_OK)
			goto fail;
		s->form = ANNOT_AGREE_SORTED;
	}
	s->n = n;
	*out = s;
	return ANNOT_OK;
fail:
	annot_agree_items_free(s);
	return st;
}

/* ---------------------------------------------------------------------
 * Text form: base64 of the wire bytes
 * --------------------------------------------------------------------- */

static const char b64_alphabet[] =
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

annot_status
annot_agree_text_len(size_t wire_len, size_t *text_len, annot_err *err)
{
	annot_err_about(err, "agreement state", NULL);
	if (wire_len > ANNOT_AGREE_MAX_TEXT_WIRE)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "The state takes %zu bytes; its text form holds at most %zu.",
						  wire_len, (size_t) ANNOT_AGREE_MAX_TEXT_WIRE);
	*text_len = (wire_len + 2) / 3 * 4;
	return ANNOT_OK;
}

void
annot_agree_text_encode(const uint8_t *wire, size_t len, char *out)
{
	size_t		i;

	for (i = 0; i + 2 < len; i += 3)
	{
		uint32_t	v = (uint32_t) wire[i] << 16 | (uint32_t) wire[i + 1] << 8 | wire[i + 2];

		*out++ = b64_alphabet[v >> 18];
		*out++ = b64_alphabet[(v >> 12) & 63];
		*out++ = b64_alphabet[(v >> 6) & 63];
		*out++ = b64_alphabet[v & 63];
	}
	if (i < len)
	{
		uint32_t	v = (uint32_t) wire[i] << 16 |
			(i + 1 < len ? (uint32_t) wire[i + 1] << 8 : 0);

		*out++ = b64_alphabet[v >> 18];
		*out++ = b64_alphabet[(v >> 12) & 63];
		*out++ = i + 1 < len ? b64_alphabet[(v >> 6) & 63] : '=';
		*out++ = '=';
	}
	*out = '\0';
}

/* The value of a base64 digit, or -1. */
static int
b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

annot_status
annot_agree_text_decode(const char *text, size_t len, uint8_t **out,
						size_t *out_len, annot_err *err)
{
	size_t		digits = 0;
	size_t		seen = 0;
	size_t		pad = 0;
	size_t		w = 0;
	size_t		i;
	uint32_t	v = 0;
	uint8_t    *buf;

	*out = NULL;
	*out_len = 0;
	annot_err_about(err, "agreement state", NULL);
	/* blanks anywhere are ignored, as decode(text, 'base64') ignores them */
	for (i = 0; i < len; i++)
		if (!is_blank(text[i]))
			digits++;
	if (digits == 0)
		return annot_fail(err, ANNOT_ESYNTAX, 0,
						  "An agreement state is the base64 text of its wire form; this is empty.");
	if (digits % 4 != 0)
		return annot_fail(err, ANNOT_ESYNTAX, (long) len,
						  "Base64 text comes in groups of 4 characters; %zu are given.",
						  digits);
	if (digits > (ANNOT_AGREE_MAX_TEXT_WIRE + 2) / 3 * 4)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "The text form of a state holds at most %zu bytes of wire form.",
						  (size_t) ANNOT_AGREE_MAX_TEXT_WIRE);
	buf = annot_alloc(digits / 4 * 3 + 1);
	if (buf == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "No memory for a state.");
	for (i = 0; i < len; i++)
	{
		char		c = text[i];
		int			d = b64_value((unsigned char) c);

		if ((i & 0xFFFFF) == 0)
			annot_check_interrupts();
		if (is_blank(c))
			continue;
		seen++;
		/* '=' only as the padding of the last group, and nothing after it */
		if (c == '=' && seen > digits - 2 && (pad > 0 || seen == digits - 1 || seen == digits))
			pad++;
		else if (d < 0 || pad > 0)
		{
			annot_free(buf);
			return annot_fail(err, ANNOT_ESYNTAX, (long) i,
							  "Unexpected character at position %zu: an agreement state is base64 text.",
							  i + 1);
		}
		v = v << 6 | (uint32_t) (d < 0 ? 0 : d);
		if (seen % 4 != 0)
			continue;
		buf[w++] = (uint8_t) (v >> 16);
		if (!(seen == digits && pad == 2))
			buf[w++] = (uint8_t) (v >> 8);
		if (!(seen == digits && pad >= 1))
			buf[w++] = (uint8_t) v;
		v = 0;
	}
	*out = buf;
	*out_len = w;
	return ANNOT_OK;
}
