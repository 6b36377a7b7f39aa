/*
 * agree_pg.c -- SQL interface of agreement: the aggregates' transition,
 * combine, serialize, deserialize and final functions over the core states
 * of src/core/agree.h, the state types annot.agreement_pairs and
 * annot.agreement_items (I/O, build and merge aggregates) and the readers
 * that compute a coefficient from a stored state.
 *
 * Labels and items become core keys here, in a form that compares as the
 * type's own equality does and depends on no setting: integers take the
 * integer fast path, text types their bytes, floats and numerics their
 * canonical text (with the value kept for weighted coefficients), dates
 * and timestamps ISO text in UTC, booleans, uuids, enums, "char" and name
 * their text; any other type is refused.
 */
#include "annot_pg.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "agree_pg.h"

/* How values of one SQL type become keys. */
typedef enum keymode
{
	KM_INT2,
	KM_INT4,
	KM_INT8,
	KM_TEXT,
	KM_BPCHAR,
	KM_FLOAT4,
	KM_FLOAT8,
	KM_NUMERIC,
	KM_DATE,
	KM_TIMESTAMP,
	KM_TIMESTAMPTZ,
	KM_OUTPUT					/* the type's output, which is canonical */
} keymode;

typedef struct keyconv
{
	keymode		mode;
	FmgrInfo	out;			/* KM_OUTPUT: the type's output function */
} keyconv;

/*
 * The transition state: the core state plus what the transition function
 * needs to read rows.  Deserialized states have no key converters; they
 * only ever reach combine and final functions.
 */
typedef struct agree_agg
{
	annot_agree_pair *pair;
	annot_agree_items *items;
	keyconv		conv[2];		/* pair: both labels; items: item, label */
	bool		params_stable;	/* parameter arguments are constants */
	bool		received;		/* made by deserialize: private to combine */
} agree_agg;

/* ---------------------------------------------------------------------
 * Keys
 * --------------------------------------------------------------------- */

/* Raise the error a core call recorded. */
static void
check(annot_status st, const annot_err *err)
{
	if (st != ANNOT_OK)
		annot_raise(err);
}

static void
keyconv_init(keyconv *kc, Oid typid, MemoryContext cxt)
{
	Oid			base = getBaseType(typid);
	Oid			outfn;
	bool		isvarlena;
	annot_err	err;

	switch (base)
	{
		case INT2OID:
			kc->mode = KM_INT2;
			return;
		case INT4OID:
			kc->mode = KM_INT4;
			return;
		case INT8OID:
			kc->mode = KM_INT8;
			return;
		case TEXTOID:
		case VARCHAROID:
			kc->mode = KM_TEXT;
			return;
		case BPCHAROID:
			kc->mode = KM_BPCHAR;
			return;
		case FLOAT4OID:
			kc->mode = KM_FLOAT4;
			return;
		case FLOAT8OID:
			kc->mode = KM_FLOAT8;
			return;
		case NUMERICOID:
			kc->mode = KM_NUMERIC;
			return;
		case DATEOID:
			kc->mode = KM_DATE;
			return;
		case TIMESTAMPOID:
			kc->mode = KM_TIMESTAMP;
			return;
		case TIMESTAMPTZOID:
			kc->mode = KM_TIMESTAMPTZ;
			return;
		case BOOLOID:
		case UUIDOID:
		case CHAROID:
		case NAMEOID:
			break;
		default:
			if (type_is_enum(base))
				break;

			/*
			 * Text output of other types may depend on settings (DateStyle,
			 * extra_float_digits, ...) or differ between equal values, and
			 * a binary image may differ too: refuse rather than guess.
			 */
			annot_err_init(&err);
			annot_err_about(&err, "agreement label", NULL);
			annot_fail(&err, ANNOT_EPARAM, -1,
					   "Labels and items of type %s are not supported: use integers, text, numeric, float, date, timestamp, boolean, uuid or enum values, for example by a cast to text.",
					   format_type_be(typid));
			annot_raise(&err);
	}
	/* outputs of these name each value one way and read no setting */
	kc->mode = KM_OUTPUT;
	getTypeOutputInfo(base, &outfn, &isvarlena);
	fmgr_info_cxt(outfn, &kc->out, cxt);
}

/* Shortest text that reads back to the same float4 (as float4out prints). */
static char *
float4_text(float x)
{
	char	   *buf = palloc(32);
	int			prec;

	for (prec = 6; prec < 9; prec++)
	{
		snprintf(buf, 32, "%.*g", prec, (double) x);
		if (strtof(buf, NULL) == x)
			return buf;
	}
	snprintf(buf, 32, "%.9g", (double) x);
	return buf;
}

/* ISO text of a timestamp, in UTC when it is one with time zone. */
static char *
timestamp_text(Timestamp ts, bool with_tz)
{
	char	   *buf = palloc(MAXDATELEN + 1);
	struct pg_tm tm;
	fsec_t		fsec;

	if (TIMESTAMP_NOT_FINITE(ts))
		return pstrdup(TIMESTAMP_IS_NOBEGIN(ts) ? "-infinity" : "infinity");
	if (timestamp2tm(ts, NULL, &tm, &fsec, NULL, NULL) != 0)
		return psprintf("timestamp " INT64_FORMAT, (int64) ts);
	EncodeDateTime(&tm, fsec, with_tz, 0, NULL, USE_ISO_DATES, buf);
	return buf;
}

