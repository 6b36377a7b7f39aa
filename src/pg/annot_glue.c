/*
 * annot_glue.c -- module magic, the core's allocation and cancellation hooks,
 * the one place that maps core status codes to SQLSTATEs, and helpers shared
 * by the type glue.
 */
#include "annot_pg.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/extensible.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/resowner.h"

PG_MODULE_MAGIC;

void *
annot_alloc(size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_HUGE);
}

void *
annot_realloc(void *ptr, size_t size)
{
	if (ptr == NULL)
		return annot_alloc(size);
	return repalloc_huge(ptr, size);
}

void
annot_free(void *ptr)
{
	if (ptr != NULL)
		pfree(ptr);
}

void
annot_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

static int
status_sqlstate(annot_status status)
{
	switch (status)
	{
		case ANNOT_ESYNTAX:
			return ERRCODE_INVALID_TEXT_REPRESENTATION;
		case ANNOT_EPARAM:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case ANNOT_ERANGE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case ANNOT_ELIMIT:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		case ANNOT_EBINARY:
			return ERRCODE_INVALID_BINARY_REPRESENTATION;
		case ANNOT_ECORRUPT:
			return ERRCODE_DATA_CORRUPTED;
		case ANNOT_ENOMEM:
			return ERRCODE_OUT_OF_MEMORY;
		case ANNOT_OK:
			break;
	}
	return ERRCODE_INTERNAL_ERROR;
}

/*
 * The literal as the message quotes it: whole when short, else its first
 * ANNOT_LITERAL_QUOTE_MAX bytes cut at a character boundary and "...".
 */
static const char *
quoted_literal(const char *s)
{
	int			len = strlen(s);

	if (len <= ANNOT_LITERAL_QUOTE_MAX)
		return s;
	return psprintf("%.*s...",
					pg_mbcliplen(s, len, ANNOT_LITERAL_QUOTE_MAX), s);
}

/* The primary message of a failure, worded from its status and subject. */
static char *
report_message(const annot_err *err)
{
	const char *what = err->subject ? err->subject : "value";
	const char *input = err->literal ? quoted_literal(err->literal) : NULL;

	switch (err->status)
	{
		case ANNOT_ESYNTAX:
			if (input != NULL)
				return psprintf("invalid input syntax for type %s: \"%s\"",
								what, input);
			return psprintf("invalid input syntax for type %s", what);
		case ANNOT_ERANGE:
			if (input != NULL)
				return psprintf("value out of range in %s: \"%s\"", what, input);
			return psprintf("value out of range in %s", what);
		case ANNOT_EPARAM:
			return psprintf("invalid %s", what);
		case ANNOT_ELIMIT:
			return psprintf("%s exceeds a size limit", what);
		case ANNOT_EBINARY:
			return psprintf("invalid external binary value of type %s", what);
		case ANNOT_ECORRUPT:
			return psprintf("corrupt %s value", what);
		case ANNOT_ENOMEM:
			return pstrdup("out of memory");
		case ANNOT_OK:
			break;
	}
	elog(ERROR, "annot_report called without an error");
	return NULL;
}

#if PG_VERSION_NUM < 160000

/*
 * PostgreSQL 15's stand-in for an ErrorSaveContext: annot's input
 * functions pass their fcinfo->context to annot_report(), which stores the
 * error here instead of raising it when the context is this node.
 */
#define SOFT_ERROR_NODE_NAME "annot soft error"

typedef struct soft_error
{
	ExtensibleNode node;
	bool		error_occurred;
	annot_err	err;
} soft_error;

static soft_error *
as_soft_error(Node *escontext)
{
	if (escontext != NULL && IsA(escontext, ExtensibleNode) &&
		strcmp(((ExtensibleNode *) escontext)->extnodename,
			   SOFT_ERROR_NODE_NAME) == 0)
		return (soft_error *) escontext;
	return NULL;
}
#endif

