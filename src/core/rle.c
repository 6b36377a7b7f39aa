/*
 * rle.c -- the mask codec: validation and canonicalization of counts, the
 * COCO compressed string, the serialized and binary formats, and bitmaps
 * (the JSON text form is in rle_json.c).
 *
 * The COCO string follows pycocotools' maskApi.c (rleToString and
 * rleFrString): each count, from the fourth on as the difference to the
 * count two places back, is written in two's complement 5 bits at a time,
 * least significant first, each 5-bit group as the character 48 + group,
 * plus 32 when more groups follow; the last group's top bit is the sign.
 */
#include "rle.h"

#include <stdio.h>
#include <string.h>

#include "bytes.h"

/* Characters of the COCO string: '0' (48) to 'o' (111). */
#define COCO_CHAR_MIN 48
#define COCO_CHAR_MAX 111
/* Longest value accepted in the string: 7 groups, 35 bits. */
#define COCO_MAX_GROUPS 7
/* Longest varint on disk: 5 bytes of 7 bits hold any zigzag 35-bit value. */
#define VARINT_MAX_BYTES 5

/* Interrupt checks in loops over runs: every this many iterations. */
#define CHECK_EVERY 65536

annot_status
annot_mask_check_size(int64_t h, int64_t w, annot_status on_error,
					  annot_err *err)
{
	if (h <= 0 || w <= 0)
		return annot_fail(err, on_error, -1,
						  "Mask height and width must be positive (got %lld x %lld).",
						  (long long) h, (long long) w);
	if (h > (int64_t) ANNOT_MASK_MAX_PIXELS || w > (int64_t) ANNOT_MASK_MAX_PIXELS ||
		(uint64_t) h * (uint64_t) w > ANNOT_MASK_MAX_PIXELS)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "A mask of %lld x %lld pixels is larger than the limit of %llu pixels.",
						  (long long) h, (long long) w,
						  (unsigned long long) ANNOT_MASK_MAX_PIXELS);
	return ANNOT_OK;
}

void
annot_ivals_init(annot_ivals *m, uint32_t h, uint32_t w)
{
	m->h = h;
	m->w = w;
	m->n = 0;
	m->cap = 0;
	m->iv = NULL;
}

void
annot_ivals_free(annot_ivals *m)
{
	annot_free(m->iv);
	m->iv = NULL;
	m->n = m->cap = 0;
}

annot_status
annot_ivals_reserve(annot_ivals *m, uint64_t n, annot_err *err)
{
	uint64_t	cap;
	uint32_t   *iv;

	if (n <= m->cap)
		return ANNOT_OK;
	/* every way a mask is built comes here: the one check of its limit */
	if (n > ANNOT_MASK_MAX_RUNS)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "A mask has at most %llu foreground runs (%llu counts).",
						  (unsigned long long) ANNOT_MASK_MAX_RUNS,
						  (unsigned long long) ANNOT_MASK_MAX_COUNTS);
	cap = m->cap ? m->cap : 16;
	while (cap < n)
		cap *= 2;
	if (cap > ANNOT_MASK_MAX_RUNS)
		cap = n;
	iv = annot_realloc(m->iv, (size_t) cap * 2 * sizeof(uint32_t));
	if (iv == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory for mask runs.");
	m->iv = iv;
	m->cap = (uint32_t) cap;
	return ANNOT_OK;
}

annot_status
annot_ivals_push(annot_ivals *m, uint32_t s, uint32_t e, annot_err *err)
{
	annot_status st;

	if (s >= e)
		return ANNOT_OK;
	if (m->n > 0 && m->iv[2 * m->n - 1] == s)
	{
		m->iv[2 * m->n - 1] = e;
		return ANNOT_OK;
	}
	if (m->n == m->cap && (st = annot_ivals_reserve(m, (uint64_t) m->n + 1, err)) != ANNOT_OK)
		return st;
	m->iv[2 * m->n] = s;
	m->iv[2 * m->n + 1] = e;
	m->n++;
	return ANNOT_OK;
}