/* ISO text of a date. */
static char *
date_text(DateADT d)
{
	char	   *buf = palloc(MAXDATELEN + 1);
	struct pg_tm tm;

	if (DATE_NOT_FINITE(d))
		return pstrdup(DATE_IS_NOBEGIN(d) ? "-infinity" : "infinity");
	j2date(d + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	EncodeDateOnly(&tm, USE_ISO_DATES, buf);
	return buf;
}

static annot_agree_keykind
text_key(annot_agree_key *k, char *s)
{
	k->bytes = s;
	k->len = strlen(s);
	return ANNOT_AGREE_KEY_BYTES;
}

/*
 * The key of a value.  Memory for text forms comes from the current
 * (per-row) context; the core copies what it keeps.
 */
static annot_agree_keykind
datum_key(const keyconv *kc, Datum d, annot_agree_key *k)
{
	k->value = NAN;
	switch (kc->mode)
	{
		case KM_INT2:
			k->i = DatumGetInt16(d);
			return ANNOT_AGREE_KEY_INT;
		case KM_INT4:
			k->i = DatumGetInt32(d);
			return ANNOT_AGREE_KEY_INT;
		case KM_INT8:
			k->i = DatumGetInt64(d);
			return ANNOT_AGREE_KEY_INT;
		case KM_TEXT:
		case KM_BPCHAR:
			{
				struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
				uint32_t	len = VARSIZE_ANY_EXHDR(v);

				k->bytes = VARDATA_ANY(v);
				/* char(n) compares without its trailing blanks */
				if (kc->mode == KM_BPCHAR)
					while (len > 0 && k->bytes[len - 1] == ' ')
						len--;
				k->len = len;
				return ANNOT_AGREE_KEY_BYTES;
			}
		case KM_FLOAT4:
		case KM_FLOAT8:
			{
				double		x = kc->mode == KM_FLOAT4 ? (double) DatumGetFloat4(d)
				: DatumGetFloat8(d);
				char	   *s;

				if (x == 0.0)
					x = 0.0;	/* -0 = 0, as float equality has it */
				if (kc->mode == KM_FLOAT4)
					s = float4_text((float) x);
				else
				{
					s = palloc(ANNOT_DBL_BUFLEN);
					annot_format_double(s, x);
				}
				k->value = x;
				return text_key(k, s);
			}
		case KM_NUMERIC:
			/* 1.0 = 1.00: the normalized text drops trailing zeros */
			k->value = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, d));
			return text_key(k, numeric_normalize(DatumGetNumeric(d)));
		case KM_DATE:
			return text_key(k, date_text(DatumGetDateADT(d)));
		case KM_TIMESTAMP:
			return text_key(k, timestamp_text(DatumGetTimestamp(d), false));
		case KM_TIMESTAMPTZ:
			return text_key(k, timestamp_text(DatumGetTimestampTz(d), true));
		case KM_OUTPUT:
			return text_key(k, OutputFunctionCall((FmgrInfo *) &kc->out, d));
	}
	elog(ERROR, "unknown agreement key mode %d", (int) kc->mode);
	return ANNOT_AGREE_KEY_NONE;
}

/* ---------------------------------------------------------------------
 * Parameters
 * --------------------------------------------------------------------- */

/*
 * The parameters given after the rated values: text arguments (roles[0],
 * then roles[1]) and a float8 confidence level, in declaration order.
 */
static void
read_params(FunctionCallInfo fcinfo, int first,
			const annot_agree_param_role *roles, annot_agree_params *p)
{
	int			ntext = 0;
	int			i;
	annot_err	err;

	annot_agree_params_default(p);
	annot_err_init(&err);
	for (i = first; i < PG_NARGS(); i++)
	{
		Oid			t = get_fn_expr_argtype(fcinfo->flinfo, i);
		annot_status st;

		if (t == FLOAT8OID)
			st = PG_ARGISNULL(i) ?
				annot_agree_set_param(p, ANNOT_PARAM_CONFIDENCE, NULL, 0, &err) :
				annot_agree_set_confidence(p, PG_GETARG_FLOAT8(i), &err);
		else
		{
			annot_agree_param_role role = roles[ntext < 2 ? ntext : 1];

			ntext++;
			if (PG_ARGISNULL(i))
				st = annot_agree_set_param(p, role, NULL, 0, &err);
			else
			{
				text	   *v = PG_GETARG_TEXT_PP(i);

				st = annot_agree_set_param(p, role, VARDATA_ANY(v),
										   VARSIZE_ANY_EXHDR(v), &err);
			}
		}
		check(st, &err);
	}
}

