/*
 * test_poly.c -- unit tests of the polygon core: codecs, stored layout,
 * exact areas and intersections under the even-odd rule, centroids,
 * validity, the region's boundary, and the exact orientation predicate.
 */
#include "unit.h"

#include <float.h>
#include <stdlib.h>

#include "../../src/core/poly.h"
#include "../../src/core/wkb.h"

/* Parse text that must be valid; abort the test binary if it is not. */
static annot_rings_buf
parse_ok(const char *text)
{
	annot_rings_buf b;
	annot_err	err;

	annot_err_init(&err);
	if (annot_poly_parse(text, ANNOT_ESYNTAX, &b, &err) != ANNOT_OK)
	{
		printf("not ok: cannot parse %s: %s\n", text, err.detail);
		exit(1);
	}
	return b;
}

/* Exact area of the region of a literal. */
static double
area_of(const char *text)
{
	annot_rings_buf b = parse_ok(text);
	annot_rings r = annot_rings_buf_view(&b);
	double		a = -1;

	CHECK_STATUS(annot_rings_area(&r, &a, NULL), ANNOT_OK);
	annot_rings_buf_free(&b);
	return a;
}

/* Area of the intersection of two literals' regions. */
static double
inter_of(const char *ta, const char *tb)
{
	annot_rings_buf a = parse_ok(ta);
	annot_rings_buf b = parse_ok(tb);
	annot_rings ra = annot_rings_buf_view(&a);
	annot_rings rb = annot_rings_buf_view(&b);
	annot_bbox	ba;
	annot_bbox	bb;
	double		v = -1;

	annot_rings_bbox(&ra, &ba);
	annot_rings_bbox(&rb, &bb);
	CHECK_STATUS(annot_rings_intersection_area(&ra, &ba, &rb, &bb, &v, NULL), ANNOT_OK);
	annot_rings_buf_free(&a);
	annot_rings_buf_free(&b);
	return v;
}

/* Validity of a literal. */
static annot_poly_validity
validity_of(const char *text)
{
	annot_rings_buf b = parse_ok(text);
	annot_rings r = annot_rings_buf_view(&b);
	annot_poly_validity v;

	CHECK_STATUS(annot_rings_validity(&r, &v, NULL), ANNOT_OK);
	annot_rings_buf_free(&b);
	return v;
}

