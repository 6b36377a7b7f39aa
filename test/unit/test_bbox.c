/*
 * test_bbox.c -- unit tests of the box codecs (text, binary, COCO arrays and
 * JSON, WKB), constructors, bounds, geometry, and the number parsing they
 * rely on.
 */
#include "unit.h"

#include <float.h>
#include <stdlib.h>

#include "../../src/core/bbox.h"
#include "../../src/core/bytes.h"
#include "../../src/core/wkb.h"

static void
test_parse_ok(void)
{
	annot_bbox	b;
	annot_err	err;
	char		buf[ANNOT_BBOX_TEXTLEN];

	annot_err_init(&err);
	CHECK_STATUS(annot_bbox_parse("(1,2),(3,4)", &b, &err), ANNOT_OK);
	CHECK(b.x1 == 1 && b.y1 == 2 && b.x2 == 3 && b.y2 == 4);
	CHECK_STATUS(annot_bbox_parse("  ( 1.5 , -2e1 ) , ( 3 ,4 )  ", &b, &err), ANNOT_OK);
	CHECK(b.x1 == 1.5 && b.y1 == -20 && b.x2 == 3 && b.y2 == 4);
	/* degenerate boxes are valid */
	CHECK_STATUS(annot_bbox_parse("(5,5),(5,5)", &b, &err), ANNOT_OK);
	CHECK(annot_bbox_area(&b) == 0);

	/* canonical output, shortest round trip */
	b.x1 = 0.1;
	b.y1 = 1.0 / 3.0;
	b.x2 = 1e15;
	b.y2 = 1e15;
	annot_bbox_format(&b, buf);
	CHECK_STR(buf, "(0.1,0.3333333333333333),(1e+15,1e+15)");
	{
		annot_bbox	r;

		CHECK_STATUS(annot_bbox_parse(buf, &r, &err), ANNOT_OK);
		CHECK(annot_bbox_equal(&b, &r));
	}
}

static void
test_parse_bad(void)
{
	static const struct
	{
		const char *text;
		annot_status st;
	}			cases[] = {
		{"", ANNOT_ESYNTAX},
		{"(1,2),(3,4", ANNOT_ESYNTAX},
		{"(1,2),(3,4))", ANNOT_ESYNTAX},
		{"(1,2)(3,4)", ANNOT_ESYNTAX},
		{"(1,2),(3)", ANNOT_ESYNTAX},
		{"(1,2,3,4)", ANNOT_ESYNTAX},
		{"(NaN,2),(3,4)", ANNOT_ESYNTAX},
		{"(inf,2),(3,4)", ANNOT_ESYNTAX},
		{"(0x10,2),(3,4)", ANNOT_ESYNTAX},
		{"(1e,2),(3,4)", ANNOT_ESYNTAX},
		{"(.,2),(3,4)", ANNOT_ESYNTAX},
		{"(3,2),(1,4)", ANNOT_ESYNTAX},		/* inverted x */
		{"(1,4),(3,2)", ANNOT_ESYNTAX},		/* inverted y */
		{"(1e999,2),(3,4)", ANNOT_ERANGE},
		{"(1,2),(3,-1e400)", ANNOT_ERANGE},
		{"(1,2),(3,4) x", ANNOT_ESYNTAX},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		annot_bbox	b;
		annot_err	err;

		annot_err_init(&err);
		CHECK_STATUS(annot_bbox_parse(cases[i].text, &b, &err), cases[i].st);
		CHECK(err.detail[0] != '\0');
	}
}