/* Whether every parameter argument is a constant of the query. */
static bool
params_are_stable(FunctionCallInfo fcinfo, int first)
{
	int			i;

	for (i = first; i < PG_NARGS(); i++)
		if (!get_fn_expr_arg_stable(fcinfo->flinfo, i))
			return false;
	return true;
}

static void
check_same_params(const annot_agree_params *a, const annot_agree_params *b)
{
	annot_err	err;

	annot_err_init(&err);
	if (!annot_agree_params_equal(a, b))
		check(annot_agree_params_differ(&err), &err);
}

static const annot_agree_param_role cohen_roles[] = {ANNOT_PARAM_COHEN_WEIGHTS, ANNOT_PARAM_SCALE};
static const annot_agree_param_role item_roles[] = {ANNOT_PARAM_WEIGHTS, ANNOT_PARAM_WEIGHTS};
static const annot_agree_param_role alpha_roles[] = {ANNOT_PARAM_LEVEL, ANNOT_PARAM_LEVEL};

/* ---------------------------------------------------------------------
 * The aggregate states: combine, serialize, deserialize
 * --------------------------------------------------------------------- */

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "%s called in non-aggregate context", fn);
	return cxt;
}

/* Free the core state of a state that has been merged elsewhere. */
static void
agg_release(agree_agg *a)
{
	annot_agree_items_free(a->items);
	annot_agree_pair_free(a->pair);
	a->items = NULL;
	a->pair = NULL;
}

/*
 * Combine two states of either kind into the first.  A NULL first state
 * becomes a copy of the second, which is never kept or changed.  Received
 * item states are deferred: the final function merges them, sorted, in
 * one linear walk each.
 */
static Datum
combine_states(FunctionCallInfo fcinfo, bool items)
{
	MemoryContext cxt = agg_context(fcinfo, "agreement combine function");
	agree_agg  *a = PG_ARGISNULL(0) ? NULL : (agree_agg *) PG_GETARG_POINTER(0);
	agree_agg  *b = PG_ARGISNULL(1) ? NULL : (agree_agg *) PG_GETARG_POINTER(1);
	MemoryContext old;
	annot_err	err;
	annot_status rc = ANNOT_OK;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}

	/*
	 * A state just deserialized (in the aggregate context) belongs to no one
	 * else: adopt it instead of copying, and free it once merged.
	 */
	if (a == NULL && b->received)
	{
		b->received = false;
		PG_RETURN_POINTER(b);
	}
	old = MemoryContextSwitchTo(cxt);
	annot_err_init(&err);
	if (a == NULL)
	{
		a = palloc0(sizeof(agree_agg));
		if (items)
			a->items = annot_agree_items_copy(b->items, &err);
		else
			a->pair = annot_agree_pair_copy(b->pair, &err);
		if (a->items == NULL && a->pair == NULL)
			rc = err.status;
	}
	else if (items && b->received)
	{
		rc = annot_agree_items_defer(a->items, b->items, &err);
		if (rc == ANNOT_OK)
			b->items = NULL;
	}
	else if (items)
		rc = annot_agree_items_combine(a->items, b->items, &err);
	else
		rc = annot_agree_pair_combine(a->pair, b->pair, &err);
	if (rc == ANNOT_OK && b->received)
		agg_release(b);
	MemoryContextSwitchTo(old);
	check(rc, &err);
	PG_RETURN_POINTER(a);
}

/* The wire form of a state (src/core/FORMAT.md) in a varlena. */
static bytea *
state_wire(agree_agg *st, MemoryContext cxt)
{
	annot_err	err;
	size_t		len = 0;
	bytea	   *out;

	annot_err_init(&err);
	if (st->items != NULL)
	{
		/* sorting keeps the state's content: it stays usable */
		MemoryContext old = MemoryContextSwitchTo(cxt);
		annot_status rc = annot_agree_items_prepare(st->items, &err);

		MemoryContextSwitchTo(old);
		check(rc, &err);
		check(annot_agree_items_serial_size(st->items, &len, &err), &err);
	}
	else
		check(annot_agree_pair_serial_size(st->pair, &len, &err), &err);
	out = palloc(VARHDRSZ + len);
	SET_VARSIZE(out, VARHDRSZ + len);
	if (st->items != NULL)
		annot_agree_items_serialize(st->items, (uint8_t *) VARDATA(out));
	else
		annot_agree_pair_serialize(st->pair, (uint8_t *) VARDATA(out));
	return out;
}

/* A state from its wire form; the core validates every byte (22P03). */
static agree_agg *
wire_state(const uint8_t *data, size_t len, bool items, MemoryContext cxt)
{
	agree_agg  *st;
	annot_err	err;
	annot_status rc;
	MemoryContext old = MemoryContextSwitchTo(cxt);

	st = palloc0(sizeof(agree_agg));
	annot_err_init(&err);
	rc = items ? annot_agree_items_deserialize(data, len, &st->items, &err)
		: annot_agree_pair_deserialize(data, len, &st->pair, &err);
	st->received = true;
	MemoryContextSwitchTo(old);
	check(rc, &err);
	return st;
}