static void
test_parse_ok(void)
{
	annot_rings_buf b;
	annot_rings r;
	char	   *out;

	b = parse_ok(" [ [ 0 , 0 , 10 , 0 , 10 , 10 ] , [1,1,2,1,2,2,1,2] ] ");
	r = annot_rings_buf_view(&b);
	CHECK(r.nrings == 2 && r.npoints == 7);
	CHECK(r.end[0] == 3 && r.end[1] == 7);
	CHECK(r.xy[4] == 10 && r.xy[5] == 10 && r.xy[13] == 2);
	out = malloc(annot_poly_text_size(&r));
	annot_poly_format(&r, out);
	CHECK_STR(out, "[[0,0,10,0,10,10],[1,1,2,1,2,2,1,2]]");
	free(out);
	annot_rings_buf_free(&b);

	/* shortest round-trip numbers, -0 kept */
	b = parse_ok("[[0.1,0.30000000000000004,1e-300,-0,123456789012345.6,3]]");
	r = annot_rings_buf_view(&b);
	out = malloc(annot_poly_text_size(&r));
	annot_poly_format(&r, out);
	CHECK_STR(out, "[[0.1,0.30000000000000004,1e-300,-0,123456789012345.6,3]]");
	free(out);
	annot_rings_buf_free(&b);

	/* exact round trip, subnormals included */
	b = parse_ok("[[0.1,0.30000000000000004,1e-310,-0,4.9e-324,3]]");
	r = annot_rings_buf_view(&b);
	out = malloc(annot_poly_text_size(&r));
	annot_poly_format(&r, out);
	{
		annot_rings_buf again = parse_ok(out);

		CHECK(memcmp(again.xy, b.xy, sizeof(double) * 6) == 0);
		annot_rings_buf_free(&again);
	}
	free(out);
	annot_rings_buf_free(&b);
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
		{"[]", ANNOT_ESYNTAX},
		{"[[]]", ANNOT_ESYNTAX},
		{"[[1,2,3,4,5,6]", ANNOT_ESYNTAX},
		{"[[1,2,3,4,5,6]]]", ANNOT_ESYNTAX},
		{"[1,2,3,4,5,6]", ANNOT_ESYNTAX},
		{"[[1,2,3,4,5]]", ANNOT_ESYNTAX},	/* odd count */
		{"[[1,2,3,4]]", ANNOT_ESYNTAX},	/* 2 points: not a box */
		{"[[1,2]]", ANNOT_ESYNTAX},
		{"[[1,2,3,4,5,6],[7,8]]", ANNOT_ESYNTAX},
		{"[[1,2,3,4,5,6],]", ANNOT_ESYNTAX},
		{"[[1,2,,4,5,6]]", ANNOT_ESYNTAX},
		{"[[1,2,NaN,4,5,6]]", ANNOT_ESYNTAX},
		{"[[1,2,-Infinity,4,5,6]]", ANNOT_ESYNTAX},
		{"[[1,2,inf,4,5,6]]", ANNOT_ESYNTAX},
		{"[[0x10,2,3,4,5,6]]", ANNOT_ESYNTAX},
		{"[[1,2,3,4,5,\"6\"]]", ANNOT_ESYNTAX},
		{"[[1 2,3,4,5,6]]", ANNOT_ESYNTAX},
		{"[[1,2,3,4,5,6]] x", ANNOT_ESYNTAX},
		{"[[1e999,2,3,4,5,6]]", ANNOT_ERANGE},
		{"[[1e16,2,3,4,5,6]]", ANNOT_ERANGE},	/* over the coordinate limit */
		{"[[1,2,3,4,5,-1.5e15]]", ANNOT_ERANGE},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		annot_rings_buf b;
		annot_err	err;

		annot_err_init(&err);
		CHECK_STATUS(annot_poly_parse(cases[i].text, ANNOT_ESYNTAX, &b, &err),
					 cases[i].st);
		CHECK(err.detail[0] != '\0');
		CHECK(b.xy == NULL && b.end == NULL);
	}

	/* the status for syntax errors is the caller's choice (jsonb: 22023) */
	{
		annot_rings_buf b;
		annot_err	err;

		annot_err_init(&err);
		CHECK_STATUS(annot_poly_parse("[[1,2,3,4]]", ANNOT_EPARAM, &b, &err), ANNOT_EPARAM);
		CHECK(strstr(err.detail, "Ring 1") != NULL);
		CHECK(strstr(err.detail, "not read as a box") != NULL);
		CHECK_STATUS(annot_poly_parse("[[1,2,3,4,5,6],[1,2,NaN,4,5,6]]", ANNOT_EPARAM, &b, &err),
					 ANNOT_EPARAM);
		CHECK(strstr(err.detail, "Coordinate 3 of ring 2") != NULL);
	}

	/* the point limit: 54000's status */
	{
		size_t		n = ANNOT_POLY_MAX_POINTS + 1;
		char	   *text = malloc(n * 4 + 8);
		char	   *p = text;
		annot_rings_buf b;
		annot_err	err;
		size_t		k;

		*p++ = '[';
		*p++ = '[';
		for (k = 0; k < n; k++)
		{
			memcpy(p, k ? ",1,2" : "1,2", k ? 4 : 3);
			p += k ? 4 : 3;
		}
		*p++ = ']';
		*p++ = ']';
		*p = '\0';
		annot_err_init(&err);
		CHECK_STATUS(annot_poly_parse(text, ANNOT_ESYNTAX, &b, &err), ANNOT_ELIMIT);
		free(text);
	}
}