bool
annot_report(const annot_err *err, Node *escontext)
{
	int			code = status_sqlstate(err->status);
	const char *detail = err->detail[0] ? err->detail : NULL;
	char	   *message;

	if (err->status == ANNOT_OK)
		elog(ERROR, "annot_report called without an error");
#if PG_VERSION_NUM < 160000
	{
		soft_error *soft = as_soft_error(escontext);

		if (soft != NULL)
		{
			soft->error_occurred = true;
			soft->err = *err;
			return false;
		}
	}
#endif
	message = report_message(err);
#if PG_VERSION_NUM >= 160000
	errsave(escontext, (errcode(code), errmsg_internal("%s", message),
						detail ? errdetail_internal("%s", detail) : 0));
#else
	ereport(ERROR, (errcode(code), errmsg_internal("%s", message),
					detail ? errdetail_internal("%s", detail) : 0));
#endif
	return false;
}

void
annot_raise_as(const annot_err *err, const char *what, const char *input,
			   Node *escontext)
{
	annot_err	named = *err;

	if (named.subject == NULL)
		named.subject = what;
	if (named.literal == NULL)
		named.literal = input;
	(void) annot_report(&named, escontext);
}

Jsonb *
annot_jsonb_from_cstring(const char *s)
{
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(s)));
}

/*
 * Literal validation for PostgreSQL 15 (annot.input_is_valid and
 * annot.input_error_info).  The input functions of annot's own types report
 * every bad literal through annot_report(), so they are called directly
 * with a soft-error node: no subtransaction, the cost of a cast.  Input
 * functions of other types are called in a subtransaction whose error is
 * caught.  Cancels and resource failures are raised in both cases.
 */

/* What a call site validates against, kept in fn_extra across rows. */
typedef struct input_target
{
	Oid			typid;
	bool		ours;			/* one of soft_inputs[] */
	FmgrInfo	inproc;
	Oid			ioparam;
} input_target;

/* The error a literal raised: message, detail, hint, SQLSTATE. */
typedef struct input_failure
{
	char	   *message;
	char	   *detail;
	char	   *hint;
	int			sqlerrcode;
} input_failure;

/*
 * The input functions that report every bad literal through annot_report()
 * with their fcinfo->context, and raise nothing else a literal can cause:
 * these are called with the soft-error node.  An input function that
 * parses with a server function that raises (jsonb_in, say) is not one of
 * them, and its literals are checked in a subtransaction.  A new type adds
 * its input function here once it reports softly throughout.
 */
extern Datum bbox_in(PG_FUNCTION_ARGS);
extern Datum poly_in(PG_FUNCTION_ARGS);
extern Datum mask_in(PG_FUNCTION_ARGS);
extern Datum agreement_pairs_in(PG_FUNCTION_ARGS);
extern Datum agreement_items_in(PG_FUNCTION_ARGS);

static const PGFunction soft_inputs[] = {
	bbox_in, poly_in, mask_in, agreement_pairs_in, agreement_items_in
};

static input_target *
input_target_of(FunctionCallInfo fcinfo, Oid typid)
{
	input_target *t = fcinfo->flinfo->fn_extra;
	Oid			typinput;
	int			i;

	if (t != NULL && t->typid == typid)
		return t;
	if (t == NULL)
		t = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(input_target));
	getTypeInputInfo(typid, &typinput, &t->ioparam);
	fmgr_info_cxt(typinput, &t->inproc, fcinfo->flinfo->fn_mcxt);
	t->ours = false;
	for (i = 0; i < lengthof(soft_inputs); i++)
		if (t->inproc.fn_addr == soft_inputs[i])
			t->ours = true;
	t->typid = typid;
	fcinfo->flinfo->fn_extra = t;
	return t;
}

