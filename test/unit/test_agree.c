/*
 * test_agree.c -- unit tests of the agreement core: states (add, combine,
 * serialize, deserialize and its rejections), coefficients against the
 * published peer values in test/data/agreement, and the normal and
 * t quantiles against mpmath at 40 digits.
 */
#include "unit.h"

#include <stdlib.h>

#include "../../src/core/agree.h"

#define NA (-1)

static annot_agree_params
params(annot_agree_weights w, annot_agree_scale scale)
{
	annot_agree_params p;

	p.weights = (uint8_t) w;
	p.scale = (uint8_t) scale;
	p.confidence = 0.95;
	return p;
}

static annot_agree_key
ikey(int64_t i)
{
	annot_agree_key k;

	memset(&k, 0, sizeof(k));
	k.i = i;
	k.value = (double) i;
	return k;
}

/* An item state from a units x raters matrix of integer codes (NA missing). */
static annot_agree_items *
items_from(const int *m, int units, int raters, annot_agree_weights w)
{
	annot_agree_params p = params(w, ANNOT_SCALE_OBSERVED);
	annot_agree_items *s = annot_agree_items_create(&p);
	int			u;
	int			r;

	for (u = 0; u < units; u++)
		for (r = 0; r < raters; r++)
		{
			annot_agree_key it = ikey(u + 1000);
			annot_agree_key lab = ikey(m[u * raters + r]);

			if (m[u * raters + r] == NA)
				continue;
			if (annot_agree_items_add(s, ANNOT_AGREE_KEY_INT, &it,
									  ANNOT_AGREE_KEY_INT, &lab, NULL) != ANNOT_OK)
				abort();
		}
	return s;
}

/* A pair state from two columns of a units x raters matrix. */
static annot_agree_pair *
pair_from(const int *m, int units, int raters, int ca, int cb,
		  annot_agree_weights w, annot_agree_scale scale)
{
	annot_agree_params p = params(w, scale);
	annot_agree_pair *s = annot_agree_pair_create(&p);
	int			u;

	for (u = 0; u < units; u++)
	{
		annot_agree_key a = ikey(m[u * raters + ca]);
		annot_agree_key b = ikey(m[u * raters + cb]);

		if (annot_agree_pair_add(s, ANNOT_AGREE_KEY_INT, &a, &b, NULL) != ANNOT_OK)
			abort();
	}
	return s;
}

/* A pair state from a contingency table (rows first rater, codes 1..k). */
static annot_agree_pair *
pair_from_table(const int *t, int k, annot_agree_weights w)
{
	annot_agree_params p = params(w, ANNOT_SCALE_OBSERVED);
	annot_agree_pair *s = annot_agree_pair_create(&p);
	int			i;
	int			j;
	int			c;

	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			for (c = 0; c < t[i * k + j]; c++)
			{
				annot_agree_key a = ikey(i + 1);
				annot_agree_key b = ikey(j + 1);

				annot_agree_pair_add(s, ANNOT_AGREE_KEY_INT, &a, &b, NULL);
			}
	return s;
}

/* irrCAC cac.raw4raters = Krippendorff (2011) C data, units x 4 coders. */
static const int raw4[] = {
	1, 1, NA, 1, 2, 2, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 1, 2, 3, 4,
	4, 4, 4, 4, 1, 1, 2, 1, 2, 2, 2, 2, NA, 5, 5, 5, NA, NA, 1, 1, NA, NA, 3, NA
};

/* irrCAC cac.raw5obser, 15 units x 5 observers. */
static const int raw5[] = {
	1, 1, 2, NA, 2, 1, 1, 0, 1, NA, 2, 3, 3, 3, NA, NA, 0, 0, NA, 0,
	0, 0, 0, NA, 0, 0, 0, 0, NA, 0, 1, 0, 2, NA, 1, 1, NA, 2, 0, NA,
	2, 2, 2, NA, 2, 2, 1, 1, 1, NA, NA, 1, 0, 0, NA, 0, 0, 0, 0, NA,
	1, 2, 2, 2, NA, 3, 3, 2, 2, 3, 1, 1, 1, NA, 1
};

/* irr anxiety, 20 subjects x 3 raters. */
static const int anxiety[] = {
	3, 3, 2, 3, 6, 1, 3, 4, 4, 4, 6, 4, 5, 2, 3, 5, 4, 2, 2, 2, 1, 3, 4, 6,
	5, 3, 1, 2, 3, 1, 2, 2, 1, 6, 3, 2, 1, 3, 3, 5, 3, 3, 2, 2, 1, 2, 2, 1,
	1, 1, 3, 2, 3, 3, 4, 3, 2, 3, 4, 2
};

/* Fleiss (1971) diagnoses as codes 1..5, 30 patients x 6 psychiatrists. */
static const int diagnoses[] = {
	4, 4, 4, 4, 4, 4, 2, 2, 2, 5, 5, 5, 2, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5,
	2, 2, 2, 4, 4, 4, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 1, 1, 3, 3, 3, 4,
	1, 1, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 1, 4, 4, 4, 4, 4, 1, 2, 4, 4, 4, 4,
	2, 2, 2, 3, 3, 3, 1, 4, 4, 4, 4, 4, 2, 2, 4, 4, 4, 5, 3, 3, 3, 3, 3, 5,
	1, 1, 1, 4, 5, 5, 1, 1, 1, 1, 1, 2, 2, 2, 4, 4, 4, 4, 1, 3, 3, 5, 5, 5,
	5, 5, 5, 5, 5, 5, 2, 4, 4, 4, 4, 4, 2, 2, 4, 5, 5, 5, 1, 1, 4, 4, 4, 4,
	1, 4, 4, 4, 4, 5, 2, 2, 2, 2, 2, 4, 1, 1, 1, 1, 5, 5, 2, 2, 4, 4, 4, 4,
	1, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5
};

