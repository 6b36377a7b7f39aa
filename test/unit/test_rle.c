/*
 * test_rle.c -- unit tests of the mask codec (COCO string, JSON text,
 * serialized and binary forms, bitmaps) and of the run algebra and
 * erosion, the latter against brute force on decoded bitmaps.
 */
#include "unit.h"

#include <stdlib.h>

#include "../../src/core/rle_json.h"
#include "../../src/core/rle_ops.h"

static char *
coco_of(const annot_ivals *m)
{
	char	   *s = malloc(annot_mask_coco_strlen(m) + 1);

	annot_mask_coco_string(m, s);
	return s;
}

static bool
ivals_equal(const annot_ivals *a, const annot_ivals *b)
{
	return a->h == b->h && a->w == b->w && a->n == b->n &&
		(a->n == 0 || memcmp(a->iv, b->iv, 8 * (size_t) a->n) == 0);
}

/* Build from counts through the builder; returns the status. */
static annot_status
from_counts(const int64_t *c, int n, int64_t h, int64_t w, annot_ivals *out,
			annot_err *err)
{
	annot_mask_builder b;
	annot_status st;
	int			i;

	if ((st = annot_mask_builder_init(&b, out, h, w, ANNOT_EPARAM, err)) != ANNOT_OK)
		return st;
	for (i = 0; i < n; i++)
		if ((st = annot_mask_builder_add(&b, c[i], err)) != ANNOT_OK)
		{
			annot_ivals_free(out);
			return st;
		}
	if ((st = annot_mask_builder_finish(&b, err)) != ANNOT_OK)
		annot_ivals_free(out);
	return st;
}

/*
 * The codec case of mask_api_vectors.json: pycocotools turns the
 * uncompressed counts into "05500MN3ON3ONe1".  Its size [1350, 1080] does
 * not match the counts (they add up to 100); pycocotools does not check,
 * annot does, so the codec is tested on a 10 x 10 grid.
 */
static void
test_coco_string(void)
{
	const int64_t counts[] = {0, 5, 5, 5, 5, 2, 3, 5, 2, 3, 5, 2, 3, 55};
	annot_ivals m,
				again;
	annot_err	err;
	char	   *s;
	annot_counts_iter it;
	uint32_t	c;
	int			i = 0;

	annot_err_init(&err);
	CHECK_STATUS(from_counts(counts, 14, 10, 10, &m, &err), ANNOT_OK);
	s = coco_of(&m);
	CHECK_STR(s, "05500MN3ON3ONe1");
	CHECK(annot_mask_coco_strlen(&m) == 15);
	CHECK_STATUS(annot_mask_from_coco_string(s, strlen(s), 10, 10, ANNOT_EPARAM, &again, &err), ANNOT_OK);
	CHECK(ivals_equal(&m, &again));
	annot_counts_iter_init(&it, &again);
	while (annot_counts_next(&it, &c))
		CHECK(i < 14 && c == (uint32_t) counts[i++]);
	CHECK(i == 14);
	annot_ivals_free(&again);
	/* pycocotools accepts the mismatched size; annot does not */
	CHECK_STATUS(annot_mask_from_coco_string(s, strlen(s), 1350, 1080, ANNOT_EPARAM, &again, &err), ANNOT_EPARAM);
	CHECK(strstr(err.detail, "add up to 100") != NULL);
	free(s);
	annot_ivals_free(&m);

	/* empty and full masks; the string of 400 background pixels */
	CHECK_STATUS(annot_mask_from_coco_string("`<", 2, 20, 20, ANNOT_EPARAM, &m, &err), ANNOT_OK);
	CHECK(m.n == 0);
	annot_ivals_free(&m);
	{
		const int64_t full[] = {0, 400};

		CHECK_STATUS(from_counts(full, 2, 20, 20, &m, &err), ANNOT_OK);
		s = coco_of(&m);
		CHECK_STR(s, "0`<");
		free(s);
		annot_ivals_free(&m);
	}
}