#if PG_VERSION_NUM < 160000
/* Call one of annot's input functions with a soft-error node. */
static bool
input_softly(input_target *t, char *str, input_failure *f)
{
	soft_error	soft;
	LOCAL_FCINFO(in, 3);

	memset(&soft, 0, sizeof(soft));
	soft.node.type = T_ExtensibleNode;
	soft.node.extnodename = SOFT_ERROR_NODE_NAME;
	InitFunctionCallInfoData(*in, &t->inproc, 3, InvalidOid, (Node *) &soft, NULL);
	in->args[0].value = CStringGetDatum(str);
	in->args[0].isnull = false;
	in->args[1].value = ObjectIdGetDatum(t->ioparam);
	in->args[1].isnull = false;
	in->args[2].value = Int32GetDatum(-1);
	in->args[2].isnull = false;
	(void) FunctionCallInvoke(in);
	if (!soft.error_occurred)
		return true;
	if (f != NULL)
	{
		f->message = report_message(&soft.err);
		f->detail = soft.err.detail[0] ? pstrdup(soft.err.detail) : NULL;
		f->hint = NULL;
		f->sqlerrcode = status_sqlstate(soft.err.status);
	}
	return false;
}
#endif

/* Call any input function in a subtransaction, catching its error. */
static bool
input_in_subtransaction(input_target *t, char *str, input_failure *f)
{
	MemoryContext oldcontext = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	volatile bool ok = true;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);
	PG_TRY();
	{
		(void) InputFunctionCall(&t->inproc, str, t->ioparam, -1);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(oldcontext);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;

		/* a cancel or a resource failure says nothing about the literal */
		if (edata->sqlerrcode == ERRCODE_QUERY_CANCELED ||
			edata->sqlerrcode == ERRCODE_ADMIN_SHUTDOWN ||
			ERRCODE_TO_CATEGORY(edata->sqlerrcode) ==
			ERRCODE_INSUFFICIENT_RESOURCES)
			ReThrowError(edata);
		ok = false;
		if (f != NULL)
		{
			f->message = edata->message;
			f->detail = edata->detail;
			f->hint = edata->hint;
			f->sqlerrcode = edata->sqlerrcode;
		}
	}
	PG_END_TRY();
	return ok;
}

/* Whether str is valid input for the type; f (may be NULL) gets the error. */
static bool
input_valid(FunctionCallInfo fcinfo, text *literal, Oid typid,
			input_failure *f)
{
	input_target *t = input_target_of(fcinfo, typid);
	char	   *str = text_to_cstring(literal);

#if PG_VERSION_NUM < 160000
	if (t->ours)
		return input_softly(t, str, f);
#endif
	return input_in_subtransaction(t, str, f);
}

/*
 * annot.input_is_valid(text, regtype): pg_input_is_valid() for
 * PostgreSQL 15.
 */
PG_FUNCTION_INFO_V1(input_is_valid);
Datum
input_is_valid(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(input_valid(fcinfo, PG_GETARG_TEXT_PP(0), PG_GETARG_OID(1),
							   NULL));
}

/*
 * annot.input_error_info(text, regtype): what pg_input_error_info() reports
 * on PostgreSQL 16, for PostgreSQL 15: the error casting the literal would
 * raise as (message, detail, hint, sql_error_code); all NULL when the
 * literal is valid.
 */
PG_FUNCTION_INFO_V1(input_error_info);
Datum
input_error_info(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {true, true, true, true};
	input_failure f;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	if (!input_valid(fcinfo, PG_GETARG_TEXT_PP(0), PG_GETARG_OID(1), &f))
	{
		values[0] = CStringGetTextDatum(f.message);
		nulls[0] = false;
		if (f.detail)
		{
			values[1] = CStringGetTextDatum(f.detail);
			nulls[1] = false;
		}
		if (f.hint)
		{
			values[2] = CStringGetTextDatum(f.hint);
			nulls[2] = false;
		}
		values[3] = CStringGetTextDatum(unpack_sql_state(f.sqlerrcode));
		nulls[3] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
