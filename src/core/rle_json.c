/*
 * rle_json.c -- the JSON forms of masks: COCO's RLE object (the text form
 * of annot.mask and the jsonb constructor) and a COCO annotation's whole
 * "segmentation" value, which is an RLE object, a polygon list or a box
 * list.  One reader for all of them; it needs no JSON library and checks
 * every byte, so it is fuzzed on its own.
 */
#include "rle_json.h"

#include <stdio.h>
#include <string.h>

typedef struct json_cursor
{
	const char *s;
	size_t		len;
	size_t		p;
	annot_status on_error;
	annot_err  *err;
} json_cursor;

static void
json_skip(json_cursor *c)
{
	while (c->p < c->len &&
		   (c->s[c->p] == ' ' || c->s[c->p] == '\t' ||
			c->s[c->p] == '\n' || c->s[c->p] == '\r'))
		c->p++;
}

static annot_status
json_expect(json_cursor *c, char ch, const char *what)
{
	json_skip(c);
	if (c->p >= c->len || c->s[c->p] != ch)
		return annot_fail(c->err, c->on_error, (long) c->p,
						  "Expected %s at position %zu.", what, c->p + 1);
	c->p++;
	return ANNOT_OK;
}

static int
hex_value(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/*
 * Read a JSON string into a new buffer of ASCII bytes (*out, *outlen).
 * Escapes that stand for characters above 0x7f are kept as the byte 0x80,
 * which no caller accepts; that is enough to report them.
 */
static annot_status
json_string(json_cursor *c, char **out, size_t *outlen)
{
	size_t		start;
	char	   *buf;
	size_t		n = 0;
	annot_status st;

	if ((st = json_expect(c, '"', "'\"'")) != ANNOT_OK)
		return st;
	start = c->p;
	/* the decoded string is never longer than the raw one */
	while (c->p < c->len && c->s[c->p] != '"')
		c->p += (c->s[c->p] == '\\' && c->p + 1 < c->len) ? 2 : 1;
	if (c->p >= c->len)
		return annot_fail(c->err, c->on_error, (long) start - 1,
						  "Unterminated string starting at position %zu.", start);
	buf = annot_alloc(c->p - start + 1);
	if (buf == NULL)
		return annot_fail(c->err, ANNOT_ENOMEM, -1, "Out of memory.");
	c->p = start;
	while (c->s[c->p] != '"')
	{
		unsigned char ch = (unsigned char) c->s[c->p];

		if (ch < 0x20)
		{
			annot_free(buf);
			return annot_fail(c->err, c->on_error, (long) c->p,
							  "Control character in a string at position %zu.", c->p + 1);
		}
		if (ch != '\\')
		{
			buf[n++] = (char) ch;
			c->p++;
			continue;
		}
		ch = (unsigned char) c->s[c->p + 1];
		if (ch != 'u')
		{
			/* JSON's one-letter escapes and the characters they stand for */
			static const char from[] = "\"\\/bfnrt";
			static const char to[] = "\"\\/\b\f\n\r\t";
			const char *hit = ch ? strchr(from, ch) : NULL;

			if (hit == NULL)
			{
				annot_free(buf);
				return annot_fail(c->err, c->on_error, (long) c->p,
								  "Invalid escape in a string at position %zu.", c->p + 1);
			}
			buf[n++] = to[hit - from];
			c->p += 2;
		}
		else
		{
			int			v = 0;
			int			k;

			for (k = 0; k < 4; k++)
			{
				int			hv = c->p + 2 + k < c->len ?
					hex_value(c->s[c->p + 2 + k]) : -1;

				if (hv < 0)
				{
					annot_free(buf);
					return annot_fail(c->err, c->on_error, (long) c->p,
									  "Invalid \\u escape at position %zu.", c->p + 1);
				}
				v = v * 16 + hv;
			}
			buf[n++] = (char) (v < 0x80 ? v : 0x80);
			c->p += 6;
		}
		/* an escape may not reach past the closing quote we found */
		if (c->p > c->len)
		{
			annot_free(buf);
			return annot_fail(c->err, c->on_error, (long) start,
							  "Unterminated string starting at position %zu.", start);
		}
	}
	c->p++;						/* closing quote */
	buf[n] = '\0';
	*out = buf;
	*outlen = n;
	return ANNOT_OK;
}

/* Largest number read from the text: beyond it, "too large" (no overflow). */
#define JSON_UINT_MAX ((uint64_t) 1 << 53)

/*
 * Read a JSON number that must be a non-negative integer (a fraction of
 * zeros is allowed, as some writers print 427.0).  what names it in
 * lower case ("a count"); limits are checked by the caller.
 */
static annot_status
json_uint(json_cursor *c, const char *what, int64_t *out)
{
	size_t		start;
	uint64_t	v = 0;
	bool		big = false;
	char		What[32];

	/* the name starts a sentence in some details */
	snprintf(What, sizeof(What), "%s", what);
	if (What[0] >= 'a' && What[0] <= 'z')
		What[0] = (char) (What[0] - 'a' + 'A');
	json_skip(c);
	start = c->p;
	if (c->p < c->len && c->s[c->p] == '-')
		return annot_fail(c->err, c->on_error, (long) start,
						  "%s at position %zu is negative.", What, start + 1);
	if (c->p >= c->len || c->s[c->p] < '0' || c->s[c->p] > '9')
		return annot_fail(c->err, c->on_error, (long) start,
						  "Expected %s (a non-negative integer) at position %zu.",
						  what, start + 1);
	if (c->s[c->p] == '0' && c->p + 1 < c->len &&
		c->s[c->p + 1] >= '0' && c->s[c->p + 1] <= '9')
		return annot_fail(c->err, c->on_error, (long) start,
						  "Leading zeros in %s at position %zu.", what, start + 1);
	while (c->p < c->len && c->s[c->p] >= '0' && c->s[c->p] <= '9')
	{
		v = v * 10 + (uint64_t) (c->s[c->p] - '0');
		if (v > JSON_UINT_MAX)
			big = true, v = JSON_UINT_MAX;
		c->p++;
	}
	if (c->p < c->len && c->s[c->p] == '.')
	{
		size_t		q = c->p + 1;

		while (q < c->len && c->s[q] == '0')
			q++;
		if (q == c->p + 1 || (q < c->len && c->s[q] >= '1' && c->s[q] <= '9'))
			return annot_fail(c->err, c->on_error, (long) start,
							  "%s at position %zu is not an integer.", What, start + 1);
		c->p = q;
	}
	if (c->p < c->len && (c->s[c->p] == 'e' || c->s[c->p] == 'E'))
		return annot_fail(c->err, c->on_error, (long) start,
						  "%s at position %zu must be written without an exponent.",
						  What, start + 1);
	if (big)
		return annot_fail(c->err, c->on_error, (long) start,
						  "%s at position %zu is too large.", What, start + 1);
	*out = (int64_t) v;
	return ANNOT_OK;
}

/* Parse state of one object: what has been seen and where it was. */
typedef struct rle_object
{
	bool		have_size;
	bool		have_counts;
	int64_t		h;
	int64_t		w;
	char	   *str;			/* compressed counts, or NULL */
	size_t		strlen;
	size_t		strpos;			/* position of the string in the text */
	int64_t    *counts;			/* uncompressed counts, or NULL */
	size_t		ncounts;
} rle_object;

static annot_status
parse_counts_array(json_cursor *c, rle_object *o)
{
	size_t		cap = 16;
	annot_status st;

	o->counts = annot_alloc(cap * sizeof(int64_t));
	if (o->counts == NULL)
		return annot_fail(c->err, ANNOT_ENOMEM, -1, "Out of memory.");
	o->ncounts = 0;
	json_skip(c);
	if (c->p < c->len && c->s[c->p] == ']')
	{
		c->p++;
		return ANNOT_OK;
	}
	for (;;)
	{
		int64_t		v;

		if ((st = json_uint(c, "a count", &v)) != ANNOT_OK)
			return st;
		if (o->ncounts == cap)
		{
			int64_t    *grown;

			/* past the limit no mask can come of it: stop growing */
			if (cap >= ANNOT_MASK_MAX_COUNTS)
				return annot_fail(c->err, ANNOT_ELIMIT, (long) c->p,
								  "A mask has at most %llu counts.",
								  (unsigned long long) ANNOT_MASK_MAX_COUNTS);
			grown = annot_realloc(o->counts, cap * 2 * sizeof(int64_t));
			if (grown == NULL)
				return annot_fail(c->err, ANNOT_ENOMEM, -1, "Out of memory.");
			o->counts = grown;
			cap *= 2;
		}
		o->counts[o->ncounts++] = v;
		json_skip(c);
		if (c->p < c->len && c->s[c->p] == ',')
		{
			c->p++;
			continue;
		}
		return json_expect(c, ']', "',' or ']' in the counts array");
	}
}

static annot_status
parse_member(json_cursor *c, rle_object *o)
{
	char	   *key;
	size_t		keylen;
	size_t		keypos;
	annot_status st;

	json_skip(c);
	keypos = c->p;
	if ((st = json_string(c, &key, &keylen)) != ANNOT_OK)
		return st;
	if (keylen == 4 && memcmp(key, "size", 4) == 0)
	{
		annot_free(key);
		if (o->have_size)
			return annot_fail(c->err, c->on_error, (long) keypos,
							  "Key \"size\" appears twice.");
		o->have_size = true;
		if ((st = json_expect(c, ':', "':'")) != ANNOT_OK ||
			(st = json_expect(c, '[', "'[' starting \"size\": [height, width]")) != ANNOT_OK ||
			(st = json_uint(c, "the height", &o->h)) != ANNOT_OK ||
			(st = json_expect(c, ',', "',' between height and width")) != ANNOT_OK ||
			(st = json_uint(c, "the width", &o->w)) != ANNOT_OK ||
			(st = json_expect(c, ']', "']' closing \"size\": [height, width]")) != ANNOT_OK)
			return st;
		return ANNOT_OK;
	}
	if (keylen == 6 && memcmp(key, "counts", 6) == 0)
	{
		annot_free(key);
		if (o->have_counts)
			return annot_fail(c->err, c->on_error, (long) keypos,
							  "Key \"counts\" appears twice.");
		o->have_counts = true;
		if ((st = json_expect(c, ':', "':'")) != ANNOT_OK)
			return st;
		json_skip(c);
		if (c->p < c->len && c->s[c->p] == '[')
		{
			c->p++;
			return parse_counts_array(c, o);
		}
		if (c->p < c->len && c->s[c->p] == '"')
		{
			o->strpos = c->p + 1;
			return json_string(c, &o->str, &o->strlen);
		}
		return annot_fail(c->err, c->on_error, (long) c->p,
						  "\"counts\" must be a string or an array of integers (position %zu).",
						  c->p + 1);
	}
	annot_free(key);
	return annot_fail(c->err, c->on_error, (long) keypos,
					  "Unexpected key at position %zu: a COCO RLE has only \"size\" and \"counts\".",
					  keypos + 1);
}

annot_status
annot_mask_parse(const char *text, size_t len, annot_status on_error,
				 annot_ivals *out, annot_err *err)
{
	json_cursor c = {text, len, 0, on_error, err};
	rle_object	o;
	annot_status st;

	memset(&o, 0, sizeof(o));
	if ((st = json_expect(&c, '{', "'{' starting a COCO RLE object")) != ANNOT_OK)
		goto done;
	for (;;)
	{
		if ((st = parse_member(&c, &o)) != ANNOT_OK)
			goto done;
		json_skip(&c);
		if (c.p < c.len && c.s[c.p] == ',')
		{
			c.p++;
			continue;
		}
		if ((st = json_expect(&c, '}', "',' or '}'")) != ANNOT_OK)
			goto done;
		break;
	}
	json_skip(&c);
	if (c.p < c.len)
	{
		st = annot_fail(err, on_error, (long) c.p,
						"Unexpected text after the object at position %zu.", c.p + 1);
		goto done;
	}
	if (!o.have_size || !o.have_counts)
	{
		st = annot_fail(err, on_error, -1, "A COCO RLE needs both \"size\" and \"counts\".");
		goto done;
	}
	if (o.str != NULL)
	{
		st = annot_mask_from_coco_string(o.str, o.strlen, o.h, o.w, on_error,
										 out, err);
		if (st != ANNOT_OK && err != NULL && err->pos >= 0)
			err->pos += (long) o.strpos;
	}
	else
	{
		annot_mask_builder b;
		size_t		i;

		if ((st = annot_mask_builder_init(&b, out, o.h, o.w, on_error, err)) != ANNOT_OK)
			goto done;
		for (i = 0; i < o.ncounts && st == ANNOT_OK; i++)
			st = annot_mask_builder_add(&b, o.counts[i], err);
		if (st == ANNOT_OK)
			st = annot_mask_builder_finish(&b, err);
		if (st != ANNOT_OK)
			annot_ivals_free(out);
	}

done:
	annot_free(o.str);
	annot_free(o.counts);
	return st;
}

char *
annot_mask_text(uint32_t h, uint32_t w, const char *coco, size_t *len)
{
	size_t		n = 0;
	const char *q;
	char	   *buf;
	char	   *p;

	/* JSON writes each backslash of the string as two */
	for (q = coco; *q; q++)
		n += *q == '\\' ? 2 : 1;
	buf = annot_alloc(n + 64);
	if (buf == NULL)
		return NULL;
	p = buf + sprintf(buf, "{\"size\": [%u, %u], \"counts\": \"", h, w);
	for (q = coco; *q; q++)
	{
		if (*q == '\\')
			*p++ = '\\';
		*p++ = *q;
	}
	memcpy(p, "\"}", 3);
	if (len != NULL)
		*len = (size_t) (p + 2 - buf);
	return buf;
}


annot_status
annot_mask_in(const char *text, annot_ivals *out, annot_err *err)
{
	annot_err_about(err, "mask", text);
	return annot_mask_parse(text, strlen(text), ANNOT_ESYNTAX, out, err);
}

annot_status
annot_mask_from_rle_json(const char *text, size_t len, annot_ivals *out,
						 annot_err *err)
{
	annot_err_about(err, "COCO RLE", NULL);
	return annot_mask_parse(text, len, ANNOT_EPARAM, out, err);
}

/* Segmentations: polygon and box lists */

/* The numbers of a polygon list, ring after ring. */
typedef struct seg_rings
{
	double	   *xy;
	size_t		nxy;
	size_t		cap;
	uint32_t   *len;			/* numbers per ring */
	uint32_t	nrings;
	uint32_t	ringcap;
} seg_rings;

static void
seg_rings_free(seg_rings *r)
{
	annot_free(r->xy);
	annot_free(r->len);
}

annot_status
annot_mask_check_segmentation_size(uint64_t rings, uint64_t numbers,
								   annot_err *err)
{
	annot_err_about(err, "COCO segmentation", NULL);
	if (rings > ANNOT_SEGM_MAX_POINTS)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "A segmentation has at most %d polygons.",
						  ANNOT_SEGM_MAX_POINTS);
	if (numbers > 2 * (uint64_t) ANNOT_SEGM_MAX_POINTS)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "A segmentation has at most %d points (%d numbers).",
						  ANNOT_SEGM_MAX_POINTS, 2 * ANNOT_SEGM_MAX_POINTS);
	return ANNOT_OK;
}

