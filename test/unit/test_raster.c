/*
 * test_raster.c -- the rasterizer and the mask algebra against the
 * pycocotools vectors of test/data/masks/unit_vectors
 * (mask_api_vectors.json: 20 x 20 grid, boxes, polygons, merges, IoUs),
 * plus properties: direction and start vertex do not matter, far-away
 * vertices cost nothing, bad coordinates are errors.
 */
#include "unit.h"

#include <stdlib.h>

#include "../../src/core/raster.h"
#include "../../src/core/rle_ops.h"

/* pycocotools 2.0.11 values, transcribed from mask_api_vectors.json */
static const double boxes[10][4] = {
	{3.0, 5.0, 4.0, 1.0},
	{5.0, 3.0, 3.0, 5.0},
	{8.0, 5.0, 8.0, 5.0},
	{3.0, 4.0, 7.0, 3.0},
	{2.0, 5.0, 2.0, 7.0},
	{8.0, 1.0, 9.0, 9.0},
	{8.0, 1.0, 9.0, 6.0},
	{7.0, 1.0, 9.0, 4.0},
	{4.0, 5.0, 4.0, 5.0},
	{2.0, 4.0, 5.0, 4.0},
};
static const char *const box_rles[10] = {
	"Q21c000000o7",
	"W35?000]7",
	"U55?0000000000000[2",
	"P23a000000000000T6",
	"]17=0k9",
	"Q59;000000000000000k1",
	"Q56>000000000000000k1",
	"]44`0000000000000000_2",
	"e25?00000[7",
	"\\14`00000000P8",
};
static const double polys[10][16] = {
	{7, 8, 9, 3, 7, 1, 5, 1, 5, 8, 3, 4, 4, 7, 7, 8},
	{4, 4, 7, 5, 5, 9, 3, 1, 2, 3, 1, 6, 6, 2, 2, 9},
	{5, 3, 7, 1, 2, 5, 4, 9, 6, 6, 4, 8, 2, 9, 7, 4},
	{5, 1, 1, 4, 7, 9, 2, 3, 6, 9, 7, 4, 3, 8, 1, 2},
	{7, 5, 5, 8, 5, 3, 8, 8, 2, 6, 8, 7, 4, 6, 2, 6},
	{8, 8, 4, 7, 6, 3, 9, 4, 9, 4, 7, 8, 7, 8, 2, 9},
	{2, 8, 8, 6, 5, 8, 4, 8, 9, 4, 8, 3, 4, 5, 9, 7},
	{4, 1, 8, 3, 8, 7, 9, 1, 3, 7, 5, 4, 9, 1, 9, 7},
	{1, 4, 2, 9, 3, 4, 5, 5, 1, 4, 2, 1, 3, 1, 8, 8},
	{6, 6, 4, 5, 9, 9, 1, 9, 8, 6, 5, 4, 3, 4, 7, 1},
};
static const char *const poly_rles[10] = {
	"U36>1OO2Lm6",
	"h02`012N_O0`00@1>OB3`0MQ8",
	"]1120=210AN>1BOT9",
	"f01c01^OO>0E0R11[O0AO]8",
	"e22a0O@0b0010X7",
	"f2110>212OO2Mj6",
	"S21c00M1AO?110@O?0l6",
	"V31c010000g6",
	"f04?OBN?131O01N10X7",
	"`11c00K0E1:0F090F2a0MX7",
};
static const uint32_t poly_areas[10] = {21, 16, 12, 11, 6, 15, 11, 7, 18, 16};
static const uint32_t box_areas[10] = {4, 15, 40, 21, 14, 81, 54, 36, 20, 20};
static const uint32_t poly_bboxes[10][4] = {
	{5, 1, 4, 7},
	{1, 2, 6, 6},
	{2, 3, 4, 6},
	{1, 1, 6, 8},
	{4, 4, 4, 4},
	{4, 3, 5, 6},
	{3, 3, 6, 5},
	{5, 2, 4, 4},
	{1, 1, 7, 7},
	{2, 1, 6, 8},
};
static const double poly_ious[10][10] = {
	{1.0, 0.15625, 0.1, 0.14285714285714285, 0.125, 0.5, 0.3333333333333333, 0.21739130434782608, 0.11428571428571428, 0.23333333333333334},
	{0.15625, 1.0, 0.21739130434782608, 0.22727272727272727, 0.2222222222222222, 0.19230769230769232, 0.17391304347826086, 0.045454545454545456, 0.4166666666666667, 0.14285714285714285},
	{0.1, 0.21739130434782608, 1.0, 0.15, 0.2, 0.08, 0.09523809523809523, 0.0, 0.25, 0.16666666666666666},
	{0.14285714285714285, 0.22727272727272727, 0.15, 1.0, 0.0625, 0.18181818181818182, 0.15789473684210525, 0.0, 0.2608695652173913, 0.08},
	{0.125, 0.2222222222222222, 0.2, 0.0625, 1.0, 0.23529411764705882, 0.0625, 0.0, 0.2631578947368421, 0.047619047619047616},
	{0.5, 0.19230769230769232, 0.08, 0.18181818181818182, 0.23529411764705882, 1.0, 0.3684210526315789, 0.2222222222222222, 0.13793103448275862, 0.14814814814814814},
	{0.3333333333333333, 0.17391304347826086, 0.09523809523809523, 0.15789473684210525, 0.0625, 0.3684210526315789, 1.0, 0.125, 0.07407407407407407, 0.125},
	{0.21739130434782608, 0.045454545454545456, 0.0, 0.0, 0.0, 0.2222222222222222, 0.125, 1.0, 0.0, 0.09523809523809523},
	{0.11428571428571428, 0.4166666666666667, 0.25, 0.2608695652173913, 0.2631578947368421, 0.13793103448275862, 0.07407407407407407, 0.0, 1.0, 0.0625},
	{0.23333333333333334, 0.14285714285714285, 0.16666666666666666, 0.08, 0.047619047619047616, 0.14814814814814814, 0.125, 0.09523809523809523, 0.0625, 1.0},
};
static const char union_rle[] = "\\18<00N1100N2000000000000000000k1";
static const char inter_rle[] = "`<";