static void
test_geometry(void)
{
	annot_bbox	a = {0, 0, 10, 10};
	annot_bbox	b = {5, 5, 15, 15};
	annot_bbox	far = {20, 20, 30, 30};
	annot_bbox	touch = {10, 0, 20, 10};
	annot_bbox	pt = {3, 3, 3, 3};
	annot_bbox	r;

	CHECK_CLOSE(annot_bbox_iou(&a, &b), 25.0 / 175.0, 1e-15);
	CHECK(annot_bbox_iou(&a, &b) == annot_bbox_iou(&b, &a));
	CHECK(annot_bbox_iou(&a, &a) == 1.0);
	CHECK(annot_bbox_iou(&a, &far) == 0.0);
	CHECK(annot_bbox_iou(&pt, &pt) == 0.0);
	CHECK_CLOSE(annot_bbox_dice(&a, &b), 50.0 / 200.0, 1e-15);
	/* GIoU: C = 15x15 = 225, U = 175 */
	CHECK_CLOSE(annot_bbox_giou(&a, &b), 25.0 / 175.0 - 50.0 / 225.0, 1e-15);
	/* far apart: C = 900, U = 200 */
	CHECK_CLOSE(annot_bbox_giou(&a, &far), -700.0 / 900.0, 1e-15);
	CHECK(annot_bbox_giou(&pt, &pt) == 0.0);
	CHECK_CLOSE(annot_bbox_iou_crowd(&b, &a), 25.0 / 100.0, 1e-15);

	CHECK(annot_bbox_overlaps(&a, &touch));
	CHECK(annot_bbox_inter_area(&a, &touch) == 0.0);
	CHECK(annot_bbox_intersection(&a, &touch, &r) && r.x1 == 10 && r.x2 == 10);
	CHECK(!annot_bbox_intersection(&a, &far, &r));
	CHECK(annot_bbox_contains(&a, &pt));
	CHECK(!annot_bbox_contains(&pt, &a));
	annot_bbox_cover(&a, &far, &r);
	CHECK(r.x1 == 0 && r.y1 == 0 && r.x2 == 30 && r.y2 == 30);
	{
		bool		inside;
		annot_err	err;

		annot_err_init(&err);
		CHECK_STATUS(annot_bbox_clip(&b, 12, 8, &r, &inside, &err), ANNOT_OK);
		CHECK(inside && r.x1 == 5 && r.y1 == 5 && r.x2 == 12 && r.y2 == 8);
		CHECK_STATUS(annot_bbox_clip(&far, 12, 8, &r, &inside, &err), ANNOT_OK);
		CHECK(!inside);
		CHECK_STATUS(annot_bbox_clip(&b, -1, 8, &r, &inside, &err), ANNOT_EPARAM);
		CHECK_STR(err.subject, "image size");
		CHECK_STR(err.detail, "Image width and height must be finite and non-negative (got -1 and 8).");
		CHECK_STATUS(annot_bbox_clip(&b, 1, INFINITY, &r, &inside, &err), ANNOT_EPARAM);
		CHECK_STATUS(annot_bbox_clip(&b, NAN, 1, &r, &inside, &err), ANNOT_EPARAM);
	}
	{
		double		cx,
					cy;

		annot_bbox_center(&b, &cx, &cy);
		CHECK(cx == 10 && cy == 10);
	}

	/* order and hashing */
	CHECK(annot_bbox_cmp(&a, &b) < 0 && annot_bbox_cmp(&b, &a) > 0);
	CHECK(annot_bbox_cmp(&a, &a) == 0);
	{
		annot_bbox	z = {0.0, 0, 1, 1};
		annot_bbox	nz = {-0.0, 0, 1, 1};

		CHECK(annot_bbox_cmp(&z, &nz) == 0);
		CHECK(annot_bbox_hash(&z, 0) == annot_bbox_hash(&nz, 0));
		CHECK(annot_bbox_hash(&z, 1) != annot_bbox_hash(&z, 2));
	}
}

/* COCO widths as 0.1.0 computed them, kept here to compare with the fast way */
static double
coco_extent_0_1(double lo, double hi)
{
	double		d = hi - lo;
	double		cand[3];
	int			prec;
	int			k;

	for (prec = 1; prec <= 17; prec++)
	{
		char		buf[ANNOT_DBL_BUFLEN];
		double		w;

		snprintf(buf, sizeof(buf), "%.*g", prec, d);
		w = strtod(buf, NULL);
		if (w >= 0 && lo + w == hi)
			return w;
	}
	cand[0] = d;
	cand[1] = nextafter(d, INFINITY);
	cand[2] = nextafter(d, -INFINITY);
	for (k = 0; k < 3; k++)
		if (cand[k] >= 0 && lo + cand[k] == hi)
			return cand[k];
	return d;
}

static unsigned long long xs_state = 0x9e3779b97f4a7c15ULL;

static double
uniform(void)
{
	xs_state ^= xs_state << 13;
	xs_state ^= xs_state >> 7;
	xs_state ^= xs_state << 17;
	return (double) (xs_state >> 11) / 9007199254740992.0;
}