annot_status
annot_mask_builder_init(annot_mask_builder *b, annot_ivals *out,
						int64_t h, int64_t w, annot_status on_error,
						annot_err *err)
{
	annot_status st = annot_mask_check_size(h, w, on_error, err);

	if (st != ANNOT_OK)
		return st;
	annot_ivals_init(out, (uint32_t) h, (uint32_t) w);
	b->out = out;
	b->pos = 0;
	b->total = (uint64_t) h * (uint64_t) w;
	b->index = 0;
	b->on_error = on_error;
	return ANNOT_OK;
}

annot_status
annot_mask_builder_add(annot_mask_builder *b, int64_t count, annot_err *err)
{
	uint64_t	i = b->index++;

	if (count < 0)
		return annot_fail(err, b->on_error, -1,
						  "Count %llu is negative (%lld).",
						  (unsigned long long) i + 1, (long long) count);
	if ((uint64_t) count > b->total - b->pos)
		return annot_fail(err, b->on_error, -1,
						  "The counts add up to more than height * width = %llu (at count %llu).",
						  (unsigned long long) b->total, (unsigned long long) i + 1);
	/* odd counts are foreground; empty ones merge their neighbours */
	if ((i & 1) && count > 0)
	{
		annot_status st = annot_ivals_push(b->out, (uint32_t) b->pos,
										   (uint32_t) (b->pos + (uint64_t) count),
										   err);

		if (st != ANNOT_OK)
			return st;
	}
	b->pos += (uint64_t) count;
	if ((b->index & (CHECK_EVERY - 1)) == 0)
		annot_check_interrupts();
	return ANNOT_OK;
}

annot_status
annot_mask_builder_finish(annot_mask_builder *b, annot_err *err)
{
	if (b->index == 0)
		return annot_fail(err, b->on_error, -1, "The counts are empty.");
	if (b->pos != b->total)
		return annot_fail(err, b->on_error, -1,
						  "The counts add up to %llu, not height * width = %llu.",
						  (unsigned long long) b->pos,
						  (unsigned long long) b->total);
	return ANNOT_OK;
}

uint64_t
annot_ivals_area(const annot_ivals *m)
{
	uint64_t	a = 0;
	uint32_t	i;

	for (i = 0; i < m->n; i++)
		a += m->iv[2 * i + 1] - m->iv[2 * i];
	return a;
}

void
annot_ivals_bbox(const annot_ivals *m, uint32_t bbox[4])
{
	uint32_t	h = m->h;
	uint32_t	xs = UINT32_MAX,
				xe = 0,
				ys = UINT32_MAX,
				ye = 0;
	uint32_t	i;

	if (m->n == 0)
	{
		bbox[0] = bbox[1] = bbox[2] = bbox[3] = 0;
		return;
	}
	/* a run that wraps into the next column touches rows 0 and h-1 */
	for (i = 0; i < m->n; i++)
	{
		uint32_t	s = m->iv[2 * i];
		uint32_t	last = m->iv[2 * i + 1] - 1;
		uint32_t	x0 = s / h,
					x1 = last / h;

		if (x0 < xs)
			xs = x0;
		if (x1 > xe)
			xe = x1;
		if (x0 < x1)
		{
			ys = 0;
			ye = h - 1;
		}
		else
		{
			if (s % h < ys)
				ys = s % h;
			if (last % h > ye)
				ye = last % h;
		}
	}
	bbox[0] = xs;
	bbox[1] = ys;
	bbox[2] = xe - xs + 1;
	bbox[3] = ye - ys + 1;
}

uint64_t
annot_ivals_ncounts(const annot_ivals *m)
{
	uint64_t	total = (uint64_t) m->h * m->w;

	if (m->n == 0)
		return 1;
	return 2 * (uint64_t) m->n + (m->iv[2 * m->n - 1] < total ? 1 : 0);
}

void
annot_counts_iter_init(annot_counts_iter *it, const annot_ivals *m)
{
	it->m = m;
	it->i = 0;
	it->ncounts = annot_ivals_ncounts(m);
}