/* COCO string of a mask, freshly allocated. */
static char *
coco_of(const annot_ivals *m)
{
	char	   *s = malloc(annot_mask_coco_strlen(m) + 1);

	annot_mask_coco_string(m, s);
	return s;
}

static void
test_boxes(void)
{
	annot_ivals acc;
	annot_ivals inter;
	int			i;

	for (i = 0; i < 10; i++)
	{
		annot_ivals m;
		annot_err	err;
		char	   *s;
		const double *b = boxes[i];

		annot_err_init(&err);
		CHECK_STATUS(annot_raster_box(b[0], b[1], b[0] + b[2], b[1] + b[3], 20, 20, &m, &err), ANNOT_OK);
		s = coco_of(&m);
		CHECK_STR(s, box_rles[i]);
		CHECK(annot_ivals_area(&m) == box_areas[i]);
		free(s);
		if (i == 0)
		{
			acc = m;
			CHECK_STATUS(annot_ivals_combine(&m, &m, ANNOT_MASK_AND, &inter, &err), ANNOT_OK);
		}
		else
		{
			annot_ivals t;

			CHECK_STATUS(annot_ivals_combine(&acc, &m, ANNOT_MASK_OR, &t, &err), ANNOT_OK);
			annot_ivals_free(&acc);
			acc = t;
			CHECK_STATUS(annot_ivals_combine(&inter, &m, ANNOT_MASK_AND, &t, &err), ANNOT_OK);
			annot_ivals_free(&inter);
			inter = t;
			annot_ivals_free(&m);
		}
	}
	{
		char	   *u = coco_of(&acc);
		char	   *n = coco_of(&inter);

		CHECK_STR(u, union_rle);
		CHECK_STR(n, inter_rle);
		free(u);
		free(n);
	}
	annot_ivals_free(&acc);
	annot_ivals_free(&inter);
}

