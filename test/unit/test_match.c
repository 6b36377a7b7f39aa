/*
 * test_match.c -- unit tests of the assignment solver (against brute
 * force), object sets (builder, stored form and its checks) and matching
 * outcomes.
 */
#include "unit.h"

#include <stdlib.h>

#include "../../src/core/hungarian.h"
#include "../../src/core/match.h"

/* Smallest total cost over all assignments of min(r, c) pairs, by search. */
static double
brute(const double *cost, int r, int c, int row, bool *used)
{
	double		best = INFINITY;
	int			left = 0;

	if (row == r)
		return 0;
	for (int j = 0; j < c; j++)
		left += !used[j];
	/* rows may stay out only when there are more rows than columns */
	if (r - row > left)
	{
		double		v = brute(cost, r, c, row + 1, used);

		if (v < best)
			best = v;
	}
	for (int j = 0; j < c; j++)
		if (!used[j])
		{
			double		v;

			used[j] = true;
			v = cost[row * c + j] + brute(cost, r, c, row + 1, used);
			used[j] = false;
			if (v < best)
				best = v;
		}
	return best;
}

static void
test_hungarian(void)
{
	unsigned	seed = 12345;
	int			agree = 0,
				trials = 0;

	for (int t = 0; t < 300; t++)
	{
		int			r = 1 + (int) (seed % 6),
					c;
		double		cost[64];
		int32_t		assign[8];
		bool		used[8] = {0};
		bool		colseen[8] = {0};
		double		total = 0;
		int			pairs = 0;
		bool		ok = true;

		seed = seed * 1103515245 + 12345;
		c = 1 + (int) ((seed >> 8) % 6);
		for (int k = 0; k < r * c; k++)
		{
			seed = seed * 1103515245 + 12345;
			/* integer costs, some ties */
			cost[k] = (double) ((seed >> 16) % 10) - 5;
		}
		if (annot_hungarian(cost, r, c, assign, NULL) != ANNOT_OK)
			ok = false;
		for (int i = 0; ok && i < r; i++)
		{
			if (assign[i] < 0)
				continue;
			if (assign[i] >= c || colseen[assign[i]])
				ok = false;
			else
			{
				colseen[assign[i]] = true;
				total += cost[i * c + assign[i]];
				pairs++;
			}
		}
		trials++;
		if (ok && pairs == (r < c ? r : c) && total == brute(cost, r, c, 0, used))
			agree++;
	}
	CHECK(agree == trials);

	/* limits and bad costs */
	{
		double		bad[2] = {1, NAN};
		int32_t		a[2];

		CHECK_STATUS(annot_hungarian(bad, 1, 2, a, NULL), ANNOT_EPARAM);
		CHECK_STATUS(annot_hungarian(bad, 0, 2, a, NULL), ANNOT_OK);
		CHECK_STATUS(annot_hungarian(bad, ANNOT_HUNGARIAN_MAX_SIDE + 1, 1, a, NULL), ANNOT_ELIMIT);
	}
}

/* A stored set from a builder, malloc'd. */
static annot_objset *
flat(const annot_objset_builder *b)
{
	size_t		size = annot_objset_builder_size(b);
	annot_objset *s = calloc(1, size);

	annot_objset_builder_write(b, s);
	s->vl_len_ = (int32_t) (size << 2);	/* little-endian 4-byte header */
	return s;
}

static void
add_box(annot_objset_builder *b, int64_t img, int64_t id, const char *label,
		double x1, double y1, double x2, double y2, double score, bool crowd)
{
	annot_bbox	box = {x1, y1, x2, y2};

	if (annot_objset_builder_add(b, ANNOT_OBJ_BBOX, img, id, label,
								 label ? strlen(label) : 0, &box, sizeof(box),
								 score, crowd, NAN, NULL) != ANNOT_OK)
		abort();
}

