/*
 * match_pg.h -- access to annot.objects values (object sets, see
 * src/core/match.h) from any part of the glue.
 */
#ifndef ANNOT_MATCH_PG_H
#define ANNOT_MATCH_PG_H

#include "annot_pg.h"

#include "../core/match.h"

/* Detoast an objects Datum and check it whole; a failure raises XX001. */
extern annot_objset *annot_objset_from_datum(Datum d);

/* The empty set. */
extern annot_objset *annot_objset_empty(void);

/* A new objects varlena from a builder. */
extern annot_objset *annot_objset_from_builder(const annot_objset_builder *b);

/*
 * The OID of the SQL type of a geometry kind, found in the schema of the
 * function being called (the extension's schema).
 */
extern Oid	annot_obj_kind_type(FunctionCallInfo fcinfo, int kind);

#define DatumGetObjectsP(d)		annot_objset_from_datum(d)
#define PG_GETARG_OBJECTS_P(n)	DatumGetObjectsP(PG_GETARG_DATUM(n))
#define PG_RETURN_OBJECTS_P(s)	PG_RETURN_POINTER(s)

#endif							/* ANNOT_MATCH_PG_H */
