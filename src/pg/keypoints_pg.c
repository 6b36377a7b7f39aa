/*
 * keypoints_pg.c -- SQL interface of annot.keypoints: I/O, conversions,
 * accessors, order and hashing, and object keypoint similarity.
 */
#include "keypoints_pg.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "../core/bbox.h"

#define PG_GETARG_BBOX(n) ((annot_bbox *) PG_GETARG_POINTER(n))

annot_kpts *
annot_kpts_from_datum(Datum d)
{
	annot_kpts *k = (annot_kpts *) PG_DETOAST_DATUM(d);
	annot_err	err;

	annot_err_init(&err);
	if (annot_kpts_check(k, VARSIZE(k), &err) != ANNOT_OK)
		annot_raise(&err);
	return k;
}

annot_kpts *
annot_kpts_make(const double *xyv, size_t nnum)
{
	size_t		size = annot_kpts_size((int32_t) (nnum / 3));
	annot_kpts *k = palloc0(size);

	SET_VARSIZE(k, size);
	annot_kpts_build(xyv, nnum, k);
	return k;
}

/* The numbers of a parsed literal as a new value; frees them. */
static annot_kpts *
kpts_from_numbers(double *xyv, size_t nnum)
{
	annot_kpts *k = annot_kpts_make(xyv, nnum);

	annot_free(xyv);
	return k;
}

PG_FUNCTION_INFO_V1(keypoints_in);
Datum
keypoints_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	double	   *xyv;
	size_t		nnum;
	annot_err	err;

	annot_err_init(&err);
	if (annot_kpts_parse(str, ANNOT_ESYNTAX, &xyv, &nnum, &err) != ANNOT_OK)
	{
		annot_report(&err, ANNOT_ESCONTEXT(fcinfo));
		PG_RETURN_NULL();
	}
	PG_RETURN_KEYPOINTS_P(kpts_from_numbers(xyv, nnum));
}

static char *
kpts_text(const annot_kpts *k)
{
	char	   *out = palloc(annot_kpts_text_size(k));

	annot_kpts_format(k, out);
	return out;
}

PG_FUNCTION_INFO_V1(keypoints_out);
Datum
keypoints_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(kpts_text(PG_GETARG_KEYPOINTS_P(0)));
}

PG_FUNCTION_INFO_V1(keypoints_recv);
Datum
keypoints_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	double	   *xyv;
	size_t		nnum;
	annot_err	err;

	annot_err_init(&err);
	if (annot_kpts_recv((const uint8_t *) msg->data + msg->cursor,
						(size_t) (msg->len - msg->cursor), &xyv, &nnum,
						&err) != ANNOT_OK)
		annot_raise(&err);
	msg->cursor = msg->len;
	PG_RETURN_KEYPOINTS_P(kpts_from_numbers(xyv, nnum));
}

PG_FUNCTION_INFO_V1(keypoints_send);
Datum
keypoints_send(PG_FUNCTION_ARGS)
{
	annot_kpts *k = PG_GETARG_KEYPOINTS_P(0);
	size_t		size = annot_kpts_send_size(k);
	bytea	   *out = palloc(VARHDRSZ + size);

	SET_VARSIZE(out, VARHDRSZ + size);
	annot_kpts_send(k, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/* annot.keypoints(jsonb): COCO's flat list [x1,y1,v1,...] */
PG_FUNCTION_INFO_V1(keypoints_from_jsonb);
Datum
keypoints_from_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	char	   *text;
	double	   *xyv;
	size_t		nnum;
	annot_err	err;

	/*
	 * jsonb keeps numbers as written, so the type's own parser converts each
	 * to the nearest double as float8in would.
	 */
	text = JsonbToCString(NULL, &jb->root, VARSIZE(jb));
	annot_err_init(&err);
	if (annot_kpts_parse(text, ANNOT_EPARAM, &xyv, &nnum, &err) != ANNOT_OK)
	{
		err.subject = "COCO keypoints";
		err.literal = NULL;
		annot_raise(&err);
	}
	PG_RETURN_KEYPOINTS_P(kpts_from_numbers(xyv, nnum));
}

/* annot.keypoints(float8[]): the same flat list as an array */
PG_FUNCTION_INFO_V1(keypoints_from_array);
Datum
keypoints_from_array(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	double	   *xyv;
	annot_err	err;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid keypoints"),
				 errdetail("The array must have one dimension.")));
	deconstruct_array(a, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	xyv = palloc(sizeof(double) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("invalid keypoints"),
					 errdetail("Element %d of the array is null.", i + 1)));
		xyv[i] = DatumGetFloat8(elems[i]);
	}
	annot_err_init(&err);
	annot_err_about(&err, "keypoints", NULL);
	if (annot_kpts_validate(xyv, (size_t) n, ANNOT_EPARAM, &err) != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_KEYPOINTS_P(annot_kpts_make(xyv, (size_t) n));
}