static void
test_objset(void)
{
	annot_objset_builder b;
	annot_objset *s;
	size_t		size;
	annot_err	err;
	annot_bbox	box = {0, 0, 1, 1};

	annot_objset_builder_init(&b);
	add_box(&b, 1, 1, "cat", 0, 0, 10, 10, NAN, false);
	add_box(&b, 1, 2, NULL, 0, 0, 5, 5, 0.5, true);
	CHECK_STATUS(annot_objset_builder_add(&b, ANNOT_OBJ_POLY, 1, 3, "x", 1, &box,
										  sizeof(box), NAN, false, NAN, &err),
				 ANNOT_EPARAM);
	CHECK_STATUS(annot_objset_builder_add(&b, ANNOT_OBJ_BBOX, 1, 3, "x", 1, &box,
										  sizeof(box), INFINITY, false, NAN, &err),
				 ANNOT_EPARAM);
	CHECK_STATUS(annot_objset_builder_add(&b, ANNOT_OBJ_BBOX, 1, 3, "x", 1, &box,
										  sizeof(box), 1, false, -1, &err),
				 ANNOT_EPARAM);
	s = flat(&b);
	size = annot_objset_builder_size(&b);
	annot_err_init(&err);
	CHECK(s->n == 2 && s->kind == ANNOT_OBJ_BBOX);
	CHECK_STATUS(annot_objset_check(s, size, ANNOT_ECORRUPT, &err), ANNOT_OK);
	CHECK(s->rec[1].label_len == UINT32_MAX && (s->rec[1].flags & ANNOT_OBJ_CROWD));
	/* each field that must be checked */
	CHECK_STATUS(annot_objset_check(s, size - 8, ANNOT_EBINARY, &err), ANNOT_EBINARY);
	CHECK_STATUS(annot_objset_check(s, 8, ANNOT_EBINARY, &err), ANNOT_EBINARY);
	s->rec[0].shape_off = 4;
	CHECK_STATUS(annot_objset_check(s, size, ANNOT_EBINARY, &err), ANNOT_EBINARY);
	s->rec[0].shape_off = 0;
	s->rec[0].label_off = s->data_len;
	CHECK_STATUS(annot_objset_check(s, size, ANNOT_EBINARY, &err), ANNOT_EBINARY);
	s->rec[0].label_off = 32;
	CHECK_STATUS(annot_objset_check(s, size, ANNOT_EBINARY, &err), ANNOT_OK);
	s->rec[0].flags = 2;
	CHECK_STATUS(annot_objset_check(s, size, ANNOT_EBINARY, &err), ANNOT_EBINARY);
	s->rec[0].flags = 0;
	s->kind = 9;
	CHECK_STATUS(annot_objset_check(s, size, ANNOT_ECORRUPT, &err), ANNOT_ECORRUPT);
	s->kind = ANNOT_OBJ_POLY;
	CHECK_STATUS(annot_objset_check(s, size, ANNOT_ECORRUPT, &err), ANNOT_ECORRUPT);
	s->kind = ANNOT_OBJ_BBOX;
	{
		double		inverted[4] = {5, 0, 1, 1};

		memcpy((uint8_t *) annot_objset_data(s) + s->rec[0].shape_off, inverted, 32);
		CHECK_STATUS(annot_objset_check(s, size, ANNOT_ECORRUPT, &err), ANNOT_ECORRUPT);
	}
	free(s);

	/* appending a set keeps every field */
	{
		annot_objset_builder c;
		annot_objset *t;

		s = flat(&b);
		annot_objset_builder_init(&c);
		CHECK_STATUS(annot_objset_builder_append(&c, s, &err), ANNOT_OK);
		CHECK_STATUS(annot_objset_builder_append(&c, s, &err), ANNOT_OK);
		t = flat(&c);
		CHECK(t->n == 4 && t->rec[3].label_len == UINT32_MAX && t->rec[2].label_len == 3);
		CHECK_STATUS(annot_objset_check(t, annot_objset_builder_size(&c), ANNOT_ECORRUPT, &err), ANNOT_OK);
		free(t);
		free(s);
		annot_objset_builder_free(&c);
	}
	annot_objset_builder_free(&b);
}

