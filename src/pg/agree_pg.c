/*
 * agree_pg.c -- SQL interface of the agreement aggregates: transition,
 * combine, serialize, deserialize and final functions over the core states
 * of src/core/agree.h.
 *
 * Labels and items of any type become core keys here: integers take the
 * integer fast path, text types their bytes, floats and numerics their
 * canonical text (with the value kept for weighted coefficients), and any
 * other type its text output.
 */
#include "annot_pg.h"

#include <ctype.h>
#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/jsonapi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

#include "../core/agree.h"

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
	KM_OTHER
} keymode;

typedef struct keyconv
{
	keymode		mode;
	FmgrInfo	out;			/* KM_OTHER: the type's output function */
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

/* Which argument names the text parameters of a transition function mean. */
typedef enum param_kind
{
	PARAMS_COHEN,				/* weights [, scale] */
	PARAMS_ITEMS,				/* weights */
	PARAMS_ALPHA				/* level */
} param_kind;

static void
keyconv_init(keyconv *kc, Oid typid, MemoryContext cxt)
{
	Oid			base = getBaseType(typid);

	switch (base)
	{
		case INT2OID:
			kc->mode = KM_INT2;
			break;
		case INT4OID:
			kc->mode = KM_INT4;
			break;
		case INT8OID:
			kc->mode = KM_INT8;
			break;
		case TEXTOID:
		case VARCHAROID:
			kc->mode = KM_TEXT;
			break;
		case BPCHAROID:
			kc->mode = KM_BPCHAR;
			break;
		case FLOAT4OID:
			kc->mode = KM_FLOAT4;
			break;
		case FLOAT8OID:
			kc->mode = KM_FLOAT8;
			break;
		case NUMERICOID:
			kc->mode = KM_NUMERIC;
			break;
		default:
			{
				Oid			outfn;
				bool		isvarlena;

				kc->mode = KM_OTHER;
				getTypeOutputInfo(typid, &outfn, &isvarlena);
				fmgr_info_cxt(outfn, &kc->out, cxt);
				break;
			}
	}
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
				k->bytes = s;
				k->len = strlen(s);
				k->value = x;
				return ANNOT_AGREE_KEY_BYTES;
			}
		case KM_NUMERIC:
			{
				/* 1.0 = 1.00: the normalized text drops trailing zeros */
				char	   *s = numeric_normalize(DatumGetNumeric(d));

				k->bytes = s;
				k->len = strlen(s);
				k->value = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, d));
				return ANNOT_AGREE_KEY_BYTES;
			}
		case KM_OTHER:
			{
				char	   *s = OutputFunctionCall((FmgrInfo *) &kc->out, d);

				k->bytes = s;
				k->len = strlen(s);
				return ANNOT_AGREE_KEY_BYTES;
			}
	}
	elog(ERROR, "unknown agreement key mode %d", (int) kc->mode);
	return ANNOT_AGREE_KEY_NONE;
}

static void
raise_param(const char *what, const char *fmt, const char *value)
{
	annot_err	err;

	annot_err_init(&err);
	annot_fail(&err, ANNOT_EPARAM, -1, fmt, value);
	annot_raise_as(&err, what, NULL, NULL);
}

/*
 * The parameters given after the rated values: text arguments (weights,
 * scale or level) and a float8 confidence level, in declaration order.
 */