typedef annot_status (*item_fn) (const annot_agree_items *, annot_agree_result *, annot_err *);

/* Coefficient (relative 1e-9) and irrCAC's 5-decimal standard error. */
static void
check_items(const int *m, int units, int raters, annot_agree_weights w,
			item_fn fn, double coef, double se)
{
	annot_agree_items *s = items_from(m, units, raters, w);
	annot_agree_result r;

	CHECK_STATUS(fn(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, coef, 1e-9);
	if (se >= 0)
		CHECK(fabs(r.se - se) <= 5e-6);
	annot_agree_items_free(s);
}

static void
test_irrcac(void)
{
	/* coeff_full_precision_from_pa_pe and se of irrCAC_reference_values.csv */
	check_items(raw4, 12, 4, ANNOT_W_UNWEIGHTED, annot_agree_percent, 0.818181818181818, 0.12561);
	check_items(raw4, 12, 4, ANNOT_W_QUADRATIC, annot_agree_percent, 0.975378787878788, 0.09062);
	check_items(raw4, 12, 4, ANNOT_W_UNWEIGHTED, annot_agree_gwet, 0.7754440681269946, 0.14295);
	check_items(raw4, 12, 4, ANNOT_W_QUADRATIC, annot_agree_gwet, 0.9140007235516051, 0.10396);
	check_items(raw4, 12, 4, ANNOT_W_LINEAR, annot_agree_gwet, 0.8587391364326104, 0.11733);
	check_items(raw4, 12, 4, ANNOT_W_ORDINAL, annot_agree_gwet, 0.8989397699075113, 0.1069);
	check_items(raw4, 12, 4, ANNOT_W_RADICAL, annot_agree_gwet, 0.8198117021979979, 0.12836);
	check_items(raw4, 12, 4, ANNOT_W_RATIO, annot_agree_gwet, 0.8573675578296345, 0.12207);
	check_items(raw4, 12, 4, ANNOT_W_CIRCULAR, annot_agree_gwet, 0.8301951394609615, 0.13265);
	check_items(raw4, 12, 4, ANNOT_W_BIPOLAR, annot_agree_gwet, 0.9003730154433527, 0.10582);
	check_items(raw4, 12, 4, ANNOT_W_UNWEIGHTED, annot_agree_fleiss, 0.7611692754224109, 0.15302);
	check_items(raw4, 12, 4, ANNOT_W_CIRCULAR, annot_agree_fleiss, 0.8071997701581104, 0.14894);
	check_items(raw4, 12, 4, ANNOT_W_BIPOLAR, annot_agree_fleiss, 0.8530725501402646, 0.14463);
	check_items(raw4, 12, 4, ANNOT_W_UNWEIGHTED, annot_agree_krippendorff, 0.743421052631579, 0.14548);
	check_items(raw4, 12, 4, ANNOT_W_QUADRATIC, annot_agree_krippendorff, 0.8491071428571431, 0.12905);
	check_items(raw4, 12, 4, ANNOT_W_RATIO, annot_agree_krippendorff, 0.7974027747116109, 0.14036);
	check_items(raw4, 12, 4, ANNOT_W_LINEAR, annot_agree_krippendorff, 0.8003838771593093, 0.13538);
	/* Krippendorff's own ordinal metric (Krippendorff 2011; irr kripp.alpha) */
	check_items(raw4, 12, 4, ANNOT_W_KORDINAL, annot_agree_krippendorff, 0.815387503754881, -1);
	check_items(raw5, 15, 5, ANNOT_W_UNWEIGHTED, annot_agree_gwet, 0.49662205487261507, 0.12197);
	check_items(raw5, 15, 5, ANNOT_W_QUADRATIC, annot_agree_fleiss, 0.7507191283046879, 0.09732);
	check_items(raw5, 15, 5, ANNOT_W_UNWEIGHTED, annot_agree_krippendorff, 0.48053024026512053, 0.11356);
	check_items(raw5, 15, 5, ANNOT_W_CIRCULAR, annot_agree_krippendorff, 0.5807955251709142, 0.10414);
	check_items(raw5, 15, 5, ANNOT_W_LINEAR, annot_agree_percent, 0.860740740740741, 0.0357);
	check_items(anxiety, 20, 3, ANNOT_W_UNWEIGHTED, annot_agree_fleiss, -0.041076487252125676, 0.04741);
	check_items(anxiety, 20, 3, ANNOT_W_QUADRATIC, annot_agree_gwet, 0.5352922389013105, 0.12102);
	check_items(diagnoses, 30, 6, ANNOT_W_UNWEIGHTED, annot_agree_fleiss, 0.430244520060141, 0.0542);
	check_items(diagnoses, 30, 6, ANNOT_W_UNWEIGHTED, annot_agree_gwet, 0.447884515844565, 0.05566);
	check_items(diagnoses, 30, 6, ANNOT_W_UNWEIGHTED, annot_agree_krippendorff, 0.4334098282820296, 0.0542);
	check_items(diagnoses, 30, 6, ANNOT_W_UNWEIGHTED, annot_agree_percent, 0.555555555555556, 0.0441);
}

static void
test_cohen(void)
{
	/* SAS PROC FREQ example (statsmodels table10) */
	static const int table10[] = {0, 4, 1, 0, 8, 0, 0, 1, 5};
	static const int abstractors[] = {13, 0, 0, 0, 20, 7, 0, 4, 56};
	annot_agree_pair *s;
	annot_agree_result r;

	s = pair_from_table(table10, 3, ANNOT_W_UNWEIGHTED);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, 0.48416289592760187, 1e-12);
	CHECK_CLOSE(r.se, 0.1380135783058146, 1e-12);
	CHECK_CLOSE(r.ci_lower, 0.21366125307070666, 1e-12);
	CHECK_CLOSE(r.ci_upper, 0.754664538784497, 1e-12);
	CHECK(r.n_items == 19 && r.n_ratings == 38 && r.n_categories == 3);
	annot_agree_pair_free(s);
	s = pair_from_table(table10, 3, ANNOT_W_LINEAR);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, 0.4701195219123506, 1e-12);
	CHECK_CLOSE(r.se, 0.14574604514192566, 1e-12);
	annot_agree_pair_free(s);
	s = pair_from_table(table10, 3, ANNOT_W_QUADRATIC);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, 0.4501607717041801, 1e-12);
	CHECK_CLOSE(r.se, 0.19223266335726072, 1e-12);
	annot_agree_pair_free(s);

	/* irrCAC kappa2.table on cont3x3abstractors */
	s = pair_from_table(abstractors, 3, ANNOT_W_QUADRATIC);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, 0.892156862745098, 1e-12);
	annot_agree_pair_free(s);

	/* sklearn and irr on anxiety: observed levels vs the full range */
	s = pair_from(anxiety, 20, 3, 0, 1, ANNOT_W_QUADRATIC, ANNOT_SCALE_OBSERVED);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, 0.29676511954992957, 1e-12);
	annot_agree_pair_free(s);
	s = pair_from(anxiety, 20, 3, 1, 2, ANNOT_W_LINEAR, ANNOT_SCALE_OBSERVED);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, 0.14590747330960863, 1e-12);
	annot_agree_pair_free(s);
	s = pair_from(anxiety, 20, 3, 1, 2, ANNOT_W_LINEAR, ANNOT_SCALE_RANGE);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, 0.12621359223300954, 1e-12);
	annot_agree_pair_free(s);
	s = pair_from(anxiety, 20, 3, 1, 2, ANNOT_W_QUADRATIC, ANNOT_SCALE_RANGE);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, 0.22979797979797978, 1e-12);
	annot_agree_pair_free(s);
	s = pair_from(anxiety, 20, 3, 1, 2, ANNOT_W_UNWEIGHTED, ANNOT_SCALE_OBSERVED);
	CHECK_STATUS(annot_agree_cohen(s, &r, NULL), ANNOT_OK);
	CHECK_CLOSE(r.estimate, -0.0062893081761006275, 1e-12);
	annot_agree_pair_free(s);
}