static void
test_matching(void)
{
	annot_objset_builder gb,
				db;
	annot_objset *g,
			   *d;
	annot_match_opts o = {0.5, 0.1, false, true, NULL, 0};
	annot_match_row *rows;
	size_t		n;
	int			counts[8] = {0};
	annot_err	err;

	annot_objset_builder_init(&gb);
	annot_objset_builder_init(&db);
	add_box(&gb, 1, 1, "a", 0, 0, 10, 10, NAN, false);
	add_box(&gb, 1, 2, "b", 20, 0, 30, 10, NAN, false);
	add_box(&gb, 2, 3, "a", 0, 0, 10, 10, NAN, false);
	add_box(&gb, 3, 4, "a", 0, 0, 100, 100, NAN, true);
	add_box(&db, 1, 10, "a", 0, 0, 10, 10, 0.9, false);	/* match */
	add_box(&db, 1, 11, "a", 0, 0, 10, 10, 0.8, false);	/* duplicate */
	add_box(&db, 1, 12, "a", 20, 0, 30, 10, 0.7, false);	/* classification */
	add_box(&db, 1, 13, "a", 50, 50, 60, 60, 0.6, false);	/* background */
	add_box(&db, 3, 14, "a", 1, 1, 2, 2, 0.5, false);	/* ignored */
	g = flat(&gb);
	d = flat(&db);
	annot_err_init(&err);
	CHECK_STATUS(annot_match_sets(g, d, &o, &rows, &n, &err), ANNOT_OK);
	for (size_t i = 0; i < n; i++)
		counts[rows[i].outcome]++;
	CHECK(n == 6);
	CHECK(counts[ANNOT_OUT_MATCH] == 1 && counts[ANNOT_OUT_DUPLICATE] == 1);
	CHECK(counts[ANNOT_OUT_CLASSIFICATION] == 1 && counts[ANNOT_OUT_BACKGROUND] == 1);
	CHECK(counts[ANNOT_OUT_IGNORED] == 1 && counts[ANNOT_OUT_MISSED] == 1);
	/* image order, detections by score */
	CHECK(rows[0].image_id == 1 && d->rec[rows[0].dt].id == 10);
	CHECK(rows[5].image_id == 3 && rows[5].outcome == ANNOT_OUT_IGNORED);
	free(rows);
	/* bad thresholds */
	o.background = 0.7;
	CHECK_STATUS(annot_match_sets(g, d, &o, &rows, &n, &err), ANNOT_EPARAM);
	o.background = 0.1;
	o.iou_threshold = NAN;
	CHECK_STATUS(annot_match_sets(g, d, &o, &rows, &n, &err), ANNOT_EPARAM);
	CHECK_STR(annot_outcome_name(ANNOT_OUT_BOTH), "both");
	free(g);
	free(d);
	annot_objset_builder_free(&gb);
	annot_objset_builder_free(&db);
}

static void
test_voc_tide(void)
{
	annot_objset_builder gb,
				db;
	annot_objset *g,
			   *d;
	annot_voc_row *rows;
	size_t		n;
	double		tide[ANNOT_TIDE_NROWS];
	annot_match_opts o = {0.5, 0.1, false, true, NULL, 0};
	annot_err	err;

	annot_objset_builder_init(&gb);
	annot_objset_builder_init(&db);
	add_box(&gb, 1, 1, "a", 0, 0, 10, 10, NAN, false);
	add_box(&gb, 1, 2, "a", 20, 0, 30, 10, NAN, false);
	add_box(&db, 1, 10, "a", 0, 0, 10, 11, 0.9, false);	/* hit */
	add_box(&db, 1, 11, "a", 50, 50, 55, 55, 0.8, false);	/* background */
	add_box(&db, 1, 12, "a", 21, 0, 31, 10, 0.7, false);	/* hit */
	g = flat(&gb);
	d = flat(&db);
	annot_err_init(&err);
	CHECK_STATUS(annot_voc_ap(g, d, 0.5, false, &rows, &n, &err), ANNOT_OK);
	/* precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1: all-point 1/2 + 2/3 * 1/2 */
	CHECK(n == 1 && rows[0].npos == 2 && rows[0].ndet == 3 && rows[0].tp == 2);
	CHECK_CLOSE(rows[0].apall, 0.5 + (2.0 / 3) * 0.5, 1e-15);
	CHECK_CLOSE(rows[0].ap11, (6 + 5 * (2.0 / 3)) / 11, 1e-15);
	free(rows);
	CHECK_STATUS(annot_voc_ap(g, d, 1.5, false, &rows, &n, &err), ANNOT_EPARAM);

	CHECK_STATUS(annot_tide(g, d, &o, tide, &err), ANNOT_OK);
	/* fixing the background error gives a perfect detector */
	CHECK_CLOSE(tide[ANNOT_TIDE_AP] + tide[ANNOT_TIDE_BACKGROUND], 1.0, 1e-12);
	CHECK(tide[ANNOT_TIDE_LOCALIZATION] == 0 && tide[ANNOT_TIDE_DUPLICATE] == 0);
	CHECK(tide[ANNOT_TIDE_AP] < 1);
	free(g);
	free(d);
	annot_objset_builder_free(&gb);
	annot_objset_builder_free(&db);
}

int
main(void)
{
	test_hungarian();
	test_objset();
	test_matching();
	test_voc_tide();
	return unit_done("match");
}