static annot_status
seg_fail_shape(json_cursor *c, const char *detail, uint32_t n)
{
	return annot_fail(c->err, ANNOT_EPARAM, (long) c->p, detail, n);
}

/* Add a ring, or a number to the last ring, growing the arrays. */
static annot_status
seg_add_ring(json_cursor *c, seg_rings *r)
{
	annot_status st;

	if ((st = annot_mask_check_segmentation_size((uint64_t) r->nrings + 1, 0,
												 c->err)) != ANNOT_OK)
		return st;
	if (r->nrings == r->ringcap)
	{
		uint32_t	cap = r->ringcap ? 2 * r->ringcap : 4;
		uint32_t   *grown = annot_realloc(r->len, (size_t) cap * sizeof(uint32_t));

		if (grown == NULL)
			return annot_fail(c->err, ANNOT_ENOMEM, -1, "Out of memory.");
		r->len = grown;
		r->ringcap = cap;
	}
	r->len[r->nrings++] = 0;
	return ANNOT_OK;
}

static annot_status
seg_add_number(json_cursor *c, seg_rings *r, double v)
{
	annot_status st;

	if ((st = annot_mask_check_segmentation_size(0, (uint64_t) r->nxy + 1,
												 c->err)) != ANNOT_OK)
		return st;
	if (r->nxy == r->cap)
	{
		size_t		cap = r->cap ? 2 * r->cap : 64;
		double	   *grown = annot_realloc(r->xy, cap * sizeof(double));

		if (grown == NULL)
			return annot_fail(c->err, ANNOT_ENOMEM, -1, "Out of memory.");
		r->xy = grown;
		r->cap = cap;
	}
	r->xy[r->nxy++] = v;
	r->len[r->nrings - 1]++;
	return ANNOT_OK;
}

