/*
 * test_bbox.c -- unit tests of the box parser, formatter and geometry, and
 * of the shared number formatting they rely on.
 */
#include "unit.h"

#include <float.h>
#include <stdlib.h>

#include "../../src/core/bbox.h"

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
	b.x2 = 1e300;
	b.y2 = 1e300;
	annot_bbox_format(&b, buf);
	CHECK_STR(buf, "(0.1,0.3333333333333333),(1e+300,1e+300)");
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
	CHECK(annot_bbox_clip(&b, 12, 8, &r) && r.x1 == 5 && r.y1 == 5 && r.x2 == 12 && r.y2 == 8);
	CHECK(!annot_bbox_clip(&far, 12, 8, &r));

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
	CHECK(strtod(buf, NULL) == 5e-324);
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

int
main(void)
{
	test_parse_ok();
	test_parse_bad();
	test_geometry();
	test_xywh();
	test_numbers();
	return unit_done("bbox");
}
