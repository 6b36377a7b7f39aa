/*
 * match_pg.c -- SQL interface of object sets (annot.objects: type I/O, the
 * annot.objects(...) aggregates) and of annot.match.
 */
#include "match_pg.h"

#include <math.h>

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "keypoints_pg.h"

annot_objset *
annot_objset_from_datum(Datum d)
{
	annot_objset *s = (annot_objset *) PG_DETOAST_DATUM(d);
	annot_err	err;

	annot_err_init(&err);
	if (annot_objset_check(s, VARSIZE(s), ANNOT_ECORRUPT, &err) != ANNOT_OK)
		annot_raise(&err);
	return s;
}

annot_objset *
annot_objset_from_builder(const annot_objset_builder *b)
{
	size_t		size = annot_objset_builder_size(b);
	annot_objset *s = palloc(size);

	SET_VARSIZE(s, size);
	annot_objset_builder_write(b, s);
	return s;
}

annot_objset *
annot_objset_empty(void)
{
	annot_objset_builder b;

	annot_objset_builder_init(&b);
	return annot_objset_from_builder(&b);
}

Oid
annot_obj_kind_type(FunctionCallInfo fcinfo, int kind)
{
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	Oid			typ;

	typ = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
						  CStringGetDatum(annot_obj_kind_name(kind)),
						  ObjectIdGetDatum(nsp));
	if (!OidIsValid(typ))
		elog(ERROR, "type %s not found in the extension's schema",
			 annot_obj_kind_name(kind));
	return typ;
}

/* Text form: a JSON array of objects, each shape in its type's text form */

static void
append_json_string(StringInfo buf, const char *s, int len)
{
	char	   *c = pnstrdup(s, len);

	escape_json(buf, c);
	pfree(c);
}