static void
test_binary(void)
{
	annot_rings_buf b = parse_ok("[[0,0,10,0,10,10],[1.5,-2,3,4,5,6,7,8]]");
	annot_rings r = annot_rings_buf_view(&b);
	size_t		size = annot_poly_send_size(&r);
	uint8_t    *buf = malloc(size + 16);
	annot_rings_buf back;
	annot_err	err;

	CHECK(annot_poly_send(&r, buf) == size);
	CHECK(buf[0] == ANNOT_POLY_VERSION);
	annot_err_init(&err);
	CHECK_STATUS(annot_poly_recv(buf, size, &back, &err), ANNOT_OK);
	CHECK(back.nrings == 2 && back.npoints == 7);
	CHECK(memcmp(back.xy, b.xy, sizeof(double) * 14) == 0);
	annot_rings_buf_free(&back);

	/* every truncation is refused */
	{
		size_t		len;
		int			bad = 0;

		for (len = 0; len < size; len++)
			if (annot_poly_recv(buf, len, &back, &err) != ANNOT_EBINARY)
				bad++;
		CHECK(bad == 0);
	}
	/* trailing bytes */
	CHECK_STATUS(annot_poly_recv(buf, size + 8, &back, &err), ANNOT_EBINARY);
	/* unknown version */
	buf[0] = 2;
	CHECK_STATUS(annot_poly_recv(buf, size, &back, &err), ANNOT_EBINARY);
	buf[0] = ANNOT_POLY_VERSION;
	/* a ring of 2 points */
	buf[8] = 2;
	CHECK_STATUS(annot_poly_recv(buf, size, &back, &err), ANNOT_EBINARY);
	buf[8] = 3;
	/* zero rings */
	{
		uint8_t		z[5] = {ANNOT_POLY_VERSION, 0, 0, 0, 0};

		CHECK_STATUS(annot_poly_recv(z, 5, &back, &err), ANNOT_EBINARY);
	}
	/* a huge ring count that the data cannot hold */
	{
		uint8_t		h[13] = {ANNOT_POLY_VERSION, 0x7f, 0xff, 0xff, 0xff};

		CHECK_STATUS(annot_poly_recv(h, 13, &back, &err), ANNOT_EBINARY);
	}
	/* a NaN coordinate: 0x7ff8... at the first x */
	buf[13] = 0x7f;
	buf[14] = 0xf8;
	CHECK_STATUS(annot_poly_recv(buf, size, &back, &err), ANNOT_EBINARY);
	free(buf);
	annot_rings_buf_free(&b);
}

static void
test_stored(void)
{
	annot_rings_buf b = parse_ok("[[0,0,4,0,4,3],[10,10,12,10,12,12,10,12]]");
	annot_rings r = annot_rings_buf_view(&b);
	size_t		size = annot_poly_size(r.nrings, r.npoints);
	annot_poly *p = calloc(1, size);
	annot_rings v;
	annot_err	err;

	annot_err_init(&err);
	CHECK_STATUS(annot_poly_build(&r, p, &err), ANNOT_OK);
	CHECK(annot_poly_nrings(p) == 2 && annot_poly_npoints(p) == 7);
	CHECK(annot_poly_ring_npoints(p, 0) == 3 && annot_poly_ring_npoints(p, 1) == 4);
	CHECK(annot_poly_ring_xy(p, 1)[0] == 10 && annot_poly_ring_xy(p, 1)[7] == 12);
	CHECK(((uintptr_t) annot_poly_ring_xy(p, 0)) % 8 == 0);
	CHECK(p->bbox.x1 == 0 && p->bbox.y1 == 0 && p->bbox.x2 == 12 && p->bbox.y2 == 12);
	CHECK(p->area == 10 && p->coco_area == 10);
	v = annot_poly_rings(p);
	CHECK(v.nrings == 2 && v.end[1] == 7);
	CHECK_STATUS(annot_poly_check(p, size, &err), ANNOT_OK);

	/* corrupt headers are caught */
	CHECK_STATUS(annot_poly_check(p, size - 8, &err), ANNOT_ECORRUPT);
	CHECK_STATUS(annot_poly_check(p, 10, &err), ANNOT_ECORRUPT);
	p->version = 9;
	CHECK_STATUS(annot_poly_check(p, size, &err), ANNOT_ECORRUPT);
	p->version = ANNOT_POLY_VERSION;
	p->reserved = 1;
	CHECK_STATUS(annot_poly_check(p, size, &err), ANNOT_ECORRUPT);
	p->reserved = 0;
	((int32_t *) p->data)[0] = 2;	/* a ring of 2 points */
	CHECK_STATUS(annot_poly_check(p, size, &err), ANNOT_ECORRUPT);
	((int32_t *) p->data)[0] = 3;
	((int32_t *) p->data)[1] = 8;	/* past the points */
	CHECK_STATUS(annot_poly_check(p, size, &err), ANNOT_ECORRUPT);
	((int32_t *) p->data)[1] = 7;
	CHECK_STATUS(annot_poly_check(p, size, &err), ANNOT_OK);

	/* equality treats -0 as 0, and hashes agree */
	{
		annot_rings_buf z = parse_ok("[[-0,0,4,0,4,3],[10,10,12,10,12,12,10,12]]");
		annot_rings rz = annot_rings_buf_view(&z);
		annot_poly *q = calloc(1, size);

		CHECK_STATUS(annot_poly_build(&rz, q, &err), ANNOT_OK);
		CHECK(annot_poly_equal(p, q));
		CHECK(annot_poly_hash(p, 0) == annot_poly_hash(q, 0));
		CHECK(annot_poly_hash(p, 1) != annot_poly_hash(p, 0));
		((double *) annot_poly_ring_xy(q, 1))[0] = 11;
		CHECK(!annot_poly_equal(p, q));
		free(q);
		annot_rings_buf_free(&z);
	}
	free(p);
	annot_rings_buf_free(&b);
}