static Datum
deserialize_state(FunctionCallInfo fcinfo, bool items)
{
	MemoryContext cxt = agg_context(fcinfo, "agreement deserialize function");
	bytea	   *in = PG_GETARG_BYTEA_PP(0);

	/* in the aggregate context, so that combine can adopt the state */
	PG_RETURN_POINTER(wire_state((const uint8_t *) VARDATA_ANY(in),
								 VARSIZE_ANY_EXHDR(in), items, cxt));
}

/* ---------------------------------------------------------------------
 * Pair aggregates: cohen_kappa, cohen_kappa_ci, confusion_matrix,
 * agreement_pairs
 * --------------------------------------------------------------------- */

static Datum pair_transition(FunctionCallInfo fcinfo);

/*
 * The per-row hot path: integer labels already seen, constant parameters.
 * A state can only exist inside an aggregate (SQL cannot make an internal
 * value), so the aggregate-context check happens when it is created.
 */
PG_FUNCTION_INFO_V1(agree_pair_transfn);
Datum
agree_pair_transfn(PG_FUNCTION_ARGS)
{
	if (!PG_ARGISNULL(0) && !PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		agree_agg  *st = (agree_agg *) PG_GETARG_POINTER(0);

		if (st->params_stable)
		{
			if (st->conv[0].mode == KM_INT4 &&
				annot_agree_pair_add_seen(st->pair, DatumGetInt32(PG_GETARG_DATUM(1)),
										  DatumGetInt32(PG_GETARG_DATUM(2))))
				PG_RETURN_POINTER(st);
			if (st->conv[0].mode == KM_INT8 &&
				annot_agree_pair_add_seen(st->pair, DatumGetInt64(PG_GETARG_DATUM(1)),
										  DatumGetInt64(PG_GETARG_DATUM(2))))
				PG_RETURN_POINTER(st);
		}
	}
	return pair_transition(fcinfo);
}

/* Everything else: the first row, new labels, other types, NULLs. */
static Datum
pair_transition(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = agg_context(fcinfo, "agree_pair_transfn");
	agree_agg  *st = PG_ARGISNULL(0) ? NULL : (agree_agg *) PG_GETARG_POINTER(0);
	annot_agree_key a;
	annot_agree_key b;
	annot_agree_keykind kind;
	annot_agree_params p;
	annot_err	err;
	annot_status rc;
	MemoryContext old;

	if (st == NULL)
	{
		read_params(fcinfo, 3, cohen_roles, &p);
		old = MemoryContextSwitchTo(cxt);
		st = palloc0(sizeof(agree_agg));
		st->pair = annot_agree_pair_create(&p);
		keyconv_init(&st->conv[0], get_fn_expr_argtype(fcinfo->flinfo, 1), cxt);
		st->params_stable = params_are_stable(fcinfo, 3);
		MemoryContextSwitchTo(old);
	}
	else if (!st->params_stable)
	{
		read_params(fcinfo, 3, cohen_roles, &p);
		check_same_params(&p, &st->pair->params);
	}

	/* a pair with a missing label is left out, as irr's kappa2 does */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(st);

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	kind = datum_key(&st->conv[0], PG_GETARG_DATUM(1), &a);
	(void) datum_key(&st->conv[0], PG_GETARG_DATUM(2), &b);
	old = MemoryContextSwitchTo(cxt);
	annot_err_init(&err);
	rc = annot_agree_pair_add(st->pair, kind, &a, &b, &err);
	MemoryContextSwitchTo(old);
	check(rc, &err);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(agree_pair_combine);
Datum
agree_pair_combine(PG_FUNCTION_ARGS)
{
	return combine_states(fcinfo, false);
}

PG_FUNCTION_INFO_V1(agree_pair_serialize);
Datum
agree_pair_serialize(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "agree_pair_serialize");

	PG_RETURN_BYTEA_P(state_wire((agree_agg *) PG_GETARG_POINTER(0), cxt));
}

PG_FUNCTION_INFO_V1(agree_pair_deserialize);
Datum
agree_pair_deserialize(PG_FUNCTION_ARGS)
{
	return deserialize_state(fcinfo, false);
}

/* NaN (undefined) becomes NULL. */
static void
put_double(Datum *values, bool *nulls, int i, double x)
{
	nulls[i] = isnan(x);
	values[i] = Float8GetDatum(nulls[i] ? 0.0 : x);
}

/* An annot.agreement value from a result. */
static Datum
result_datum(FunctionCallInfo fcinfo, const annot_agree_result *r,
			 double confidence)
{
	TupleDesc	tupdesc;
	Datum		values[10];
	bool		nulls[10];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	put_double(values, nulls, 0, r->estimate);
	put_double(values, nulls, 1, r->se);
	put_double(values, nulls, 2, r->ci_lower);
	put_double(values, nulls, 3, r->ci_upper);
	put_double(values, nulls, 4, confidence);
	put_double(values, nulls, 5, r->pa);
	put_double(values, nulls, 6, r->pe);
	values[7] = Int64GetDatum(r->n_items);
	values[8] = Int64GetDatum(r->n_ratings);
	values[9] = Int32GetDatum(r->n_categories);
	nulls[7] = nulls[8] = nulls[9] = false;
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

static agree_agg *
final_state(FunctionCallInfo fcinfo, const char *fn)
{
	(void) agg_context(fcinfo, fn);
	return (agree_agg *) PG_GETARG_POINTER(0);
}

static void
cohen_result(const annot_agree_pair *s, annot_agree_result *r)
{
	annot_err	err;

	annot_err_init(&err);
	check(annot_agree_cohen(s, r, &err), &err);
}

PG_FUNCTION_INFO_V1(cohen_kappa_final);
Datum
cohen_kappa_final(PG_FUNCTION_ARGS)
{
	annot_agree_result r;

	cohen_result(final_state(fcinfo, "cohen_kappa_final")->pair, &r);
	if (isnan(r.estimate))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.estimate);
}

