/*
 * poly_pg.h -- access to annot.poly values from any part of the glue.
 *
 * A poly Datum is a varlena holding an annot_poly (src/core/poly.h); read
 * its rings with annot_poly_nrings(), annot_poly_ring_npoints() and
 * annot_poly_ring_xy() after getting it with PG_GETARG_POLY_P().
 */
#ifndef ANNOT_POLY_PG_H
#define ANNOT_POLY_PG_H

#include "annot_pg.h"

#include "../core/poly.h"

/*
 * Detoast a poly Datum and check its header against its size (version,
 * counts, ring bounds); a value that fails raises XX001.
 */
extern annot_poly *annot_poly_from_datum(Datum d);

#define DatumGetPolyP(d)		annot_poly_from_datum(d)
#define PG_GETARG_POLY_P(n)		DatumGetPolyP(PG_GETARG_DATUM(n))
#define PG_RETURN_POLY_P(p)		PG_RETURN_POINTER(p)

#endif							/* ANNOT_POLY_PG_H */