static void
test_wkb(void)
{
	/* POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 8,8 8,8 2,2 2)) little-endian */
	static const double shell[] = {0, 0, 10, 0, 10, 10, 0, 10, 0, 0};
	static const double hole[] = {2, 2, 2, 8, 8, 8, 8, 2, 2, 2};
	const int32_t npts[2] = {5, 5};
	double		xy[20];
	uint8_t		buf[256];
	size_t		len;
	annot_rings_buf b;
	annot_rings r;
	annot_err	err;
	double		a;

	memcpy(xy, shell, sizeof(shell));
	memcpy(xy + 10, hole, sizeof(hole));
	len = annot_wkb_write_polygon(buf, 2, npts, xy);
	annot_err_init(&err);
	CHECK_STATUS(annot_poly_from_wkb(buf, len, &b, &err), ANNOT_OK);
	r = annot_rings_buf_view(&b);
	/* one ring: the shell, closing point dropped, then the hole bridged */
	CHECK(r.nrings == 1);
	CHECK(r.end[0] == 4 + 1 + 5);
	CHECK_STATUS(annot_rings_area(&r, &a, NULL), ANNOT_OK);
	CHECK(a == 64);

	/* and out again: a MultiPolygon of a shell and its hole */
	{
		annot_rings_buf o;
		int32_t    *poly;
		int32_t		n[2];
		size_t		size;
		uint8_t    *w;
		annot_wkb_rings back;

		CHECK_STATUS(annot_rings_outline(&r, &o, &poly, &err), ANNOT_OK);
		CHECK(o.nrings == 2 && poly[0] == 0 && poly[1] == 0);
		n[0] = o.end[0];
		n[1] = o.end[1] - o.end[0];
		size = annot_wkb_multipolygon_size(o.nrings, n, poly);
		w = malloc(size);
		CHECK(annot_wkb_write_multipolygon(w, o.nrings, n, poly, o.xy) == size);
		CHECK_STATUS(annot_wkb_read_rings(w, size, &back, &err), ANNOT_OK);
		CHECK(back.nrings == 2 && back.npts[0] == 5 && back.npts[1] == 5);
		CHECK(back.polygon[0] == 0 && back.polygon[1] == 0);
		annot_wkb_rings_free(&back);
		free(w);
		free(poly);
		annot_rings_buf_free(&o);
	}
	annot_rings_buf_free(&b);

	/* a ring of fewer than 3 distinct points */
	{
		static const double tiny[] = {0, 0, 1, 1, 0, 0};
		const int32_t one = 3;

		len = annot_wkb_write_polygon(buf, 1, &one, tiny);
		CHECK_STATUS(annot_poly_from_wkb(buf, len, &b, &err), ANNOT_EPARAM);
	}
	/* empty MultiPolygon */
	{
		len = annot_wkb_write_multipolygon(buf, 0, NULL, NULL, NULL);
		CHECK(len == 9);
		CHECK_STATUS(annot_poly_from_wkb(buf, len, &b, &err), ANNOT_EPARAM);
	}
	/* truncated */
	CHECK_STATUS(annot_poly_from_wkb(buf, 3, &b, &err), ANNOT_EBINARY);
}