PG_FUNCTION_INFO_V1(cohen_kappa_ci_final);
Datum
cohen_kappa_ci_final(PG_FUNCTION_ARGS)
{
	agree_agg  *st = final_state(fcinfo, "cohen_kappa_ci_final");
	annot_agree_result r;

	cohen_result(st->pair, &r);
	PG_RETURN_DATUM(result_datum(fcinfo, &r, st->pair->params.confidence));
}

/* The confusion matrix of a pair state as jsonb. */
static Datum
confusion_datum(const annot_agree_pair *s)
{
	annot_err	err;
	char	   *json;

	annot_err_init(&err);
	check(annot_agree_confusion_json(s, &json, &err), &err);
	return JsonbPGetDatum(annot_jsonb_from_cstring(json));
}

PG_FUNCTION_INFO_V1(confusion_matrix_final);
Datum
confusion_matrix_final(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(confusion_datum(final_state(fcinfo, "confusion_matrix_final")->pair));
}

/* ---------------------------------------------------------------------
 * Item aggregates: fleiss_kappa, gwet_ac1/ac2, percent_agreement,
 * krippendorff_alpha and their _ci variants, agreement_items
 * --------------------------------------------------------------------- */

static Datum
items_transition(FunctionCallInfo fcinfo, const annot_agree_param_role *roles)
{
	MemoryContext cxt = agg_context(fcinfo, "agree_items_transfn");
	agree_agg  *st = PG_ARGISNULL(0) ? NULL : (agree_agg *) PG_GETARG_POINTER(0);
	annot_agree_key item;
	annot_agree_key label;
	annot_agree_keykind ik;
	annot_agree_keykind lk;
	annot_agree_params p;
	annot_err	err;
	annot_status rc;
	MemoryContext old;

	if (st == NULL)
	{
		read_params(fcinfo, 3, roles, &p);
		old = MemoryContextSwitchTo(cxt);
		st = palloc0(sizeof(agree_agg));
		st->items = annot_agree_items_create(&p);
		keyconv_init(&st->conv[0], get_fn_expr_argtype(fcinfo->flinfo, 1), cxt);
		keyconv_init(&st->conv[1], get_fn_expr_argtype(fcinfo->flinfo, 2), cxt);
		st->params_stable = params_are_stable(fcinfo, 3);
		MemoryContextSwitchTo(old);
	}
	else if (!st->params_stable)
	{
		read_params(fcinfo, 3, roles, &p);
		check_same_params(&p, &st->items->params);
	}

	/* a missing rating (NULL label) is left out; so is an unnamed item */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(st);

	memset(&item, 0, sizeof(item));
	memset(&label, 0, sizeof(label));
	ik = datum_key(&st->conv[0], PG_GETARG_DATUM(1), &item);
	lk = datum_key(&st->conv[1], PG_GETARG_DATUM(2), &label);
	old = MemoryContextSwitchTo(cxt);
	annot_err_init(&err);
	rc = annot_agree_items_add(st->items, ik, &item, lk, &label, &err);
	MemoryContextSwitchTo(old);
	check(rc, &err);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(agree_items_transfn);
Datum
agree_items_transfn(PG_FUNCTION_ARGS)
{
	return items_transition(fcinfo, item_roles);
}

PG_FUNCTION_INFO_V1(agree_alpha_transfn);
Datum
agree_alpha_transfn(PG_FUNCTION_ARGS)
{
	return items_transition(fcinfo, alpha_roles);
}

PG_FUNCTION_INFO_V1(agree_items_combine);
Datum
agree_items_combine(PG_FUNCTION_ARGS)
{
	return combine_states(fcinfo, true);
}

PG_FUNCTION_INFO_V1(agree_items_serialize);
Datum
agree_items_serialize(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "agree_items_serialize");

	PG_RETURN_BYTEA_P(state_wire((agree_agg *) PG_GETARG_POINTER(0), cxt));
}

PG_FUNCTION_INFO_V1(agree_items_deserialize);
Datum
agree_items_deserialize(PG_FUNCTION_ARGS)
{
	return deserialize_state(fcinfo, true);
}

typedef annot_status (*items_coef_fn) (const annot_agree_items *,
									   annot_agree_result *, annot_err *);