static void
test_edges(void)
{
	static const int one_cat[] = {3, 3, 3, 3, 3, 3};
	static const int one_rater[] = {1, NA, 2, NA, 1, NA};
	annot_agree_items *s;
	annot_agree_pair *p;
	annot_agree_result r;

	/* a single category: chance agreement 1, coefficients undefined */
	s = items_from(one_cat, 3, 2, ANNOT_W_UNWEIGHTED);
	CHECK_STATUS(annot_agree_fleiss(s, &r, NULL), ANNOT_OK);
	CHECK(isnan(r.estimate) && r.pe == 1.0 && r.pa == 1.0);
	CHECK_STATUS(annot_agree_gwet(s, &r, NULL), ANNOT_OK);
	CHECK(isnan(r.estimate));
	CHECK_STATUS(annot_agree_krippendorff(s, &r, NULL), ANNOT_OK);
	CHECK(isnan(r.estimate));
	CHECK_STATUS(annot_agree_percent(s, &r, NULL), ANNOT_OK);
	CHECK(r.estimate == 1.0 && r.se == 0.0);
	annot_agree_items_free(s);
	p = pair_from(one_cat, 3, 2, 0, 1, ANNOT_W_UNWEIGHTED, ANNOT_SCALE_OBSERVED);
	CHECK_STATUS(annot_agree_cohen(p, &r, NULL), ANNOT_OK);
	CHECK(isnan(r.estimate) && r.n_items == 3);
	annot_agree_pair_free(p);

	/* one rater per item: nothing to compare */
	s = items_from(one_rater, 3, 2, ANNOT_W_UNWEIGHTED);
	CHECK_STATUS(annot_agree_fleiss(s, &r, NULL), ANNOT_OK);
	CHECK(isnan(r.estimate) && r.n_items == 3);
	CHECK_STATUS(annot_agree_krippendorff(s, &r, NULL), ANNOT_OK);
	CHECK(isnan(r.estimate) && r.n_items == 0);
	CHECK_STATUS(annot_agree_percent(s, &r, NULL), ANNOT_OK);
	CHECK(isnan(r.estimate));
	annot_agree_items_free(s);

	/* more categories than items: one item, five raters, five labels */
	{
		static const int one_item[] = {1, 2, 3, 4, 5};

		s = items_from(one_item, 1, 5, ANNOT_W_UNWEIGHTED);
		CHECK_STATUS(annot_agree_fleiss(s, &r, NULL), ANNOT_OK);
		CHECK(r.n_items == 1 && r.n_categories == 5 && r.pa == 0.0);
		CHECK_STATUS(annot_agree_krippendorff(s, &r, NULL), ANNOT_OK);
		CHECK(r.n_items == 1 && fabs(r.estimate) < 1e-12);	/* all values differ: alpha 0 */
		annot_agree_items_free(s);
	}

	/* weights need numbers; ratio weights need non-negative numbers */
	{
		annot_agree_params pr = params(ANNOT_W_LINEAR, ANNOT_SCALE_OBSERVED);
		annot_agree_items *t = annot_agree_items_create(&pr);
		annot_agree_key it = ikey(1);
		annot_agree_key a = {0, "cat", 3, NAN};
		annot_agree_key b = {0, "dog", 3, NAN};
		annot_err	err;

		annot_agree_items_add(t, ANNOT_AGREE_KEY_INT, &it, ANNOT_AGREE_KEY_BYTES, &a, NULL);
		annot_agree_items_add(t, ANNOT_AGREE_KEY_INT, &it, ANNOT_AGREE_KEY_BYTES, &b, NULL);
		annot_err_init(&err);
		CHECK_STATUS(annot_agree_fleiss(t, &r, &err), ANNOT_EPARAM);
		CHECK(strstr(err.detail, "numeric") != NULL);
		/* a key of another kind is refused */
		CHECK_STATUS(annot_agree_items_add(t, ANNOT_AGREE_KEY_INT, &it,
										   ANNOT_AGREE_KEY_INT, &it, NULL),
					 ANNOT_EPARAM);
		annot_agree_items_free(t);
	}
	{
		static const int neg[] = {-2, -2, 2, 2, 3, 2};

		s = items_from(neg, 3, 2, ANNOT_W_RATIO);
		CHECK_STATUS(annot_agree_fleiss(s, &r, NULL), ANNOT_EPARAM);
		annot_agree_items_free(s);
	}

	/* the category limit of the pair state */
	{
		annot_agree_params pr = params(ANNOT_W_UNWEIGHTED, ANNOT_SCALE_OBSERVED);
		annot_agree_pair *t = annot_agree_pair_create(&pr);
		annot_status st = ANNOT_OK;
		int			i;

		for (i = 0; i < ANNOT_AGREE_PAIR_MAX_CATEGORIES + 5 && st == ANNOT_OK; i++)
		{
			annot_agree_key a = ikey(i * 7919);

			st = annot_agree_pair_add(t, ANNOT_AGREE_KEY_INT, &a, &a, NULL);
		}
		CHECK(st == ANNOT_ELIMIT && i == ANNOT_AGREE_PAIR_MAX_CATEGORIES + 1);
		annot_agree_pair_free(t);
	}
}