static void
test_areas(void)
{
	/* simple rings, either orientation */
	CHECK(area_of("[[0,0,10,0,10,10,0,10]]") == 100);
	CHECK(area_of("[[0,10,10,10,10,0,0,0]]") == 100);
	CHECK(area_of("[[0,0,4,0,0,3]]") == 6);
	/* a bow tie: two triangles, 25 each (the shoelace sum is 0) */
	CHECK(area_of("[[0,0,10,10,10,0,0,10]]") == 50);
	/* even-odd: a ring traced around twice is filled by parity, empty */
	CHECK(area_of("[[0,0,10,0,10,10,0,10,0,0,10,0,10,10,0,10]]") == 0);
	/* a pentagram's center is even: the five points alone remain */
	{
		double		a = area_of("[[0,-10,5.877852522924732,8.090169943749475,"
								"-9.510565162951536,-3.090169943749474,9.510565162951535,"
								"-3.0901699437494745,-5.877852522924733,8.090169943749473]]");
		double		star = 77.5676752166744;	/* exact, by rational arithmetic */

		CHECK_CLOSE(a, star, 1e-12);
	}
	/* a keyhole: shell and hole in one ring by a doubled bridge */
	CHECK(area_of("[[0,0,10,0,10,10,0,10,0,0,2,2,2,8,8,8,8,2,2,2]]") == 64);
	/* union of rings: nested rings fill once, overlapping ones once */
	CHECK(area_of("[[0,0,10,0,10,10,0,10],[2,2,8,2,8,8,2,8]]") == 100);
	CHECK(area_of("[[0,0,10,0,10,10,0,10],[5,5,15,5,15,15,5,15]]") == 175);
	/* repeated points, collinear points, spikes and vertical edges change nothing */
	CHECK(area_of("[[0,0,0,0,5,0,10,0,10,10,10,10,0,10]]") == 100);
	CHECK(area_of("[[0,0,10,0,10,5,20,5,10,5,10,10,0,10]]") == 100);
	/* zero area */
	CHECK(area_of("[[0,0,5,5,10,10]]") == 0);
	CHECK(area_of("[[1,1,1,1,1,1]]") == 0);
	CHECK(area_of("[[3,0,3,5,3,9]]") == 0);
	/* far from the origin and at the coordinate limit */
	CHECK(area_of("[[1000000.5,2000000.25,1000010.5,2000000.25,1000010.5,2000010.25,1000000.5,2000010.25]]") == 100);
	CHECK_CLOSE(area_of("[[-1e15,-1e15,1e15,-1e15,1e15,1e15,-1e15,1e15]]"), 4e30, 1e-15);
	/* more rings than one word of parity bits: 100 unit squares in a row */
	{
		char		text[4096];
		char	   *t = text;
		int			k;

		t += sprintf(t, "[");
		for (k = 0; k < 100; k++)
			t += sprintf(t, "%s[%d,0,%d,0,%d,1,%d,1]", k ? "," : "", 2 * k, 2 * k + 1, 2 * k + 1, 2 * k);
		sprintf(t, "]");
		CHECK(area_of(text) == 100);
		CHECK(inter_of(text, "[[0,0,200,0,200,0.5,0,0.5]]") == 50);
		CHECK(inter_of("[[0,0,200,0,200,0.5,0,0.5]]", text) == 50);
	}
	/*
	 * A comb: every vertical line meets every tooth, and the points from
	 * the leftmost to the rightmost zigzag in x, so ordering them falls
	 * back from insertion to a full sort.  It is simple: its area is its
	 * shoelace area.
	 */
	{
		char	   *text = malloc(64 * 1024);
		char	   *t = text;
		int			k;
		annot_rings_buf b;
		annot_rings r;
		double		a;

		t += sprintf(t, "[[-10,0");
		for (k = 0; k < 100; k++)
			t += sprintf(t, ",0,%d,%d,%g,%d,%g,0,%g", 2 * k, 1000 + k, 2 * k + 0.3,
						 1000 + k, 2 * k + 1.0, 2 * k + 1.2);
		sprintf(t, ",-10,200]]");
		b = parse_ok(text);
		r = annot_rings_buf_view(&b);
		CHECK_STATUS(annot_rings_area(&r, &a, NULL), ANNOT_OK);
		CHECK_CLOSE(a, annot_rings_coco_area(&r), 1e-13);
		annot_rings_buf_free(&b);
		free(text);
	}
	/* the COCO area sums the rings' shoelace areas instead */
	{
		annot_rings_buf b = parse_ok("[[0,0,10,0,10,10,0,10],[5,5,15,5,15,15,5,15]]");
		annot_rings r = annot_rings_buf_view(&b);

		CHECK(annot_rings_coco_area(&r) == 200);
		annot_rings_buf_free(&b);
		b = parse_ok("[[0,0,10,10,10,0,0,10]]");
		r = annot_rings_buf_view(&b);
		CHECK(annot_rings_coco_area(&r) == 0);
		annot_rings_buf_free(&b);
	}
}