static void
read_params(FunctionCallInfo fcinfo, int first, param_kind kind,
			annot_agree_params *p)
{
	int			ntext = 0;
	int			i;

	p->weights = ANNOT_W_UNWEIGHTED;
	p->scale = ANNOT_SCALE_OBSERVED;
	p->confidence = 0.95;
	for (i = first; i < PG_NARGS(); i++)
	{
		Oid			t = get_fn_expr_argtype(fcinfo->flinfo, i);

		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("agreement parameters must not be null"),
					 errdetail("Argument %d is null.", i)));
		if (t == FLOAT8OID)
		{
			annot_err	err;

			p->confidence = PG_GETARG_FLOAT8(i);
			annot_err_init(&err);
			if (annot_agree_check_confidence(p->confidence, &err) != ANNOT_OK)
				annot_raise_as(&err, "confidence level", NULL, NULL);
		}
		else
		{
			text	   *v = PG_GETARG_TEXT_PP(i);
			const char *s = VARDATA_ANY(v);
			size_t		len = VARSIZE_ANY_EXHDR(v);
			annot_agree_weights w;
			annot_agree_scale sc;

			if (ntext == 0 && kind == PARAMS_ALPHA)
			{
				if (!annot_agree_parse_level(s, len, &w))
					raise_param("level", "Level \"%s\" is not one of nominal, ordinal, interval, ratio.",
								text_to_cstring(v));
				p->weights = (uint8_t) w;
			}
			else if (ntext == 0)
			{
				if (!annot_agree_parse_weights(s, len, kind == PARAMS_COHEN, &w))
					raise_param("weights",
								kind == PARAMS_COHEN ?
								"Weights \"%s\" are not one of unweighted, linear, quadratic." :
								"Weights \"%s\" are not one of unweighted, linear, quadratic, ordinal, radical, ratio, circular, bipolar.",
								text_to_cstring(v));
				p->weights = (uint8_t) w;
			}
			else
			{
				if (!annot_agree_parse_scale(s, len, &sc))
					raise_param("scale", "Scale \"%s\" is not one of observed, range.",
								text_to_cstring(v));
				p->scale = (uint8_t) sc;
			}
			ntext++;
		}
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
	if (a->weights != b->weights || a->scale != b->scale ||
		a->confidence != b->confidence)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agreement parameters differ between rows"),
				 errdetail("Weights, scale, level and confidence must be the same in every row of a group.")));
}

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "%s called in non-aggregate context", fn);
	return cxt;
}

/*
 * Combine two states of either kind into the first.  A NULL first state
 * becomes a copy of the second, which is never kept or changed.
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
		/* merged by the final function, in one pass over all states */
		rc = annot_agree_items_defer(a->items, b->items, &err);
		if (rc == ANNOT_OK)
			b->items = NULL;
	}
	else if (items)
		rc = annot_agree_items_combine(a->items, b->items, &err);
	else
		rc = annot_agree_pair_combine(a->pair, b->pair, &err);
	if (rc == ANNOT_OK && b->received)
	{
		annot_agree_items_free(b->items);
		annot_agree_pair_free(b->pair);
		b->items = NULL;
		b->pair = NULL;
	}
	MemoryContextSwitchTo(old);
	if (rc != ANNOT_OK)
		annot_raise_as(&err, "agreement aggregate", NULL, NULL);
	PG_RETURN_POINTER(a);
}