/* One item coefficient of a state, prepared in place (in cxt) first. */
static void
items_result(annot_agree_items *s, items_coef_fn fn, MemoryContext cxt,
			 annot_agree_result *r)
{
	annot_err	err;
	annot_status rc;
	MemoryContext old = MemoryContextSwitchTo(cxt);

	annot_err_init(&err);
	rc = annot_agree_items_prepare(s, &err);
	MemoryContextSwitchTo(old);
	check(rc, &err);
	check(fn(s, r, &err), &err);
}

/* Compute one item coefficient: the estimate, or the composite when ci. */
static Datum
items_final(FunctionCallInfo fcinfo, items_coef_fn fn, bool ci)
{
	MemoryContext cxt = agg_context(fcinfo, "agreement final function");
	agree_agg  *st = (agree_agg *) PG_GETARG_POINTER(0);
	annot_agree_result r;

	items_result(st->items, fn, cxt, &r);
	if (ci)
		PG_RETURN_DATUM(result_datum(fcinfo, &r, st->items->params.confidence));
	if (isnan(r.estimate))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.estimate);
}

PG_FUNCTION_INFO_V1(fleiss_kappa_final);
Datum
fleiss_kappa_final(PG_FUNCTION_ARGS)
{
	return items_final(fcinfo, annot_agree_fleiss, false);
}

PG_FUNCTION_INFO_V1(fleiss_kappa_ci_final);
Datum
fleiss_kappa_ci_final(PG_FUNCTION_ARGS)
{
	return items_final(fcinfo, annot_agree_fleiss, true);
}

PG_FUNCTION_INFO_V1(gwet_final);
Datum
gwet_final(PG_FUNCTION_ARGS)
{
	return items_final(fcinfo, annot_agree_gwet, false);
}

PG_FUNCTION_INFO_V1(gwet_ci_final);
Datum
gwet_ci_final(PG_FUNCTION_ARGS)
{
	return items_final(fcinfo, annot_agree_gwet, true);
}

PG_FUNCTION_INFO_V1(percent_agreement_final);
Datum
percent_agreement_final(PG_FUNCTION_ARGS)
{
	return items_final(fcinfo, annot_agree_percent, false);
}

PG_FUNCTION_INFO_V1(percent_agreement_ci_final);
Datum
percent_agreement_ci_final(PG_FUNCTION_ARGS)
{
	return items_final(fcinfo, annot_agree_percent, true);
}

PG_FUNCTION_INFO_V1(krippendorff_alpha_final);
Datum
krippendorff_alpha_final(PG_FUNCTION_ARGS)
{
	return items_final(fcinfo, annot_agree_krippendorff, false);
}

PG_FUNCTION_INFO_V1(krippendorff_alpha_ci_final);
Datum
krippendorff_alpha_ci_final(PG_FUNCTION_ARGS)
{
	return items_final(fcinfo, annot_agree_krippendorff, true);
}

/* ---------------------------------------------------------------------
 * The state types: stored wire form, base64 text, binary send/recv
 * --------------------------------------------------------------------- */

annot_agree_pair *
annot_agreement_pairs_from_datum(Datum d)
{
	bytea	   *v = DatumGetByteaPP(d);
	annot_agree_pair *s;
	annot_err	err;

	annot_err_init(&err);
	if (annot_agree_pair_deserialize((const uint8_t *) VARDATA_ANY(v),
									 VARSIZE_ANY_EXHDR(v), &s, &err) != ANNOT_OK)
	{
		err.status = ANNOT_ECORRUPT;	/* what is stored was checked on input */
		annot_raise(&err);
	}
	return s;
}

annot_agree_items *
annot_agreement_items_from_datum(Datum d)
{
	bytea	   *v = DatumGetByteaPP(d);
	annot_agree_items *s;
	annot_err	err;

	annot_err_init(&err);
	if (annot_agree_items_deserialize((const uint8_t *) VARDATA_ANY(v),
									  VARSIZE_ANY_EXHDR(v), &s, &err) != ANNOT_OK)
	{
		err.status = ANNOT_ECORRUPT;
		annot_raise(&err);
	}
	return s;
}

Datum
annot_agreement_pairs_datum(const annot_agree_pair *s)
{
	agree_agg	st = {0};

	st.pair = (annot_agree_pair *) s;
	return PointerGetDatum(state_wire(&st, CurrentMemoryContext));
}

Datum
annot_agreement_items_datum(annot_agree_items *s)
{
	agree_agg	st = {0};

	st.items = s;
	return PointerGetDatum(state_wire(&st, CurrentMemoryContext));
}

/*
 * A state from its wire bytes, checked, in canonical form: an item state
 * is stored sorted whatever order its cells came in.  On failure err says
 * why and *out is not set.
 */
