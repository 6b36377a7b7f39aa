/*
 * agree_pg.h -- access to the agreement state types from the glue.
 *
 * An annot.agreement_pairs or annot.agreement_items Datum is a varlena
 * holding a state's wire form (src/core/FORMAT.md, "Agreement states").
 * PG_GETARG_AGREEMENT_PAIRS / PG_GETARG_AGREEMENT_ITEMS detoast it and
 * decode it into a core state, validating every byte (XX001 for a stored
 * value that fails); the *_datum helpers go the other way.
 */
#ifndef ANNOT_AGREE_PG_H
#define ANNOT_AGREE_PG_H

#include "annot_pg.h"

#include "../core/agree.h"

/* Decode a stored state (palloc'd core state; XX001 if it is not valid). */
extern annot_agree_pair *annot_agreement_pairs_from_datum(Datum d);
extern annot_agree_items *annot_agreement_items_from_datum(Datum d);

/* The stored form of a state (an item state is prepared first). */
extern Datum annot_agreement_pairs_datum(const annot_agree_pair *s);
extern Datum annot_agreement_items_datum(annot_agree_items *s);

#define PG_GETARG_AGREEMENT_PAIRS(n) \
	annot_agreement_pairs_from_datum(PG_GETARG_DATUM(n))
#define PG_GETARG_AGREEMENT_ITEMS(n) \
	annot_agreement_items_from_datum(PG_GETARG_DATUM(n))
#define PG_RETURN_AGREEMENT_PAIRS(s) \
	PG_RETURN_DATUM(annot_agreement_pairs_datum(s))
#define PG_RETURN_AGREEMENT_ITEMS(s) \
	PG_RETURN_DATUM(annot_agreement_items_datum(s))

#endif							/* ANNOT_AGREE_PG_H */
