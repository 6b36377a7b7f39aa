/*
 * keypoints_pg.h -- access to annot.keypoints values from any part of the
 * glue.  A keypoints Datum is a varlena holding an annot_kpts
 * (src/core/keypoints.h).
 */
#ifndef ANNOT_KEYPOINTS_PG_H
#define ANNOT_KEYPOINTS_PG_H

#include "annot_pg.h"

#include "utils/array.h"

#include "../core/keypoints.h"

/* Detoast a keypoints Datum and check it; a value that fails raises XX001. */
extern annot_kpts *annot_kpts_from_datum(Datum d);

/* A new keypoints varlena from numbers validated by the core. */
extern annot_kpts *annot_kpts_make(const double *xyv, size_t nnum);

/*
 * Read a sigma array argument (NULL: COCO's person sigmas) and check it
 * once; *n receives its length.
 */
extern const double *annot_sigmas_arg(ArrayType *a, int *n);

#define DatumGetKeypointsP(d)		annot_kpts_from_datum(d)
#define PG_GETARG_KEYPOINTS_P(n)	DatumGetKeypointsP(PG_GETARG_DATUM(n))
#define PG_RETURN_KEYPOINTS_P(k)	PG_RETURN_POINTER(k)

#endif							/* ANNOT_KEYPOINTS_PG_H */