static void
test_intersections(void)
{
	const char *sq = "[[0,0,10,0,10,10,0,10]]";

	CHECK(inter_of(sq, "[[5,5,15,5,15,15,5,15]]") == 25);
	CHECK(inter_of(sq, sq) == 100);
	CHECK(inter_of(sq, "[[2,2,8,2,8,8,2,8]]") == 36);
	CHECK(inter_of(sq, "[[20,20,30,20,30,30]]") == 0);
	/* touching along an edge or at a corner: no area */
	CHECK(inter_of(sq, "[[10,0,20,0,20,10,10,10]]") == 0);
	CHECK(inter_of(sq, "[[10,10,20,10,20,20,10,20]]") == 0);
	/* the bow tie with the square: 50 */
	CHECK(inter_of(sq, "[[0,0,10,10,10,0,0,10]]") == 50);
	/* the bow tie with its own left half */
	CHECK(inter_of("[[0,0,10,10,10,0,0,10]]", "[[0,0,5,0,5,10,0,10]]") == 25);
	/* a keyhole against a square over its hole */
	CHECK(inter_of("[[0,0,10,0,10,10,0,10,0,0,2,2,2,8,8,8,8,2,2,2]]",
				   "[[0,0,5,0,5,10,0,10]]") == 32);
	/* many rings on each side */
	CHECK(inter_of("[[0,0,2,0,2,2,0,2],[4,0,6,0,6,2,4,2]]",
				   "[[1,1,5,1,5,3,1,3]]") == 2);
	/* a diagonal cut through a square: half of it */
	CHECK_CLOSE(inter_of(sq, "[[0,0,10,10,0,10]]"), 50, 1e-15);

	/* IoU and Dice from areas, clamped */
	CHECK(annot_overlap_iou(100, 100, 100) == 1);
	CHECK(annot_overlap_iou(100, 100, 100.0000001) == 1);
	CHECK(annot_overlap_iou(0, 0, 0) == 0);
	CHECK(annot_overlap_iou(100, 100, 25) == 25.0 / 175.0);
	CHECK(annot_overlap_dice(100, 100, 25) == 0.25);
	CHECK(annot_overlap_union(100, 100, 25) == 175);
	CHECK(annot_overlap_union(100, 100, 300) == 100);
}

static void
test_centroid(void)
{
	annot_rings_buf b;
	annot_rings r;
	double		cx = 0;
	double		cy = 0;
	bool		found;

	b = parse_ok("[[0,0,10,0,10,10,0,10]]");
	r = annot_rings_buf_view(&b);
	CHECK_STATUS(annot_rings_centroid(&r, &cx, &cy, &found, NULL), ANNOT_OK);
	CHECK(found && cx == 5 && cy == 5);
	annot_rings_buf_free(&b);

	/* an L: 2x1 bar and 1x1 block -> (1.5*... ) computed by hand */
	b = parse_ok("[[0,0,2,0,2,1,1,1,1,2,0,2]]");
	r = annot_rings_buf_view(&b);
	CHECK_STATUS(annot_rings_centroid(&r, &cx, &cy, &found, NULL), ANNOT_OK);
	CHECK(found);
	CHECK_CLOSE(cx, 5.0 / 6.0, 1e-15);
	CHECK_CLOSE(cy, 5.0 / 6.0, 1e-15);
	annot_rings_buf_free(&b);

	/* a triangle: the mean of its corners */
	b = parse_ok("[[0,0,9,0,0,6]]");
	r = annot_rings_buf_view(&b);
	CHECK_STATUS(annot_rings_centroid(&r, &cx, &cy, &found, NULL), ANNOT_OK);
	CHECK(found);
	CHECK_CLOSE(cx, 3, 1e-15);
	CHECK_CLOSE(cy, 2, 1e-15);
	annot_rings_buf_free(&b);

	/* no area, no centroid */
	b = parse_ok("[[0,0,5,5,10,10]]");
	r = annot_rings_buf_view(&b);
	cx = 42;
	CHECK_STATUS(annot_rings_centroid(&r, &cx, &cy, &found, NULL), ANNOT_OK);
	CHECK(!found && cx == 42);
	annot_rings_buf_free(&b);
}