/* Whether the next token starts with ch (blanks skipped). */
static bool
seg_at(json_cursor *c, char ch)
{
	json_skip(c);
	return c->p < c->len && c->s[c->p] == ch;
}

/* One ring: '[' numbers ']', after the '['. */
static annot_status
seg_read_ring(json_cursor *c, seg_rings *r)
{
	annot_status st;

	if (seg_at(c, ']'))
	{
		c->p++;
		return ANNOT_OK;
	}
	for (;;)
	{
		const char *p;
		double		v;
		bool		overflow;

		json_skip(c);
		if (c->p >= c->len)
			return annot_fail(c->err, ANNOT_EPARAM, (long) c->p,
							  "The polygon list ends inside polygon %u.", r->nrings);
		if (c->s[c->p] == '[')
			return seg_fail_shape(c, "A polygon list is an array of arrays of numbers; ring %u holds an array.",
								  r->nrings);
		if (c->s[c->p] == '{')
			return seg_fail_shape(c, "A polygon list is an array of arrays of numbers; it holds an object.", 0);
		p = c->s + c->p;
		if (!annot_parse_double(&p, &v, &overflow))
		{
			if (overflow)
				return annot_fail(c->err, ANNOT_ERANGE, (long) c->p,
								  "Element %u of ring %u is out of range for a double.",
								  r->len[r->nrings - 1] + 1, r->nrings);
			return annot_fail(c->err, ANNOT_EPARAM, (long) c->p,
							  "Element %u of ring %u is not a number.",
							  r->len[r->nrings - 1] + 1, r->nrings);
		}
		c->p = (size_t) (p - c->s);
		if ((st = seg_add_number(c, r, v)) != ANNOT_OK)
			return st;
		json_skip(c);
		if (c->p < c->len && c->s[c->p] == ',')
		{
			c->p++;
			continue;
		}
		return json_expect(c, ']', "',' or ']' in a polygon");
	}
}