static void
test_coco_string_bad(void)
{
	static const struct
	{
		const char *s;
		int64_t		h,
					w;
		annot_status st;
		const char *detail;
	}			cases[] = {
		{"", 2, 2, ANNOT_EPARAM, "empty"},
		{"4", 2, 3, ANNOT_EPARAM, "add up to 4"},
		{"6", 2, 2, ANNOT_EPARAM, "more than"},
		{"4 ", 2, 2, ANNOT_EPARAM, "not in '0'..'o'"},
		{"p", 2, 2, ANNOT_EPARAM, "not in '0'..'o'"},
		{"/", 2, 2, ANNOT_EPARAM, "not in '0'..'o'"},
		{"\x80", 2, 2, ANNOT_EPARAM, "not in '0'..'o'"},
		{"P", 2, 2, ANNOT_EPARAM, "ends inside"},	/* continuation at the end */
		{"O", 2, 2, ANNOT_EPARAM, "negative"},	/* -1 */
		{"111N", 2, 2, ANNOT_EPARAM, "negative"},	/* 1 + (-2) */
		{"PPPPPPPP0", 2, 2, ANNOT_EPARAM, "too long"},
		{"4", 0, 4, ANNOT_EPARAM, "positive"},
		{"4", 65536, 65536, ANNOT_ELIMIT, "limit"},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		annot_ivals m;
		annot_err	err;

		annot_err_init(&err);
		CHECK_STATUS(annot_mask_from_coco_string(cases[i].s, strlen(cases[i].s),
												 cases[i].h, cases[i].w,
												 ANNOT_EPARAM, &m, &err),
					 cases[i].st);
		if (strstr(err.detail, cases[i].detail) == NULL)
			printf("# case %zu: detail \"%s\"\n", i, err.detail);
		CHECK(strstr(err.detail, cases[i].detail) != NULL);
	}
}

/* Zero-length runs are merged: every spelling of a mask encodes alike. */
static void
test_canonical(void)
{
	const int64_t plain[] = {2, 3, 4, 3};
	const int64_t zeros[] = {2, 1, 0, 2, 4, 0, 0, 3, 0};
	const int64_t lead[] = {0, 0, 2, 3, 4, 3};
	annot_ivals a,
				b,
				c;
	annot_err	err;

	annot_err_init(&err);
	CHECK_STATUS(from_counts(plain, 4, 3, 4, &a, &err), ANNOT_OK);
	CHECK_STATUS(from_counts(zeros, 9, 3, 4, &b, &err), ANNOT_OK);
	CHECK_STATUS(from_counts(lead, 6, 3, 4, &c, &err), ANNOT_OK);
	CHECK(ivals_equal(&a, &b));
	CHECK(ivals_equal(&a, &c));
	CHECK(annot_ivals_ncounts(&b) == 4);
	annot_ivals_free(&a);
	annot_ivals_free(&b);
	annot_ivals_free(&c);
}

static void
test_text(void)
{
	static const struct
	{
		const char *text;
		const char *coco;		/* expected string, NULL when invalid */
		annot_status st;
	}			cases[] = {
		{"{\"size\": [20, 20], \"counts\": \"`<\"}", "`<", ANNOT_OK},
		{"{\"counts\":\"`<\",\"size\":[20,20]}", "`<", ANNOT_OK},
		{" \t{ \"size\" : [ 2 , 2 ] , \"counts\" : [ 1 , 2 , 1 ] }\n", "121", ANNOT_OK},
		{"{\"size\": [2.0, 2], \"counts\": [4]}", "4", ANNOT_OK},
		{"{\"size\": [2, 2], \"counts\": \"\\u0034\"}", "4", ANNOT_OK},
		{"{\"size\": [20, 20], \"counts\": \"\\\\14`00000000P8\"}", "\\14`00000000P8", ANNOT_OK},
		{"{\"size\": [2, 2], \"counts\": [1, 2, 1]", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2]}", NULL, ANNOT_ESYNTAX},
		{"{\"counts\": \"4\"}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": \"4\", \"size\": [2, 2]}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": \"4\", \"area\": 0}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2, 1], \"counts\": \"4\"}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [-2, 2], \"counts\": \"4\"}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": [1, -2, 5]}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": [1.5, 2.5]}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": [4e0]}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [02, 2], \"counts\": [4]}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": [99999999999999999999]}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": 4}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": \"4\"} x", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": \"4\\\"}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": \"\\q\"}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": \"\\u00\"}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [2, 2], \"counts\": \"\\u00e9\"}", NULL, ANNOT_ESYNTAX},
		{"{\"size\": [70000, 70000], \"counts\": \"4\"}", NULL, ANNOT_ELIMIT},
		{"", NULL, ANNOT_ESYNTAX},
		{"[]", NULL, ANNOT_ESYNTAX},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		annot_ivals m;
		annot_err	err;
		annot_status st;

		annot_err_init(&err);
		st = annot_mask_parse(cases[i].text, strlen(cases[i].text), ANNOT_ESYNTAX, &m, &err);
		if (st != cases[i].st)
			printf("# case %zu: %s\n", i, err.detail);
		CHECK_STATUS(st, cases[i].st);
		if (st == ANNOT_OK && cases[i].coco)
		{
			char	   *s = coco_of(&m);

			CHECK_STR(s, cases[i].coco);
			free(s);
			annot_ivals_free(&m);
		}
		else
			CHECK(err.detail[0] != '\0');
	}

	/* output: jsonb's spacing, backslashes escaped, and it reads back */
	{
		char	   *t = annot_mask_text(20, 20, "\\14`00000000P8", NULL);
		annot_ivals m;

		CHECK_STR(t, "{\"size\": [20, 20], \"counts\": \"\\\\14`00000000P8\"}");
		CHECK_STATUS(annot_mask_parse(t, strlen(t), ANNOT_ESYNTAX, &m, NULL), ANNOT_OK);
		CHECK(annot_ivals_area(&m) == 20);
		annot_ivals_free(&m);
		free(t);
	}
}

