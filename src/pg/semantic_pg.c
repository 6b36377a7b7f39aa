/*
 * semantic_pg.c -- semantic segmentation quality as aggregates over pairs
 * of class masks (ground truth, prediction) of one image and class: the
 * pixels both cover, and each one's pixels, summed.  Grouped by class
 * they give per-class IoU; over every class of a set, pixel accuracy; the
 * mean and frequency-weighted IoU follow in SQL.
 */
#include "annot_pg.h"

#include "catalog/pg_type.h"
#include "utils/array.h"

#include "../core/rle_ops.h"
#include "mask_pg.h"

/* The state: float8[3] of intersection, ground-truth and predicted pixels. */
static ArrayType *
state_array(double inter, double gt, double pred)
{
	Datum		d[3] = {Float8GetDatum(inter), Float8GetDatum(gt), Float8GetDatum(pred)};

	return construct_array(d, 3, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

static void
state_values(ArrayType *a, double v[3])
{
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != 3 || ARR_HASNULL(a) ||
		ARR_ELEMTYPE(a) != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid segmentation state"),
				 errdetail("The state is a float8[] of 3 sums without nulls.")));
	memcpy(v, ARR_DATA_PTR(a), 3 * sizeof(double));
}

/*
 * Add one pair: a null mask counts as empty (a class absent from one
 * side); both must have the image's size.
 */
PG_FUNCTION_INFO_V1(segmentation_transfn);
Datum
segmentation_transfn(PG_FUNCTION_ARGS)
{
	double		v[3] = {0, 0, 0};
	annot_mask_datum g,
				p;
	uint64_t	inter = 0;
	annot_err	err;

	if (!PG_ARGISNULL(0))
		state_values(PG_GETARG_ARRAYTYPE_P(0), v);
	if (PG_ARGISNULL(1) && PG_ARGISNULL(2))
		PG_RETURN_ARRAYTYPE_P(state_array(v[0], v[1], v[2]));
	if (!PG_ARGISNULL(1))
		g = PG_GETARG_MASK(1);
	if (!PG_ARGISNULL(2))
		p = PG_GETARG_MASK(2);
	annot_err_init(&err);
	annot_err_about(&err, "segmentation pair", NULL);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		if (annot_mask_check_same_size(g.v.h, g.v.w, p.v.h, p.v.w, &err) != ANNOT_OK ||
			annot_mask_inter_area(&g.v, &p.v, &inter, &err) != ANNOT_OK)
			annot_raise(&err);
	}
	v[0] += (double) inter;
	if (!PG_ARGISNULL(1))
		v[1] += g.v.area;
	if (!PG_ARGISNULL(2))
		v[2] += p.v.area;
	PG_RETURN_ARRAYTYPE_P(state_array(v[0], v[1], v[2]));
}

PG_FUNCTION_INFO_V1(segmentation_combinefn);
Datum
segmentation_combinefn(PG_FUNCTION_ARGS)
{
	double		a[3] = {0, 0, 0},
				b[3] = {0, 0, 0};

	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (!PG_ARGISNULL(0))
		state_values(PG_GETARG_ARRAYTYPE_P(0), a);
	if (!PG_ARGISNULL(1))
		state_values(PG_GETARG_ARRAYTYPE_P(1), b);
	PG_RETURN_ARRAYTYPE_P(state_array(a[0] + b[0], a[1] + b[1], a[2] + b[2]));
}

/* Intersection over union of the sums; null when both sides are empty. */
PG_FUNCTION_INFO_V1(segmentation_iou_final);
Datum
segmentation_iou_final(PG_FUNCTION_ARGS)
{
	double		v[3];
	double		u;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state_values(PG_GETARG_ARRAYTYPE_P(0), v);
	u = v[1] + v[2] - v[0];
	if (!(u > 0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v[0] / u);
}

/* Correct pixels over ground-truth pixels; null without ground truth. */
PG_FUNCTION_INFO_V1(segmentation_accuracy_final);
Datum
segmentation_accuracy_final(PG_FUNCTION_ARGS)
{
	double		v[3];

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state_values(PG_GETARG_ARRAYTYPE_P(0), v);
	if (!(v[1] > 0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v[0] / v[1]);
}