/* The polygon list, after its '['. */
static annot_status
seg_read_list(json_cursor *c, seg_rings *r)
{
	annot_status st;

	if (seg_at(c, ']'))
	{
		c->p++;
		return ANNOT_OK;
	}
	for (;;)
	{
		json_skip(c);
		if (c->p < c->len && c->s[c->p] == '{')
			return seg_fail_shape(c, "A polygon list is an array of arrays of numbers; it holds an object.", 0);
		if (c->p >= c->len || c->s[c->p] != '[')
			return seg_fail_shape(c, "A polygon list is an array of arrays of numbers; element %u is not an array.",
								  r->nrings + 1);
		c->p++;
		if ((st = seg_add_ring(c, r)) != ANNOT_OK ||
			(st = seg_read_ring(c, r)) != ANNOT_OK)
			return st;
		json_skip(c);
		if (c->p < c->len && c->s[c->p] == ',')
		{
			c->p++;
			continue;
		}
		return json_expect(c, ']', "',' or ']' in the polygon list");
	}
}

/*
 * The rings read, to a mask: as frPyObjects, boxes when the first ring
 * has 4 numbers, else polygons of x, y pairs; merged by union.
 */
static annot_status
seg_rasterize(json_cursor *c, seg_rings *r, int64_t h, int64_t w,
			  annot_ivals *out)
{
	annot_status st;
	uint32_t	i;

	if (r->nrings == 0)
	{
		annot_ivals_init(out, (uint32_t) h, (uint32_t) w);
		return ANNOT_OK;
	}
	if (r->len[0] == 4)
	{
		double	   *xy;
		uint32_t   *npts;

		for (i = 0; i < r->nrings; i++)
			if (r->len[i] != 4)
				return annot_fail(c->err, ANNOT_EPARAM, -1,
								  "The first element has 4 numbers, so every element is a box [x, y, width, height]; element %u has %u.",
								  i + 1, r->len[i]);
		xy = annot_alloc((size_t) r->nrings * 8 * sizeof(double));
		npts = annot_alloc((size_t) r->nrings * sizeof(uint32_t));
		if (xy == NULL || npts == NULL)
		{
			annot_free(xy);
			annot_free(npts);
			return annot_fail(c->err, ANNOT_ENOMEM, -1, "Out of memory.");
		}
		for (i = 0; i < r->nrings; i++)
		{
			const double *b = r->xy + 4 * (size_t) i;

			annot_raster_box_ring(b[0], b[1], b[0] + b[2], b[1] + b[3],
								  xy + 8 * (size_t) i);
			npts[i] = 4;
		}
		st = annot_raster_rings(xy, npts, r->nrings, h, w, out, c->err);
		annot_free(xy);
		annot_free(npts);
		return st;
	}
	if (r->len[0] < 4)
		return annot_fail(c->err, ANNOT_EPARAM, -1,
						  "A polygon needs at least 3 points (6 numbers); the first has %u numbers.",
						  r->len[0]);
	for (i = 0; i < r->nrings; i++)
	{
		if (r->len[i] % 2 != 0)
			return annot_fail(c->err, ANNOT_EPARAM, -1,
							  "Polygon %u has an odd number of coordinates (%u).",
							  i + 1, r->len[i]);
		r->len[i] /= 2;
	}
	return annot_raster_rings(r->xy, r->len, r->nrings, h, w, out, c->err);
}