bool
annot_counts_next(annot_counts_iter *it, uint32_t *c)
{
	const annot_ivals *m = it->m;
	uint64_t	i = it->i;
	uint64_t	k = i / 2;

	if (i >= it->ncounts)
		return false;
	it->i++;
	if (m->n == 0)
		*c = m->h * m->w;
	else if (i & 1)
		*c = m->iv[2 * k + 1] - m->iv[2 * k];	/* foreground k */
	else if (k == 0)
		*c = m->iv[0];			/* leading background, maybe 0 */
	else if (k < m->n)
		*c = m->iv[2 * k] - m->iv[2 * k - 1];	/* gap before interval k */
	else
		*c = m->h * m->w - m->iv[2 * k - 1];	/* trailing background */
	return true;
}

/*
 * The value each count is written as, in the COCO string and on disk: the
 * count itself for the first three, else its difference to the count two
 * places back.
 */
typedef struct delta_state
{
	uint64_t	i;
	int64_t		back2;
	int64_t		back1;
} delta_state;

static inline int64_t
delta_next(delta_state *d, int64_t c)
{
	int64_t		v = d->i > 2 ? c - d->back2 : c;

	d->back2 = d->back1;
	d->back1 = c;
	d->i++;
	return v;
}

/* Inverse of delta_next: the count from its written value. */
static inline int64_t
delta_undo(delta_state *d, int64_t v)
{
	int64_t		c = d->i > 2 ? d->back2 + v : v;

	d->back2 = d->back1;
	d->back1 = c;
	d->i++;
	return c;
}

/* Number of COCO characters of one value. */
static inline size_t
coco_value_len(int64_t x)
{
	size_t		n = 0;
	bool		more = true;

	while (more)
	{
		int			c = (int) (x & 0x1f);

		x >>= 5;				/* arithmetic: the sign stays */
		more = (c & 0x10) ? x != -1 : x != 0;
		n++;
	}
	return n;
}

static inline char *
coco_value_write(char *p, int64_t x)
{
	bool		more = true;

	while (more)
	{
		int			c = (int) (x & 0x1f);

		x >>= 5;
		more = (c & 0x10) ? x != -1 : x != 0;
		if (more)
			c |= 0x20;
		*p++ = (char) (c + COCO_CHAR_MIN);
	}
	return p;
}

size_t
annot_mask_coco_strlen(const annot_ivals *m)
{
	annot_counts_iter it;
	delta_state d = {0, 0, 0};
	uint32_t	c;
	size_t		n = 0;

	annot_counts_iter_init(&it, m);
	while (annot_counts_next(&it, &c))
		n += coco_value_len(delta_next(&d, c));
	return n;
}

void
annot_mask_coco_string(const annot_ivals *m, char *buf)
{
	annot_counts_iter it;
	delta_state d = {0, 0, 0};
	uint32_t	c;
	char	   *p = buf;

	annot_counts_iter_init(&it, m);
	while (annot_counts_next(&it, &c))
		p = coco_value_write(p, delta_next(&d, c));
	*p = '\0';
}

annot_status
annot_mask_from_coco_string(const char *s, size_t len, int64_t h, int64_t w,
							annot_status on_error, annot_ivals *out,
							annot_err *err)
{
	annot_mask_builder b;
	delta_state d = {0, 0, 0};
	annot_status st;
	size_t		p = 0;

	if ((st = annot_mask_builder_init(&b, out, h, w, on_error, err)) != ANNOT_OK)
		return st;
	while (p < len)
	{
		size_t		start = p;
		uint64_t	x = 0;
		int			k = 0;
		bool		more = true;

		while (more)
		{
			int			c;

			if (p >= len)
			{
				st = annot_fail(err, on_error, (long) start,
								"The counts string ends inside a value (at character %zu).",
								start + 1);
				goto fail;
			}
			c = (unsigned char) s[p];
			if (c < COCO_CHAR_MIN || c > COCO_CHAR_MAX)
			{
				st = annot_fail(err, on_error, (long) p,
								"Character %zu of the counts string is not in '0'..'o' (byte 0x%02x).",
								p + 1, (unsigned) c);
				goto fail;
			}
			if (k == COCO_MAX_GROUPS)
			{
				st = annot_fail(err, on_error, (long) start,
								"The value at character %zu of the counts string is too long.",
								start + 1);
				goto fail;
			}
			c -= COCO_CHAR_MIN;
			x |= (uint64_t) (c & 0x1f) << (5 * k);
			more = (c & 0x20) != 0;
			k++;
			p++;
			if (!more && (c & 0x10))
				x |= ~(uint64_t) 0 << (5 * k);	/* sign-extend */
		}
		st = annot_mask_builder_add(&b, delta_undo(&d, (int64_t) x), err);
		if (st != ANNOT_OK)
		{
			if (err != NULL)
				err->pos = (long) start;
			goto fail;
		}
	}
	if ((st = annot_mask_builder_finish(&b, err)) != ANNOT_OK)
		goto fail;
	return ANNOT_OK;

fail:
	annot_ivals_free(out);
	return st;
}