/* A pseudo-random mask: runs of random length, dense or sparse. */
static void
random_mask(unsigned *seed, uint32_t h, uint32_t w, int maxrun,
			annot_ivals *out)
{
	annot_mask_builder b;
	uint64_t	left = (uint64_t) h * w;
	int			i = 0;

	annot_mask_builder_init(&b, out, h, w, ANNOT_EPARAM, NULL);
	while (left > 0)
	{
		uint64_t	c;

		*seed = *seed * 1103515245 + 12345;
		c = (*seed >> 8) % (uint32_t) maxrun;
		if (i > 0 && c == 0)
			c = 1;
		if (c > left)
			c = left;
		annot_mask_builder_add(&b, (int64_t) c, NULL);
		left -= c;
		i++;
	}
	annot_mask_builder_add(&b, 0, NULL);
}

static void
test_serialized(void)
{
	unsigned	seed = 7;
	int			iter;

	for (iter = 0; iter < 200; iter++)
	{
		annot_ivals m,
					back;
		annot_mask_view v;
		annot_err	err;
		size_t		size;
		uint8_t    *buf;
		char	   *coco,
				   *coco2;
		uint32_t	bb[4];

		random_mask(&seed, 1 + iter % 37, 1 + iter % 23, 1 + iter % 50, &m);
		size = annot_mask_serial_size(&m);
		buf = malloc(size);
		annot_mask_serialize(&m, buf);
		annot_err_init(&err);
		CHECK_STATUS(annot_mask_open(buf, size, &v, &err), ANNOT_OK);
		CHECK(v.h == m.h && v.w == m.w && v.area == annot_ivals_area(&m));
		annot_ivals_bbox(&m, bb);
		CHECK(memcmp(bb, v.bbox, sizeof(bb)) == 0);
		CHECK_STATUS(annot_mask_decode(&v, &back, &err), ANNOT_OK);
		CHECK(ivals_equal(&m, &back));
		/* storage: header plus never more bytes than COCO's characters */
		coco = coco_of(&m);
		CHECK(size - ANNOT_MASK_HDRSZ <= strlen(coco));
		coco2 = malloc(annot_mask_view_coco_strlen(&v) + 1);
		annot_mask_view_coco_string(&v, coco2);
		CHECK_STR(coco2, coco);
		/* damage: every single-byte change is caught or harmless */
		{
			size_t		k;

			for (k = 0; k < size; k++)
			{
				uint8_t		save = buf[k];
				annot_mask_view dv;
				annot_ivals dm;

				buf[k] ^= (uint8_t) (1 + k % 255);
				if (annot_mask_open(buf, size, &dv, NULL) == ANNOT_OK &&
					annot_mask_decode(&dv, &dm, NULL) == ANNOT_OK)
				{
					CHECK(annot_ivals_area(&dm) == dv.area);
					annot_ivals_free(&dm);
				}
				buf[k] = save;
			}
		}
		free(coco);
		free(coco2);
		free(buf);
		annot_ivals_free(&m);
		annot_ivals_free(&back);
	}
	{
		uint8_t		small[ANNOT_MASK_HDRSZ] = {1};
		annot_mask_view v;

		CHECK_STATUS(annot_mask_open(small, sizeof(small), &v, NULL), ANNOT_ECORRUPT);
	}
}