static void
test_polygons(void)
{
	annot_ivals m[10];
	int			i,
				j;

	for (i = 0; i < 10; i++)
	{
		annot_err	err;
		uint32_t	bb[4];
		char	   *s;

		annot_err_init(&err);
		CHECK_STATUS(annot_raster_ring(polys[i], 8, 20, 20, &m[i], &err), ANNOT_OK);
		s = coco_of(&m[i]);
		CHECK_STR(s, poly_rles[i]);
		free(s);
		CHECK(annot_ivals_area(&m[i]) == poly_areas[i]);
		annot_ivals_bbox(&m[i], bb);
		CHECK(memcmp(bb, poly_bboxes[i], sizeof(bb)) == 0);
	}
	/* IoU as pycocotools computes it: the same double, not just close */
	for (i = 0; i < 10; i++)
		for (j = 0; j < 10; j++)
		{
			uint64_t	inter = annot_ivals_inter_area(&m[i], &m[j]);
			double		iou = annot_mask_iou_value(inter, annot_ivals_area(&m[i]),
												   annot_ivals_area(&m[j]), false);

			if (iou != poly_ious[i][j])
				printf("# iou[%d][%d] = %.17g, pycocotools %.17g\n", i, j, iou, poly_ious[i][j]);
			CHECK(iou == poly_ious[i][j]);
		}
	for (i = 0; i < 10; i++)
		annot_ivals_free(&m[i]);
}

/* Reversing a ring or starting it elsewhere gives the same mask. */
static void
test_ring_order(void)
{
	int			i,
				k;

	for (i = 0; i < 10; i++)
	{
		annot_ivals ref;
		char	   *want;

		annot_raster_ring(polys[i], 8, 20, 20, &ref, NULL);
		want = coco_of(&ref);
		for (k = 0; k < 8; k++)
		{
			double		rot[16],
						rev[16];
			annot_ivals a,
						b;
			char	   *sa,
					   *sb;
			int			p;

			for (p = 0; p < 8; p++)
			{
				rot[2 * p] = polys[i][2 * ((p + k) % 8)];
				rot[2 * p + 1] = polys[i][2 * ((p + k) % 8) + 1];
				rev[2 * p] = polys[i][2 * ((8 - p + k) % 8)];
				rev[2 * p + 1] = polys[i][2 * ((8 - p + k) % 8) + 1];
			}
			annot_raster_ring(rot, 8, 20, 20, &a, NULL);
			annot_raster_ring(rev, 8, 20, 20, &b, NULL);
			sa = coco_of(&a);
			sb = coco_of(&b);
			CHECK_STR(sa, want);
			CHECK_STR(sb, want);
			free(sa);
			free(sb);
			annot_ivals_free(&a);
			annot_ivals_free(&b);
		}
		free(want);
		annot_ivals_free(&ref);
	}
}

/*
 * Reference: pycocotools' walk of every point, kept literally (the
 * 5x upsampled path, then the y-boundary points), to compare with the
 * pruned walk on random polygons partly outside the image.
 */
