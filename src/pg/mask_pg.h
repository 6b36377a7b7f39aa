/*
 * mask_pg.h -- access to annot.mask values from any part of the glue.
 *
 * A mask Datum is a varlena holding the serialized form of src/core/rle.h
 * (header with size, area, count of runs and bounding box, then the runs;
 * see FORMAT.md).  Read its header with PG_GETARG_MASK() (no decoding, no
 * copy of an inline value), its foreground intervals with
 * PG_GETARG_MASK_IVALS(), and return intervals with PG_RETURN_MASK().
 */
#ifndef ANNOT_MASK_PG_H
#define ANNOT_MASK_PG_H

#include "annot_pg.h"

#include "../core/rle.h"

/* A mask argument: the detoasted datum (short header kept) and its header. */
typedef struct annot_mask_datum
{
	struct varlena *raw;
	annot_mask_view v;
} annot_mask_datum;

/*
 * Detoast a mask Datum, keeping a short header, and check its header
 * against its size; a value that fails raises XX001.
 */
extern annot_mask_datum annot_mask_from_datum(Datum d);

/* The foreground intervals of a mask Datum, checked against its header. */
extern annot_ivals annot_mask_ivals_from_datum(Datum d);

/*
 * The stored form of m as a new varlena; a mask whose stored form would
 * exceed what a varlena can hold raises 54000.
 */
extern struct varlena *annot_mask_to_datum(const annot_ivals *m);

#define DatumGetMask(d)				annot_mask_from_datum(d)
#define DatumGetMaskIvals(d)		annot_mask_ivals_from_datum(d)
#define PG_GETARG_MASK(n)			DatumGetMask(PG_GETARG_DATUM(n))
#define PG_GETARG_MASK_IVALS(n)		DatumGetMaskIvals(PG_GETARG_DATUM(n))
#define PG_RETURN_MASK(m)			PG_RETURN_POINTER(annot_mask_to_datum(m))

#endif							/* ANNOT_MASK_PG_H */