annot_status
annot_mask_from_segmentation(const char *text, int64_t h, int64_t w,
							 annot_ivals *out, annot_err *err)
{
	json_cursor c = {text, strlen(text), 0, ANNOT_EPARAM, err};
	seg_rings	r;
	annot_status st;

	annot_err_about(err, "mask size", NULL);
	if ((st = annot_mask_check_size(h, w, ANNOT_EPARAM, err)) != ANNOT_OK)
		return st;
	if (seg_at(&c, '{'))
	{
		if ((st = annot_mask_from_rle_json(text, c.len, out, err)) != ANNOT_OK)
			return st;
		annot_err_about(err, "COCO segmentation", NULL);
		if (out->h != (uint32_t) h || out->w != (uint32_t) w)
		{
			st = annot_fail(err, ANNOT_EPARAM, -1,
							"The RLE is %u x %u but the image is %lld x %lld (height x width).",
							out->h, out->w, (long long) h, (long long) w);
			annot_ivals_free(out);
		}
		return st;
	}
	annot_err_about(err, "COCO segmentation", NULL);
	if (!seg_at(&c, '['))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "A segmentation is a polygon list or an RLE object.");
	c.p++;
	memset(&r, 0, sizeof(r));
	if ((st = seg_read_list(&c, &r)) == ANNOT_OK)
	{
		json_skip(&c);
		if (c.p < c.len)
			st = annot_fail(err, ANNOT_EPARAM, (long) c.p,
							"Unexpected text after the polygon list at position %zu.",
							c.p + 1);
	}
	if (st == ANNOT_OK)
		st = seg_rasterize(&c, &r, h, w, out);
	seg_rings_free(&r);
	return st;
}

