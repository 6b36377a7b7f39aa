/*
 * test_keypoints.c -- unit tests of the keypoints parser, stored and wire
 * forms, order and object keypoint similarity, and of numpy's summation
 * order.
 */
#include "unit.h"

#include <stdlib.h>

#include "../../src/core/keypoints.h"
#include "../../src/core/match.h"

/* A stored value built from numbers, malloc'd. */
static annot_kpts *
make(const double *xyv, size_t n)
{
	annot_kpts *k = calloc(1, annot_kpts_size((int32_t) (n / 3)));

	annot_kpts_build(xyv, n, k);
	return k;
}

static annot_kpts *
parse(const char *text)
{
	double	   *xyv;
	size_t		n;
	annot_kpts *k;

	if (annot_kpts_parse(text, ANNOT_ESYNTAX, &xyv, &n, NULL) != ANNOT_OK)
		return NULL;
	k = make(xyv, n);
	free(xyv);
	return k;
}

static void
test_parse(void)
{
	double	   *xyv;
	size_t		n;
	annot_err	err;
	char		buf[256];
	annot_kpts *k;

	annot_err_init(&err);
	CHECK_STATUS(annot_kpts_parse(" [1, 2.5 ,2,3,4,0] ", ANNOT_ESYNTAX, &xyv, &n, &err), ANNOT_OK);
	CHECK(n == 6 && xyv[1] == 2.5 && xyv[5] == 0);
	k = make(xyv, n);
	free(xyv);
	CHECK(k->npoints == 2 && k->labelled == 1);
	CHECK(annot_kpts_text_size(k) <= sizeof(buf));
	annot_kpts_format(k, buf);
	CHECK_STR(buf, "[1,2.5,2,3,4,0]");
	CHECK_STATUS(annot_kpts_check(k, annot_kpts_size(2), &err), ANNOT_OK);
	free(k);

	CHECK_STATUS(annot_kpts_parse("[]", ANNOT_ESYNTAX, &xyv, &n, &err), ANNOT_ESYNTAX);
	CHECK(xyv == NULL && err.detail[0] != '\0');
	CHECK_STR(err.subject, "keypoints");
	CHECK_STATUS(annot_kpts_parse("[1,2]", ANNOT_ESYNTAX, &xyv, &n, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(annot_kpts_parse("[1,2,3,]", ANNOT_EPARAM, &xyv, &n, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_kpts_parse("[1,2,3", ANNOT_ESYNTAX, &xyv, &n, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(annot_kpts_parse("[1,2,3]x", ANNOT_ESYNTAX, &xyv, &n, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(annot_kpts_parse("[nan,2,3]", ANNOT_ESYNTAX, &xyv, &n, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(annot_kpts_parse("[1e999,2,3]", ANNOT_ESYNTAX, &xyv, &n, &err), ANNOT_ERANGE);
	CHECK_STATUS(annot_kpts_parse("", ANNOT_ESYNTAX, &xyv, &n, &err), ANNOT_ESYNTAX);
	CHECK(err.pos == 0);
}

/* "[1,1,...]" of nnum numbers, malloc'd */
static char *
ones(size_t nnum)
{
	char	   *text = malloc(2 * nnum + 2);
	char	   *p = text;

	*p++ = '[';
	for (size_t i = 0; i < nnum; i++)
	{
		*p++ = '1';
		*p++ = i + 1 < nnum ? ',' : ']';
	}
	*p = '\0';
	return text;
}

static void
test_limit(void)
{
	char	   *over = ones(3 * (ANNOT_KPTS_MAX_POINTS + 1));
	char	   *at = ones(3 * ANNOT_KPTS_MAX_POINTS);
	double	   *xyv;
	size_t		n;

	CHECK_STATUS(annot_kpts_parse(over, ANNOT_ESYNTAX, &xyv, &n, NULL), ANNOT_ELIMIT);
	CHECK_STATUS(annot_kpts_parse(at, ANNOT_ESYNTAX, &xyv, &n, NULL), ANNOT_OK);
	CHECK(n == 3 * ANNOT_KPTS_MAX_POINTS);
	free(xyv);
	free(over);
	free(at);
}

static void
test_binary(void)
{
	annot_kpts *k = parse("[0.1,-2,2,1e300,5e-324,0]");
	size_t		size = annot_kpts_send_size(k);
	uint8_t    *buf = malloc(size);
	double	   *xyv;
	size_t		n;
	annot_err	err;

	annot_kpts_send(k, buf);
	CHECK(buf[0] == 1 && buf[4] == 2);
	annot_err_init(&err);
	CHECK_STATUS(annot_kpts_recv(buf, size, &xyv, &n, &err), ANNOT_OK);
	CHECK(n == 6 && memcmp(xyv, k->xyv, 6 * sizeof(double)) == 0);
	free(xyv);
	CHECK_STATUS(annot_kpts_recv(buf, size - 1, &xyv, &n, &err), ANNOT_EBINARY);
	CHECK_STATUS(annot_kpts_recv(buf, 4, &xyv, &n, &err), ANNOT_EBINARY);
	buf[0] = 2;
	CHECK_STATUS(annot_kpts_recv(buf, size, &xyv, &n, &err), ANNOT_EBINARY);
	buf[0] = 1;
	buf[1] = 0x7f;
	CHECK_STATUS(annot_kpts_recv(buf, size, &xyv, &n, &err), ANNOT_ELIMIT);
	buf[1] = 0;
	memset(buf + 5, 0xff, 8);	/* a NaN */
	CHECK_STATUS(annot_kpts_recv(buf, size, &xyv, &n, &err), ANNOT_EBINARY);
	free(buf);

	/* stored-form checks */
	CHECK_STATUS(annot_kpts_check(k, annot_kpts_size(2), &err), ANNOT_OK);
	CHECK_STATUS(annot_kpts_check(k, annot_kpts_size(2) - 8, &err), ANNOT_ECORRUPT);
	CHECK_STATUS(annot_kpts_check(k, 8, &err), ANNOT_ECORRUPT);
	k->labelled = 2;
	CHECK_STATUS(annot_kpts_check(k, annot_kpts_size(2), &err), ANNOT_ECORRUPT);
	k->labelled = 1;
	k->version = 9;
	CHECK_STATUS(annot_kpts_check(k, annot_kpts_size(2), &err), ANNOT_ECORRUPT);
	free(k);
}

static void
test_order(void)
{
	annot_kpts *a = parse("[1,2,3]");
	annot_kpts *b = parse("[1,2,4]");
	annot_kpts *c = parse("[0,0,0,0,0,0]");
	annot_kpts *z = parse("[-0,2,3]");
	annot_kpts *z2 = parse("[0,2,3]");
	annot_bbox	box;

	CHECK(annot_kpts_cmp(a, b) < 0 && annot_kpts_cmp(b, a) > 0);
	CHECK(annot_kpts_cmp(a, c) < 0);
	CHECK(annot_kpts_equal(z, z2));
	CHECK(annot_kpts_hash(z, 7) == annot_kpts_hash(z2, 7));
	CHECK(annot_kpts_hash(a, 7) != annot_kpts_hash(b, 7));
	CHECK(annot_kpts_hash(a, 0) != annot_kpts_hash(a, 1));
	CHECK(annot_kpts_bbox(a, &box) && box.x1 == 1 && box.y2 == 2);
	CHECK(!annot_kpts_bbox(c, &box));
	free(a);
	free(b);
	free(c);
	free(z);
	free(z2);
}

static void
test_oks(void)
{
	annot_kpts *gt = parse("[0,0,2,10,10,0]");
	annot_kpts *dt = parse("[1,0,1,50,50,1]");
	annot_kpts *none = parse("[0,0,0,0,0,0]");
	double		s[2] = {0.5, 0.5};
	double		v;
	annot_bbox	box = {0, 0, 10, 10};
	annot_err	err;

	annot_err_init(&err);
	/* only the labelled keypoint counts: exp(-1 / 1 / (1 + eps) / 2) */
	CHECK_STATUS(annot_kpts_oks(dt, gt, 1, s, 2, NULL, &v, &err), ANNOT_OK);
	CHECK(v == exp(-(1.0 / 1.0 / (1 + 0x1p-52) / 2)));
	/* perfect match */
	CHECK_STATUS(annot_kpts_oks(gt, gt, 1, s, 2, NULL, &v, &err), ANNOT_OK);
	CHECK(v == 1.0);
	/* no labelled ground truth: inside the enlarged box counts as 0 distance */
	CHECK_STATUS(annot_kpts_oks(none, none, 1, s, 2, NULL, &v, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_kpts_oks(dt, none, 100, s, 2, &box, &v, &err), ANNOT_OK);
	/* (1,0) is inside; (50,50) is 30 past x0 + 3w = 20 and y0 + 3h = 20 */
	CHECK(v == (1 + exp(-(1800.0 / 1.0 / (100 + 0x1p-52) / 2))) / 2);
	/* mismatched counts and bad arguments */
	CHECK_STATUS(annot_kpts_oks(dt, gt, 1, s, 1, NULL, &v, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_kpts_oks(dt, gt, -1, s, 2, NULL, &v, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_kpts_oks(dt, gt, NAN, s, 2, NULL, &v, &err), ANNOT_EPARAM);
	s[1] = 0;
	CHECK_STATUS(annot_kpts_check_sigmas(s, 2, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_kpts_check_sigmas(s, 0, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_kpts_check_sigmas(annot_kpts_coco_sigmas, 17, &err), ANNOT_OK);
	CHECK(annot_kpts_coco_sigmas[0] == .26 / 10.0);
	free(gt);
	free(dt);
	free(none);
}

static void
test_np_sum(void)
{
	double		a[300];
	double		seq = 0;

	/* small sums are sequential */
	for (int i = 0; i < 7; i++)
		a[i] = 1.0 / (i + 3);
	for (int i = 0; i < 7; i++)
		seq += a[i];
	CHECK(annot_np_sum(a, 7) == seq);
	CHECK(annot_np_sum(a, 0) == 0);
	/* blocks of 8: 1e16 + 1 + ... loses the ones sequentially, not here */
	for (int i = 0; i < 16; i++)
		a[i] = i == 0 ? 1e16 : 1.0;
	CHECK(annot_np_sum(a, 16) == 1e16 + 14);
	/* numpy's value for 1/(i+1), i < 300, computed with np.sum */
	for (int i = 0; i < 300; i++)
		a[i] = 1.0 / (i + 1);
	CHECK(annot_np_sum(a, 300) == 6.282663880299504);
}

int
main(void)
{
	test_parse();
	test_limit();
	test_binary();
	test_order();
	test_oks();
	test_np_sum();
	return unit_done("keypoints");
}
