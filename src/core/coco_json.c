/*
 * coco_json.c -- a one-pass reader of COCO datasets and results lists.
 */
#include "coco_json.h"

#include <math.h>
#include <string.h>

#define MAX_DEPTH 200

typedef struct reader
{
	unsigned	fields;			/* ANNOT_COCO_READ_* */
	const char *start;
	const char *p;
	const char *end;
	annot_status syntax;
	annot_err  *err;
	int			depth;
} reader;

/* Growable arrays of numbers. */
typedef struct numbuf
{
	double	   *v;
	size_t		n;
	size_t		cap;
} numbuf;

static annot_status
numbuf_push(reader *r, numbuf *b, double x)
{
	if (b->n == b->cap)
	{
		size_t		cap = b->cap ? 2 * b->cap : 16;
		double	   *v;

		if (b->n >= ANNOT_COCO_MAX_NUMBERS)
			return annot_fail(r->err, ANNOT_ELIMIT, r->p - r->start,
							  "More than %d numbers in one value.", ANNOT_COCO_MAX_NUMBERS);
		v = annot_realloc(b->v, cap * sizeof(double));
		if (v == NULL)
			return annot_fail(r->err, ANNOT_ENOMEM, -1, "Out of memory.");
		b->v = v;
		b->cap = cap;
	}
	b->v[b->n++] = x;
	return ANNOT_OK;
}