static void
literal_raster(const double *xy, int k, int h, int w, annot_ivals *out)
{
	int		   *x = calloc((size_t) k + 1, sizeof(int));
	int		   *y = calloc((size_t) k + 1, sizeof(int));
	int		   *u,
			   *v;
	uint32_t   *a;
	long		m = 0,
				j,
				n = 0;

	for (j = 0; j < k; j++)
	{
		double		q = 5.0 * xy[2 * j];

		x[j] = (int) (q + .5);
		q = 5.0 * xy[2 * j + 1];
		y[j] = (int) (q + .5);
	}
	x[k] = x[0];
	y[k] = y[0];
	for (j = 0; j < k; j++)
	{
		int			dx = abs(x[j] - x[j + 1]),
					dy = abs(y[j] - y[j + 1]);

		m += (dx > dy ? dx : dy) + 1;
	}
	u = malloc(sizeof(int) * m);
	v = malloc(sizeof(int) * m);
	m = 0;
	for (j = 0; j < k; j++)
	{
		int			xs = x[j],
					xe = x[j + 1],
					ys = y[j],
					ye = y[j + 1],
					dx,
					dy,
					t,
					d,
					flip;
		double		s;

		dx = abs(xe - xs);
		dy = abs(ys - ye);
		flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
		if (flip)
		{
			t = xs, xs = xe, xe = t;
			t = ys, ys = ye, ye = t;
		}
		if (dx == 0 && dy == 0)
		{
			u[m] = xs, v[m] = ys, m++;
			continue;
		}
		s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
		if (dx >= dy)
			for (d = 0; d <= dx; d++)
			{
				double		q;

				t = flip ? dx - d : d;
				u[m] = t + xs;
				q = s * t;
				q = ys + q;
				v[m] = (int) (q + .5);
				m++;
			}
		else
			for (d = 0; d <= dy; d++)
			{
				double		q;

				t = flip ? dy - d : d;
				v[m] = t + ys;
				q = s * t;
				q = xs + q;
				u[m] = (int) (q + .5);
				m++;
			}
	}
	a = malloc(sizeof(uint32_t) * (m + 1));
	for (j = 1; j < m; j++)
		if (u[j] != u[j - 1])
		{
			double		xd = (double) (u[j] < u[j - 1] ? u[j] : u[j] - 1);
			double		yd = (double) (v[j] < v[j - 1] ? v[j] : v[j - 1]);

			xd = (xd + .5) / 5.0 - .5;
			if (floor(xd) != xd || xd < 0 || xd > w - 1)
				continue;
			yd = (yd + .5) / 5.0 - .5;
			if (yd < 0)
				yd = 0;
			else if (yd > h)
				yd = h;
			yd = ceil(yd);
			a[n++] = (uint32_t) ((int) xd * h + (int) yd);
		}
	/* toggles to intervals through the builder: counts between toggles */
	{
		annot_mask_builder b;
		uint32_t	prev = 0;
		long		i;

		for (i = 1; i < n; i++)
		{
			uint32_t	t = a[i];
			long		q = i - 1;

			while (q >= 0 && a[q] > t)
				a[q + 1] = a[q], q--;
			a[q + 1] = t;
		}
		annot_mask_builder_init(&b, out, h, w, ANNOT_EPARAM, NULL);
		/* runs between toggles; a toggle repeated cancels (zero runs merge) */
		for (i = 0; i < n; i++)
		{
			annot_mask_builder_add(&b, a[i] - prev, NULL);
			prev = a[i];
		}
		annot_mask_builder_add(&b, (uint32_t) (h * w) - prev, NULL);
	}
	free(x);
	free(y);
	free(u);
	free(v);
	free(a);
}