static void
test_binary(void)
{
	const int64_t counts[] = {2, 3, 4, 3};
	annot_ivals m,
				back;
	annot_err	err;
	size_t		size;
	uint8_t    *buf;

	annot_err_init(&err);
	from_counts(counts, 4, 3, 4, &m, NULL);
	size = annot_mask_binary_size(&m);
	CHECK(size == 13 + 16);
	buf = malloc(size + 4);
	annot_mask_binary_write(&m, buf);
	CHECK(buf[0] == 1 && buf[4] == 3 && buf[8] == 4 && buf[12] == 4 && buf[16] == 2);
	CHECK_STATUS(annot_mask_binary_read(buf, size, &back, &err), ANNOT_OK);
	CHECK(ivals_equal(&m, &back));
	annot_ivals_free(&back);
	CHECK_STATUS(annot_mask_binary_read(buf, size - 1, &back, &err), ANNOT_EBINARY);
	CHECK_STATUS(annot_mask_binary_read(buf, 12, &back, &err), ANNOT_EBINARY);
	memset(buf + size, 0, 4);
	CHECK_STATUS(annot_mask_binary_read(buf, size + 4, &back, &err), ANNOT_EBINARY);
	buf[0] = 2;
	CHECK_STATUS(annot_mask_binary_read(buf, size, &back, &err), ANNOT_EBINARY);
	buf[0] = 1;
	buf[16] = 3;				/* sum 13 */
	CHECK_STATUS(annot_mask_binary_read(buf, size, &back, &err), ANNOT_EBINARY);
	buf[13] = 0xff;				/* negative count */
	CHECK_STATUS(annot_mask_binary_read(buf, size, &back, &err), ANNOT_EBINARY);
	buf[1] = 0x80;				/* negative height */
	CHECK_STATUS(annot_mask_binary_read(buf, size, &back, &err), ANNOT_EBINARY);
	free(buf);
	annot_ivals_free(&m);
}