/* Serialized sizes (the states here are far below the limit). */
static size_t
items_size(const annot_agree_items *s)
{
	size_t		n = 0;

	if (annot_agree_items_serial_size(s, &n, NULL) != ANNOT_OK)
		abort();
	return n;
}

static size_t
pair_size(const annot_agree_pair *s)
{
	size_t		n = 0;

	if (annot_agree_pair_serial_size(s, &n, NULL) != ANNOT_OK)
		abort();
	return n;
}

/* Serialize, deserialize and compare the serializations byte for byte. */
static void
test_roundtrip(void)
{
	annot_agree_items *s = items_from(diagnoses, 30, 6, ANNOT_W_QUADRATIC);
	annot_agree_pair *p = pair_from(anxiety, 20, 3, 0, 2, ANNOT_W_LINEAR, ANNOT_SCALE_RANGE);
	size_t		n = items_size(s);
	size_t		m = pair_size(p);
	uint8_t    *buf = malloc(n);
	uint8_t    *pbuf = malloc(m);
	annot_agree_items *s2;
	annot_agree_pair *p2;
	annot_agree_result r1;
	annot_agree_result r2;
	size_t		cut;
	int			rejected = 0;

	annot_agree_items_serialize(s, buf);
	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &s2, NULL), ANNOT_OK);
	CHECK(items_size(s2) == n);
	annot_agree_fleiss(s, &r1, NULL);
	annot_agree_fleiss(s2, &r2, NULL);
	CHECK(r1.estimate == r2.estimate && r1.se == r2.se);
	annot_agree_items_free(s2);

	/* every truncation is refused with 22P03 */
	for (cut = 0; cut < n; cut++)
	{
		annot_err	err;

		annot_err_init(&err);
		if (annot_agree_items_deserialize(buf, cut, &s2, &err) == ANNOT_EBINARY &&
			s2 == NULL && err.detail[0] != '\0')
			rejected++;
	}
	CHECK(rejected == (int) n);
	/* a trailing byte, a bad version, a zeroed count */
	{
		uint8_t    *longer = malloc(n + 1);

		memcpy(longer, buf, n);
		longer[n] = 0;
		CHECK_STATUS(annot_agree_items_deserialize(longer, n + 1, &s2, NULL), ANNOT_EBINARY);
		free(longer);
	}
	buf[2] = 9;
	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &s2, NULL), ANNOT_EBINARY);
	buf[2] = 1;
	buf[n - 1] ^= 0x01;			/* last count changes: no longer adds up */
	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &s2, NULL), ANNOT_EBINARY);
	buf[n - 1] ^= 0x01;
	CHECK_STATUS(annot_agree_pair_deserialize(buf, n, &p2, NULL), ANNOT_EBINARY);

	annot_agree_pair_serialize(p, pbuf);
	CHECK_STATUS(annot_agree_pair_deserialize(pbuf, m, &p2, NULL), ANNOT_OK);
	annot_agree_cohen(p, &r1, NULL);
	annot_agree_cohen(p2, &r2, NULL);
	CHECK(r1.estimate == r2.estimate && r1.se == r2.se);
	annot_agree_pair_free(p2);
	rejected = 0;
	for (cut = 0; cut < m; cut++)
		if (annot_agree_pair_deserialize(pbuf, cut, &p2, NULL) == ANNOT_EBINARY)
			rejected++;
	CHECK(rejected == (int) m);

	free(buf);
	free(pbuf);
	annot_agree_items_free(s);
	annot_agree_pair_free(p);
}