PG_FUNCTION_INFO_V1(objects_out);
Datum
objects_out(PG_FUNCTION_ARGS)
{
	annot_objset *s = PG_GETARG_OBJECTS_P(0);
	const uint8_t *data = annot_objset_data(s);
	StringInfoData buf;
	Oid			outfn = InvalidOid;
	bool		isvarlena;
	const char *key = annot_obj_kind_name(s->kind);

	if (s->n > 0)
		getTypeOutputInfo(annot_obj_kind_type(fcinfo, s->kind), &outfn, &isvarlena);
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	for (uint32_t i = 0; i < s->n; i++)
	{
		const annot_obj_rec *r = &s->rec[i];
		char		num[ANNOT_DBL_BUFLEN];
		char	   *shape;

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfo(&buf, "{\"image_id\": " INT64_FORMAT ", \"id\": " INT64_FORMAT ", \"label\": ",
						 r->image_id, r->id);
		if (r->label_len == UINT32_MAX)
			appendStringInfoString(&buf, "null");
		else
			append_json_string(&buf, (const char *) data + r->label_off, r->label_len);
		appendStringInfo(&buf, ", \"%s\": ", key);
		shape = OidOutputFunctionCall(outfn, PointerGetDatum(data + r->shape_off));
		if (s->kind == ANNOT_OBJ_BBOX)
			escape_json(&buf, shape);
		else
			appendStringInfoString(&buf, shape);
		if (!isnan(r->score))
		{
			annot_format_double(num, r->score);
			appendStringInfo(&buf, ", \"score\": %s", num);
		}
		if (r->flags & ANNOT_OBJ_CROWD)
			appendStringInfoString(&buf, ", \"iscrowd\": true");
		if (!isnan(r->area))
		{
			annot_format_double(num, r->area);
			appendStringInfo(&buf, ", \"area\": %s", num);
		}
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfoChar(&buf, ']');
	PG_RETURN_CSTRING(buf.data);
}

/* The text of a jsonb scalar: a string as is, anything else printed. */
static char *
jsonb_scalar_text(JsonbValue *v)
{
	if (v->type == jbvString)
		return pnstrdup(v->val.string.val, v->val.string.len);
	if (v->type == jbvNumeric)
		return DatumGetCString(DirectFunctionCall1(numeric_out,
												   NumericGetDatum(v->val.numeric)));
	return NULL;
}

static void
objects_in_fail(const char *literal, Node *escontext, const char *fmt, int index)
{
	annot_err	err;

	annot_err_init(&err);
	annot_err_about(&err, "objects", literal);
	annot_fail(&err, ANNOT_ESYNTAX, -1, fmt, index);
	annot_report(&err, escontext);
}

/*
 * Text input: the text output's JSON.  The JSON envelope is read with
 * PostgreSQL's own jsonb parser; every shape goes through its type's input
 * function, so it is checked as a literal of that type is.
 */
PG_FUNCTION_INFO_V1(objects_in);
Datum
objects_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = ANNOT_ESCONTEXT(fcinfo);
	Jsonb	   *jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(str)));
	annot_objset_builder b;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			index = 0;

	if (!JB_ROOT_IS_ARRAY(jb) || JB_ROOT_IS_SCALAR(jb))
	{
		objects_in_fail(str, escontext, "Objects are a JSON array of objects.", 0);
		PG_RETURN_NULL();
	}
	annot_objset_builder_init(&b);
	it = JsonbIteratorInit(&jb->root);
	tok = JsonbIteratorNext(&it, &v, true);	/* the array */
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_END_ARRAY && tok != WJB_DONE)
	{
		Jsonb	   *obj;
		JsonbValue *f;
		int64		image_id,
					id;
		char	   *label = NULL;
		double		score = NAN,
					area = NAN;
		bool		crowd = false;
		int			kind = 0;
		Datum		shape = (Datum) 0;
		annot_err	err;
		static const char *const keys[] = {"bbox", "poly", "mask", "keypoints"};
		int			nkeys = 0;

		index++;
		if (tok != WJB_ELEM || v.type != jbvBinary)
		{
			objects_in_fail(str, escontext, "Element %d is not a JSON object.", index);
			PG_RETURN_NULL();
		}
		obj = JsonbValueToJsonb(&v);
		if (!JB_ROOT_IS_OBJECT(obj))
		{
			objects_in_fail(str, escontext, "Element %d is not a JSON object.", index);
			PG_RETURN_NULL();
		}
		f = getKeyJsonValueFromContainer(&obj->root, "image_id", 8, NULL);
		if (f == NULL || f->type != jbvNumeric)
		{
			objects_in_fail(str, escontext, "Object %d needs a numeric \"image_id\".", index);
			PG_RETURN_NULL();
		}
		image_id = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(f->val.numeric)));
		f = getKeyJsonValueFromContainer(&obj->root, "id", 2, NULL);
		if (f == NULL || f->type != jbvNumeric)
		{
			objects_in_fail(str, escontext, "Object %d needs a numeric \"id\".", index);
			PG_RETURN_NULL();
		}
		id = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(f->val.numeric)));
		f = getKeyJsonValueFromContainer(&obj->root, "label", 5, NULL);
		if (f != NULL && f->type != jbvNull)
		{
			if (f->type != jbvString)
			{
				objects_in_fail(str, escontext, "The \"label\" of object %d is not a string.", index);
				PG_RETURN_NULL();
			}
			label = pnstrdup(f->val.string.val, f->val.string.len);
		}
		f = getKeyJsonValueFromContainer(&obj->root, "score", 5, NULL);
		if (f != NULL)
		{
			if (f->type != jbvNumeric)
			{
				objects_in_fail(str, escontext, "The \"score\" of object %d is not a number.", index);
				PG_RETURN_NULL();
			}
			score = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(f->val.numeric)));
		}
		f = getKeyJsonValueFromContainer(&obj->root, "area", 4, NULL);
		if (f != NULL)
		{
			if (f->type != jbvNumeric)
			{
				objects_in_fail(str, escontext, "The \"area\" of object %d is not a number.", index);
				PG_RETURN_NULL();
			}
			area = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(f->val.numeric)));
		}
		f = getKeyJsonValueFromContainer(&obj->root, "iscrowd", 7, NULL);
		if (f != NULL)
		{
			if (f->type != jbvBool)
			{
				objects_in_fail(str, escontext, "The \"iscrowd\" of object %d is not a boolean.", index);
				PG_RETURN_NULL();
			}
			crowd = f->val.boolean;
		}
		for (int k = 0; k < 4; k++)
		{
			char	   *text;
			Oid			infn,
						ioparam;

			f = getKeyJsonValueFromContainer(&obj->root, keys[k], strlen(keys[k]), NULL);
			if (f == NULL)
				continue;
			nkeys++;
			kind = k + 1;
			if (f->type == jbvBinary)
				text = JsonbToCString(NULL, f->val.binary.data, f->val.binary.len);
			else
				text = jsonb_scalar_text(f);
			if (text == NULL)
			{
				objects_in_fail(str, escontext, "The shape of object %d is not valid.", index);
				PG_RETURN_NULL();
			}
			getTypeInputInfo(annot_obj_kind_type(fcinfo, kind), &infn, &ioparam);
			shape = OidInputFunctionCall(infn, text, ioparam, -1);
		}
		if (nkeys != 1)
		{
			objects_in_fail(str, escontext,
							"Object %d needs exactly one of \"bbox\", \"poly\", \"mask\" and \"keypoints\".",
							index);
			PG_RETURN_NULL();
		}
		annot_err_init(&err);
		{
			const void *p;
			size_t		len;

			if (kind == ANNOT_OBJ_BBOX)
			{
				p = DatumGetPointer(shape);
				len = sizeof(annot_bbox);
			}
			else
			{
				struct varlena *vl = PG_DETOAST_DATUM(shape);

				p = vl;
				len = VARSIZE(vl);
			}
			if (annot_objset_builder_add(&b, kind, image_id, id, label,
										 label ? strlen(label) : 0, p, len,
										 score, crowd, area, &err) != ANNOT_OK)
			{
				err.literal = str;
				err.status = err.status == ANNOT_EPARAM ? ANNOT_ESYNTAX : err.status;
				annot_report(&err, escontext);
				PG_RETURN_NULL();
			}
		}
	}
	PG_RETURN_OBJECTS_P(annot_objset_from_builder(&b));
}