/* Serialized form */

static inline uint64_t
zigzag(int64_t v)
{
	return ((uint64_t) v << 1) ^ (uint64_t) (v >> 63);
}

static inline int64_t
unzigzag(uint64_t z)
{
	return (int64_t) (z >> 1) ^ -(int64_t) (z & 1);
}

static inline size_t
varint_len(uint64_t z)
{
	size_t		n = 1;

	while (z >= 0x80)
		z >>= 7, n++;
	return n;
}

size_t
annot_mask_serial_size(const annot_ivals *m)
{
	annot_counts_iter it;
	delta_state d = {0, 0, 0};
	uint32_t	c;
	size_t		n = ANNOT_MASK_HDRSZ;

	annot_counts_iter_init(&it, m);
	while (annot_counts_next(&it, &c))
		n += varint_len(zigzag(delta_next(&d, c)));
	return n;
}

void
annot_mask_serialize(const annot_ivals *m, uint8_t *buf)
{
	annot_counts_iter it;
	delta_state d = {0, 0, 0};
	uint32_t	c;
	uint32_t	bbox[4];
	uint8_t    *p = buf + ANNOT_MASK_HDRSZ;

	annot_ivals_bbox(m, bbox);
	buf[0] = ANNOT_MASK_VERSION;
	buf[1] = 0;					/* flags */
	buf[2] = buf[3] = 0;		/* reserved */
	annot_put_host32(buf + 4, m->h);
	annot_put_host32(buf + 8, m->w);
	annot_put_host32(buf + 12, (uint32_t) annot_ivals_area(m));
	annot_put_host32(buf + 16, (uint32_t) annot_ivals_ncounts(m));
	annot_put_host32(buf + 20, bbox[0]);
	annot_put_host32(buf + 24, bbox[1]);
	annot_put_host32(buf + 28, bbox[2]);
	annot_put_host32(buf + 32, bbox[3]);
	annot_counts_iter_init(&it, m);
	while (annot_counts_next(&it, &c))
	{
		uint64_t	z = zigzag(delta_next(&d, c));

		while (z >= 0x80)
		{
			*p++ = (uint8_t) (z | 0x80);
			z >>= 7;
		}
		*p++ = (uint8_t) z;
	}
}

annot_status
annot_mask_open(const uint8_t *buf, size_t len, annot_mask_view *v,
				annot_err *err)
{
	annot_err_about(err, "mask", NULL);
	if (len < ANNOT_MASK_HDRSZ + 1)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "A stored mask of %zu bytes is shorter than its header.", len);
	if (buf[0] != ANNOT_MASK_VERSION)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "Unknown mask format version %u.", (unsigned) buf[0]);
	if (buf[1] != 0 || buf[2] != 0 || buf[3] != 0)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "Unknown flags in a stored mask.");
	v->h = annot_get_host32(buf + 4);
	v->w = annot_get_host32(buf + 8);
	v->area = annot_get_host32(buf + 12);
	v->m = annot_get_host32(buf + 16);
	v->bbox[0] = annot_get_host32(buf + 20);
	v->bbox[1] = annot_get_host32(buf + 24);
	v->bbox[2] = annot_get_host32(buf + 28);
	v->bbox[3] = annot_get_host32(buf + 32);
	v->runs = buf + ANNOT_MASK_HDRSZ;
	v->nbytes = len - ANNOT_MASK_HDRSZ;
	if (v->h == 0 || v->w == 0 ||
		(uint64_t) v->h * v->w > ANNOT_MASK_MAX_PIXELS ||
		v->area > v->h * v->w)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "A stored mask has an invalid size.");
	/* every count takes at least a byte, and the last byte ends a varint */
	if (v->m == 0 || v->m > v->nbytes || (v->runs[v->nbytes - 1] & 0x80))
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "The runs of a stored mask are damaged.");
	return ANNOT_OK;
}