/* Combining split states gives the state of all rows, in any order. */
static void
test_combine(void)
{
	annot_agree_params pr = params(ANNOT_W_UNWEIGHTED, ANNOT_SCALE_OBSERVED);
	annot_agree_items *whole = items_from(diagnoses, 30, 6, ANNOT_W_UNWEIGHTED);
	annot_agree_items *a = annot_agree_items_create(&pr);
	annot_agree_items *b = annot_agree_items_create(&pr);
	annot_agree_items *c;
	annot_agree_result r1;
	annot_agree_result r2;
	int			u;
	int			k;

	/* interleave ratings of one item across the two states */
	for (u = 0; u < 30; u++)
		for (k = 0; k < 6; k++)
		{
			annot_agree_key it = ikey(u + 1000);
			annot_agree_key lab = ikey(diagnoses[u * 6 + k]);

			annot_agree_items_add((u + k) % 2 ? a : b, ANNOT_AGREE_KEY_INT, &it,
								  ANNOT_AGREE_KEY_INT, &lab, NULL);
		}
	c = annot_agree_items_copy(b, NULL);
	CHECK_STATUS(annot_agree_items_combine(c, a, NULL), ANNOT_OK);
	annot_agree_fleiss(whole, &r1, NULL);
	annot_agree_fleiss(c, &r2, NULL);
	CHECK_CLOSE(r2.estimate, r1.estimate, 1e-14);
	CHECK_CLOSE(r2.se, r1.se, 1e-12);
	CHECK(r2.n_items == 30 && r2.n_ratings == 180);
	/* parameters must agree */
	{
		annot_agree_params other = params(ANNOT_W_LINEAR, ANNOT_SCALE_OBSERVED);
		annot_agree_items *d = annot_agree_items_create(&other);

		CHECK_STATUS(annot_agree_items_combine(c, d, NULL), ANNOT_EPARAM);
		annot_agree_items_free(d);
	}
	annot_agree_items_free(a);
	annot_agree_items_free(b);
	annot_agree_items_free(c);
	annot_agree_items_free(whole);
}

/* A state through the wire as a worker sends it: prepared, serialized, read. */
static annot_agree_items *
wire(const annot_agree_items *s)
{
	annot_agree_items *c = annot_agree_items_copy(s, NULL);
	size_t		n;
	uint8_t    *buf;
	annot_agree_items *out = NULL;

	if (c == NULL || annot_agree_items_prepare(c, NULL) != ANNOT_OK)
		abort();
	n = items_size(c);
	buf = malloc(n);
	annot_agree_items_serialize(c, buf);
	if (annot_agree_items_deserialize(buf, n, &out, NULL) != ANNOT_OK)
		abort();
	free(buf);
	annot_agree_items_free(c);
	return out;
}

/* Same estimate and standard error, to the last bit. */
static int
same_result(const annot_agree_items *a, const annot_agree_items *b)
{
	annot_agree_result r1;
	annot_agree_result r2;
	annot_agree_result k1;
	annot_agree_result k2;

	annot_agree_gwet(a, &r1, NULL);
	annot_agree_gwet(b, &r2, NULL);
	annot_agree_krippendorff(a, &k1, NULL);
	annot_agree_krippendorff(b, &k2, NULL);
	return r1.estimate == r2.estimate && r1.se == r2.se && r1.n_items == r2.n_items &&
		r1.n_ratings == r2.n_ratings && k1.estimate == k2.estimate && k1.se == k2.se;
}

/*
 * The parallel path: worker states cross the wire, the first is adopted,
 * the others deferred and merged by the final function in one pass.
 */
static void
test_deferred(void)
{
	annot_agree_params pr = params(ANNOT_W_QUADRATIC, ANNOT_SCALE_OBSERVED);
	annot_agree_items *whole = items_from(anxiety, 20, 3, ANNOT_W_QUADRATIC);
	annot_agree_items *w[3];
	annot_agree_items *lead;
	annot_agree_items *copy;
	annot_agree_items *again;
	int			u;
	int			k;

	for (k = 0; k < 3; k++)
		w[k] = annot_agree_items_create(&pr);
	/* ratings of one item land in different workers */
	for (u = 0; u < 20; u++)
		for (k = 0; k < 3; k++)
		{
			annot_agree_key it = ikey(u + 1000);
			annot_agree_key lab = ikey(anxiety[u * 3 + k]);

			annot_agree_items_add(w[(u + k) % 3], ANNOT_AGREE_KEY_INT, &it,
								  ANNOT_AGREE_KEY_INT, &lab, NULL);
		}
	lead = wire(w[0]);
	CHECK(lead->form == ANNOT_AGREE_SORTED);
	CHECK_STATUS(annot_agree_items_defer(lead, wire(w[1]), NULL), ANNOT_OK);
	CHECK_STATUS(annot_agree_items_defer(lead, wire(w[2]), NULL), ANNOT_OK);
	CHECK(lead->npending == 2 && lead->n == 60);
	CHECK(same_result(lead, whole));

	/* a copy and a prepared state give the same, and so does the wire */
	copy = annot_agree_items_copy(lead, NULL);
	CHECK(copy != NULL && copy->npending == 0 && copy->n == 60);
	CHECK(same_result(copy, whole));
	CHECK_STATUS(annot_agree_items_prepare(lead, NULL), ANNOT_OK);
	CHECK(lead->npending == 0 && lead->n == 60 && lead->form == ANNOT_AGREE_SORTED);
	CHECK(same_result(lead, whole));
	again = wire(lead);
	CHECK(same_result(again, whole));

	/* adding to a dense state indexes it first */
	{
		annot_agree_key it = ikey(5 + 1000);
		annot_agree_key lab = ikey(6);

		CHECK_STATUS(annot_agree_items_add(again, ANNOT_AGREE_KEY_INT, &it,
										   ANNOT_AGREE_KEY_INT, &lab, NULL), ANNOT_OK);
		CHECK_STATUS(annot_agree_items_add(whole, ANNOT_AGREE_KEY_INT, &it,
										   ANNOT_AGREE_KEY_INT, &lab, NULL), ANNOT_OK);
		CHECK(again->form == ANNOT_AGREE_HASHED && again->items.n == 20);
		CHECK(same_result(again, whole));
	}
	/* deferring a state that holds deferred states keeps one flat list */
	{
		annot_agree_items *x = wire(w[0]);
		annot_agree_items *y = wire(w[1]);

		annot_agree_items_defer(y, wire(w[2]), NULL);
		CHECK_STATUS(annot_agree_items_defer(x, y, NULL), ANNOT_OK);
		CHECK(x->npending == 2 && x->n == 60);
		annot_agree_items_free(whole);
		whole = items_from(anxiety, 20, 3, ANNOT_W_QUADRATIC);
		CHECK(same_result(x, whole));
		annot_agree_items_free(x);
	}
	for (k = 0; k < 3; k++)
		annot_agree_items_free(w[k]);
	annot_agree_items_free(lead);
	annot_agree_items_free(copy);
	annot_agree_items_free(again);
	annot_agree_items_free(whole);
}