static void
test_bitmap(void)
{
	/* toBbox cases of mask_api_vectors.json */
	const uint8_t corner[4] = {0, 1, 1, 1};
	uint8_t		block[100] = {0};
	annot_ivals m;
	annot_err	err;
	uint32_t	bb[4];
	uint8_t		out[100];
	int			y,
				x;

	annot_err_init(&err);
	CHECK_STATUS(annot_mask_from_bitmap(corner, 4, 2, 2, &m, &err), ANNOT_OK);
	annot_ivals_bbox(&m, bb);
	CHECK(bb[0] == 0 && bb[1] == 0 && bb[2] == 2 && bb[3] == 2);
	CHECK(annot_ivals_area(&m) == 3);
	annot_mask_to_bitmap(&m, out);
	CHECK(memcmp(out, corner, 4) == 0);
	annot_ivals_free(&m);

	for (y = 2; y < 4; y++)
		for (x = 3; x < 6; x++)
			block[y * 10 + x] = 255;	/* any non-zero byte is foreground */
	CHECK_STATUS(annot_mask_from_bitmap(block, 100, 10, 10, &m, &err), ANNOT_OK);
	annot_ivals_bbox(&m, bb);
	CHECK(bb[0] == 3 && bb[1] == 2 && bb[2] == 3 && bb[3] == 2);
	annot_mask_to_bitmap(&m, out);
	for (x = 0; x < 100; x++)
		CHECK(out[x] == (block[x] != 0));
	annot_ivals_free(&m);

	CHECK_STATUS(annot_mask_from_bitmap(block, 99, 10, 10, &m, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_mask_from_bitmap(block, 100, -10, -10, &m, &err), ANNOT_EPARAM);

	/* a run that wraps into the next column spans every row */
	{
		const int64_t wrap[] = {3, 2, 7};

		from_counts(wrap, 3, 4, 3, &m, NULL);
		annot_ivals_bbox(&m, bb);
		CHECK(bb[0] == 0 && bb[1] == 0 && bb[2] == 2 && bb[3] == 4);
		annot_ivals_free(&m);
	}
}

/* Brute force on bitmaps (column-major, one byte a pixel). */
static uint8_t *
pixels(const annot_ivals *m)
{
	uint8_t    *p = calloc((size_t) m->h * m->w, 1);
	uint32_t	i,
				q;

	for (i = 0; i < m->n; i++)
		for (q = m->iv[2 * i]; q < m->iv[2 * i + 1]; q++)
			p[q] = 1;
	return p;
}

static void
test_algebra(void)
{
	unsigned	seed = 99;
	int			iter;

	for (iter = 0; iter < 300; iter++)
	{
		uint32_t	h = 1 + iter % 17,
					w = 1 + (iter * 5) % 19;
		annot_ivals a,
					b,
					r;
		uint8_t    *pa,
				   *pb,
				   *pr;
		uint64_t	q,
					inter = 0,
					n = (uint64_t) h * w;
		int			op;

		random_mask(&seed, h, w, 2 + iter % 9, &a);
		random_mask(&seed, h, w, 2 + iter % 13, &b);
		pa = pixels(&a);
		pb = pixels(&b);
		for (op = 0; op < 4; op++)
		{
			bool		ok = true;

			CHECK_STATUS(annot_ivals_combine(&a, &b, (annot_mask_op) op, &r, NULL), ANNOT_OK);
			pr = pixels(&r);
			for (q = 0; q < n; q++)
			{
				int			want = op == 0 ? pa[q] && pb[q] : op == 1 ? pa[q] || pb[q] :
					op == 2 ? pa[q] && !pb[q] : pa[q] != pb[q];

				ok = ok && pr[q] == want;
			}
			CHECK(ok);
			free(pr);
			annot_ivals_free(&r);
		}
		CHECK_STATUS(annot_ivals_complement(&a, &r, NULL), ANNOT_OK);
		pr = pixels(&r);
		{
			bool		ok = true;

			for (q = 0; q < n; q++)
				ok = ok && pr[q] == !pa[q];
			CHECK(ok);
		}
		free(pr);
		annot_ivals_free(&r);
		for (q = 0; q < n; q++)
			inter += pa[q] && pb[q];
		CHECK(annot_ivals_inter_area(&a, &b) == inter);

		/* the same through serialized views */
		{
			size_t		sa = annot_mask_serial_size(&a),
						sb = annot_mask_serial_size(&b);
			uint8_t    *ba = malloc(sa),
					   *bb = malloc(sb);
			annot_mask_view va,
						vb;
			uint64_t	got = 12345;

			annot_mask_serialize(&a, ba);
			annot_mask_serialize(&b, bb);
			annot_mask_open(ba, sa, &va, NULL);
			annot_mask_open(bb, sb, &vb, NULL);
			CHECK_STATUS(annot_mask_inter_area(&va, &vb, &got, NULL), ANNOT_OK);
			CHECK(got == inter);
			free(ba);
			free(bb);
		}
		free(pa);
		free(pb);
		annot_ivals_free(&a);
		annot_ivals_free(&b);
	}
	{
		annot_ivals a,
					b,
					r;
		annot_err	err;

		annot_ivals_init(&a, 2, 3);
		annot_ivals_init(&b, 3, 2);
		annot_err_init(&err);
		CHECK_STATUS(annot_ivals_combine(&a, &b, ANNOT_MASK_OR, &r, &err), ANNOT_EPARAM);
		CHECK(strstr(err.detail, "different sizes") != NULL);
	}
	/* IoU conventions (pycocotools): 0 when nothing overlaps; crowd uses |dt| */
	CHECK(annot_mask_iou_value(0, 0, 0, false) == 0.0);
	CHECK(annot_mask_iou_value(2, 4, 15, false) == 2.0 / 17.0);
	CHECK(annot_mask_iou_value(2, 4, 15, true) == 0.5);
	CHECK(annot_mask_iou_value(2, 15, 4, true) == 2.0 / 15.0);
	CHECK(annot_mask_dice_value(2, 4, 15) == 4.0 / 19.0);
	CHECK(annot_mask_dice_value(0, 0, 0) == 0.0);
}

/* Erosion by brute force, as the reference code: pad, erode, crop. */
static void
brute_erode(const uint8_t *p, uint32_t h, uint32_t w, uint32_t d, uint8_t *out)
{
	uint32_t	x,
				y;

	for (x = 0; x < w; x++)
		for (y = 0; y < h; y++)
		{
			int			keep = 1;
			int64_t		i,
						j;

			for (i = (int64_t) x - d; keep && i <= (int64_t) x + d; i++)
				for (j = (int64_t) y - d; keep && j <= (int64_t) y + d; j++)
					if (i < 0 || j < 0 || i >= w || j >= h || !p[i * h + j])
						keep = 0;
			out[x * h + y] = (uint8_t) keep;
		}
}

static void
test_erosion(void)
{
	unsigned	seed = 4242;
	int			iter;

	for (iter = 0; iter < 200; iter++)
	{
		uint32_t	h = 3 + iter % 23,
					w = 3 + (iter * 7) % 29;
		uint32_t	d = 1 + iter % 6;
		annot_ivals m,
					e,
					bd;
		uint8_t    *pm,
				   *pe,
				   *want;
		uint64_t	q;
		bool		ok = true;

		random_mask(&seed, h, w, 2 + (iter % 5) * 8, &m);
		pm = pixels(&m);
		want = malloc((size_t) h * w);
		brute_erode(pm, h, w, d, want);
		CHECK_STATUS(annot_ivals_erode(&m, d, &e, NULL), ANNOT_OK);
		pe = pixels(&e);
		for (q = 0; q < (uint64_t) h * w; q++)
			ok = ok && pe[q] == want[q];
		if (!ok)
			printf("# erosion mismatch: %u x %u, d = %u\n", h, w, d);
		CHECK(ok);
		free(pe);
		CHECK_STATUS(annot_ivals_boundary(&m, d, &bd, NULL), ANNOT_OK);
		pe = pixels(&bd);
		ok = true;
		for (q = 0; q < (uint64_t) h * w; q++)
			ok = ok && pe[q] == (pm[q] && !want[q]);
		CHECK(ok);
		free(pe);
		free(pm);
		free(want);
		annot_ivals_free(&m);
		annot_ivals_free(&e);
		annot_ivals_free(&bd);
	}

	/* rounding of the dilation: half to even, at least 1 */
	CHECK(annot_mask_dilation(3, 4, 0.5) == 2);	/* 2.5 */
	CHECK(annot_mask_dilation(5, 12, 0.5) == 6);	/* 6.5 */
	CHECK(annot_mask_dilation(9, 12, 0.5) == 8);	/* 7.5 */
	CHECK(annot_mask_dilation(3, 4, 1.5) == 7);	/* 7.5, but never beyond h + w */
	CHECK(annot_mask_dilation(3, 4, 0.0) == 1);
	CHECK(annot_mask_dilation(480, 640, 0.02) == 16);
	CHECK(annot_mask_dilation(3, 4, 1e300) == 7);

	{
		annot_ivals a,
					b;
		double		v = -1;
		annot_err	err;
		const int64_t sq[] = {11, 3, 7, 3, 7, 3, 66};

		annot_err_init(&err);
		from_counts(sq, 7, 10, 10, &a, NULL);
		from_counts(sq, 7, 10, 10, &b, NULL);
		CHECK_STATUS(annot_ivals_boundary_iou(&a, &b, 0.02, &v, &err), ANNOT_OK);
		CHECK(v == 1.0);
		CHECK_STATUS(annot_ivals_boundary_iou(&a, &b, -1, &v, &err), ANNOT_EPARAM);
		CHECK_STATUS(annot_ivals_boundary_iou(&a, &b, NAN, &v, &err), ANNOT_EPARAM);
		annot_ivals_free(&a);
		annot_ivals_free(&b);
	}
}

int
main(void)
{
	test_coco_string();
	test_coco_string_bad();
	test_canonical();
	test_text();
	test_serialized();
	test_binary();
	test_bitmap();
	test_algebra();
	test_erosion();
	return unit_done("test_rle");
}
