/*
 * fuzz_wkb.c -- the WKB reader on arbitrary bytes: a status, never an
 * overread; accepted geometries are consistent and write back readably.
 */
#include <math.h>
#include <stdlib.h>

#include "../../src/core/wkb.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annot_wkb_rings r;
	int32_t		i;
	int32_t		total = 0;

	if (annot_wkb_read_rings(data, size, &r, NULL) != ANNOT_OK)
		return 0;
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
	annot_wkb_rings_free(&r);
	return 0;
}
