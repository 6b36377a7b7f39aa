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
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
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

bool
annot_report(const annot_err *err, Node *escontext)
{
	int			code = status_sqlstate(err->status);
	const char *detail = err->detail[0] ? err->detail : NULL;
	const char *what = err->subject ? err->subject : "value";
	const char *input = err->literal ? quoted_literal(err->literal) : NULL;

	if (err->status == ANNOT_OK)
		elog(ERROR, "annot_report called without an error");

#if PG_VERSION_NUM >= 160000
#define ANNOT_RAISE(...) errsave(escontext, (__VA_ARGS__))
#else
#define ANNOT_RAISE(...) ereport(ERROR, (__VA_ARGS__))
	(void) escontext;
#endif

	switch (err->status)
	{
		case ANNOT_ESYNTAX:
			if (input != NULL)
				ANNOT_RAISE(errcode(code),
							errmsg("invalid input syntax for type %s: \"%s\"",
								   what, input),
							detail ? errdetail_internal("%s", detail) : 0);
			else
				ANNOT_RAISE(errcode(code),
							errmsg("invalid input syntax for type %s", what),
							detail ? errdetail_internal("%s", detail) : 0);
			break;
		case ANNOT_ERANGE:
			if (input != NULL)
				ANNOT_RAISE(errcode(code),
							errmsg("value out of range in %s: \"%s\"",
								   what, input),
							detail ? errdetail_internal("%s", detail) : 0);
			else
				ANNOT_RAISE(errcode(code),
							errmsg("value out of range in %s", what),
							detail ? errdetail_internal("%s", detail) : 0);
			break;
		case ANNOT_EPARAM:
			ANNOT_RAISE(errcode(code),
						errmsg("invalid %s", what),
						detail ? errdetail_internal("%s", detail) : 0);
			break;
		case ANNOT_ELIMIT:
			ANNOT_RAISE(errcode(code),
						errmsg("%s exceeds a size limit", what),
						detail ? errdetail_internal("%s", detail) : 0);
			break;
		case ANNOT_EBINARY:
			ANNOT_RAISE(errcode(code),
						errmsg("invalid external binary value of type %s", what),
						detail ? errdetail_internal("%s", detail) : 0);
			break;
		case ANNOT_ECORRUPT:
			ANNOT_RAISE(errcode(code),
						errmsg("corrupt %s value", what),
						detail ? errdetail_internal("%s", detail) : 0);
			break;
		case ANNOT_ENOMEM:
			ANNOT_RAISE(errcode(code),
						errmsg("out of memory"),
						detail ? errdetail_internal("%s", detail) : 0);
			break;
		case ANNOT_OK:
			break;
	}
#undef ANNOT_RAISE
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

double *
annot_jsonb_numbers(Jsonb *jb, int *n, const char *what)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	double	   *out;
	int			cap;
	int			count = 0;

	if (!JB_ROOT_IS_ARRAY(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s", what),
				 errdetail("Expected a JSON array of numbers.")));

	cap = Max(JB_ROOT_COUNT(jb), 1);
	out = palloc(sizeof(double) * cap);
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok != WJB_ELEM)
			continue;
		if (v.type != jbvNumeric)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid %s", what),
					 errdetail("Element %d of the array is not a number.",
							   count + 1)));
		if (count >= cap)
			elog(ERROR, "jsonb array longer than its header count");
		out[count++] = DatumGetFloat8(DirectFunctionCall1(numeric_float8,
														  NumericGetDatum(v.val.numeric)));
	}
	*n = count;
	return out;
}

Jsonb *
annot_jsonb_from_cstring(const char *s)
{
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(s)));
}

/*
 * annot.input_error_info(text, regtype): what pg_input_error_info() reports
 * on PostgreSQL 16, for PostgreSQL 15: the type's input function is called
 * in a subtransaction and the error it raises, if any, is returned as
 * (message, detail, hint, sql_error_code); all NULL when the literal is
 * valid.  Cancels and server failures are raised, not returned.
 */
PG_FUNCTION_INFO_V1(input_error_info);
Datum
input_error_info(PG_FUNCTION_ARGS)
{
	text	   *literal = PG_GETARG_TEXT_PP(0);
	Oid			typid = PG_GETARG_OID(1);
	char	   *str = text_to_cstring(literal);
	MemoryContext oldcontext = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {true, true, true, true};
	Oid			typinput;
	Oid			typioparam;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	getTypeInputInfo(typid, &typinput, &typioparam);

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);
	PG_TRY();
	{
		(void) OidInputFunctionCall(typinput, str, typioparam, -1);
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

		values[0] = CStringGetTextDatum(edata->message);
		nulls[0] = false;
		if (edata->detail)
		{
			values[1] = CStringGetTextDatum(edata->detail);
			nulls[1] = false;
		}
		if (edata->hint)
		{
			values[2] = CStringGetTextDatum(edata->hint);
			nulls[2] = false;
		}
		values[3] = CStringGetTextDatum(unpack_sql_state(edata->sqlerrcode));
		nulls[3] = false;
	}
	PG_END_TRY();

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