static void
test_random_against_literal(void)
{
	unsigned	seed = 12345;
	int			iter;
	int			mismatches = 0;

	for (iter = 0; iter < 3300; iter++)
	{
		double		xy[2 * 24];
		/* the last 300 are large: thousands of toggles to sort */
		bool		large = iter >= 3000;
		int			k = large ? 12 + iter % 12 : 3 + iter % 10;
		int			h = large ? 150 + iter % 50 : 1 + (iter * 7) % 40,
					w = large ? 200 + iter % 70 : 1 + (iter * 13) % 40;
		int			p;
		annot_ivals a,
					b;
		char	   *sa,
				   *sb;

		for (p = 0; p < 2 * k; p++)
		{
			seed = seed * 1103515245 + 12345;
			/* coordinates from -10 to 60 (to 290 when large), often on fine fractions */
			xy[p] = ((double) ((seed >> 8) % (large ? 30000 : 7000)) - 1000.0) / 100.0;
			if (iter % 3 == 0)
				xy[p] = floor(xy[p]);
			else if (iter % 3 == 1)
				xy[p] = floor(xy[p] * 2) / 2 + 0.1;
		}
		literal_raster(xy, k, h, w, &a);
		if (annot_raster_ring(xy, (uint32_t) k, h, w, &b, NULL) != ANNOT_OK)
		{
			mismatches++;
			annot_ivals_free(&a);
			continue;
		}
		sa = coco_of(&a);
		sb = coco_of(&b);
		if (strcmp(sa, sb) != 0)
		{
			if (mismatches < 5)
				printf("# random polygon %d: literal %s, pruned %s\n", iter, sa, sb);
			mismatches++;
		}
		free(sa);
		free(sb);
		annot_ivals_free(&a);
		annot_ivals_free(&b);
	}
	CHECK(mismatches == 0);
}

/*
 * Chunked sweeps give the same bits whatever the chunk: rings of random
 * polygons, one by one and several at once (merged by union, as
 * pycocotools merges them), with budgets from one toggle (a column a
 * chunk) up, against the literal walk.
 */
static void
test_chunks_and_rings(void)
{
	unsigned	seed = 777;
	int			iter;
	int			mismatches = 0;
	static const size_t budgets[] = {1, 3, 17, 200, ANNOT_RASTER_CHUNK};

	for (iter = 0; iter < 600; iter++)
	{
		double		xy[2 * 3 * 16];
		uint32_t	npts[3];
		uint32_t	nrings = 1 + iter % 3;
		int			h = 5 + (iter * 7) % 60,
					w = 5 + (iter * 13) % 90;
		annot_ivals want;
		uint32_t	r;
		size_t		off = 0,
					b;
		char	   *sw;

		annot_ivals_init(&want, (uint32_t) h, (uint32_t) w);
		for (r = 0; r < nrings; r++)
		{
			annot_ivals one,
						u;
			uint32_t	p;

			npts[r] = 3 + (uint32_t) ((iter + r) % 14);
			for (p = 0; p < 2 * npts[r]; p++)
			{
				seed = seed * 1103515245 + 12345;
				xy[2 * off + p] = ((double) ((seed >> 8) % 12000) - 1500.0) / 100.0;
				if ((iter + p) % 4 == 0)
					xy[2 * off + p] = floor(xy[2 * off + p]);
			}
			literal_raster(xy + 2 * off, (int) npts[r], h, w, &one);
			annot_ivals_combine(&want, &one, ANNOT_MASK_OR, &u, NULL);
			annot_ivals_free(&want);
			annot_ivals_free(&one);
			want = u;
			off += npts[r];
		}
		sw = coco_of(&want);
		for (b = 0; b < sizeof(budgets) / sizeof(budgets[0]); b++)
		{
			annot_ivals got;
			char	   *sg;

			if (annot_raster_rings_budget(xy, npts, nrings, h, w, budgets[b],
										  &got, NULL) != ANNOT_OK)
			{
				mismatches++;
				continue;
			}
			sg = coco_of(&got);
			if (strcmp(sg, sw) != 0)
			{
				if (mismatches < 5)
					printf("# polygon %d, %u rings, budget %zu: want %s, got %s\n",
						   iter, nrings, budgets[b], sw, sg);
				mismatches++;
			}
			free(sg);
			annot_ivals_free(&got);
		}
		free(sw);
		annot_ivals_free(&want);
	}
	CHECK(mismatches == 0);
}

/*
 * A comb whose teeth cross the whole width: the toggles outnumber the
 * points by the width, yet a budget of one column at a time gives the same
 * mask as one chunk.
 */
