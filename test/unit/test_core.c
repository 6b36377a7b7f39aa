/*
 * test_core.c -- unit tests of the utilities every part of the core shares:
 * byte order helpers and the bounded reader, hash mixers, the overlap
 * measures from areas, and the shortest round-trip number formatter.
 */
#include "unit.h"

#include <float.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../src/core/bbox.h"
#include "../../src/core/bytes.h"
#include "../../src/core/hash.h"
#include "../../src/core/overlap.h"

static void
test_bytes(void)
{
	uint8_t		buf[32];
	uint8_t    *p;
	annot_writer w = {buf};
	annot_reader r;
	uint8_t		u8;
	uint32_t	u32;
	uint64_t	u64;
	double		d;

	p = annot_put_be32(buf, UINT32_C(0x01020304));
	CHECK(p == buf + 4);
	CHECK(buf[0] == 1 && buf[1] == 2 && buf[2] == 3 && buf[3] == 4);
	CHECK(annot_get_be32(buf) == UINT32_C(0x01020304));
	p = annot_put_le32(buf, UINT32_C(0x01020304));
	CHECK(p == buf + 4);
	CHECK(buf[0] == 4 && buf[1] == 3 && buf[2] == 2 && buf[3] == 1);
	CHECK(annot_get_le32(buf) == UINT32_C(0x01020304));
	annot_put_be64(buf, UINT64_C(0x0102030405060708));
	CHECK(buf[0] == 1 && buf[7] == 8);
	CHECK(annot_get_be64(buf) == UINT64_C(0x0102030405060708));
	/* 1.0 is 0x3ff0000000000000 */
	annot_put_be_double(buf, 1.0);
	CHECK(buf[0] == 0x3f && buf[1] == 0xf0 && buf[7] == 0);
	CHECK(annot_get_be_double(buf) == 1.0);
	annot_put_le_double(buf, 1.0);
	CHECK(buf[7] == 0x3f && buf[6] == 0xf0 && buf[0] == 0);
	CHECK(annot_get_le_double(buf) == 1.0);
	CHECK(annot_get_le64(buf) == UINT64_C(0x3ff0000000000000));
	annot_put_host32(buf + 1, 77);	/* unaligned */
	CHECK(annot_get_host32(buf + 1) == 77);

	/* the writer and a big-endian reader agree */
	annot_write_u8(&w, 9);
	annot_write_be32(&w, 123456789);
	annot_write_be64(&w, UINT64_C(1) << 40);
	annot_write_be_double(&w, -0.5);
	CHECK(w.p == buf + 21);
	annot_reader_init(&r, buf, 21, true);
	CHECK(annot_read_u8(&r, &u8) && u8 == 9);
	CHECK(annot_read_u32(&r, &u32) && u32 == 123456789);
	CHECK(annot_read_u64(&r, &u64) && u64 == UINT64_C(1) << 40);
	CHECK(annot_reader_pos(&r) == 13);
	CHECK(annot_read_double(&r, &d) && d == -0.5);
	CHECK(annot_reader_left(&r) == 0);
	/* reads past the end fail and consume nothing */
	CHECK(!annot_read_u8(&r, &u8));
	annot_reader_init(&r, buf, 7, true);
	CHECK(annot_read_u32(&r, &u32));
	CHECK(!annot_read_u32(&r, &u32));
	CHECK(!annot_read_u64(&r, &u64));
	CHECK(!annot_read_bytes(&r, buf + 20, 4));
	CHECK(annot_reader_left(&r) == 3);
	CHECK(annot_read_bytes(&r, buf + 20, 3));
	/* a little-endian reader */
	annot_put_le32(buf, 0xdeadbeef);
	annot_reader_init(&r, buf, 4, false);
	CHECK(annot_read_u32(&r, &u32) && u32 == 0xdeadbeef);
}

