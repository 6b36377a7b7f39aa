/*
 * cocoeval_pg.c -- SQL interface of COCO evaluation: annot.coco_eval and
 * its per-category and precision-recall rows, from COCO JSON.
 */
#include "cocoeval_pg.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "../core/cocoeval.h"
#include "../core/match.h"
#include "keypoints_pg.h"
#include "match_pg.h"

void
annot_coco_doc_from_jsonb(Jsonb *jb, const char *what, unsigned fields,
						  annot_coco_doc *doc)
{
	StringInfoData buf;
	annot_err	err;

	/* jsonb prints numbers as written, so each reads back to the same double */
	initStringInfo(&buf);
	(void) JsonbToCString(&buf, &jb->root, VARSIZE(jb));
	annot_err_init(&err);
	if (annot_coco_read(buf.data, buf.len, ANNOT_EPARAM, fields, doc, &err) != ANNOT_OK)
	{
		err.subject = what;
		annot_raise(&err);
	}
	pfree(buf.data);
}

/* float8[] argument as a C array (n elements), no nulls. */
static double *
float8_array(ArrayType *a, int *n, const char *what)
{
	Datum	   *elems;
	bool	   *nulls;
	double	   *out;

	deconstruct_array(a, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, n);
	out = palloc(sizeof(double) * Max(*n, 1));
	for (int i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain nulls", what)));
		out[i] = DatumGetFloat8(elems[i]);
	}
	return out;
}

static void
param_error(const char *fmt, const char *arg)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid COCO evaluation parameter"),
			 errdetail(fmt, arg)));
}

/*
 * The evaluation's parameters from arguments 2.. of coco_eval and its
 * siblings: iou_type, iou_thresholds, max_dets, area_ranges, use_cats,
 * compat, sigmas.
 */
static void
eval_params(FunctionCallInfo fcinfo, annot_eval_params *p, int inferred)
{
	char	   *type;
	annot_eval_type t;

	if ((inferred < 0 && PG_ARGISNULL(2)) || PG_ARGISNULL(6) || PG_ARGISNULL(7))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("iou_type, use_cats and compat must not be null")));
	type = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));
	if (type == NULL)
		t = (annot_eval_type) inferred;
	else if (strcmp(type, "bbox") == 0)
		t = ANNOT_EVAL_BBOX;
	else if (strcmp(type, "segm") == 0)
		t = ANNOT_EVAL_SEGM;
	else if (strcmp(type, "keypoints") == 0)
		t = ANNOT_EVAL_KEYPOINTS;
	else
	{
		param_error("iou_type \"%s\" is not one of bbox, segm and keypoints.", type);
		return;
	}
	if (inferred >= 0 && (int) t != inferred)
		param_error("iou_type \"%s\" does not fit the objects' geometry (bbox objects are evaluated as bbox, masks as segm, keypoints as keypoints).",
					type);
	annot_eval_default_params(t, p);
	if (!PG_ARGISNULL(3))
	{
		int			n;
		double	   *v = float8_array(PG_GETARG_ARRAYTYPE_P(3), &n, "iou_thresholds");

		if (n < 1 || n > ANNOT_EVAL_MAX_THRS)
			param_error("%s", "Between 1 and 1000 IoU thresholds are needed.");
		p->niou = n;
		memcpy(p->iou_thrs, v, sizeof(double) * n);
	}
	if (!PG_ARGISNULL(4))
	{
		ArrayType  *a = PG_GETARG_ARRAYTYPE_P(4);
		Datum	   *elems;
		bool	   *nulls;
		int			n;

		deconstruct_array(a, INT4OID, 4, true, TYPALIGN_INT, &elems, &nulls, &n);
		if (n < 1 || n > ANNOT_EVAL_MAX_MAXDETS)
			param_error("%s", "Between 1 and 100 max_dets are needed.");
		p->nmaxdets = n;
		for (int i = 0; i < n; i++)
		{
			if (nulls[i])
				param_error("%s", "max_dets must not contain nulls.");
			p->maxdets[i] = DatumGetInt32(elems[i]);
		}
	}
	if (!PG_ARGISNULL(5))
	{
		int			n;
		double	   *v = float8_array(PG_GETARG_ARRAYTYPE_P(5), &n, "area_ranges");

		if (n != 2 * p->narea)
			param_error("area_ranges must be %s pairs [low, high]: all, small, medium and large (all, medium and large for keypoints).",
						p->narea == 4 ? "4" : "3");
		for (int a = 0; a < p->narea; a++)
		{
			p->area_rng[a][0] = v[2 * a];
			p->area_rng[a][1] = v[2 * a + 1];
		}
	}
	p->use_cats = PG_GETARG_BOOL(6);
	{
		char	   *compat = text_to_cstring(PG_GETARG_TEXT_PP(7));

		if (strcmp(compat, "pycocotools") == 0)
			p->corrected = false;
		else if (strcmp(compat, "corrected") == 0)
			p->corrected = true;
		else
			param_error("compat \"%s\" is not one of pycocotools and corrected.", compat);
	}
	if (!PG_ARGISNULL(8))
	{
		int			n;

		p->sigmas = annot_sigmas_arg(PG_GETARG_ARRAYTYPE_P(8), &n);
		p->nsigmas = n;
	}
}