PG_FUNCTION_INFO_V1(objects_send);
Datum
objects_send(PG_FUNCTION_ARGS)
{
	annot_objset *s = PG_GETARG_OBJECTS_P(0);
	size_t		len = VARSIZE(s) - VARHDRSZ;
	bytea	   *out = palloc(VARHDRSZ + len);

	/* the stored form after its length word, in the server's byte order */
	SET_VARSIZE(out, VARHDRSZ + len);
	memcpy(VARDATA(out), (char *) s + VARHDRSZ, len);
	PG_RETURN_BYTEA_P(out);
}

/* A stored set from len bytes of its form after the length word. */
static annot_objset *
objset_from_bytes(const char *p, size_t len, annot_status on_error)
{
	annot_objset *s;
	annot_err	err;

	if (len > ANNOT_OBJSET_MAX_BYTES)
	{
		annot_err_init(&err);
		annot_err_about(&err, "objects", NULL);
		annot_fail(&err, ANNOT_ELIMIT, -1, "An object set holds at most 1 GB.");
		annot_raise(&err);
	}
	s = palloc(VARHDRSZ + len);
	SET_VARSIZE(s, VARHDRSZ + len);
	memcpy((char *) s + VARHDRSZ, p, len);
	annot_err_init(&err);
	if (annot_objset_check(s, VARHDRSZ + len, on_error, &err) != ANNOT_OK)
		annot_raise(&err);
	return s;
}

PG_FUNCTION_INFO_V1(objects_recv);
Datum
objects_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	annot_objset *s;

	s = objset_from_bytes(msg->data + msg->cursor, msg->len - msg->cursor,
						  ANNOT_EBINARY);
	msg->cursor = msg->len;
	PG_RETURN_OBJECTS_P(s);
}

PG_FUNCTION_INFO_V1(objects_count);
Datum
objects_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_OBJECTS_P(0)->n);
}

PG_FUNCTION_INFO_V1(objects_kind);
Datum
objects_kind(PG_FUNCTION_ARGS)
{
	annot_objset *s = PG_GETARG_OBJECTS_P(0);

	if (s->kind == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(annot_obj_kind_name(s->kind)));
}

/* Aggregates: annot.objects(image_id, id, label, shape [, score [, iscrowd, area]]) */

static annot_objset_builder *
objects_state(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;
	annot_objset_builder *b;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "objects aggregate called in non-aggregate context");
	if (!PG_ARGISNULL(0))
		return (annot_objset_builder *) PG_GETARG_POINTER(0);
	b = MemoryContextAllocZero(aggcxt, sizeof(annot_objset_builder));
	annot_objset_builder_init(b);
	return b;
}

/*
 * Add the row's object; the builder's arrays grow in the aggregate's
 * memory context (annot_realloc keeps the context of the block it grows).
 */