static void
test_validity(void)
{
	annot_poly_validity v;
	char		buf[256];

	v = validity_of("[[0,0,10,0,10,10,0,10]]");
	CHECK(v.problem == ANNOT_POLY_VALID);
	annot_poly_validity_format(&v, buf, sizeof(buf));
	CHECK_STR(buf, "Valid");
	/* rings sharing an edge or a corner are fine */
	v = validity_of("[[0,0,10,0,10,10,0,10],[10,0,20,0,20,10,10,10]]");
	CHECK(v.problem == ANNOT_POLY_VALID);
	v = validity_of("[[0,0,10,0,10,10,0,10],[10,10,20,10,20,20,10,20]]");
	CHECK(v.problem == ANNOT_POLY_VALID);
	/* a collinear point is not a problem */
	v = validity_of("[[0,0,5,0,10,0,10,10,0,10]]");
	CHECK(v.problem == ANNOT_POLY_VALID);

	v = validity_of("[[0,0,10,0,10,0,10,10,0,10]]");
	CHECK(v.problem == ANNOT_POLY_REPEATED_POINT && v.ring == 1 && v.point == 3);
	annot_poly_validity_format(&v, buf, sizeof(buf));
	CHECK_STR(buf, "Repeated point at ring 1, point 3 (10,0)");
	/* an explicit closing point repeats the first */
	v = validity_of("[[0,0,10,0,10,10,0,0]]");
	CHECK(v.problem == ANNOT_POLY_REPEATED_POINT && v.point == 1);

	v = validity_of("[[0,0,10,0,10,10,0,10],[0,0,5,5,10,10]]");
	CHECK(v.problem == ANNOT_POLY_ZERO_AREA && v.ring == 2);

	v = validity_of("[[0,0,10,0,10,5,20,5,10,5,10,10,0,10]]");
	CHECK(v.problem == ANNOT_POLY_SPIKE && v.ring == 1 && v.point == 4);
	CHECK(v.x == 20 && v.y == 5);

	v = validity_of("[[0,0,10,10,10,0,0,10]]");
	CHECK(v.problem == ANNOT_POLY_SELF_INTERSECTION && v.ring == 1);
	CHECK(v.point == 1 && v.other_point == 3);
	CHECK(v.x == 5 && v.y == 5);
	annot_poly_validity_format(&v, buf, sizeof(buf));
	CHECK_STR(buf, "Self-intersection in ring 1: the edges from points 1 and 3 meet near (5,5)");
	/* touching itself at a vertex is a self-intersection too */
	v = validity_of("[[0,0,10,0,5,5,10,10,0,10,5,5]]");
	CHECK(v.problem == ANNOT_POLY_SELF_INTERSECTION);
	/* a vertex on an edge of its own ring */
	v = validity_of("[[0,0,10,0,10,10,5,0,0,10]]");
	CHECK(v.problem == ANNOT_POLY_SELF_INTERSECTION);

	/* rings crossing, nested or equal overlap */
	v = validity_of("[[0,0,10,0,10,10,0,10],[5,5,15,5,15,15,5,15]]");
	CHECK(v.problem == ANNOT_POLY_RINGS_OVERLAP && v.ring == 1 && v.other_ring == 2);
	v = validity_of("[[0,0,10,0,10,10,0,10],[2,2,8,2,8,8,2,8]]");
	CHECK(v.problem == ANNOT_POLY_RINGS_OVERLAP);
	v = validity_of("[[0,0,10,0,10,10,0,10],[0,0,10,0,10,10,0,10]]");
	CHECK(v.problem == ANNOT_POLY_RINGS_OVERLAP);
	annot_poly_validity_format(&v, buf, sizeof(buf));
	CHECK(strncmp(buf, "Rings 1 and 2 overlap near (", 28) == 0);
	/* a ring inside another touching it at a corner overlaps too */
	v = validity_of("[[0,0,10,0,10,10,0,10],[0,0,5,0,5,5]]");
	CHECK(v.problem == ANNOT_POLY_RINGS_OVERLAP);

	CHECK_STR(annot_poly_problem_name(ANNOT_POLY_SPIKE), "spike");
	CHECK_STR(annot_poly_problem_name(ANNOT_POLY_RINGS_OVERLAP), "overlapping rings");
}

/* make_valid of text: check validity and region, return the ring count. */
static int32_t
make_valid_check(const char *text, double area)
{
	annot_rings_buf b = parse_ok(text);
	annot_rings r = annot_rings_buf_view(&b);
	annot_rings_buf o;
	annot_rings ro;
	annot_poly_validity v;
	double		a = -1;
	double		inter = -1;
	int32_t		n;

	CHECK_STATUS(annot_rings_make_valid(&r, &o, NULL), ANNOT_OK);
	ro = annot_rings_buf_view(&o);
	n = ro.nrings;
	if (n > 0)
	{
		annot_bbox	bb;
		annot_bbox	bo;

		CHECK_STATUS(annot_rings_validity(&ro, &v, NULL), ANNOT_OK);
		CHECK(v.problem == ANNOT_POLY_VALID);
		CHECK_STATUS(annot_rings_area(&ro, &a, NULL), ANNOT_OK);
		CHECK_CLOSE(a, area, 1e-14);
		/* the valid rings' shoelace sum is the area: no overlaps */
		CHECK_CLOSE(annot_rings_coco_area(&ro), area, 1e-14);
		/* and the same region: it meets the input in all of its area */
		annot_rings_bbox(&r, &bb);
		annot_rings_bbox(&ro, &bo);
		CHECK_STATUS(annot_rings_intersection_area(&r, &bb, &ro, &bo, &inter, NULL), ANNOT_OK);
		CHECK_CLOSE(inter, area, 1e-14);
	}
	else
		CHECK(area == 0);
	annot_rings_buf_free(&o);
	annot_rings_buf_free(&b);
	return n;
}