/* The wire bytes of a state as a worker sends it. */
static uint8_t *
wire_bytes(const annot_agree_items *s, size_t *n)
{
	annot_agree_items *c = annot_agree_items_copy(s, NULL);
	uint8_t    *buf;

	if (c == NULL || annot_agree_items_prepare(c, NULL) != ANNOT_OK)
		abort();
	*n = items_size(c);
	buf = malloc(*n);
	annot_agree_items_serialize(c, buf);
	annot_agree_items_free(c);
	return buf;
}

/*
 * Stored states roll up to the state of all their ratings: split the
 * ratings five ways (an item's ratings scattered), merge the sorted parts,
 * and the merged state serializes to the very bytes of the whole, so every
 * coefficient is bit-identical.
 */
static void
test_sorted_merge(void)
{
	annot_agree_params pr = params(ANNOT_W_UNWEIGHTED, ANNOT_SCALE_OBSERVED);
	annot_agree_items *whole = items_from(diagnoses, 30, 6, ANNOT_W_UNWEIGHTED);
	annot_agree_items *part[5];
	annot_agree_items *merged;
	uint8_t    *a;
	uint8_t    *b;
	size_t		na;
	size_t		nb;
	int			u;
	int			k;
	int			split;

	for (split = 0; split < 3; split++)
	{
		for (k = 0; k < 5; k++)
			part[k] = annot_agree_items_create(&pr);
		for (u = 29; u >= 0; u--)
			for (k = 0; k < 6; k++)
			{
				annot_agree_key it = ikey(u * 37 % 11 - 5 + u * 1000);
				annot_agree_key lab = ikey(diagnoses[u * 6 + k]);
				int			to = split == 0 ? k % 5 : split == 1 ? u % 5 : (u * k + u) % 5;

				annot_agree_items_add(part[to], ANNOT_AGREE_KEY_INT, &it,
									  ANNOT_AGREE_KEY_INT, &lab, NULL);
			}
		merged = wire(part[0]);
		for (k = 1; k < 5; k++)
			CHECK_STATUS(annot_agree_items_defer(merged, wire(part[k]), NULL), ANNOT_OK);
		CHECK_STATUS(annot_agree_items_prepare(merged, NULL), ANNOT_OK);
		CHECK(annot_agree_items_ready(merged) && merged->n == 180);
		if (split == 0)
		{
			annot_agree_items_free(whole);
			whole = annot_agree_items_create(&pr);
			for (u = 0; u < 30; u++)
				for (k = 0; k < 6; k++)
				{
					annot_agree_key it = ikey(u * 37 % 11 - 5 + u * 1000);
					annot_agree_key lab = ikey(diagnoses[u * 6 + k]);

					annot_agree_items_add(whole, ANNOT_AGREE_KEY_INT, &it,
										  ANNOT_AGREE_KEY_INT, &lab, NULL);
				}
		}
		a = wire_bytes(whole, &na);
		b = wire_bytes(merged, &nb);
		CHECK(na == nb && memcmp(a, b, na) == 0);
		CHECK(same_result(merged, whole));
		free(a);
		free(b);
		for (k = 0; k < 5; k++)
			annot_agree_items_free(part[k]);
		annot_agree_items_free(merged);
	}

	/* text keys with numeric values: 9 before 10, numbers before words */
	{
		annot_agree_items *x = annot_agree_items_create(&pr);
		annot_agree_items *y = annot_agree_items_create(&pr);
		const char *labels[] = {"10", "9", "b", "ab", "a"};
		double		values[] = {10, 9, NAN, NAN, NAN};
		annot_agree_key it = {0, "item", 4, NAN};
		size_t		i;

		for (i = 0; i < 5; i++)
		{
			annot_agree_key lab = {0, labels[i], (uint32_t) strlen(labels[i]), values[i]};

			annot_agree_items_add(i % 2 ? x : y, ANNOT_AGREE_KEY_BYTES, &it,
								  ANNOT_AGREE_KEY_BYTES, &lab, NULL);
		}
		CHECK_STATUS(annot_agree_items_defer(x, y, NULL), ANNOT_OK);
		CHECK_STATUS(annot_agree_items_prepare(x, NULL), ANNOT_OK);
		CHECK(x->cats.n == 5 && x->items.n == 1 && x->ncells == 5);
		if (x->cats.n == 5)
		{
			const char *want[] = {"9", "10", "a", "ab", "b"};

			for (i = 0; i < 5; i++)
			{
				int64_t		iv;
				const char *bytes;
				uint32_t	len;

				annot_agree_dict_key(&x->cats, (uint32_t) i, &iv, &bytes, &len);
				CHECK(len == strlen(want[i]) && memcmp(bytes, want[i], len) == 0);
			}
		}
		annot_agree_items_free(x);
	}
	/* states of integer and of text labels do not merge */
	{
		annot_agree_items *x = items_from(anxiety, 20, 3, ANNOT_W_UNWEIGHTED);
		annot_agree_items *y = annot_agree_items_create(&pr);
		annot_agree_key it = ikey(1);
		annot_agree_key lab = {0, "cat", 3, NAN};

		annot_agree_items_add(y, ANNOT_AGREE_KEY_INT, &it, ANNOT_AGREE_KEY_BYTES, &lab, NULL);
		CHECK_STATUS(annot_agree_items_prepare(y, NULL), ANNOT_OK);
		CHECK_STATUS(annot_agree_items_defer(x, y, NULL), ANNOT_OK);
		CHECK_STATUS(annot_agree_items_prepare(x, NULL), ANNOT_EPARAM);
		annot_agree_items_free(x);
	}
	annot_agree_items_free(whole);
}