/* The wire form of a state (src/core/FORMAT.md) as bytea. */
static Datum
serialize_state(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = agg_context(fcinfo, "agreement serialize function");
	agree_agg  *st = (agree_agg *) PG_GETARG_POINTER(0);
	size_t		len;
	bytea	   *out;

	if (st->items != NULL && st->items->npending > 0)
	{
		MemoryContext old = MemoryContextSwitchTo(cxt);
		annot_err	err;
		annot_status rc;

		annot_err_init(&err);
		rc = annot_agree_items_flatten(st->items, &err);
		MemoryContextSwitchTo(old);
		if (rc != ANNOT_OK)
			annot_raise_as(&err, "agreement aggregate", NULL, NULL);
	}
	len = st->items ? annot_agree_items_serial_size(st->items)
		: annot_agree_pair_serial_size(st->pair);
	if (len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("agreement state too large to serialize"),
				 errdetail("The state holds %zu bytes; at most 1 GB can move between parallel workers.", len),
				 errhint("Run the query without parallel workers.")));
	out = palloc(VARHDRSZ + len);
	SET_VARSIZE(out, VARHDRSZ + len);
	if (st->items)
		annot_agree_items_serialize(st->items, (uint8_t *) VARDATA(out));
	else
		annot_agree_pair_serialize(st->pair, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/* A state from its wire form; the core validates every byte (22P03). */
static Datum
deserialize_state(FunctionCallInfo fcinfo, bool items)
{
	bytea	   *in;
	agree_agg  *st;
	annot_err	err;
	annot_status rc;
	const uint8_t *data;
	size_t		len;
	MemoryContext cxt = agg_context(fcinfo, "agreement deserialize function");
	MemoryContext old;

	in = PG_GETARG_BYTEA_PP(0);
	data = (const uint8_t *) VARDATA_ANY(in);
	len = VARSIZE_ANY_EXHDR(in);
	/* in the aggregate context, so that combine can adopt the state */
	old = MemoryContextSwitchTo(cxt);
	st = palloc0(sizeof(agree_agg));
	annot_err_init(&err);
	rc = items ? annot_agree_items_deserialize(data, len, &st->items, &err)
		: annot_agree_pair_deserialize(data, len, &st->pair, &err);
	st->received = true;
	MemoryContextSwitchTo(old);
	if (rc != ANNOT_OK)
		annot_raise_as(&err, "agreement state", NULL, NULL);
	PG_RETURN_POINTER(st);
}

/* ---------------------------------------------------------------------
 * Pair aggregates: cohen_kappa, cohen_kappa_ci, confusion_matrix
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
		read_params(fcinfo, 3, PARAMS_COHEN, &p);
		old = MemoryContextSwitchTo(cxt);
		st = palloc0(sizeof(agree_agg));
		st->pair = annot_agree_pair_create(&p);
		keyconv_init(&st->conv[0], get_fn_expr_argtype(fcinfo->flinfo, 1), cxt);
		st->params_stable = params_are_stable(fcinfo, 3);
		MemoryContextSwitchTo(old);
	}
	else if (!st->params_stable)
	{
		read_params(fcinfo, 3, PARAMS_COHEN, &p);
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
	if (rc != ANNOT_OK)
		annot_raise_as(&err, "agreement aggregate", NULL, NULL);
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
	return serialize_state(fcinfo);
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

static void
pair_result(FunctionCallInfo fcinfo, annot_agree_result *r, agree_agg **st)
{
	annot_err	err;

	(void) agg_context(fcinfo, "cohen_kappa_final");
	*st = (agree_agg *) PG_GETARG_POINTER(0);
	annot_err_init(&err);
	if (annot_agree_cohen((*st)->pair, r, &err) != ANNOT_OK)
		annot_raise_as(&err, "weights", NULL, NULL);
}

PG_FUNCTION_INFO_V1(cohen_kappa_final);
Datum
cohen_kappa_final(PG_FUNCTION_ARGS)
{
	annot_agree_result r;
	agree_agg  *st;

	pair_result(fcinfo, &r, &st);
	if (isnan(r.estimate))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.estimate);
}

PG_FUNCTION_INFO_V1(cohen_kappa_ci_final);
Datum
cohen_kappa_ci_final(PG_FUNCTION_ARGS)
{
	annot_agree_result r;
	agree_agg  *st;

	pair_result(fcinfo, &r, &st);
	PG_RETURN_DATUM(result_datum(fcinfo, &r, st->pair->params.confidence));
}

/* Whether s is a JSON number as the grammar of RFC 8259 has it. */
static bool
is_json_number(const char *s, uint32_t len)
{
	uint32_t	i = 0;
	uint32_t	start;

	if (i < len && s[i] == '-')
		i++;
	if (i >= len || !isdigit((unsigned char) s[i]))
		return false;
	if (s[i] == '0')
		i++;
	else
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
	if (i < len && s[i] == '.')
	{
		start = ++i;
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
		if (i == start)
			return false;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		start = i;
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
		if (i == start)
			return false;
	}
	return i == len;
}

/* A label as JSON: numbers for numeric labels, strings otherwise. */
static void
append_label(StringInfo buf, const annot_agree_dict *d, uint32_t id)
{
	int64_t		i;
	const char *bytes;
	uint32_t	len;

	annot_agree_dict_key(d, id, &i, &bytes, &len);
	if (d->kind == ANNOT_AGREE_KEY_INT)
		appendStringInfo(buf, INT64_FORMAT, (int64) i);
	else if (isfinite(d->values[id]) && is_json_number(bytes, len))
		appendBinaryStringInfo(buf, bytes, len);
	else
		escape_json(buf, pnstrdup(bytes, len));
}

static void
append_number(StringInfo buf, double x)
{
	char		num[ANNOT_DBL_BUFLEN];

	if (isnan(x))
		appendStringInfoString(buf, "null");
	else
	{
		annot_format_double(num, x);
		appendStringInfoString(buf, num);
	}
}

PG_FUNCTION_INFO_V1(confusion_matrix_final);
Datum
confusion_matrix_final(PG_FUNCTION_ARGS)
{
	agree_agg  *st;
	const annot_agree_pair *s;
	uint32_t   *order;
	uint32_t	q;
	uint32_t	i;
	uint32_t	j;
	StringInfoData buf;
	double		n;
	int64		correct = 0;
	double		macro = 0.0;
	double		weighted = 0.0;

	(void) agg_context(fcinfo, "confusion_matrix_final");
	st = (agree_agg *) PG_GETARG_POINTER(0);
	s = st->pair;
	q = s->cats.n;
	n = (double) s->n;
	order = palloc(sizeof(uint32_t) * (q + 1));
	annot_agree_dict_order(&s->cats, order);

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"labels\": [");
	for (i = 0; i < q; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		append_label(&buf, &s->cats, order[i]);
	}
	appendStringInfoString(&buf, "], \"matrix\": [");
	for (i = 0; i < q; i++)
	{
		CHECK_FOR_INTERRUPTS();
		appendStringInfoString(&buf, i > 0 ? ", [" : "[");
		for (j = 0; j < q; j++)
			appendStringInfo(&buf, j > 0 ? ", " INT64_FORMAT : INT64_FORMAT,
							 (int64) s->counts[(size_t) order[i] * s->cap + order[j]]);
		appendStringInfoChar(&buf, ']');
	}
	appendStringInfoString(&buf, "], \"classes\": [");
	for (i = 0; i < q; i++)
	{
		annot_agree_class c;

		annot_agree_class_stats(s, order[i], &c);
		correct += c.tp;
		macro += c.f1;
		weighted += c.f1 * (double) c.support;
		appendStringInfoString(&buf, i > 0 ? ", {\"label\": " : "{\"label\": ");
		append_label(&buf, &s->cats, order[i]);
		appendStringInfo(&buf, ", \"support\": " INT64_FORMAT ", \"predicted\": " INT64_FORMAT
						 ", \"tp\": " INT64_FORMAT ", \"precision\": ",
						 (int64) c.support, (int64) c.predicted, (int64) c.tp);
		append_number(&buf, c.precision);
		appendStringInfoString(&buf, ", \"recall\": ");
		append_number(&buf, c.recall);
		appendStringInfoString(&buf, ", \"f1\": ");
		append_number(&buf, c.f1);
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfo(&buf, "], \"n\": " INT64_FORMAT ", \"accuracy\": ", (int64) s->n);
	append_number(&buf, (double) correct / n);
	appendStringInfoString(&buf, ", \"macro_f1\": ");
	append_number(&buf, macro / q);
	appendStringInfoString(&buf, ", \"weighted_f1\": ");
	append_number(&buf, weighted / n);
	appendStringInfoChar(&buf, '}');
	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(buf.data));
}