PG_FUNCTION_INFO_V1(keypoints_to_coco);
Datum
keypoints_to_coco(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(kpts_text(PG_GETARG_KEYPOINTS_P(0))));
}

/* annot.to_array(keypoints): the flat list as float8[] */
PG_FUNCTION_INFO_V1(keypoints_to_array);
Datum
keypoints_to_array(PG_FUNCTION_ARGS)
{
	annot_kpts *k = PG_GETARG_KEYPOINTS_P(0);
	int			n = 3 * k->npoints;
	Datum	   *elems = palloc(sizeof(Datum) * n);

	for (int i = 0; i < n; i++)
		elems[i] = Float8GetDatum(k->xyv[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, FLOAT8OID, 8,
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

PG_FUNCTION_INFO_V1(keypoints_npoints);
Datum
keypoints_npoints(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_KEYPOINTS_P(0)->npoints);
}

PG_FUNCTION_INFO_V1(keypoints_num_keypoints);
Datum
keypoints_num_keypoints(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_KEYPOINTS_P(0)->labelled);
}

PG_FUNCTION_INFO_V1(keypoints_to_bbox);
Datum
keypoints_to_bbox(PG_FUNCTION_ARGS)
{
	annot_kpts *k = PG_GETARG_KEYPOINTS_P(0);
	annot_bbox *b = palloc(sizeof(annot_bbox));

	if (!annot_kpts_bbox(k, b))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(b);
}

static int
kpts_cmp_args(FunctionCallInfo fcinfo)
{
	return annot_kpts_cmp(PG_GETARG_KEYPOINTS_P(0), PG_GETARG_KEYPOINTS_P(1));
}

PG_FUNCTION_INFO_V1(keypoints_eq);
Datum
keypoints_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpts_cmp_args(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(keypoints_ne);
Datum
keypoints_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpts_cmp_args(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(keypoints_lt);
Datum
keypoints_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpts_cmp_args(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(keypoints_le);
Datum
keypoints_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpts_cmp_args(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(keypoints_gt);
Datum
keypoints_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpts_cmp_args(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(keypoints_ge);
Datum
keypoints_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kpts_cmp_args(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(keypoints_cmp);
Datum
keypoints_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(kpts_cmp_args(fcinfo));
}

PG_FUNCTION_INFO_V1(keypoints_hash);
Datum
keypoints_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) annot_kpts_hash(PG_GETARG_KEYPOINTS_P(0), 0));
}

PG_FUNCTION_INFO_V1(keypoints_hash_extended);
Datum
keypoints_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) annot_kpts_hash(PG_GETARG_KEYPOINTS_P(0),
											(uint64_t) PG_GETARG_INT64(1)));
}

const double *
annot_sigmas_arg(ArrayType *a, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	double	   *s;
	annot_err	err;

	if (a == NULL)
	{
		*n = ANNOT_KPTS_COCO_NSIGMAS;
		return annot_kpts_coco_sigmas;
	}
	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid keypoint sigmas"),
				 errdetail("The array must have one dimension.")));
	deconstruct_array(a, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, n);
	s = palloc(sizeof(double) * Max(*n, 1));
	for (int i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("invalid keypoint sigmas"),
					 errdetail("Sigma %d is null.", i + 1)));
		s[i] = DatumGetFloat8(elems[i]);
	}
	annot_err_init(&err);
	if (annot_kpts_check_sigmas(s, *n, &err) != ANNOT_OK)
		annot_raise(&err);
	return s;
}

/*
 * annot.oks(dt, gt, area, sigmas DEFAULT NULL, gt_box DEFAULT NULL):
 * null when dt, gt or area is null.
 */
PG_FUNCTION_INFO_V1(oks);
Datum
oks(PG_FUNCTION_ARGS)
{
	annot_kpts *dt,
			   *gt;
	const double *sigmas;
	int			nsigmas;
	double		result;
	annot_err	err;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	dt = PG_GETARG_KEYPOINTS_P(0);
	gt = PG_GETARG_KEYPOINTS_P(1);
	sigmas = annot_sigmas_arg(PG_ARGISNULL(3) ? NULL : PG_GETARG_ARRAYTYPE_P(3),
						&nsigmas);
	annot_err_init(&err);
	if (annot_kpts_oks(dt, gt, PG_GETARG_FLOAT8(2), sigmas, nsigmas,
					   PG_ARGISNULL(4) ? NULL : PG_GETARG_BBOX(4),
					   &result, &err) != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_FLOAT8(result);
}