char *
annot_mask_view_text(const annot_mask_view *v, size_t *len)
{
	char	   *coco = annot_alloc(annot_mask_view_coco_strlen(v) + 1);
	char	   *text;

	if (coco == NULL)
		return NULL;
	annot_mask_view_coco_string(v, coco);
	text = annot_mask_text(v->h, v->w, coco, len);
	annot_free(coco);
	return text;
}

char *
annot_mask_counts_text(const annot_ivals *m, size_t *len)
{
	annot_counts_iter it;
	uint32_t	c;
	/* 10 digits and ", " a count, and the frame */
	size_t		cap = 12 * (size_t) annot_ivals_ncounts(m) + 64;
	char	   *buf = annot_alloc(cap);
	char	   *p;
	bool		first = true;
	uint64_t	k = 0;

	if (buf == NULL)
		return NULL;
	p = buf + sprintf(buf, "{\"size\": [%u, %u], \"counts\": [", m->h, m->w);
	annot_counts_iter_init(&it, m);
	while (annot_counts_next(&it, &c))
	{
		p += sprintf(p, first ? "%u" : ", %u", c);
		first = false;
		if ((++k & 0xffff) == 0)
			annot_check_interrupts();
	}
	memcpy(p, "]}", 3);
	if (len != NULL)
		*len = (size_t) (p + 2 - buf);
	return buf;
}