static annot_status
state_input(const uint8_t *data, size_t len, bool items, Datum *out,
			annot_err *err)
{
	annot_agree_pair *p = NULL;
	annot_agree_items *s = NULL;
	annot_status rc;
	bytea	   *v;

	rc = items ? annot_agree_items_deserialize(data, len, &s, err)
		: annot_agree_pair_deserialize(data, len, &p, err);
	if (rc != ANNOT_OK)
		return rc;
	if (items && !annot_agree_items_ready(s))
	{
		/* an unsorted item state: stored as its sorted form */
		if ((rc = annot_agree_items_prepare(s, err)) != ANNOT_OK)
			return rc;
		*out = annot_agreement_items_datum(s);
		annot_agree_items_free(s);
		return ANNOT_OK;
	}
	annot_agree_items_free(s);
	annot_agree_pair_free(p);
	v = palloc(VARHDRSZ + len);
	SET_VARSIZE(v, VARHDRSZ + len);
	memcpy(VARDATA(v), data, len);
	*out = PointerGetDatum(v);
	return ANNOT_OK;
}

static Datum
state_in(FunctionCallInfo fcinfo, bool items)
{
	char	   *str = PG_GETARG_CSTRING(0);
	annot_err	err;
	uint8_t    *wire;
	size_t		len;
	annot_status rc;
	Datum		d = (Datum) 0;

	annot_err_init(&err);
	rc = annot_agree_text_decode(str, strlen(str), &wire, &len, &err);
	if (rc == ANNOT_OK)
		rc = state_input(wire, len, items, &d, &err);
	if (rc == ANNOT_OK)
		PG_RETURN_DATUM(d);
	/* a text that decodes to a malformed state is a bad literal */
	if (rc == ANNOT_EBINARY)
		err.status = ANNOT_ESYNTAX;
	annot_err_about(&err, items ? "agreement_items" : "agreement_pairs", str);
	(void) annot_report(&err, ANNOT_ESCONTEXT(fcinfo));
	PG_RETURN_NULL();
}

static Datum
state_out(FunctionCallInfo fcinfo)
{
	bytea	   *v = PG_GETARG_BYTEA_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(v);
	size_t		tlen = 0;
	annot_err	err;
	char	   *out;

	annot_err_init(&err);
	check(annot_agree_text_len(len, &tlen, &err), &err);
	out = palloc(tlen + 1);
	annot_agree_text_encode((const uint8_t *) VARDATA_ANY(v), len, out);
	PG_RETURN_CSTRING(out);
}

static Datum
state_recv(FunctionCallInfo fcinfo, bool items)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8_t *data = (const uint8_t *) buf->data + buf->cursor;
	size_t		len = buf->len - buf->cursor;
	annot_err	err;
	Datum		d = (Datum) 0;

	annot_err_init(&err);
	check(state_input(data, len, items, &d, &err), &err);
	buf->cursor = buf->len;
	PG_RETURN_DATUM(d);
}

static Datum
state_send(FunctionCallInfo fcinfo)
{
	bytea	   *v = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(agreement_pairs_in);
Datum
agreement_pairs_in(PG_FUNCTION_ARGS)
{
	return state_in(fcinfo, false);
}

PG_FUNCTION_INFO_V1(agreement_pairs_out);
Datum
agreement_pairs_out(PG_FUNCTION_ARGS)
{
	return state_out(fcinfo);
}

PG_FUNCTION_INFO_V1(agreement_pairs_recv);
Datum
agreement_pairs_recv(PG_FUNCTION_ARGS)
{
	return state_recv(fcinfo, false);
}

PG_FUNCTION_INFO_V1(agreement_pairs_send);
Datum
agreement_pairs_send(PG_FUNCTION_ARGS)
{
	return state_send(fcinfo);
}

PG_FUNCTION_INFO_V1(agreement_items_in);
Datum
agreement_items_in(PG_FUNCTION_ARGS)
{
	return state_in(fcinfo, true);
}

PG_FUNCTION_INFO_V1(agreement_items_out);
Datum
agreement_items_out(PG_FUNCTION_ARGS)
{
	return state_out(fcinfo);
}

PG_FUNCTION_INFO_V1(agreement_items_recv);
Datum
agreement_items_recv(PG_FUNCTION_ARGS)
{
	return state_recv(fcinfo, true);
}

PG_FUNCTION_INFO_V1(agreement_items_send);
Datum
agreement_items_send(PG_FUNCTION_ARGS)
{
	return state_send(fcinfo);
}

/* ---------------------------------------------------------------------
 * Building and merging stored states
 * --------------------------------------------------------------------- */

/* Final function of agreement_pairs(a, b) and agreement_merge(pairs). */
PG_FUNCTION_INFO_V1(agreement_pairs_final);
Datum
agreement_pairs_final(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "agreement_pairs_final");

	PG_RETURN_POINTER(state_wire((agree_agg *) PG_GETARG_POINTER(0), cxt));
}

/* Final function of agreement_items(item, label) and agreement_merge(items). */
PG_FUNCTION_INFO_V1(agreement_items_final);
Datum
agreement_items_final(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "agreement_items_final");

	PG_RETURN_POINTER(state_wire((agree_agg *) PG_GETARG_POINTER(0), cxt));
}

/*
 * Transition of agreement_merge: each stored state is decoded into the
 * aggregate context with default parameters (readers choose theirs) and
 * merged like a parallel worker's: pairs add up, item states wait sorted
 * to be merged by the final function.
 */