/* The fast COCO widths are the widths of 0.1.0, bit for bit. */
static void
test_coco_extent_as_before(void)
{
	long		same = 0;
	long		k;

	for (k = 0; k < 140000; k++)
	{
		double		lo,
					hi,
					got,
					old;
		char		buf[64];

		switch (k % 7)
		{
			case 6:				/* dyadic widths, whose digits end in 5 */
				lo = (double) (long) (uniform() * 4000) / 4;
				hi = lo + (double) (long) (uniform() * 100000) / 1024;
				break;
			case 0:				/* COCO decimals: x and w with 2 places */
				lo = (double) (long) (uniform() * 200000) / 100;
				hi = lo + (double) (long) (uniform() * 100000) / 100;
				break;
			case 1:				/* short decimals of any magnitude */
				snprintf(buf, sizeof(buf), "%de%d", (int) (uniform() * 99999),
						 (int) (uniform() * 40) - 30);
				lo = uniform() * 1000;
				hi = lo + strtod(buf, NULL);
				break;
			case 2:				/* arbitrary doubles */
				lo = (uniform() - 0.5) * 1e6;
				hi = lo + uniform() * 1e4;
				break;
			case 3:				/* powers of two */
				lo = uniform() * 100;
				hi = lo + ldexp(1.0, (int) (uniform() * 60) - 40);
				break;
			case 4:				/* float32 coordinates, as detectors write them */
				lo = (float) (uniform() * 1000);
				hi = (float) (lo + uniform() * 300);
				break;
			default:			/* near the bound and near zero */
				lo = (uniform() - 0.5) * 2e15;
				hi = lo + uniform() * (k % 14 == 5 ? 1e-300 : 1e14);
				break;
		}
		got = annot_bbox_coco_extent(lo, hi);
		old = coco_extent_0_1(lo, hi);
		if (memcmp(&got, &old, sizeof(got)) != 0)
		{
			printf("# [%.17g, %.17g]: width %.17g, 0.1.0 %.17g\n", lo, hi, got, old);
			break;
		}
		same++;
	}
	CHECK(same == 140000);
	CHECK(annot_bbox_coco_extent(0, -0.0) == 0 && signbit(annot_bbox_coco_extent(0, -0.0)));
	CHECK(annot_bbox_coco_extent(5, 5) == 0);
}