/* Run the evaluation of the call's arguments. */
static void
run_eval(FunctionCallInfo fcinfo, annot_eval_params *p, annot_eval_result *res)
{
	annot_coco_doc gt,
				dt;
	annot_err	err;
	annot_status st;
	unsigned	fields;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("ground truth and results must not be null")));
	eval_params(fcinfo, p, -1);
	fields = p->type == ANNOT_EVAL_SEGM ? ANNOT_COCO_READ_SEGM :
		p->type == ANNOT_EVAL_KEYPOINTS ? ANNOT_COCO_READ_KEYPOINTS : 0;
	annot_coco_doc_from_jsonb(PG_GETARG_JSONB_P(0), "COCO ground truth", fields, &gt);
	if (gt.is_list)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid COCO ground truth"),
				 errdetail("The ground truth is a dataset object with \"images\", \"annotations\" and \"categories\", not a list.")));
	/* results evaluated as boxes may be segm results: loadRes needs their masks */
	annot_coco_doc_from_jsonb(PG_GETARG_JSONB_P(1), "COCO results",
							  fields | (p->type == ANNOT_EVAL_BBOX ? ANNOT_COCO_READ_SEGM : 0),
							  &dt);
	annot_err_init(&err);
	st = annot_cocoeval(&gt, &dt, p, res, &err);
	annot_coco_doc_free(&gt);
	annot_coco_doc_free(&dt);
	if (st != ANNOT_OK)
		annot_raise(&err);
}

/* Evaluate object sets (arguments 0 and 1) with the call's parameters. */
static void
run_eval_objects(FunctionCallInfo fcinfo, annot_eval_params *p,
				 annot_eval_result *res)
{
	annot_objset *gt = PG_ARGISNULL(0) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(0);
	annot_objset *dt = PG_ARGISNULL(1) ? annot_objset_empty() : PG_GETARG_OBJECTS_P(1);
	annot_coco_doc gdoc,
				ddoc;
	annot_eval_type type;
	annot_err	err;
	annot_status st;

	annot_err_init(&err);
	if (annot_objsets_to_coco(gt, dt, &type, &gdoc, &ddoc, &err) != ANNOT_OK)
		annot_raise(&err);
	eval_params(fcinfo, p, (int) type);
	st = annot_cocoeval(&gdoc, &ddoc, p, res, &err);
	annot_coco_doc_free(&gdoc);
	annot_coco_doc_free(&ddoc);
	if (st != ANNOT_OK)
		annot_raise(&err);
}