static Datum
merge_transition(FunctionCallInfo fcinfo, bool items)
{
	MemoryContext cxt = agg_context(fcinfo, "agreement_merge");
	agree_agg  *st = PG_ARGISNULL(0) ? NULL : (agree_agg *) PG_GETARG_POINTER(0);
	bytea	   *v;
	agree_agg  *in;
	annot_agree_params p;
	annot_err	err;
	annot_status rc;
	MemoryContext old;

	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	v = PG_GETARG_BYTEA_PP(1);
	in = wire_state((const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v),
					items, cxt);
	annot_agree_params_default(&p);
	if (items)
		in->items->params = p;
	else
		in->pair->params = p;
	in->received = false;
	if (st == NULL)
		PG_RETURN_POINTER(in);
	old = MemoryContextSwitchTo(cxt);
	annot_err_init(&err);
	if (items)
	{
		rc = annot_agree_items_defer(st->items, in->items, &err);
		if (rc == ANNOT_OK)
			in->items = NULL;
	}
	else
		rc = annot_agree_pair_combine(st->pair, in->pair, &err);
	agg_release(in);
	pfree(in);
	MemoryContextSwitchTo(old);
	check(rc, &err);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(agreement_pairs_merge_transfn);
Datum
agreement_pairs_merge_transfn(PG_FUNCTION_ARGS)
{
	return merge_transition(fcinfo, false);
}

PG_FUNCTION_INFO_V1(agreement_items_merge_transfn);
Datum
agreement_items_merge_transfn(PG_FUNCTION_ARGS)
{
	return merge_transition(fcinfo, true);
}

/* ---------------------------------------------------------------------
 * Readers: a coefficient with its interval from a stored state
 * --------------------------------------------------------------------- */

/*
 * A reader's parameters: ntext text arguments after the state, in the
 * given roles, then the confidence level.  A quoted number given in a text
 * slot (a confidence, as the aggregates allow) stands unless the
 * confidence argument says otherwise.
 */
static void
reader_params(FunctionCallInfo fcinfo, annot_agree_params *p, int ntext,
			  const annot_agree_param_role *roles)
{
	annot_err	err;
	double		confidence = PG_GETARG_FLOAT8(ntext + 1);
	int			i;

	annot_agree_params_default(p);
	annot_err_init(&err);
	for (i = 1; i <= ntext; i++)
	{
		text	   *v = PG_GETARG_TEXT_PP(i);

		check(annot_agree_set_param(p, roles[i - 1], VARDATA_ANY(v),
									VARSIZE_ANY_EXHDR(v), &err), &err);
	}
	if (p->confidence == 0.95 || confidence != 0.95)
		check(annot_agree_set_confidence(p, confidence, &err), &err);
}

/* A coefficient of a stored item state with the reader's parameters. */
static Datum
items_reader(FunctionCallInfo fcinfo, items_coef_fn fn, int ntext,
			 const annot_agree_param_role *roles)
{
	annot_agree_items *s = PG_GETARG_AGREEMENT_ITEMS(0);
	annot_agree_result r;

	reader_params(fcinfo, &s->params, ntext, roles);
	items_result(s, fn, CurrentMemoryContext, &r);
	PG_RETURN_DATUM(result_datum(fcinfo, &r, s->params.confidence));
}

PG_FUNCTION_INFO_V1(cohen_kappa);
Datum
cohen_kappa(PG_FUNCTION_ARGS)
{
	annot_agree_pair *s = PG_GETARG_AGREEMENT_PAIRS(0);
	annot_agree_result r;

	reader_params(fcinfo, &s->params, 2, cohen_roles);
	cohen_result(s, &r);
	PG_RETURN_DATUM(result_datum(fcinfo, &r, s->params.confidence));
}

PG_FUNCTION_INFO_V1(confusion_matrix);
Datum
confusion_matrix(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(confusion_datum(PG_GETARG_AGREEMENT_PAIRS(0)));
}

PG_FUNCTION_INFO_V1(fleiss_kappa);
Datum
fleiss_kappa(PG_FUNCTION_ARGS)
{
	return items_reader(fcinfo, annot_agree_fleiss, 1, item_roles);
}

PG_FUNCTION_INFO_V1(gwet_ac1);
Datum
gwet_ac1(PG_FUNCTION_ARGS)
{
	return items_reader(fcinfo, annot_agree_gwet, 0, item_roles);
}

PG_FUNCTION_INFO_V1(gwet_ac2);
Datum
gwet_ac2(PG_FUNCTION_ARGS)
{
	return items_reader(fcinfo, annot_agree_gwet, 1, item_roles);
}

PG_FUNCTION_INFO_V1(percent_agreement);
Datum
percent_agreement(PG_FUNCTION_ARGS)
{
	return items_reader(fcinfo, annot_agree_percent, 1, item_roles);
}

PG_FUNCTION_INFO_V1(krippendorff_alpha);
Datum
krippendorff_alpha(PG_FUNCTION_ARGS)
{
	return items_reader(fcinfo, annot_agree_krippendorff, 1, alpha_roles);
}