static void
test_xywh(void)
{
	annot_bbox	b;
	annot_err	err;
	const double xs[] = {473.07, 0.1, 417.3332824707031, 1e-3, 12345.678};
	const double ws[] = {395.93, 0.2, 47.66064453125, 7.77, 0.01};
	size_t		i;

	annot_err_init(&err);
	CHECK_STATUS(annot_bbox_from_xywh(1, 2, -1, 3, &b, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_bbox_from_xywh(1, 2, 3, NAN, &b, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_bbox_from_xywh(DBL_MAX, 2, DBL_MAX, 3, &b, &err), ANNOT_ERANGE);

	/* the COCO width printed back is the width that was read in */
	for (i = 0; i < sizeof(xs) / sizeof(xs[0]); i++)
	{
		CHECK_STATUS(annot_bbox_from_xywh(xs[i], 0, ws[i], 1, &b, &err), ANNOT_OK);
		CHECK(annot_bbox_coco_extent(b.x1, b.x2) == ws[i]);
	}
	/* and whatever comes out reads back to the same corner */
	srand(7);
	for (i = 0; i < 2000; i++)
	{
		double		lo = (rand() / (double) RAND_MAX) * 4000.0 - 100.0;
		double		hi = lo + (rand() / (double) RAND_MAX) * 900.0;
		double		w = annot_bbox_coco_extent(lo, hi);

		if (lo + w != hi)
		{
			CHECK(lo + w == hi);
			break;
		}
	}
	CHECK(i == 2000);
}

static void
test_numbers(void)
{
	char		buf[ANNOT_DBL_BUFLEN];
	const char *p;
	double		v;
	bool		ovf;

	annot_format_double(buf, 0.1 + 0.2);
	CHECK_STR(buf, "0.30000000000000004");
	annot_format_double(buf, -0.0);
	CHECK_STR(buf, "-0");
	annot_format_double(buf, 5e-324);
	CHECK_STR(buf, "5e-324");
	annot_format_double(buf, NAN);
	CHECK_STR(buf, "NaN");

	p = "  12.5e-1rest";
	CHECK(annot_parse_double(&p, &v, &ovf) && v == 1.25 && strcmp(p, "rest") == 0);
	p = "1e-400";				/* underflow to zero is accepted, as float8in does */
	CHECK(annot_parse_double(&p, &v, &ovf) && v == 0.0);
	p = "-1e400";
	CHECK(!annot_parse_double(&p, &v, &ovf) && ovf);
	p = "infinity";
	CHECK(!annot_parse_double(&p, &v, &ovf) && !ovf);
	p = "+";
	CHECK(!annot_parse_double(&p, &v, &ovf));
	/* a long token goes through the heap copy */
	{
		char		longnum[200];

		memset(longnum, '1', sizeof(longnum) - 1);
		longnum[sizeof(longnum) - 1] = '\0';
		p = longnum;
		CHECK(annot_parse_double(&p, &v, &ovf) && v > 1e198 && *p == '\0');
	}
}

/* The bound, subnormals, and errors naming their subject and literal */
static void
test_bounds(void)
{
	annot_bbox	b;
	annot_err	err;
	char		buf[ANNOT_BBOX_TEXTLEN];
	const char *lit = "(-1e15,-1e15),(1e15,1e15)";
	const char *over = "(0,0),(1.0000000000000002e15,1)";

	annot_err_init(&err);
	CHECK_STATUS(annot_bbox_parse(lit, &b, &err), ANNOT_OK);
	annot_bbox_format(&b, buf);
	CHECK_STR(buf, "(-1e+15,-1e+15),(1e+15,1e+15)");
	CHECK(annot_bbox_area(&b) == 4e30);
	CHECK(annot_bbox_iou(&b, &b) == 1.0);
	CHECK_STATUS(annot_bbox_parse(over, &b, &err), ANNOT_ERANGE);
	CHECK(err.subject != NULL && strcmp(err.subject, "bbox") == 0);
	CHECK(err.literal == over);
	CHECK_STR(err.detail, "Coordinate x2 (1000000000000000.2) exceeds the limit of 1e+15 in magnitude.");
	CHECK_STATUS(annot_bbox_parse("(-1e16,0),(0,0)", &b, &err), ANNOT_ERANGE);
	CHECK_STATUS(annot_bbox_from_corners(0, 0, 1, 2e15, &b, &err), ANNOT_ERANGE);
	CHECK_STATUS(annot_bbox_from_xywh(1e15, 0, 1, 1, &b, &err), ANNOT_ERANGE);
	CHECK_STATUS(annot_bbox_from_xywh(-1e15, -1e15, 2e15, 2e15, &b, &err), ANNOT_OK);
	CHECK(err.literal == NULL);

	/* subnormals and negative zero pass through exactly */
	CHECK_STATUS(annot_bbox_parse("(-0,5e-324),(4.9e-324,2.2250738585072014e-308)", &b, &err), ANNOT_OK);
	CHECK(signbit(b.x1) && b.y1 == 5e-324 && b.x2 == 5e-324);
	annot_bbox_format(&b, buf);
	CHECK_STR(buf, "(-0,5e-324),(5e-324,2.2250738585072014e-308)");
	CHECK(annot_bbox_width(&b) == 5e-324);

	/* measures of the largest boxes stay finite and within their ranges */
	{
		annot_bbox	big = {-1e15, -1e15, 1e15, 1e15};
		annot_bbox	thin = {-1e15, 0, 1e15, 5e-324};
		annot_bbox	corner = {1e15, 1e15, 1e15, 1e15};
		double		v;

		v = annot_bbox_iou(&big, &thin);
		CHECK(v >= 0 && v <= 1);
		v = annot_bbox_giou(&thin, &corner);
		CHECK(v >= -1 && v <= 1);
		CHECK(annot_bbox_dice(&big, &big) == 1.0);
		CHECK(annot_bbox_iou_crowd(&thin, &big) == 1.0);
	}
}

static void
test_binary(void)
{
	annot_bbox	b = {0.5, -1, 3, 1e15};
	annot_bbox	r;
	annot_err	err;
	uint8_t		buf[ANNOT_BBOX_BINLEN + 1] = {0};

	annot_err_init(&err);
	annot_bbox_send(&b, buf);
	CHECK(annot_get_be_double(buf + 24) == 1e15);
	CHECK_STATUS(annot_bbox_recv(buf, ANNOT_BBOX_BINLEN, &r, &err), ANNOT_OK);
	CHECK(annot_bbox_equal(&b, &r));
	/* any other length, shorter or longer, is malformed */
	CHECK_STATUS(annot_bbox_recv(buf, ANNOT_BBOX_BINLEN - 1, &r, &err), ANNOT_EBINARY);
	CHECK_STR(err.detail, "A binary bbox is 32 bytes (four float8); got 31.");
	CHECK_STATUS(annot_bbox_recv(buf, ANNOT_BBOX_BINLEN + 1, &r, &err), ANNOT_EBINARY);
	CHECK_STATUS(annot_bbox_recv(buf, 0, &r, &err), ANNOT_EBINARY);
	/* inverted, non-finite, beyond the bound */
	annot_put_be_double(buf, 4);
	CHECK_STATUS(annot_bbox_recv(buf, ANNOT_BBOX_BINLEN, &r, &err), ANNOT_EBINARY);
	annot_put_be_double(buf, NAN);
	CHECK_STATUS(annot_bbox_recv(buf, ANNOT_BBOX_BINLEN, &r, &err), ANNOT_EBINARY);
	annot_put_be_double(buf, -INFINITY);
	CHECK_STATUS(annot_bbox_recv(buf, ANNOT_BBOX_BINLEN, &r, &err), ANNOT_EBINARY);
	annot_put_be_double(buf, -2e15);
	CHECK_STATUS(annot_bbox_recv(buf, ANNOT_BBOX_BINLEN, &r, &err), ANNOT_ERANGE);
	CHECK_STR(err.subject, "bbox");
}

static void
test_coco(void)
{
	static const struct
	{
		const char *json;
		annot_status st;
	}			bad[] = {
		{"", ANNOT_EPARAM},
		{"{\"bbox\": [1, 2, 3, 4]}", ANNOT_EPARAM},
		{"[1, 2, 3]", ANNOT_EPARAM},
		{"[1, 2, 3, 4, 5]", ANNOT_EPARAM},
		{"[]", ANNOT_EPARAM},
		{"[1, 2, \"3\", 4]", ANNOT_EPARAM},
		{"[1, 2, [3], 4]", ANNOT_EPARAM},
		{"[1, 2, null, 4]", ANNOT_EPARAM},
		{"[1, 2, 3, 4", ANNOT_EPARAM},
		{"[1, 2, 3, 4] x", ANNOT_EPARAM},
		{"[1 2, 3, 4]", ANNOT_EPARAM},
		{"[1, 2, -3, 4]", ANNOT_EPARAM},
		{"[1e400, 2, 3, 4]", ANNOT_ERANGE},
		{"[1e15, 2, 3, 4]", ANNOT_ERANGE},
	};
	annot_bbox	b;
	annot_err	err;
	char		buf[ANNOT_BBOX_COCOLEN];
	int			len;
	size_t		i;

	annot_err_init(&err);
	CHECK_STATUS(annot_bbox_parse_coco("[473.07, 395.93, 38.65, 28.67]", &b, &err), ANNOT_OK);
	CHECK(b.x1 == 473.07 && b.y1 == 395.93 && b.x2 == 473.07 + 38.65);
	CHECK_STATUS(annot_bbox_coco(&b, buf, &len, &err), ANNOT_OK);
	CHECK_STR(buf, "[473.07, 395.93, 38.65, 28.67]");
	CHECK(len == (int) strlen(buf));
	CHECK_STATUS(annot_bbox_parse_coco(" [ 0 , 0 , 0 , 0 ] ", &b, &err), ANNOT_OK);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		annot_err_init(&err);
		CHECK_STATUS(annot_bbox_parse_coco(bad[i].json, &b, &err), bad[i].st);
		CHECK(err.subject != NULL && strcmp(err.subject, "COCO bbox") == 0);
		CHECK(err.detail[0] != '\0');
	}
	annot_bbox_parse_coco("[1, 2, \"3\", 4]", &b, &err);
	CHECK_STR(err.detail, "Element 3 of the array is not a number.");
	annot_bbox_parse_coco("[1, 2, 3]", &b, &err);
	CHECK_STR(err.detail, "A COCO bbox is an array of 4 numbers [x, y, width, height]; got 3.");

	/* the widest boxes have finite COCO widths that read back exactly */
	{
		annot_bbox	big = {-1e15, -1e15, 1e15, 1e15};
		annot_bbox	again;

		CHECK_STATUS(annot_bbox_coco(&big, buf, &len, &err), ANNOT_OK);
		CHECK_STR(buf, "[-1e+15, -1e+15, 2e+15, 2e+15]");
		CHECK_STATUS(annot_bbox_parse_coco(buf, &again, &err), ANNOT_OK);
		CHECK(annot_bbox_equal(&big, &again));
	}
	/* a box stored before the bound whose width overflows has no COCO form */
	{
		annot_bbox	legacy = {-DBL_MAX, 0, DBL_MAX, 1};

		CHECK_STATUS(annot_bbox_coco(&legacy, buf, &len, &err), ANNOT_ERANGE);
	}

	/* arrays as drivers bind them */
	{
		const double v[4] = {1, 2, 3, 4};
		const bool	nulls[4] = {false, false, true, false};

		CHECK_STATUS(annot_bbox_from_array(v, NULL, 1, 4, &b, &err), ANNOT_OK);
		CHECK(b.x1 == 1 && b.y1 == 2 && b.x2 == 4 && b.y2 == 6);
		CHECK_STATUS(annot_bbox_from_array(v, nulls, 1, 4, &b, &err), ANNOT_EPARAM);
		CHECK_STR(err.detail, "Element 3 of the array is NULL.");
		CHECK_STATUS(annot_bbox_from_array(v, NULL, 1, 3, &b, &err), ANNOT_EPARAM);
		CHECK_STATUS(annot_bbox_from_array(v, NULL, 0, 0, &b, &err), ANNOT_EPARAM);
		CHECK_STATUS(annot_bbox_from_array(v, NULL, 2, 4, &b, &err), ANNOT_EPARAM);
		CHECK_STR(err.subject, "COCO bbox");
	}
}

static void
test_wkb(void)
{
	annot_bbox	b = {1.5, -2, 30, 40};
	annot_bbox	r;
	annot_err	err;
	uint8_t		buf[ANNOT_BBOX_WKBLEN];
	annot_wkb_rings rings;

	annot_err_init(&err);
	annot_bbox_to_wkb(&b, buf);
	CHECK(buf[0] == 1 && annot_get_le32(buf + 1) == 3);
	CHECK_STATUS(annot_wkb_read_rings(buf, sizeof(buf), &rings, &err), ANNOT_OK);
	CHECK(rings.nrings == 1 && rings.npoints == 5);
	CHECK(rings.xy[0] == rings.xy[8] && rings.xy[1] == rings.xy[9]);
	annot_wkb_rings_free(&rings);
	CHECK_STATUS(annot_bbox_from_wkb(buf, sizeof(buf), &r, &err), ANNOT_OK);
	CHECK(annot_bbox_equal(&b, &r));
	CHECK_STATUS(annot_bbox_from_wkb(buf, sizeof(buf) - 1, &r, &err), ANNOT_EBINARY);
	CHECK_STR(err.subject, "WKB");
	/* an empty polygon has no envelope */
	{
		const uint8_t empty[9] = {1, 3, 0, 0, 0, 0, 0, 0, 0};

		CHECK_STATUS(annot_bbox_from_wkb(empty, sizeof(empty), &r, &err), ANNOT_EPARAM);
		CHECK_STR(err.detail, "An empty geometry has no bounding box.");
	}
	/* a geometry beyond the bound */
	b.x2 = 3e15;
	annot_bbox_to_wkb(&b, buf);
	CHECK_STATUS(annot_bbox_from_wkb(buf, sizeof(buf), &r, &err), ANNOT_ERANGE);
}

int
main(void)
{
	test_parse_ok();
	test_parse_bad();
	test_geometry();
	test_xywh();
	test_coco_extent_as_before();
	test_numbers();
	test_bounds();
	test_binary();
	test_coco();
	test_wkb();
	return unit_done("bbox");
}
