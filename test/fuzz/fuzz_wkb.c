/*
 * fuzz_wkb.c -- the WKB reader on arbitrary bytes: a status, never an
 * overread; accepted geometries are consistent, and a box's envelope of
 * them holds every point.
 */
#include <math.h>
#include <stdlib.h>

#include "../../src/core/bbox.h"
#include "../../src/core/wkb.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_wkb_rings r;
	annot_bbox	env;
	annot_status st;
	annot_status envst;
	int32_t		i;
	int32_t		total = 0;

	st = annot_wkb_read_rings(data, size, &r, NULL);
	envst = annot_bbox_from_wkb(data, size, &env, NULL);
	if (st != ANNOT_OK)
	{
		/* the envelope fails as the reader does */
		if (envst != st)
			abort();
		return 0;
	}
	if (r.npoints == 0 && envst != ANNOT_EPARAM)
		abort();
	for (i = 0; i < r.nrings; i++)
	{
		if (r.npts[i] < 0 || r.start[i] != total)
			abort();
		total += r.npts[i];
	}
	if (total != r.npoints)
		abort();
	for (i = 0; i < 2 * r.npoints; i++)
		if (!isfinite(r.xy[i]))
			abort();
	for (i = 0; envst == ANNOT_OK && i < r.npoints; i++)
	{
		annot_bbox	pt = {r.xy[2 * i], r.xy[2 * i + 1], r.xy[2 * i], r.xy[2 * i + 1]};

		if (!annot_bbox_contains(&env, &pt))
			abort();
	}
	if (envst != ANNOT_OK && envst != ANNOT_ERANGE && r.npoints > 0)
		abort();
	annot_wkb_rings_free(&r);
	return 0;
}