/* ---------------------------------------------------------------------
 * Item aggregates: fleiss_kappa, gwet_ac1/ac2, percent_agreement,
 * krippendorff_alpha and their _ci variants
 * --------------------------------------------------------------------- */

static Datum
items_transition(FunctionCallInfo fcinfo, param_kind kind)
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
		read_params(fcinfo, 3, kind, &p);
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
		read_params(fcinfo, 3, kind, &p);
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
	if (rc != ANNOT_OK)
		annot_raise_as(&err, "agreement aggregate", NULL, NULL);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(agree_items_transfn);
Datum
agree_items_transfn(PG_FUNCTION_ARGS)
{
	return items_transition(fcinfo, PARAMS_ITEMS);
}

PG_FUNCTION_INFO_V1(agree_alpha_transfn);
Datum
agree_alpha_transfn(PG_FUNCTION_ARGS)
{
	return items_transition(fcinfo, PARAMS_ALPHA);
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
	return serialize_state(fcinfo);
}

PG_FUNCTION_INFO_V1(agree_items_deserialize);
Datum
agree_items_deserialize(PG_FUNCTION_ARGS)
{
	return deserialize_state(fcinfo, true);
}

typedef annot_status (*items_coef_fn) (const annot_agree_items *,
									   annot_agree_result *, annot_err *);

/* Compute one item coefficient: the estimate, or the composite when ci. */
static Datum
items_final(FunctionCallInfo fcinfo, items_coef_fn fn, bool ci)
{
	agree_agg  *st;
	annot_agree_result r;
	annot_err	err;

	(void) agg_context(fcinfo, "agreement final function");
	st = (agree_agg *) PG_GETARG_POINTER(0);
	annot_err_init(&err);
	if (fn(st->items, &r, &err) != ANNOT_OK)
		annot_raise_as(&err, "weights", NULL, NULL);
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