static void
test_make_valid(void)
{
	CHECK(make_valid_check("[[0,0,10,0,10,10,0,10]]", 100) == 1);
	CHECK(make_valid_check("[[0,0,10,10,10,0,0,10]]", 50) == 2);
	CHECK(make_valid_check("[[0,0,10,0,10,5,20,5,10,5,10,10,0,10]]", 100) == 1);
	CHECK(make_valid_check("[[0,0,0,0,5,0,10,0,10,10,10,10,0,10]]", 100) == 1);
	/* overlapping rings merge */
	CHECK(make_valid_check("[[0,0,10,0,10,10,0,10],[5,5,15,5,15,15,5,15]]", 175) == 1);
	/* a hole is cut into hole-free pieces */
	CHECK(make_valid_check("[[0,0,10,0,10,10,0,10,0,0,2,2,2,8,8,8,8,2,2,2]]", 64) == 2);
	/* the pentagram: five triangles */
	CHECK(make_valid_check("[[0,-10,5.877852522924732,8.090169943749475,"
						   "-9.510565162951536,-3.090169943749474,9.510565162951535,"
						   "-3.0901699437494745,-5.877852522924733,8.090169943749473]]",
						   77.5676752166744) == 5);
	/* nothing left */
	CHECK(make_valid_check("[[0,0,5,5,10,10]]", 0) == 0);
	CHECK(make_valid_check("[[0,0,10,0,10,10,0,10,0,0,10,0,10,10,0,10]]", 0) == 0);
}

static void
test_orient(void)
{
	double		c = nextafter(24.0, 25.0);

	CHECK(annot_orient2d(0, 0, 1, 0, 0, 1) == 1);
	CHECK(annot_orient2d(0, 0, 1, 0, 0, -1) == -1);
	CHECK(annot_orient2d(0.5, 0.5, 12, 12, 24, 24) == 0);
	/* one ulp above the line: left of it; the naive determinant says 0 */
	CHECK(annot_orient2d(0.5, 0.5, 12, 12, 24, c) == 1);
	CHECK(annot_orient2d(0.5, 0.5, 12, 12, c, 24) == -1);
	/* 0.1 + 0.2 != 0.3: the double points are not collinear, exactly so */
	CHECK(annot_orient2d(0.1, 0.1, 0.2, 0.2, 0.3, 0.3) == 0);
	CHECK(annot_orient2d(0, 0, 0.1, 0.2, 0.3, 0.6000000000000001) != 0);
	/* large coordinates */
	CHECK(annot_orient2d(1e15, 1e15, -1e15, -1e15, 3, 3) == 0);
	CHECK(annot_orient2d(1e15, 1e15 + 1, -1e15, -1e15, 3, 3) != 0);
}

static void
test_bbox_ring(void)
{
	annot_bbox	b = {1, 2, 4, 6};
	int32_t		end;
	double		xy[8];
	annot_rings r;
	double		a;

	annot_bbox_ring(&b, &end, xy);
	CHECK(end == 4 && xy[0] == 1 && xy[1] == 2 && xy[4] == 4 && xy[5] == 6);
	r.nrings = 1;
	r.npoints = 4;
	r.end = &end;
	r.xy = xy;
	CHECK_STATUS(annot_rings_area(&r, &a, NULL), ANNOT_OK);
	CHECK(a == 12);
	CHECK_STATUS(annot_rings_validate(&r, ANNOT_EPARAM, NULL), ANNOT_OK);
}

int
main(void)
{
	test_parse_ok();
	test_parse_bad();
	test_binary();
	test_stored();
	test_wkb();
	test_areas();
	test_intersections();
	test_centroid();
	test_validity();
	test_make_valid();
	test_orient();
	test_bbox_ring();
	return unit_done("test_poly");
}