/* A state that says it is sorted must be: order is checked on the way in. */
static void
test_sorted_checks(void)
{
	annot_agree_items *s = items_from(raw5, 15, 5, ANNOT_W_UNWEIGHTED);
	size_t		n;
	uint8_t    *buf = wire_bytes(s, &n);
	uint8_t		tmp[16];
	annot_agree_items *t;

	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &t, NULL), ANNOT_OK);
	CHECK(t->form == ANNOT_AGREE_SORTED);
	annot_agree_items_free(t);
	CHECK(buf[5] == 1);

	/* two item keys swapped (the dictionary starts at 22, keys at 28) */
	memcpy(tmp, buf + 28, 8);
	memcpy(buf + 28, buf + 36, 8);
	memcpy(buf + 36, tmp, 8);
	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &t, NULL), ANNOT_EBINARY);
	/* unsorted, the same bytes are a valid state in another order */
	buf[5] = 0;
	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &t, NULL), ANNOT_OK);
	CHECK(t != NULL && t->form == ANNOT_AGREE_DENSE);
	annot_agree_items_free(t);
	memcpy(tmp, buf + 28, 8);
	memcpy(buf + 28, buf + 36, 8);
	memcpy(buf + 36, tmp, 8);
	buf[5] = 1;

	/* the last two cells swapped */
	memcpy(tmp, buf + n - 16, 16);
	memmove(buf + n - 16, buf + n - 32, 16);
	memcpy(buf + n - 32, tmp, 16);
	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &t, NULL), ANNOT_EBINARY);
	buf[5] = 0;
	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &t, NULL), ANNOT_OK);
	annot_agree_items_free(t);
	/* an unknown flag */
	buf[5] = 2;
	CHECK_STATUS(annot_agree_items_deserialize(buf, n, &t, NULL), ANNOT_EBINARY);
	free(buf);
	annot_agree_items_free(s);
}

/* Base64 text form: every padding, blanks around, and what is refused. */
static void
test_text_form(void)
{
	const uint8_t data[] = {'A', 'I', 1, 0, 0xff, 0x80, 0x3e};
	size_t		len;

	for (len = 0; len <= sizeof(data); len++)
	{
		size_t		tlen = 0;
		char		text[32];
		uint8_t    *back;
		size_t		blen;

		CHECK_STATUS(annot_agree_text_len(len, &tlen, NULL), ANNOT_OK);
		annot_agree_text_encode(data, len, text);
		CHECK(strlen(text) == tlen && tlen % 4 == 0);
		if (len == 0)
		{
			CHECK_STATUS(annot_agree_text_decode(text, tlen, &back, &blen, NULL), ANNOT_ESYNTAX);
			continue;
		}
		CHECK_STATUS(annot_agree_text_decode(text, tlen, &back, &blen, NULL), ANNOT_OK);
		CHECK(blen == len && memcmp(back, data, len) == 0);
		annot_free(back);
	}
	{
		char		text[32];
		uint8_t    *back;
		size_t		blen;
		annot_err	err;

		annot_agree_text_encode(data, 7, text);
		CHECK_STR(text, "QUkBAP+APg==");
		CHECK_STATUS(annot_agree_text_decode(" \nQUkB\nAP+APg==\t", 16, &back, &blen, NULL), ANNOT_OK);
		CHECK(blen == 7);
		annot_free(back);
		annot_err_init(&err);
		CHECK_STATUS(annot_agree_text_decode("QUkB*P+APg==", 12, &back, &blen, &err), ANNOT_ESYNTAX);
		CHECK(back == NULL && err.pos == 4);
		CHECK_STATUS(annot_agree_text_decode("QUkBAP+APg=", 11, &back, &blen, NULL), ANNOT_ESYNTAX);
		CHECK_STATUS(annot_agree_text_decode("QU=BAP+APg==", 12, &back, &blen, NULL), ANNOT_ESYNTAX);
		CHECK_STATUS(annot_agree_text_decode("QUkBAP-APg==", 12, &back, &blen, NULL), ANNOT_ESYNTAX);
		CHECK_STATUS(annot_agree_text_decode("QUkBAP+A=g==", 12, &back, &blen, NULL), ANNOT_ESYNTAX);
		CHECK_STATUS(annot_agree_text_len(ANNOT_AGREE_MAX_TEXT_WIRE + 1, &blen, NULL), ANNOT_ELIMIT);
	}
}