/* The summary statistics of res as the rows of the call. */
static void
stats_rows(FunctionCallInfo fcinfo, const annot_eval_result *res)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < res->nstats; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = CStringGetTextDatum(res->stat_names[i]);
		values[1] = Float8GetDatum(res->stats[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/*
 * annot.coco_eval(gt annot.objects, dt annot.objects, ...): the same
 * evaluation over tables; null sets are empty.
 */
PG_FUNCTION_INFO_V1(coco_eval_objects);
Datum
coco_eval_objects(PG_FUNCTION_ARGS)
{
	annot_eval_params p;
	annot_eval_result res;

	run_eval_objects(fcinfo, &p, &res);
	stats_rows(fcinfo, &res);
	annot_eval_result_free(&res);
	return (Datum) 0;
}

/* annot.coco_eval(gt, dt, iou_type, ...): the summary statistics as rows */
PG_FUNCTION_INFO_V1(coco_eval);
Datum
coco_eval(PG_FUNCTION_ARGS)
{
	annot_eval_params p;
	annot_eval_result res;

	run_eval(fcinfo, &p, &res);
	stats_rows(fcinfo, &res);
	annot_eval_result_free(&res);
	return (Datum) 0;
}

/*
 * annot.coco_eval_categories(...): per category, IoU threshold, area range
 * and maxDets, AP (mean precision over the recall thresholds, -1 when
 * undefined) and recall, as accumulate() leaves them.
 */
PG_FUNCTION_INFO_V1(coco_eval_categories);
Datum
coco_eval_categories(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_eval_params p;
	annot_eval_result res;
	double		vals[ANNOT_EVAL_NREC];

	run_eval(fcinfo, &p, &res);
	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < res.K; k++)
		for (int a = 0; a < res.A; a++)
			for (int m = 0; m < res.M; m++)
				for (int t = 0; t < res.T; t++)
				{
					Datum		values[6];
					bool		nulls[6] = {0};
					int			n = 0;

					for (int r = 0; r < res.R; r++)
						if (ANNOT_EVAL_P(&res, t, r, k, a, m) > -1)
							vals[n++] = ANNOT_EVAL_P(&res, t, r, k, a, m);
					values[0] = Int64GetDatum(res.cat_ids[k]);
					nulls[0] = !p.use_cats;
					values[1] = Float8GetDatum(p.iou_thrs[t]);
					values[2] = CStringGetTextDatum(annot_eval_area_label(&p, a));
					values[3] = Int32GetDatum((int32) p.maxdets[m]);
					values[4] = Float8GetDatum(n ? annot_np_sum(vals, n) / n : -1);
					values[5] = Float8GetDatum(ANNOT_EVAL_RC(&res, t, k, a, m));
					tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
				}
	annot_eval_result_free(&res);
	return (Datum) 0;
}

/*
 * annot.coco_pr_curve(...): the interpolated precision at each of the 101
 * recall thresholds, with the score reached there, per category, IoU
 * threshold, area range and maxDets.
 */
PG_FUNCTION_INFO_V1(coco_pr_curve);
Datum
coco_pr_curve(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_eval_params p;
	annot_eval_result res;
	double		rec[ANNOT_EVAL_NREC];

	run_eval(fcinfo, &p, &res);
	annot_np_linspace(0, 1, ANNOT_EVAL_NREC, rec);
	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < res.K; k++)
		for (int a = 0; a < res.A; a++)
			for (int m = 0; m < res.M; m++)
				for (int t = 0; t < res.T; t++)
					for (int r = 0; r < res.R; r++)
					{
						Datum		values[7];
						bool		nulls[7] = {0};
						double		pr = ANNOT_EVAL_P(&res, t, r, k, a, m);

						if (pr <= -1)
							continue;
						values[0] = Int64GetDatum(res.cat_ids[k]);
						nulls[0] = !p.use_cats;
						values[1] = Float8GetDatum(p.iou_thrs[t]);
						values[2] = CStringGetTextDatum(annot_eval_area_label(&p, a));
						values[3] = Int32GetDatum((int32) p.maxdets[m]);
						values[4] = Float8GetDatum(rec[r]);
						values[5] = Float8GetDatum(pr);
						values[6] = Float8GetDatum(ANNOT_EVAL_S(&res, t, r, k, a, m));
						tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
					}
	annot_eval_result_free(&res);
	return (Datum) 0;
}