static Datum
objects_add(FunctionCallInfo fcinfo, int kind)
{
	annot_objset_builder *b = objects_state(fcinfo);
	MemoryContext aggcxt;
	MemoryContext old;
	int			nargs = PG_NARGS();
	const void *shape;
	size_t		shape_len;
	text	   *label = NULL;
	double		score = NAN,
				area = NAN;
	bool		crowd = false;
	annot_err	err;
	annot_status st;

	/* a row without a shape holds no object */
	if (PG_ARGISNULL(4))
		PG_RETURN_POINTER(b);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("image_id and id of an object must not be null")));
	if (kind == ANNOT_OBJ_BBOX)
	{
		shape = PG_GETARG_POINTER(4);
		shape_len = sizeof(annot_bbox);
	}
	else
	{
		struct varlena *vl = PG_DETOAST_DATUM(PG_GETARG_DATUM(4));

		shape = vl;
		shape_len = VARSIZE(vl);
		if (kind == ANNOT_OBJ_KEYPOINTS)
			(void) DatumGetKeypointsP(PointerGetDatum(vl));
	}
	if (!PG_ARGISNULL(3))
		label = PG_GETARG_TEXT_PP(3);
	if (nargs > 5 && !PG_ARGISNULL(5))
		score = PG_GETARG_FLOAT8(5);
	if (nargs > 6 && !PG_ARGISNULL(6))
		crowd = PG_GETARG_BOOL(6);
	if (nargs > 7 && !PG_ARGISNULL(7))
		area = PG_GETARG_FLOAT8(7);

	AggCheckCallContext(fcinfo, &aggcxt);
	old = MemoryContextSwitchTo(aggcxt);
	annot_err_init(&err);
	st = annot_objset_builder_add(b, kind, PG_GETARG_INT64(1), PG_GETARG_INT64(2),
								  label ? VARDATA_ANY(label) : NULL,
								  label ? VARSIZE_ANY_EXHDR(label) : 0,
								  shape, shape_len, score, crowd, area, &err);
	MemoryContextSwitchTo(old);
	if (st != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_POINTER(b);
}

PG_FUNCTION_INFO_V1(objects_bbox_transfn);
Datum
objects_bbox_transfn(PG_FUNCTION_ARGS)
{
	return objects_add(fcinfo, ANNOT_OBJ_BBOX);
}

PG_FUNCTION_INFO_V1(objects_poly_transfn);
Datum
objects_poly_transfn(PG_FUNCTION_ARGS)
{
	return objects_add(fcinfo, ANNOT_OBJ_POLY);
}

PG_FUNCTION_INFO_V1(objects_mask_transfn);
Datum
objects_mask_transfn(PG_FUNCTION_ARGS)
{
	return objects_add(fcinfo, ANNOT_OBJ_MASK);
}

PG_FUNCTION_INFO_V1(objects_keypoints_transfn);
Datum
objects_keypoints_transfn(PG_FUNCTION_ARGS)
{
	return objects_add(fcinfo, ANNOT_OBJ_KEYPOINTS);
}

/* Append the second state to a copy of the first; never changes the second. */
PG_FUNCTION_INFO_V1(objects_combinefn);
Datum
objects_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	MemoryContext old;
	annot_objset_builder *a;
	annot_objset_builder *b;
	annot_objset *flat;
	annot_err	err;
	annot_status st;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "objects_combinefn called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	b = (annot_objset_builder *) PG_GETARG_POINTER(1);
	old = MemoryContextSwitchTo(aggcxt);
	if (PG_ARGISNULL(0))
	{
		a = palloc(sizeof(annot_objset_builder));
		annot_objset_builder_init(a);
	}
	else
		a = (annot_objset_builder *) PG_GETARG_POINTER(0);
	flat = annot_objset_from_builder(b);
	annot_err_init(&err);
	st = annot_objset_builder_append(a, flat, &err);
	pfree(flat);
	MemoryContextSwitchTo(old);
	if (st != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(objects_serialfn);
Datum
objects_serialfn(PG_FUNCTION_ARGS)
{
	annot_objset_builder *b = (annot_objset_builder *) PG_GETARG_POINTER(0);

	/* the stored form is a valid bytea: a length word and bytes */
	PG_RETURN_BYTEA_P((bytea *) annot_objset_from_builder(b));
}

PG_FUNCTION_INFO_V1(objects_deserialfn);
Datum
objects_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *raw = PG_GETARG_BYTEA_PP(0);
	MemoryContext aggcxt;
	MemoryContext old;
	annot_objset *s;
	annot_objset_builder *b;
	annot_err	err;
	annot_status st;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "objects_deserialfn called in non-aggregate context");
	s = objset_from_bytes(VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw), ANNOT_EBINARY);
	old = MemoryContextSwitchTo(aggcxt);
	b = palloc(sizeof(annot_objset_builder));
	annot_objset_builder_init(b);
	annot_err_init(&err);
	st = annot_objset_builder_append(b, s, &err);
	MemoryContextSwitchTo(old);
	if (st != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_POINTER(b);
}