static void
test_hash(void)
{
	annot_bbox	b = {1.5, -2, 3e10, 4};

	/*
	 * Stored hash indexes and hash partitions depend on these values: they
	 * are those of the released version and must never change.
	 */
	CHECK(annot_bbox_hash(&b, 0) == UINT64_C(2953489615307977724));
	CHECK(annot_bbox_hash(&b, 42) == UINT64_C(5980115976650192584));
	CHECK(annot_hash_fmix64(0) == 0);
	CHECK(annot_hash_fmix64(1) == UINT64_C(12994781566227106604));
	CHECK(annot_hash_splitmix64(1) == UINT64_C(6238072747940578789));
	CHECK(annot_hash_bytes("annotation", 10) == UINT64_C(6101915163570248789));
	CHECK(annot_hash_bytes("annotatioN", 10) != annot_hash_bytes("annotation", 10));
	CHECK(annot_hash_bytes("", 0) != annot_hash_bytes("\0", 1));
}

static void
test_overlap(void)
{
	/* plain quotients */
	CHECK(annot_overlap_iou(100, 100, 25) == 25.0 / 175.0);
	CHECK(annot_overlap_dice(100, 100, 25) == 0.25);
	CHECK(annot_overlap_crowd_iou(40, 10) == 0.25);
	CHECK(annot_overlap_union(100, 100, 25) == 175);
	/* nothing shared, or nothing at all: 0, never NaN */
	CHECK(annot_overlap_iou(0, 0, 0) == 0);
	CHECK(annot_overlap_iou(5, 7, 0) == 0);
	CHECK(annot_overlap_dice(0, 0, 0) == 0);
	CHECK(annot_overlap_crowd_iou(0, 0) == 0);
	CHECK(annot_overlap_crowd_iou(0, 3) == 0);
	CHECK(annot_overlap_iou(NAN, 1, NAN) == 0);
	/* rounding that overstates the intersection stays in [0,1] */
	CHECK(annot_overlap_iou(100, 100, 100) == 1);
	CHECK(annot_overlap_iou(100, 100, 100.0000001) == 1);
	CHECK(annot_overlap_union(100, 100, 300) == 100);
	CHECK(annot_overlap_union(100, 50, -10) == 150);
	CHECK(annot_overlap_dice(10, 10, 10.5) == 1);
	CHECK(annot_overlap_crowd_iou(10, 10.5) == 1);
	/* a tiny region inside a large one: the union is the large one */
	CHECK(annot_overlap_union(1, 0.75 * DBL_EPSILON / 2, 0.75 * DBL_EPSILON / 2) == 1);
	/* pixel counts: exactly pycocotools' (double) i / (double) u */
	CHECK(annot_overlap_iou(4, 15, 2) == 2.0 / 17.0);
	CHECK(annot_overlap_iou(3000000007.0, 2500000003.0, 1000000001.0) ==
		  (double) 1000000001 / (double) 4500000009);
}

/*
 * The formatter of version 0.1.0, kept here only to show that the fast one
 * writes the same text: "%.15g", widened to 16 and 17 digits until strtod
 * gives x back.
 */
static void
format_double_0_1(char *buf, double x)
{
	int			prec;

	if (isnan(x))
	{
		snprintf(buf, ANNOT_DBL_BUFLEN, "NaN");
		return;
	}
	if (isinf(x))
	{
		snprintf(buf, ANNOT_DBL_BUFLEN, x > 0 ? "Infinity" : "-Infinity");
		return;
	}
	if (x == 0.0)
	{
		snprintf(buf, ANNOT_DBL_BUFLEN, signbit(x) ? "-0" : "0");
		return;
	}
	for (prec = 15; prec < 17; prec++)
	{
		snprintf(buf, ANNOT_DBL_BUFLEN, "%.*g", prec, x);
		if (strtod(buf, NULL) == x)
			return;
	}
	snprintf(buf, ANNOT_DBL_BUFLEN, "%.17g", x);
}

/* Significant digits of a number's text. */
static int
count_digits(const char *s)
{
	int			n = 0;
	bool		leading = true;

	for (; *s && *s != 'e'; s++)
	{
		if (*s < '0' || *s > '9')
			continue;
		if (*s == '0' && leading)
			continue;
		leading = false;
		n++;
	}
	return n;
}

static uint64_t rng_state = UINT64_C(0x2545f4914f6cdd1d);

static uint64_t
rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static bool
is_power_of_two(double x)
{
	int			e;

	return fabs(frexp(x, &e)) == 0.5;
}

