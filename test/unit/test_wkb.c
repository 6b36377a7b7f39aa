/*
 * test_wkb.c -- unit tests of the bounded WKB reader and the writer.
 */
#include "unit.h"

#include <stdlib.h>

#include "../../src/core/wkb.h"

static void
test_round_trip(void)
{
	const int32_t npts[2] = {5, 4};
	const double xy[18] = {0, 0, 10, 0, 10, 10, 0, 10, 0, 0,
	2, 2, 3, 2, 3, 3, 2, 2};
	uint8_t		buf[512];
	size_t		n = annot_wkb_write_polygon(buf, 2, npts, xy);
	annot_wkb_rings r;
	annot_err	err;
	size_t		cut;

	annot_err_init(&err);
	CHECK(n == annot_wkb_polygon_size(2, npts));
	CHECK_STATUS(annot_wkb_read_rings(buf, n, &r, &err), ANNOT_OK);
	CHECK(r.nrings == 2 && r.npoints == 9 && r.npts[1] == 4 && r.start[1] == 5);
	CHECK(r.xy[2 * 6] == 3 && r.xy[2 * 6 + 1] == 2);
	annot_wkb_rings_free(&r);

	/* every truncation is an error, never an overread (ASan watches) */
	for (cut = 0; cut < n; cut++)
	{
		uint8_t    *copy = malloc(cut ? cut : 1);

		memcpy(copy, buf, cut);
		if (annot_wkb_read_rings(copy, cut, &r, &err) == ANNOT_OK)
		{
			CHECK(!"truncated WKB accepted");
			free(copy);
			break;
		}
		free(copy);
	}
	CHECK(cut == n);
	CHECK(err.status == ANNOT_EBINARY);

	/* trailing bytes */
	buf[n] = 0;
	CHECK_STATUS(annot_wkb_read_rings(buf, n + 1, &r, &err), ANNOT_EBINARY);
}

static void
test_bad(void)
{
	annot_wkb_rings r;
	annot_err	err;
	/* big-endian point: not a polygon */
	const uint8_t point[] = {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	/* Polygon Z (1003) */
	const uint8_t polyz[] = {1, 0xeb, 0x03, 0, 0, 0, 0, 0, 0};
	/* huge ring count */
	const uint8_t huge[] = {1, 3, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f};
	/* bad byte order */
	const uint8_t order[] = {7, 3, 0, 0, 0, 0, 0, 0, 0};
	/* EWKB with SRID 4326, one empty ring list: valid, empty */
	const uint8_t ewkb[] = {1, 3, 0, 0, 0x20, 0xe6, 0x10, 0, 0, 0, 0, 0, 0};

	annot_err_init(&err);
	CHECK_STATUS(annot_wkb_read_rings(point, sizeof(point), &r, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_wkb_read_rings(polyz, sizeof(polyz), &r, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_wkb_read_rings(huge, sizeof(huge), &r, &err), ANNOT_EBINARY);
	CHECK_STATUS(annot_wkb_read_rings(order, sizeof(order), &r, &err), ANNOT_EBINARY);
	CHECK_STATUS(annot_wkb_read_rings(ewkb, sizeof(ewkb), &r, &err), ANNOT_OK);
	CHECK(r.nrings == 0);
	annot_wkb_rings_free(&r);
}

int
main(void)
{
	test_round_trip();
	test_bad();
	return unit_done("wkb");
}