PG_FUNCTION_INFO_V1(objects_finalfn);
Datum
objects_finalfn(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_OBJECTS_P(annot_objset_empty());
	PG_RETURN_OBJECTS_P(annot_objset_from_builder((annot_objset_builder *) PG_GETARG_POINTER(0)));
}

/* annot.match */

/* The label of record r as text, or NULL. */
static Datum
label_datum(const annot_objset *s, const annot_obj_rec *r, bool *isnull)
{
	*isnull = r->label_len == UINT32_MAX;
	if (*isnull)
		return (Datum) 0;
	return PointerGetDatum(cstring_to_text_with_len((const char *) annot_objset_data(s) + r->label_off,
													r->label_len));
}

/*
 * annot.match(gt, dt, iou_threshold, method, class_aware, background,
 * sigmas): one row per matched pair or unmatched object.  A null set is an
 * empty one.
 */
PG_FUNCTION_INFO_V1(match);
Datum
match(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_objset *gt = PG_ARGISNULL(0) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(0);
	annot_objset *dt = PG_ARGISNULL(1) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(1);
	annot_match_opts opts;
	annot_match_row *rows;
	size_t		nrows;
	annot_err	err;
	char	   *method;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4) || PG_ARGISNULL(5))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("matching options must not be null")));
	opts.iou_threshold = PG_GETARG_FLOAT8(2);
	method = text_to_cstring(PG_GETARG_TEXT_PP(3));
	if (strcmp(method, "greedy") == 0)
		opts.optimal = false;
	else if (strcmp(method, "optimal") == 0)
		opts.optimal = true;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid matching method \"%s\"", method),
				 errhint("Use 'greedy' (COCO's order) or 'optimal' (Hungarian).")));
	opts.class_aware = PG_GETARG_BOOL(4);
	opts.background = PG_GETARG_FLOAT8(5);
	if (PG_ARGISNULL(6))
	{
		opts.sigmas = NULL;
		opts.nsigmas = 0;
	}
	else
	{
		int			n;

		opts.sigmas = annot_sigmas_arg(PG_GETARG_ARRAYTYPE_P(6), &n);
		opts.nsigmas = n;
	}

	annot_err_init(&err);
	if (annot_match_sets(gt, dt, &opts, &rows, &nrows, &err) != ANNOT_OK)
		annot_raise(&err);

	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < nrows; i++)
	{
		const annot_match_row *r = &rows[i];
		const annot_obj_rec *g = r->gt >= 0 ? &gt->rec[r->gt] : NULL;
		const annot_obj_rec *d = r->dt >= 0 ? &dt->rec[r->dt] : NULL;
		Datum		values[8];
		bool		nulls[8] = {0};

		values[0] = Int64GetDatum(r->image_id);
		nulls[1] = g == NULL;
		values[1] = g ? Int64GetDatum(g->id) : (Datum) 0;
		nulls[2] = d == NULL;
		values[2] = d ? Int64GetDatum(d->id) : (Datum) 0;
		if (g)
			values[3] = label_datum(gt, g, &nulls[3]);
		else
			nulls[3] = true;
		if (d)
			values[4] = label_datum(dt, d, &nulls[4]);
		else
			nulls[4] = true;
		nulls[5] = isnan(r->iou);
		values[5] = Float8GetDatum(r->iou);
		nulls[6] = d == NULL || isnan(d->score);
		values[6] = d ? Float8GetDatum(d->score) : (Datum) 0;
		values[7] = PointerGetDatum(cstring_to_text(annot_outcome_name(r->outcome)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * annot.voc_ap(gt, dt, iou_threshold, inclusive): Pascal VOC AP per label,
 * 11-point and all-point.
 */
PG_FUNCTION_INFO_V1(voc_ap);
Datum
voc_ap(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_objset *gt = PG_ARGISNULL(0) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(0);
	annot_objset *dt = PG_ARGISNULL(1) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(1);
	annot_voc_row *rows;
	size_t		nrows;
	annot_err	err;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("iou_threshold and inclusive must not be null")));
	annot_err_init(&err);
	if (annot_voc_ap(gt, dt, PG_GETARG_FLOAT8(2), PG_GETARG_BOOL(3),
					 &rows, &nrows, &err) != ANNOT_OK)
		annot_raise(&err);
	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < nrows; i++)
	{
		const annot_voc_row *r = &rows[i];
		Datum		values[6];
		bool		nulls[6] = {0};

		values[0] = label_datum(r->set, r->gt_label, &nulls[0]);
		values[1] = Int64GetDatum((int64) r->npos);
		values[2] = Int64GetDatum((int64) r->ndet);
		values[3] = Int64GetDatum((int64) r->tp);
		nulls[4] = nulls[5] = isnan(r->ap11);
		values[4] = Float8GetDatum(r->ap11);
		values[5] = Float8GetDatum(r->apall);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	annot_free(rows);
	return (Datum) 0;
}

/*
 * annot.panoptic_quality(gt, pred): PQ, SQ, RQ and counts per label, then
 * a row with a null label for the mean over labels with any count (as
 * panopticapi's pq_average).
 */
PG_FUNCTION_INFO_V1(panoptic_quality);
Datum
panoptic_quality(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_objset *gt = PG_ARGISNULL(0) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(0);
	annot_objset *pred = PG_ARGISNULL(1) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(1);
	annot_pq_row *rows;
	size_t		nrows;
	annot_err	err;
	double		pq = 0,
				sq = 0,
				rq = 0;
	int64		n = 0,
				tp = 0,
				fp = 0,
				fn = 0;

	annot_err_init(&err);
	if (annot_panoptic_quality(gt, pred, &rows, &nrows, &err) != ANNOT_OK)
		annot_raise(&err);
	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i <= nrows; i++)
	{
		Datum		values[7];
		bool		nulls[7] = {0};

		if (i < nrows)
		{
			const annot_pq_row *r = &rows[i];
			double		denom = r->tp + 0.5 * r->fp + 0.5 * r->fn;
			double		cpq = 0,
						csq = 0,
						crq = 0;

			if (r->tp + r->fp + r->fn > 0)
			{
				cpq = r->iou_sum / denom;
				csq = r->tp ? r->iou_sum / r->tp : 0;
				crq = r->tp / denom;
				pq += cpq;
				sq += csq;
				rq += crq;
				n++;
			}
			tp += r->tp;
			fp += r->fp;
			fn += r->fn;
			values[0] = label_datum(r->set, r->label, &nulls[0]);
			values[1] = Float8GetDatum(cpq);
			values[2] = Float8GetDatum(csq);
			values[3] = Float8GetDatum(crq);
			values[4] = Int64GetDatum(r->tp);
			values[5] = Int64GetDatum(r->fp);
			values[6] = Int64GetDatum(r->fn);
		}
		else
		{
			nulls[0] = true;
			nulls[1] = nulls[2] = nulls[3] = n == 0;
			values[1] = Float8GetDatum(n ? pq / n : 0);
			values[2] = Float8GetDatum(n ? sq / n : 0);
			values[3] = Float8GetDatum(n ? rq / n : 0);
			values[4] = Int64GetDatum(tp);
			values[5] = Int64GetDatum(fp);
			values[6] = Int64GetDatum(fn);
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	annot_free(rows);
	return (Datum) 0;
}

/*
 * annot.tide(gt, dt, iou_threshold, background): TIDE's AP and the AP
 * gained by fixing each error type, as rows.
 */
PG_FUNCTION_INFO_V1(tide);
Datum
tide(PG_FUNCTION_ARGS)
{
	static const char *const names[ANNOT_TIDE_NROWS] = {
		"AP", "classification", "localization", "both", "duplicate",
		"background", "missed"
	};
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_objset *gt = PG_ARGISNULL(0) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(0);
	annot_objset *dt = PG_ARGISNULL(1) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(1);
	annot_match_opts opts = {0};
	double		out[ANNOT_TIDE_NROWS];
	annot_err	err;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("iou_threshold and background must not be null")));
	opts.iou_threshold = PG_GETARG_FLOAT8(2);
	opts.background = PG_GETARG_FLOAT8(3);
	opts.class_aware = true;
	annot_err_init(&err);
	if (annot_tide(gt, dt, &opts, out, &err) != ANNOT_OK)
		annot_raise(&err);
	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < ANNOT_TIDE_NROWS; k++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, isnan(out[k])};

		values[0] = CStringGetTextDatum(names[k]);
		values[1] = Float8GetDatum(out[k]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