/*
 * Read one varint at *pp.  annot_mask_open() made sure the last byte ends
 * a varint, so this cannot read past the end; varints longer than 5 bytes
 * or with needless zero bytes (which would make equal masks differ in
 * their bytes) are refused.
 */
static inline bool
varint_read(const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
	const uint8_t *p = *pp;
	uint64_t	z = *p++;

	if (z >= 0x80)
	{
		int			shift = 7;

		z &= 0x7f;
		for (;;)
		{
			uint64_t	b;

			if (p >= end || shift >= 7 * VARINT_MAX_BYTES)
				return false;
			b = *p++;
			z |= (b & 0x7f) << shift;
			if (b < 0x80)
			{
				/* a zero last byte is an overlong spelling: not canonical */
				if (b == 0)
					return false;
				break;
			}
			shift += 7;
		}
	}
	*pp = p;
	*out = z;
	return true;
}

/* Read the next value of the runs into dst (a statement of the decoder). */
#define READ_VALUE(dst) \
	do { \
		uint64_t	z_ = *p; \
		if (z_ < 0x80) \
			p++; \
		else if (!varint_read(&p, end, &z_)) \
			goto corrupt; \
		(dst) = unzigzag(z_); \
	} while (0)

annot_status
annot_mask_decode_into(const annot_mask_view *v, uint32_t *iv, uint32_t *nout,
					   annot_err *err)
{
	const uint8_t *p = v->runs;
	const uint8_t *end = v->runs + v->nbytes;
	const int64_t total = (int64_t) v->h * v->w;
	int64_t		pos,
				area = 0,
				bg,
				fg = 0,
				d;
	uint64_t	m = 1;
	uint32_t	n = 0;
	const uint32_t maxn = v->m / 2;

	/*
	 * The hot path of every computation on stored masks: one pass, with
	 * the checks that make a damaged value an error instead of garbage.
	 * The header's count of runs bounds the intervals written (m / 2);
	 * a value with more is damaged.  Written as background/foreground pairs so that the only branch the
	 * CPU cannot foresee is the rare two-byte varint.
	 */
	READ_VALUE(bg);
	if (bg < 0 || bg > total)
		goto corrupt;
	pos = bg;
	/* the second and third counts are stored as they are */
	if (p < end)
	{
		READ_VALUE(fg);
		if (fg <= 0 || fg > total - pos || maxn == 0)
			goto corrupt;
		iv[0] = (uint32_t) pos;
		pos += fg;
		iv[1] = (uint32_t) pos;
		n = 1;
		area = fg;
		m = 2;
		if (p < end)
		{
			READ_VALUE(bg);
			if (bg <= 0 || bg > total - pos)
				goto corrupt;
			pos += bg;
			m = 3;
		}
	}
	/* then each as the difference to the previous one of its kind */
	while (p < end)
	{
		READ_VALUE(d);
		fg += d;
		if (fg <= 0 || fg > total - pos || n >= maxn)
			goto corrupt;
		iv[2 * n] = (uint32_t) pos;
		pos += fg;
		iv[2 * n + 1] = (uint32_t) pos;
		n++;
		area += fg;
		m++;
		if (p >= end)
			break;
		READ_VALUE(d);
		bg += d;
		if (bg <= 0 || bg > total - pos)
			goto corrupt;
		pos += bg;
		m++;
		/* a multi-megabyte mask must not hold off a cancel */
		if ((m & 0xfffff) == 0)
			annot_check_interrupts();
	}
	if (pos != total || m != v->m || area != (int64_t) v->area)
		goto corrupt;
	*nout = n;
	return ANNOT_OK;

corrupt:
	return annot_fail(err, ANNOT_ECORRUPT, -1,
					  "The runs of a stored mask are damaged or disagree with its header.");
}