static void
test_comb(void)
{
	enum
	{
		TEETH = 400
	};
	double	   *xy = malloc(sizeof(double) * 2 * (2 * TEETH + 2));
	uint32_t	n = 0;
	int			t;
	annot_ivals a,
				b;

	for (t = 0; t < TEETH; t++)
	{
		xy[2 * n] = 1000.0, xy[2 * n + 1] = 2.0 * t + 0.5, n++;
		xy[2 * n] = 0.5, xy[2 * n + 1] = 2.0 * t + 1.5, n++;
	}
	xy[2 * n] = 1000.0, xy[2 * n + 1] = 2.0 * TEETH, n++;
	CHECK_STATUS(annot_raster_rings_budget(xy, &n, 1, 900, 1000, 1, &a, NULL), ANNOT_OK);
	CHECK_STATUS(annot_raster_rings_budget(xy, &n, 1, 900, 1000, (size_t) 1 << 30, &b, NULL), ANNOT_OK);
	CHECK(a.n == b.n && a.n > 100000 && memcmp(a.iv, b.iv, 8 * (size_t) a.n) == 0);
	annot_ivals_free(&a);
	annot_ivals_free(&b);
	free(xy);
}

static void
test_far_and_bad(void)
{
	annot_ivals m;
	annot_err	err;
	/* a triangle with one vertex 1e8 away: pruned, so instant */
	const double far[] = {2, 2, 1e8, 3, 2, 15};
	const double nan_ring[] = {0, 0, NAN, 1, 5, 5};
	const double huge[] = {0, 0, 2e8, 1, 5, 5};
	const double rings[] = {1, 1, 5, 1, 5, 5, 1, 5, 3, 3, 9, 3, 9, 9, 3, 9};
	const uint32_t npts[] = {4, 4};

	annot_err_init(&err);
	CHECK_STATUS(annot_raster_ring(far, 3, 20, 20, &m, &err), ANNOT_OK);
	CHECK(annot_ivals_area(&m) > 0);
	annot_ivals_free(&m);
	CHECK_STATUS(annot_raster_ring(nan_ring, 3, 20, 20, &m, &err), ANNOT_EPARAM);
	CHECK(err.detail[0] != '\0');
	CHECK_STATUS(annot_raster_ring(huge, 3, 20, 20, &m, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_raster_ring(far, 3, 0, 20, &m, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_raster_ring(far, 3, 100000, 100000, &m, &err), ANNOT_ELIMIT);
	/* degenerate rings: nothing, as pycocotools */
	CHECK_STATUS(annot_raster_ring(far, 0, 20, 20, &m, &err), ANNOT_OK);
	CHECK(m.n == 0);
	CHECK_STATUS(annot_raster_ring(far, 1, 20, 20, &m, &err), ANNOT_OK);
	CHECK(m.n == 0);
	annot_ivals_free(&m);
	/* two overlapping squares: union, not even-odd */
	CHECK_STATUS(annot_raster_rings(rings, npts, 2, 20, 20, &m, &err), ANNOT_OK);
	{
		annot_ivals a,
					b,
					u;

		annot_raster_ring(rings, 4, 20, 20, &a, NULL);
		annot_raster_ring(rings + 8, 4, 20, 20, &b, NULL);
		annot_ivals_combine(&a, &b, ANNOT_MASK_OR, &u, NULL);
		CHECK(u.n == m.n && memcmp(u.iv, m.iv, 8 * (size_t) u.n) == 0);
		CHECK(annot_ivals_area(&m) > annot_ivals_area(&a));
		annot_ivals_free(&a);
		annot_ivals_free(&b);
		annot_ivals_free(&u);
	}
	annot_ivals_free(&m);
}

int
main(void)
{
	test_boxes();
	test_polygons();
	test_ring_order();
	test_random_against_literal();
	test_chunks_and_rings();
	test_comb();
	test_far_and_bad();
	return unit_done("test_raster");
}