/* The confusion matrix JSON, exactly. */
static void
test_confusion_json(void)
{
	annot_agree_params pr = params(ANNOT_W_UNWEIGHTED, ANNOT_SCALE_OBSERVED);
	annot_agree_pair *s = annot_agree_pair_create(&pr);
	const char *t[] = {"dog", "cat", "cat", "b\"ird\n", "cat"};
	const char *p[] = {"dog", "cat", "dog", "cat", "cat"};
	char	   *json;
	int			i;

	for (i = 0; i < 5; i++)
	{
		annot_agree_key a = {0, t[i], (uint32_t) strlen(t[i]), NAN};
		annot_agree_key b = {0, p[i], (uint32_t) strlen(p[i]), NAN};

		CHECK_STATUS(annot_agree_pair_add(s, ANNOT_AGREE_KEY_BYTES, &a, &b, NULL), ANNOT_OK);
	}
	CHECK_STATUS(annot_agree_confusion_json(s, &json, NULL), ANNOT_OK);
	CHECK_STR(json,
			  "{\"labels\": [\"b\\\"ird\\n\", \"cat\", \"dog\"], "
			  "\"matrix\": [[0, 1, 0], [0, 2, 1], [0, 0, 1]], "
			  "\"classes\": [{\"label\": \"b\\\"ird\\n\", \"support\": 1, \"predicted\": 0, \"tp\": 0, "
			  "\"precision\": null, \"recall\": 0, \"f1\": 0}, "
			  "{\"label\": \"cat\", \"support\": 3, \"predicted\": 3, \"tp\": 2, "
			  "\"precision\": 0.6666666666666666, \"recall\": 0.6666666666666666, \"f1\": 0.6666666666666666}, "
			  "{\"label\": \"dog\", \"support\": 1, \"predicted\": 2, \"tp\": 1, "
			  "\"precision\": 0.5, \"recall\": 1, \"f1\": 0.6666666666666666}], "
			  "\"n\": 5, \"accuracy\": 0.6, \"macro_f1\": 0.4444444444444444, "
			  "\"weighted_f1\": 0.5333333333333333}");
	annot_free(json);
	annot_agree_pair_free(s);

	/* integer labels and numeric text labels print as numbers */
	s = annot_agree_pair_create(&pr);
	{
		annot_agree_key a = ikey(-3);
		annot_agree_key b = ikey(7);

		annot_agree_pair_add(s, ANNOT_AGREE_KEY_INT, &a, &b, NULL);
		CHECK_STATUS(annot_agree_confusion_json(s, &json, NULL), ANNOT_OK);
		CHECK(strncmp(json, "{\"labels\": [-3, 7], \"matrix\": [[0, 1], [0, 0]]", 45) == 0);
		annot_free(json);
	}
	annot_agree_pair_free(s);
}

/* Parameters by name; a quoted number between 0 and 1 is a confidence. */
static void
test_params(void)
{
	annot_agree_params p;
	annot_err	err;

	annot_agree_params_default(&p);
	CHECK(p.weights == ANNOT_W_UNWEIGHTED && p.scale == ANNOT_SCALE_OBSERVED && p.confidence == 0.95);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_COHEN_WEIGHTS, "linear", 6, NULL), ANNOT_OK);
	CHECK(p.weights == ANNOT_W_LINEAR);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_SCALE, "0.9", 3, NULL), ANNOT_OK);
	CHECK(p.confidence == 0.9 && p.scale == ANNOT_SCALE_OBSERVED);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_SCALE, "range", 5, NULL), ANNOT_OK);
	CHECK(p.scale == ANNOT_SCALE_RANGE);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_LEVEL, "ordinal", 7, NULL), ANNOT_OK);
	CHECK(p.weights == ANNOT_W_KORDINAL);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_WEIGHTS, "ordinal", 7, NULL), ANNOT_OK);
	CHECK(p.weights == ANNOT_W_ORDINAL);
	annot_err_init(&err);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_COHEN_WEIGHTS, "ordinal", 7, &err), ANNOT_EPARAM);
	CHECK_STR(err.subject, "weights");
	CHECK_STR(err.detail, "Weights \"ordinal\" are not one of unweighted, linear, quadratic.");
	annot_err_init(&err);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_LEVEL, "1", 1, &err), ANNOT_EPARAM);
	CHECK_STR(err.detail, "Level \"1\" is not one of nominal, ordinal, interval, ratio.");
	annot_err_init(&err);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_WEIGHTS, NULL, 0, &err), ANNOT_EPARAM);
	CHECK_STR(err.detail, "Weights must not be null.");
	annot_err_init(&err);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_CONFIDENCE, " 0.99 ", 6, &err), ANNOT_OK);
	CHECK(p.confidence == 0.99);
	CHECK_STATUS(annot_agree_set_param(&p, ANNOT_PARAM_CONFIDENCE, "high", 4, &err), ANNOT_EPARAM);
	CHECK_STR(err.subject, "confidence level");
	CHECK_STATUS(annot_agree_set_confidence(&p, 1.0, NULL), ANNOT_EPARAM);
	CHECK(p.confidence == 0.99);
}

static void
test_quantiles(void)
{
	/* mpmath at 40 digits (scipy 1.10 t.ppf is off by up to 1e-9) */
	CHECK_CLOSE(annot_norm_quantile(0.025), -1.959963984540054, 1e-15);
	CHECK_CLOSE(annot_norm_quantile(1e-10), -6.361340902404056, 1e-14);
	CHECK_CLOSE(annot_t_quantile(0.025, 1), -12.706204736174705, 1e-14);
	CHECK_CLOSE(annot_t_quantile(0.025, 2), -4.302652729749464, 1e-14);
	CHECK_CLOSE(annot_t_quantile(0.975, 11), 2.200985160091639, 1e-13);
	CHECK_CLOSE(annot_t_quantile(0.975, 29), 2.045229642132703, 1e-13);
	CHECK_CLOSE(annot_t_quantile(0.005, 3), -5.840909309733357, 1e-13);
	CHECK_CLOSE(annot_t_quantile(1e-10, 5), -156.82559270889439, 1e-12);
	CHECK_CLOSE(annot_t_quantile(0.995, 12345), 2.5762276237865194, 1e-13);
	CHECK_CLOSE(annot_t_quantile(0.975, 1e9), 1.959963986912325, 1e-14);
	CHECK(isnan(annot_t_quantile(0.0, 3)) && isnan(annot_t_quantile(0.5, 0)));
	CHECK(annot_t_quantile(0.5, 7) == 0.0);
	CHECK_CLOSE(annot_t_cdf(-2.0, 10), 0.036694017385370196, 1e-14);
}

int
main(void)
{
	test_irrcac();
	test_cohen();
	test_edges();
	test_roundtrip();
	test_combine();
	test_deferred();
	test_sorted_merge();
	test_sorted_checks();
	test_text_form();
	test_confusion_json();
	test_params();
	test_quantiles();
	return unit_done("agree");
}
