/*
 * bbox_pg.h -- access to annot.bbox values from any part of the glue.
 *
 * A bbox Datum points to an annot_bbox (src/core/bbox.h): fixed length,
 * double aligned, passed by reference.
 */
#ifndef ANNOT_BBOX_PG_H
#define ANNOT_BBOX_PG_H

#include "annot_pg.h"

#include "../core/bbox.h"

#define DatumGetBboxP(d)		((annot_bbox *) DatumGetPointer(d))
#define BboxPGetDatum(b)		PointerGetDatum(b)
#define PG_GETARG_BBOX_P(n)		DatumGetBboxP(PG_GETARG_DATUM(n))
#define PG_RETURN_BBOX_P(b)		return BboxPGetDatum(b)

/* A palloc'd copy of b, to return as a Datum. */
extern annot_bbox *bbox_copy(const annot_bbox *b);

#endif							/* ANNOT_BBOX_PG_H */
