/*
 * annot_pg.h -- definitions shared by the PostgreSQL glue of annot.
 */
#ifndef ANNOT_PG_H
#define ANNOT_PG_H

#include "postgres.h"

#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/jsonb.h"

#include "../core/annot_core.h"

/*
 * The soft-error context of an input function.  PostgreSQL 16 passes an
 * ErrorSaveContext in fcinfo->context so that pg_input_is_valid() can test a
 * literal without an error.  PostgreSQL 15 passes none, but annot's own
 * annot.input_is_valid() and annot.input_error_info() pass a node of their
 * own to annot's input functions, which annot_report() recognizes; any other
 * context is ignored and the error raised.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif
#define ANNOT_ESCONTEXT(fcinfo) ((fcinfo)->context)

/*
 * Turn a failed core call into an error with the SQLSTATE of its status,
 * worded from the record's subject and quoting its literal (clipped to
 * ANNOT_LITERAL_QUOTE_MAX bytes on a character boundary).  With a soft-error
 * context the error is saved and false is returned; otherwise this does not
 * return.
 */
#define ANNOT_LITERAL_QUOTE_MAX 80
extern bool annot_report(const annot_err *err, Node *escontext);

/* Raise the error of err; for call sites without a soft-error context. */
#define annot_raise(err) ((void) annot_report((err), NULL))

/*
 * Raise err, naming it what (and quoting input, which may be NULL) where
 * the core did not say what it was about.  Transitional: call sites move
 * to annot_raise() as their core entry points call annot_err_about().
 */
extern void annot_raise_as(const annot_err *err, const char *what,
						   const char *input, Node *escontext);

/* Parse a jsonb document from text produced by the core (can't fail). */
extern Jsonb *annot_jsonb_from_cstring(const char *s);

#endif							/* ANNOT_PG_H */