static void
ws(reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static annot_status
syntax(reader *r, const char *what)
{
	return annot_fail(r->err, r->syntax, r->p - r->start,
					  "Malformed JSON at byte %ld: %s.", (long) (r->p - r->start) + 1, what);
}

static bool
eat(reader *r, char c)
{
	ws(r);
	if (r->p < r->end && *r->p == c)
	{
		r->p++;
		return true;
	}
	return false;
}

static bool
at(reader *r, char c)
{
	ws(r);
	return r->p < r->end && *r->p == c;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
read_hex4(const char *s)
{
	int			v = 0;

	for (int i = 0; i < 4; i++)
	{
		int			h = hexval(s[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/*
 * Read a string; when out is not NULL, its decoded text (annot_alloc'd,
 * terminated) goes there and its length in *len.
 */
static annot_status
read_string(reader *r, char **out, size_t *len)
{
	const char *s;
	char	   *buf = NULL,
			   *q = NULL;

	if (!eat(r, '"'))
		return syntax(r, "expected a string");
	s = r->p;
	while (r->p < r->end && *r->p != '"')
	{
		if ((unsigned char) *r->p < 0x20)
			return syntax(r, "control character in a string");
		if (*r->p == '\\')
			r->p++;
		r->p++;
	}
	if (r->p >= r->end)
		return syntax(r, "unterminated string");
	r->p++;
	if (out == NULL)
		return ANNOT_OK;
	buf = annot_alloc((size_t) (r->p - s));
	if (buf == NULL)
		return annot_fail(r->err, ANNOT_ENOMEM, -1, "Out of memory.");
	q = buf;
	for (const char *c = s; c < r->p - 1; c++)
	{
		if (*c != '\\')
		{
			*q++ = *c;
			continue;
		}
		c++;
		switch (*c)
		{
			case '"':
			case '\\':
			case '/':
				*q++ = *c;
				break;
			case 'b':
				*q++ = '\b';
				break;
			case 'f':
				*q++ = '\f';
				break;
			case 'n':
				*q++ = '\n';
				break;
			case 'r':
				*q++ = '\r';
				break;
			case 't':
				*q++ = '\t';
				break;
			case 'u':
				{
					long		cp;

					if (r->p - 1 - c < 5 || (cp = read_hex4(c + 1)) < 0)
						goto bad;
					c += 4;
					if (cp >= 0xD800 && cp <= 0xDBFF)
					{
						long		lo;

						if (r->p - 1 - c < 7 || c[1] != '\\' || c[2] != 'u' ||
							(lo = read_hex4(c + 3)) < 0xDC00 || lo > 0xDFFF)
							goto bad;
						cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
						c += 6;
					}
					else if (cp >= 0xDC00 && cp <= 0xDFFF)
						goto bad;
					if (cp == 0)
						goto bad;
					if (cp < 0x80)
						*q++ = (char) cp;
					else if (cp < 0x800)
					{
						*q++ = (char) (0xC0 | (cp >> 6));
						*q++ = (char) (0x80 | (cp & 0x3F));
					}
					else if (cp < 0x10000)
					{
						*q++ = (char) (0xE0 | (cp >> 12));
						*q++ = (char) (0x80 | ((cp >> 6) & 0x3F));
						*q++ = (char) (0x80 | (cp & 0x3F));
					}
					else
					{
						*q++ = (char) (0xF0 | (cp >> 18));
						*q++ = (char) (0x80 | ((cp >> 12) & 0x3F));
						*q++ = (char) (0x80 | ((cp >> 6) & 0x3F));
						*q++ = (char) (0x80 | (cp & 0x3F));
					}
					break;
				}
			default:
				goto bad;
		}
	}
	*q = '\0';
	*out = buf;
	*len = (size_t) (q - buf);
	return ANNOT_OK;
bad:
	annot_free(buf);
	return syntax(r, "bad escape in a string");
}

/* Exact powers of ten: every one up to 1e22 is a double. */
static const double pow10_exact[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
 * A JSON number with at most 15 significant digits and a decimal exponent
 * within 22 is one exact integer times or divided by one exact power of
 * ten: a single rounding, so the nearest double, as strtod gives (Clinger's
 * fast path).  false sends the token to the general parser.
 */
static bool
fast_number(const char *p, const char *end, double *v, const char **after)
{
	bool		neg = false;
	uint64_t	mant = 0;
	int			digits = 0,
				exp10 = 0;

	if (p < end && *p == '-')
		neg = true, p++;
	if (p >= end || *p < '0' || *p > '9')
		return false;
	if (*p == '0')
		p++;
	else
		while (p < end && *p >= '0' && *p <= '9')
		{
			if (digits >= 15)
				return false;
			mant = mant * 10 + (uint64_t) (*p++ - '0');
			digits += mant > 0;
		}
	if (p < end && *p == '.')
	{
		p++;
		if (p >= end || *p < '0' || *p > '9')
			return false;
		while (p < end && *p >= '0' && *p <= '9')
		{
			if (digits >= 15)
				return false;
			mant = mant * 10 + (uint64_t) (*p++ - '0');
			digits += mant > 0;
			exp10--;
		}
	}
	if (p < end && (*p == 'e' || *p == 'E'))
		return false;
	if (exp10 < -22)
		return false;
	*v = exp10 == 0 ? (double) mant : (double) mant / pow10_exact[-exp10];
	if (neg)
		*v = -*v;
	*after = p;
	return true;
}

static annot_status
read_number(reader *r, double *v)
{
	bool		overflow;
	const char *p;
	char		tmp[64];
	char	   *copy;
	size_t		n;

	ws(r);
	if (fast_number(r->p, r->end, v, &p))
	{
		r->p = p;
		return ANNOT_OK;
	}
	/* annot_parse_double reads a terminated string: copy the token */
	p = r->p;
	while (p < r->end && (strchr("+-.eE", *p) != NULL || (*p >= '0' && *p <= '9')))
		p++;
	n = (size_t) (p - r->p);
	if (n == 0)
		return syntax(r, "expected a number");
	copy = n < sizeof(tmp) ? tmp : annot_alloc(n + 1);
	if (copy == NULL)
		return annot_fail(r->err, ANNOT_ENOMEM, -1, "Out of memory.");
	memcpy(copy, r->p, n);
	copy[n] = '\0';
	{
		const char *q = copy;
		bool		ok = annot_parse_double(&q, v, &overflow) && *q == '\0';

		if (copy != tmp)
			annot_free(copy);
		if (!ok)
		{
			if (overflow)
				return annot_fail(r->err, ANNOT_ERANGE, r->p - r->start,
								  "A number at byte %ld is out of range for float8.",
								  (long) (r->p - r->start) + 1);
			return syntax(r, "expected a number");
		}
	}
	r->p = p;
	return ANNOT_OK;
}

/*
 * Read an object key: its text (decoded into buf, at most bufsz - 1
 * bytes, terminated; a longer key is cut, which no known key matches).
 */
static annot_status
read_key(reader *r, char *buf, size_t bufsz)
{
	const char *s;
	annot_status st;

	ws(r);
	s = r->p + 1;
	if ((st = read_string(r, NULL, NULL)) != ANNOT_OK)
		return st;
	if (memchr(s, '\\', (size_t) (r->p - 1 - s)) == NULL)
	{
		size_t		n = (size_t) (r->p - 1 - s);

		if (n >= bufsz)
			n = bufsz - 1;
		memcpy(buf, s, n);
		buf[n] = '\0';
	}
	else
	{
		/* escapes: decode the key again */
		const char *save = r->p;
		char	   *dec;
		size_t		len;

		r->p = s - 1;
		if ((st = read_string(r, &dec, &len)) != ANNOT_OK)
			return st;
		if (len >= bufsz)
			len = bufsz - 1;
		memcpy(buf, dec, len);
		buf[len] = '\0';
		annot_free(dec);
		r->p = save;
	}
	if (!eat(r, ':'))
		return syntax(r, "expected \":\"");
	return ANNOT_OK;
}

static annot_status
skip_value(reader *r)
{
	annot_status st;

	ws(r);
	if (r->p >= r->end)
		return syntax(r, "unexpected end");
	if (++r->depth > MAX_DEPTH)
		return annot_fail(r->err, ANNOT_ELIMIT, r->p - r->start,
						  "JSON nested deeper than %d.", MAX_DEPTH);
	switch (*r->p)
	{
		case '"':
			st = read_string(r, NULL, NULL);
			break;
		case '{':
			r->p++;
			st = ANNOT_OK;
			if (eat(r, '}'))
				break;
			do
			{
				if ((st = read_string(r, NULL, NULL)) != ANNOT_OK)
					break;
				if (!eat(r, ':'))
				{
					st = syntax(r, "expected \":\"");
					break;
				}
				if ((st = skip_value(r)) != ANNOT_OK)
					break;
			} while (eat(r, ','));
			if (st == ANNOT_OK && !eat(r, '}'))
				st = syntax(r, "expected \"}\"");
			break;
		case '[':
			r->p++;
			st = ANNOT_OK;
			if (eat(r, ']'))
				break;
			do
			{
				if ((st = skip_value(r)) != ANNOT_OK)
					break;
			} while (eat(r, ','));
			if (st == ANNOT_OK && !eat(r, ']'))
				st = syntax(r, "expected \"]\"");
			break;
		case 't':
		case 'f':
		case 'n':
			{
				const char *w = *r->p == 't' ? "true" : *r->p == 'f' ? "false" : "null";
				size_t		l = strlen(w);

				if ((size_t) (r->end - r->p) < l || memcmp(r->p, w, l) != 0)
					st = syntax(r, "unknown literal");
				else
				{
					r->p += l;
					st = ANNOT_OK;
				}
				break;
			}
		default:
			{
				/* a number: checked by the grammar, not converted */
				const char *q = r->p;

				if (q < r->end && *q == '-')
					q++;
				if (q >= r->end || *q < '0' || *q > '9')
				{
					st = syntax(r, "expected a value");
					break;
				}
				while (q < r->end && ((*q >= '0' && *q <= '9') || *q == '.' ||
									  *q == 'e' || *q == 'E' || *q == '+' || *q == '-'))
					q++;
				r->p = q;
				st = ANNOT_OK;
			}
	}
	r->depth--;
	return st;
}

/* Where a field error happened: item kind, position and id if known. */
typedef struct where
{
	const char *item;			/* "annotation", "image", "category" */
	size_t		index;
	bool		has_id;
	int64_t		id;
} where;

static annot_status
field_error(reader *r, const where *w, const char *field, const char *msg)
{
	if (w->has_id)
		return annot_fail(r->err, ANNOT_EPARAM, r->p - r->start,
						  "In %s %zu (id %lld), \"%s\" %s.", w->item, w->index + 1,
						  (long long) w->id, field, msg);
	return annot_fail(r->err, ANNOT_EPARAM, r->p - r->start,
					  "In %s %zu, \"%s\" %s.", w->item, w->index + 1, field, msg);
}

/* A number field; JSON booleans count as 0 and 1 for flags. */
static annot_status
read_field_number(reader *r, const where *w, const char *field, double *v,
				  bool allow_bool)
{
	ws(r);
	if (r->p < r->end && (*r->p == '"' || *r->p == '[' || *r->p == '{' || *r->p == 'n' ||
						  (!allow_bool && (*r->p == 't' || *r->p == 'f'))))
		return field_error(r, w, field, "must be a number");
	if (allow_bool && r->p < r->end && (*r->p == 't' || *r->p == 'f'))
	{
		bool		t = *r->p == 't';
		annot_status st = skip_value(r);

		*v = t ? 1 : 0;
		return st;
	}
	return read_number(r, v);
}

static annot_status
read_field_int(reader *r, const where *w, const char *field, int64_t *out)
{
	double		v;
	annot_status st = read_field_number(r, w, field, &v, false);

	if (st != ANNOT_OK)
		return st;
	if (v != floor(v) || fabs(v) > 9007199254740992.0)
		return field_error(r, w, field, "must be an integer");
	*out = (int64_t) v;
	return ANNOT_OK;
}

/* [n, n, ...] into b (cleared first). */
static annot_status
read_numbers(reader *r, const where *w, const char *field, numbuf *b)
{
	annot_status st;

	b->n = 0;
	if (!at(r, '['))
		return field_error(r, w, field, "must be an array of numbers");
	r->p++;
	if (eat(r, ']'))
		return ANNOT_OK;
	do
	{
		double		v;

		if (at(r, '[') || at(r, '{') || at(r, '"') || at(r, 't') || at(r, 'f') || at(r, 'n'))
			return field_error(r, w, field, "must be an array of numbers");
		if ((st = read_number(r, &v)) != ANNOT_OK)
			return st;
		if ((st = numbuf_push(r, b, v)) != ANNOT_OK)
			return st;
	} while (eat(r, ','));
	if (!eat(r, ']'))
		return syntax(r, "expected \"]\"");
	return ANNOT_OK;
}

static annot_status
copy_numbers(reader *r, const numbuf *b, double **out)
{
	*out = annot_alloc(sizeof(double) * (b->n ? b->n : 1));
	if (*out == NULL)
		return annot_fail(r->err, ANNOT_ENOMEM, -1, "Out of memory.");
	if (b->n)
		memcpy(*out, b->v, sizeof(double) * b->n);
	return ANNOT_OK;
}

/*
 * Walk the members of the object at the reader (its "{" not yet read):
 * fn reads each member's value after its key.  not_object names the item
 * when the value is not an object.
 */
typedef annot_status (*member_fn) (reader *r, const char *key, void *ctx);

static annot_status
read_members(reader *r, member_fn fn, void *ctx, const char *item, size_t index)
{
	annot_status st;

	if (!at(r, '{'))
		return annot_fail(r->err, ANNOT_EPARAM, r->p - r->start,
						  "%s %zu is not a JSON object.", item, index + 1);
	r->p++;
	if (eat(r, '}'))
		return ANNOT_OK;
	do
	{
		char		key[32];

		if ((st = read_key(r, key, sizeof(key))) != ANNOT_OK)
			return st;
		if ((st = fn(r, key, ctx)) != ANNOT_OK)
			return st;
	} while (eat(r, ','));
	if (!eat(r, '}'))
		return syntax(r, "expected \"}\"");
	return ANNOT_OK;
}

/* "segmentation": a polygon list or an RLE object. */
static annot_status
read_segmentation(reader *r, const where *w, annot_coco_ann *a, numbuf *b)
{
	annot_status st;

	if (at(r, '['))
	{
		numbuf		ring = {0};
		size_t		nr = 0,
					cap = 0;
		uint32_t   *npts = NULL;

		r->p++;
		b->n = 0;
		if (!eat(r, ']'))
		{
			do
			{
				if (!at(r, '['))
				{
					st = field_error(r, w, "segmentation", "must be a list of polygons or an RLE object");
					goto poly_fail;
				}
				if ((st = read_numbers(r, w, "segmentation", &ring)) != ANNOT_OK)
					goto poly_fail;
				if (ring.n % 2 != 0)
				{
					st = field_error(r, w, "segmentation", "has a polygon with an odd count of numbers");
					goto poly_fail;
				}
				for (size_t i = 0; i < ring.n; i++)
					if ((st = numbuf_push(r, b, ring.v[i])) != ANNOT_OK)
						goto poly_fail;
				if (nr == cap)
				{
					uint32_t   *np;

					cap = cap ? 2 * cap : 4;
					np = annot_realloc(npts, cap * sizeof(uint32_t));
					if (np == NULL)
					{
						st = annot_fail(r->err, ANNOT_ENOMEM, -1, "Out of memory.");
						goto poly_fail;
					}
					npts = np;
				}
				npts[nr++] = (uint32_t) (ring.n / 2);
			} while (eat(r, ','));
			if (!eat(r, ']'))
			{
				st = syntax(r, "expected \"]\"");
				goto poly_fail;
			}
		}
		annot_free(ring.v);
		a->seg = ANNOT_SEG_POLY;
		a->nrings = (uint32_t) nr;
		a->npts = npts;
		return copy_numbers(r, b, &a->xy);
poly_fail:
		annot_free(ring.v);
		annot_free(npts);
		return st;
	}
	if (at(r, '{'))
	{
		bool		has_size = false,
					has_counts = false;

		r->p++;
		if (!eat(r, '}'))
		{
			do
			{
				char		key[32];

				if ((st = read_key(r, key, sizeof(key))) != ANNOT_OK)
					return st;
				if (strcmp(key, "size") == 0)
				{
					if ((st = read_numbers(r, w, "segmentation", b)) != ANNOT_OK)
						return st;
					if (b->n != 2 || b->v[0] != floor(b->v[0]) || b->v[1] != floor(b->v[1]) ||
						b->v[0] < 0 || b->v[1] < 0 || b->v[0] > 1e9 || b->v[1] > 1e9)
						return field_error(r, w, "segmentation", "has a \"size\" that is not [height, width]");
					a->rle_h = (int64_t) b->v[0];
					a->rle_w = (int64_t) b->v[1];
					has_size = true;
				}
				else if (strcmp(key, "counts") == 0)
				{
					if (has_counts)
						return field_error(r, w, "segmentation", "has \"counts\" twice");
					if (at(r, '"'))
					{
						if ((st = read_string(r, &a->counts, &a->counts_len)) != ANNOT_OK)
							return st;
						a->seg = ANNOT_SEG_RLE_STRING;
					}
					else
					{
						if ((st = read_numbers(r, w, "segmentation", b)) != ANNOT_OK)
							return st;
						if ((st = copy_numbers(r, b, &a->xy)) != ANNOT_OK)
							return st;
						a->ncounts = b->n;
						a->seg = ANNOT_SEG_RLE_COUNTS;
					}
					has_counts = true;
				}
				else
				{
					if ((st = skip_value(r)) != ANNOT_OK)
						return st;
				}
			} while (eat(r, ','));
			if (!eat(r, '}'))
				return syntax(r, "expected \"}\"");
		}
		if (!has_size || !has_counts)
			return field_error(r, w, "segmentation", "as an RLE object needs \"size\" and \"counts\"");
		return ANNOT_OK;
	}
	return field_error(r, w, "segmentation", "must be a list of polygons or an RLE object");
}

static void
ann_free(annot_coco_ann *a)
{
	annot_free(a->npts);
	annot_free(a->xy);
	annot_free(a->counts);
	annot_free(a->kp);
}

typedef struct ann_ctx
{
	where		w;
	annot_coco_ann *a;
	numbuf	   *b;
} ann_ctx;

static annot_status
annotation_member(reader *r, const char *key, void *ctx)
{
	ann_ctx    *c = ctx;
	annot_coco_ann *a = c->a;
	numbuf	   *b = c->b;
	annot_status st = ANNOT_OK;
	double		v;

	if (strcmp(key, "id") == 0)
	{
		st = read_field_int(r, &c->w, "id", &a->id);
		a->flags |= ANNOT_COCO_HAS_ID;
		c->w.has_id = true;
		c->w.id = a->id;
	}
	else if (strcmp(key, "image_id") == 0)
		st = read_field_int(r, &c->w, "image_id", &a->image_id);
	else if (strcmp(key, "category_id") == 0)
	{
		st = read_field_int(r, &c->w, "category_id", &a->category_id);
		a->flags |= ANNOT_COCO_HAS_CATEGORY;
	}
	else if (strcmp(key, "bbox") == 0)
	{
		st = read_numbers(r, &c->w, "bbox", b);
		if (st == ANNOT_OK && b->n == 0)
			;				/* an empty bbox, as pycocotools allows */
		else if (st == ANNOT_OK && (b->n != 4 || !(b->v[2] >= 0) || !(b->v[3] >= 0)))
			st = field_error(r, &c->w, "bbox", "must be [x, y, width, height] with width and height >= 0");
		else if (st == ANNOT_OK)
		{
			memcpy(a->bbox, b->v, sizeof(a->bbox));
			a->flags |= ANNOT_COCO_HAS_BBOX;
		}
	}
	else if (strcmp(key, "area") == 0)
	{
		st = read_field_number(r, &c->w, "area", &a->area, false);
		if (st == ANNOT_OK && !(a->area >= 0))
			st = field_error(r, &c->w, "area", "must be >= 0");
		a->flags |= ANNOT_COCO_HAS_AREA;
	}
	else if (strcmp(key, "score") == 0)
	{
		st = read_field_number(r, &c->w, "score", &a->score, false);
		a->flags |= ANNOT_COCO_HAS_SCORE;
	}
	else if (strcmp(key, "iscrowd") == 0)
	{
		st = read_field_number(r, &c->w, "iscrowd", &v, true);
		a->iscrowd = v != 0;
	}
	else if (strcmp(key, "ignore") == 0)
	{
		st = read_field_number(r, &c->w, "ignore", &v, true);
		a->ignore = v != 0;
		a->flags |= ANNOT_COCO_HAS_IGNORE;
	}
	else if (strcmp(key, "num_keypoints") == 0)
	{
		st = read_field_int(r, &c->w, "num_keypoints", &a->num_keypoints);
		a->flags |= ANNOT_COCO_HAS_NUMKP;
	}
	else if (strcmp(key, "keypoints") == 0 && (r->fields & ANNOT_COCO_READ_KEYPOINTS))
	{
		st = read_numbers(r, &c->w, "keypoints", b);
		if (st == ANNOT_OK && b->n % 3 != 0)
			st = field_error(r, &c->w, "keypoints", "must hold (x, y, v) triples");
		if (st == ANNOT_OK && b->n > 0)
		{
			annot_free(a->kp);
			a->kp = NULL;
			st = copy_numbers(r, b, &a->kp);
			a->nkp = b->n;
		}
	}
	else if (strcmp(key, "segmentation") == 0 && (r->fields & ANNOT_COCO_READ_SEGM))
	{
		if (a->seg != ANNOT_SEG_NONE)
			st = field_error(r, &c->w, "segmentation", "appears twice");
		else if (at(r, 'n'))
			st = skip_value(r);
		else
			st = read_segmentation(r, &c->w, a, b);
	}
	else
		st = skip_value(r);
	return st;
}

static annot_status
read_annotation(reader *r, size_t index, annot_coco_ann *a, numbuf *b)
{
	ann_ctx		c = {{"annotation", index, false, 0}, a, b};
	annot_status st;

	memset(a, 0, sizeof(*a));
	a->num_keypoints = -1;
	if ((st = read_members(r, annotation_member, &c, "Annotation", index)) != ANNOT_OK)
		return st;
	for (int i = 0; i < 4; i++)
		if ((a->flags & ANNOT_COCO_HAS_BBOX) && !isfinite(a->bbox[i]))
			return field_error(r, &c.w, "bbox", "must hold finite numbers");
	return ANNOT_OK;
}

typedef struct image_ctx
{
	where		w;
	annot_coco_image *im;
	bool		has_id;
} image_ctx;

static annot_status
image_member(reader *r, const char *key, void *ctx)
{
	image_ctx  *c = ctx;
	size_t		l;
	annot_status st;

	if (strcmp(key, "id") == 0)
	{
		c->has_id = true;
		c->w.has_id = true;
		st = read_field_int(r, &c->w, "id", &c->im->id);
		c->w.id = c->im->id;
		return st;
	}
	if (strcmp(key, "height") == 0)
		return read_field_int(r, &c->w, "height", &c->im->height);
	if (strcmp(key, "width") == 0)
		return read_field_int(r, &c->w, "width", &c->im->width);
	if (strcmp(key, "file_name") == 0 && at(r, '"'))
	{
		annot_free(c->im->file_name);
		c->im->file_name = NULL;
		return read_string(r, &c->im->file_name, &l);
	}
	return skip_value(r);
}

static annot_status
read_image(reader *r, size_t index, annot_coco_image *im)
{
	image_ctx	c = {{"image", index, false, 0}, im, false};
	annot_status st;

	im->height = im->width = -1;
	im->file_name = NULL;
	if ((st = read_members(r, image_member, &c, "Image", index)) != ANNOT_OK)
		return st;
	if (!c.has_id)
		return field_error(r, &c.w, "id", "is missing");
	return ANNOT_OK;
}

typedef struct category_ctx
{
	where		w;
	annot_coco_category *c;
	bool		has_id;
} category_ctx;

static annot_status
category_member(reader *r, const char *key, void *ctx)
{
	category_ctx *c = ctx;
	size_t		l;

	if (strcmp(key, "id") == 0)
	{
		c->has_id = true;
		return read_field_int(r, &c->w, "id", &c->c->id);
	}
	if (strcmp(key, "name") == 0 && at(r, '"'))
	{
		annot_free(c->c->name);
		c->c->name = NULL;
		return read_string(r, &c->c->name, &l);
	}
	if (strcmp(key, "supercategory") == 0 && at(r, '"'))
	{
		annot_free(c->c->supercategory);
		c->c->supercategory = NULL;
		return read_string(r, &c->c->supercategory, &l);
	}
	return skip_value(r);
}

static annot_status
read_category(reader *r, size_t index, annot_coco_category *cat)
{
	category_ctx c = {{"category", index, false, 0}, cat, false};
	annot_status st;

	cat->name = cat->supercategory = NULL;
	if ((st = read_members(r, category_member, &c, "Category", index)) != ANNOT_OK)
		return st;
	if (!c.has_id)
		return field_error(r, &c.w, "id", "is missing");
	return ANNOT_OK;
}

/* Grow an array of items of size sz to hold n + 1. */
static annot_status
grow(reader *r, void **arr, size_t *cap, size_t n, size_t sz)
{
	if (n >= ANNOT_COCO_MAX_ITEMS)
		return annot_fail(r->err, ANNOT_ELIMIT, r->p - r->start,
						  "More than %d items in a list.", ANNOT_COCO_MAX_ITEMS);
	if (n == *cap)
	{
		size_t		c = *cap ? 2 * *cap : 64;
		void	   *a = annot_realloc(*arr, c * sz);

		if (a == NULL)
			return annot_fail(r->err, ANNOT_ENOMEM, -1, "Out of memory.");
		*arr = a;
		*cap = c;
	}
	return ANNOT_OK;
}

static annot_status
read_annotations(reader *r, annot_coco_doc *doc, numbuf *b)
{
	size_t		cap = 0;
	annot_status st;

	if (!eat(r, '['))
		return annot_fail(r->err, ANNOT_EPARAM, r->p - r->start,
						  "\"annotations\" must be a list.");
	if (eat(r, ']'))
		return ANNOT_OK;
	do
	{
		if ((doc->nanns & 1023) == 0)
			annot_check_interrupts();
		if ((st = grow(r, (void **) &doc->anns, &cap, doc->nanns, sizeof(annot_coco_ann))) != ANNOT_OK)
			return st;
		st = read_annotation(r, doc->nanns, &doc->anns[doc->nanns], b);
		doc->nanns++;
		if (st != ANNOT_OK)
			return st;
	} while (eat(r, ','));
	if (!eat(r, ']'))
		return syntax(r, "expected \"]\"");
	return ANNOT_OK;
}

annot_status
annot_coco_read(const char *text, size_t len, annot_status syntax_status,
				unsigned fields, annot_coco_doc *doc, annot_err *err)
{
	reader		r = {fields, text, text, text + len, syntax_status, err, 0};
	numbuf		b = {0};
	annot_status st = ANNOT_OK;

	annot_err_about(err, "COCO JSON", NULL);
	memset(doc, 0, sizeof(*doc));
	if (at(&r, '['))
	{
		doc->is_list = true;
		st = read_annotations(&r, doc, &b);
	}
	else if (eat(&r, '{'))
	{
		if (!eat(&r, '}'))
		{
			do
			{
				char		key[32];

				if ((st = read_key(&r, key, sizeof(key))) != ANNOT_OK)
					break;
				if (strcmp(key, "annotations") == 0)
					st = read_annotations(&r, doc, &b);
				else if (strcmp(key, "images") == 0)
				{
					size_t		cap = 0;

					if (!eat(&r, '['))
						st = annot_fail(err, ANNOT_EPARAM, r.p - text, "\"images\" must be a list.");
					else if (!eat(&r, ']'))
					{
						do
						{
							if ((st = grow(&r, (void **) &doc->images, &cap, doc->nimages,
										   sizeof(annot_coco_image))) != ANNOT_OK)
								break;
							st = read_image(&r, doc->nimages, &doc->images[doc->nimages]);
							doc->nimages++;
						} while (st == ANNOT_OK && eat(&r, ','));
						if (st == ANNOT_OK && !eat(&r, ']'))
							st = syntax(&r, "expected \"]\"");
					}
				}
				else if (strcmp(key, "categories") == 0)
				{
					size_t		cap = 0;

					if (!eat(&r, '['))
						st = annot_fail(err, ANNOT_EPARAM, r.p - text, "\"categories\" must be a list.");
					else if (!eat(&r, ']'))
					{
						do
						{
							if ((st = grow(&r, (void **) &doc->cats, &cap, doc->ncats,
										   sizeof(annot_coco_category))) != ANNOT_OK)
								break;
							st = read_category(&r, doc->ncats, &doc->cats[doc->ncats]);
							doc->ncats++;
						} while (st == ANNOT_OK && eat(&r, ','));
						if (st == ANNOT_OK && !eat(&r, ']'))
							st = syntax(&r, "expected \"]\"");
					}
				}
				else
					st = skip_value(&r);
			} while (st == ANNOT_OK && eat(&r, ','));
			if (st == ANNOT_OK && !eat(&r, '}'))
				st = syntax(&r, "expected \"}\"");
		}
	}
	else
		st = annot_fail(err, ANNOT_EPARAM, 0,
						"COCO JSON is a dataset object or a list of results.");
	if (st == ANNOT_OK)
	{
		ws(&r);
		if (r.p != r.end)
			st = syntax(&r, "text after the value");
	}
	annot_free(b.v);
	if (st != ANNOT_OK)
		annot_coco_doc_free(doc);
	return st;
}

void
annot_coco_doc_free(annot_coco_doc *doc)
{
	for (size_t i = 0; i < doc->nanns; i++)
		ann_free(&doc->anns[i]);
	for (size_t i = 0; i < doc->nimages; i++)
		annot_free(doc->images[i].file_name);
	for (size_t i = 0; i < doc->ncats; i++)
	{
		annot_free(doc->cats[i].name);
		annot_free(doc->cats[i].supercategory);
	}
	annot_free(doc->anns);
	annot_free(doc->images);
	annot_free(doc->cats);
	memset(doc, 0, sizeof(*doc));
}