annot_status
annot_mask_decode(const annot_mask_view *v, annot_ivals *out, annot_err *err)
{
	annot_status st;
	uint32_t	bbox[4];

	annot_err_about(err, "mask", NULL);
	annot_ivals_init(out, v->h, v->w);
	if ((st = annot_ivals_reserve(out, v->m / 2, err)) != ANNOT_OK)
		return st;
	if ((st = annot_mask_decode_into(v, out->iv, &out->n, err)) != ANNOT_OK)
	{
		annot_ivals_free(out);
		return st;
	}
	/* the cached box too: every header field is then checked */
	annot_ivals_bbox(out, bbox);
	if (memcmp(bbox, v->bbox, sizeof(bbox)) != 0)
	{
		annot_ivals_free(out);
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "The bounding box of a stored mask disagrees with its runs.");
	}
	return ANNOT_OK;
}

size_t
annot_mask_view_coco_strlen(const annot_mask_view *v)
{
	const uint8_t *p = v->runs;
	const uint8_t *end = v->runs + v->nbytes;
	size_t		n = 0;
	uint32_t	k = 0;

	/* the stored value is COCO's value: transcode without the counts */
	while (p < end)
	{
		uint64_t	z;

		if (!varint_read(&p, end, &z))
			break;
		n += coco_value_len(unzigzag(z));
		if ((++k & (CHECK_EVERY - 1)) == 0)
			annot_check_interrupts();
	}
	return n;
}

void
annot_mask_view_coco_string(const annot_mask_view *v, char *buf)
{
	const uint8_t *p = v->runs;
	const uint8_t *end = v->runs + v->nbytes;
	char	   *q = buf;
	uint32_t	k = 0;

	while (p < end)
	{
		uint64_t	z;

		if (!varint_read(&p, end, &z))
			break;
		q = coco_value_write(q, unzigzag(z));
		if ((++k & (CHECK_EVERY - 1)) == 0)
			annot_check_interrupts();
	}
	*q = '\0';
}

/* Binary wire format: network byte order */

#define BINARY_HDRSZ 13			/* version, h, w, number of counts */

size_t
annot_mask_binary_size(const annot_ivals *m)
{
	return BINARY_HDRSZ + 4 * annot_ivals_ncounts(m);
}

void
annot_mask_binary_write(const annot_ivals *m, uint8_t *buf)
{
	annot_counts_iter it;
	uint32_t	c;
	uint8_t    *p = buf + BINARY_HDRSZ;

	buf[0] = ANNOT_MASK_VERSION;
	annot_put_be32(buf + 1, m->h);
	annot_put_be32(buf + 5, m->w);
	annot_put_be32(buf + 9, (uint32_t) annot_ivals_ncounts(m));
	annot_counts_iter_init(&it, m);
	while (annot_counts_next(&it, &c))
	{
		annot_put_be32(p, c);
		p += 4;
	}
}