static long same_as_old;
static long shorter_than_old;

/*
 * The new text reads back to x, and is the old text, except where the old
 * was not the shortest: subnormals (printed with 15 digits) and powers of
 * two whose shortest 16 digits are not the nearest 16 digits (the gap
 * below a power of two is half the gap above).  There the new text has
 * fewer digits.
 */
static void
check_format(double x)
{
	char		got[ANNOT_DBL_BUFLEN];
	char		old[ANNOT_DBL_BUFLEN];
	int			len = annot_format_double(got, x);

	format_double_0_1(old, x);
	if ((size_t) len != strlen(got) ||
		(!isnan(x) && strtod(got, NULL) != x))
	{
		printf("# %.17g printed as %s\n", x, got);
		CHECK(!"round trip");
		return;
	}
	if (strcmp(got, old) == 0)
	{
		same_as_old++;
		return;
	}
	if ((fpclassify(x) == FP_SUBNORMAL || is_power_of_two(x)) &&
		count_digits(got) < count_digits(old))
	{
		shorter_than_old++;
		return;
	}
	printf("# %.17g: %s, 0.1.0 printed %s\n", x, got, old);
	CHECK(!"same text as 0.1.0");
}

static void
test_format(void)
{
	static const struct
	{
		double		x;
		const char *text;
	}			cases[] = {
		{0.1, "0.1"},
		{0.1 + 0.2, "0.30000000000000004"},
		{1.0 / 3.0, "0.3333333333333333"},
		{100, "100"},
		{123456789012345, "123456789012345"},
		{1e15, "1e+15"},
		{1234567890123456, "1234567890123456"},
		{12345678901234567.0, "12345678901234568"},
		{1e16, "1e+16"},
		{1e300, "1e+300"},
		{0.0001, "0.0001"},
		{0.00001, "1e-05"},
		{-2.5, "-2.5"},
		{0.0, "0"},
		{-0.0, "-0"},
		{5e-324, "5e-324"},
		{-5e-324, "-5e-324"},
		{2.2250738585072014e-308, "2.2250738585072014e-308"},
		{DBL_MAX, "1.7976931348623157e+308"},
		{9007199254740993.0, "9007199254740992"},
		{5.9604644775390625e-08, "5.960464477539063e-08"},	/* 2^-24 */
		{INFINITY, "Infinity"},
		{-INFINITY, "-Infinity"},
		{NAN, "NaN"},
	};
	size_t		i;
	int			e;
	long		k;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		char		buf[ANNOT_DBL_BUFLEN];

		annot_format_double(buf, cases[i].x);
		CHECK_STR(buf, cases[i].text);
	}
	CHECK_STR(ANNOT_NUM(1e15), "1e+15");

	/* every power of two and its neighbours */
	for (e = -1074; e <= 1023; e++)
	{
		double		x = ldexp(1.0, e);

		check_format(x);
		check_format(-nextafter(x, 0));
		check_format(nextafter(x, INFINITY));
	}
	/* random bit patterns, random magnitudes, and pixel-like values */
	for (k = 0; k < 100000; k++)
	{
		uint64_t	bits = rng_next();
		double		x;

		memcpy(&x, &bits, sizeof(x));
		check_format(x);
		check_format(ldexp(1.0 + (double) (rng_next() >> 11) / 9007199254740992.0,
						   (int) (rng_next() % 2098) - 1074));
		check_format((double) (rng_next() % 10000000) / 100.0);
		check_format((double) (rng_next() >> (rng_next() % 64)));
	}
	/* short decimals as they are typed */
	for (k = 0; k < 50000; k++)
	{
		char		text[64];

		snprintf(text, sizeof(text), "%llue%d",
				 (unsigned long long) (rng_next() % 100000000000000000ULL >> (rng_next() % 50)),
				 (int) (rng_next() % 640) - 330);
		check_format(strtod(text, NULL));
	}
	printf("# %ld as 0.1.0 printed them, %ld shorter\n",
		   same_as_old, shorter_than_old);
	CHECK(same_as_old > 450000);
}

int
main(void)
{
	test_bytes();
	test_hash();
	test_overlap();
	test_format();
	return unit_done("core");
}