annot_status
annot_mask_binary_read(const uint8_t *buf, size_t len, annot_ivals *out,
					   annot_err *err)
{
	annot_mask_builder b;
	annot_status st;
	uint32_t	h,
				w,
				m,
				i;

	annot_err_about(err, "mask", NULL);
	if (len < BINARY_HDRSZ)
		return annot_fail(err, ANNOT_EBINARY, -1,
						  "The message of %zu bytes is shorter than the %d-byte header.",
						  len, BINARY_HDRSZ);
	if (buf[0] != ANNOT_MASK_VERSION)
		return annot_fail(err, ANNOT_EBINARY, 0,
						  "Unknown binary format version %u.", (unsigned) buf[0]);
	h = annot_get_be32(buf + 1);
	w = annot_get_be32(buf + 5);
	m = annot_get_be32(buf + 9);
	if ((st = annot_mask_builder_init(&b, out, (int32_t) h, (int32_t) w,
									  ANNOT_EBINARY, err)) != ANNOT_OK)
		return st;
	if ((uint64_t) m * 4 != len - BINARY_HDRSZ)
	{
		st = annot_fail(err, ANNOT_EBINARY, -1,
						"The message announces %u counts but holds %zu bytes of them.",
						m, len - BINARY_HDRSZ);
		goto fail;
	}
	for (i = 0; i < m; i++)
	{
		if ((st = annot_mask_builder_add(&b, (int32_t) annot_get_be32(buf + BINARY_HDRSZ + 4 * (size_t) i),
										 err)) != ANNOT_OK)
			goto fail;
	}
	if ((st = annot_mask_builder_finish(&b, err)) != ANNOT_OK)
		goto fail;
	return ANNOT_OK;

fail:
	annot_ivals_free(out);
	return st;
}

/* Bitmaps */

annot_status
annot_mask_from_bitmap(const uint8_t *buf, size_t len, int64_t h, int64_t w,
					   annot_ivals *out, annot_err *err)
{
	annot_status st;
	uint32_t	x,
				y;

	annot_err_about(err, "bitmap", NULL);
	if ((st = annot_mask_check_size(h, w, ANNOT_EPARAM, err)) != ANNOT_OK)
		return st;
	if ((uint64_t) len != (uint64_t) h * (uint64_t) w)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "A %lld x %lld bitmap has %llu bytes, not %zu.",
						  (long long) h, (long long) w,
						  (unsigned long long) ((uint64_t) h * (uint64_t) w), len);
	annot_ivals_init(out, (uint32_t) h, (uint32_t) w);
	/* column-major runs from row-major bytes: walk each column down */
	for (x = 0; x < (uint32_t) w; x++)
	{
		uint32_t	base = x * (uint32_t) h;

		for (y = 0; y < (uint32_t) h;)
		{
			uint32_t	y0;

			while (y < (uint32_t) h && buf[(size_t) y * (size_t) w + x] == 0)
				y++;
			y0 = y;
			while (y < (uint32_t) h && buf[(size_t) y * (size_t) w + x] != 0)
				y++;
			if (y > y0 && (st = annot_ivals_push(out, base + y0, base + y, err)) != ANNOT_OK)
			{
				annot_ivals_free(out);
				return st;
			}
		}
		if ((x & 63) == 0)
			annot_check_interrupts();
	}
	return ANNOT_OK;
}

annot_status
annot_mask_check_bitmap(uint32_t h, uint32_t w, annot_err *err)
{
	annot_err_about(err, "bitmap", NULL);
	if ((uint64_t) h * w > ANNOT_BITMAP_MAX_BYTES)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "A bitmap of %u x %u pixels is larger than the limit of %llu bytes.",
						  h, w, (unsigned long long) ANNOT_BITMAP_MAX_BYTES);
	return ANNOT_OK;
}

void
annot_mask_to_bitmap(const annot_ivals *m, uint8_t *buf)
{
	uint32_t	h = m->h;
	size_t		w = m->w;
	uint32_t	i;
	uint64_t	done = 0;

	memset(buf, 0, (size_t) h * w);
	for (i = 0; i < m->n; i++)
	{
		uint32_t	s = m->iv[2 * i];
		uint32_t	len = m->iv[2 * i + 1] - s;
		size_t		x = s / h;
		uint32_t	y = s % h;

		/* walk down the column, wrapping to the top of the next one */
		while (len-- > 0)
		{
			buf[(size_t) y * w + x] = 1;
			if (++y == h)
			{
				y = 0, x++;
				if (((done += h) & ~(uint64_t) 0xfffff) != 0)
				{
					done = 0;
					annot_check_interrupts();
				}
			}
		}
		if ((i & 1023) == 0)
			annot_check_interrupts();
	}
}
