/*
 * coco_io_pg.c -- COCO JSON in and out: a document's annotations, images
 * and categories as rows, and annot types as COCO result and annotation
 * objects (jsonb_agg of them is a results list or a dataset's
 * "annotations" that pycocotools loads back unchanged).
 */
#include "cocoeval_pg.h"

#include <math.h>

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "../core/bbox.h"
#include "../core/poly.h"
#include "../core/rle_json.h"
#include "keypoints_pg.h"
#include "mask_pg.h"
#include "poly_pg.h"

#define PG_GETARG_BBOX(n) ((annot_bbox *) PG_GETARG_POINTER(n))

/* Prefix a failure with the annotation it is about, then raise it. */
static void
raise_about(annot_err *err, size_t index, const annot_coco_ann *a)
{
	char		inner[ANNOT_MSG_LEN];

	memcpy(inner, err->detail, sizeof(inner));
	annot_err_about(err, "COCO JSON", NULL);
	if (a->flags & ANNOT_COCO_HAS_ID)
		annot_fail(err, err->status == ANNOT_ESYNTAX ? ANNOT_EPARAM : err->status, -1,
				   "In annotation %zu (id %lld), \"segmentation\": %.200s",
				   index + 1, (long long) a->id, inner);
	else
		annot_fail(err, err->status == ANNOT_ESYNTAX ? ANNOT_EPARAM : err->status, -1,
				   "In annotation %zu, \"segmentation\": %.200s", index + 1, inner);
	annot_raise(err);
}

/* A polygon segmentation as an annot.poly value. */
static Datum
poly_datum(const annot_coco_ann *a, size_t index)
{
	annot_rings_buf buf;
	annot_rings r;
	annot_err	err;
	const double *xy = a->xy;
	annot_poly *p;
	size_t		size;

	annot_err_init(&err);
	annot_rings_buf_init(&buf);
	for (uint32_t ring = 0; ring < a->nrings; ring++)
	{
		for (uint32_t k = 0; k < a->npts[ring]; k++, xy += 2)
			if (annot_rings_buf_add_point(&buf, xy[0], xy[1], &err) != ANNOT_OK)
				raise_about(&err, index, a);
		if (annot_rings_buf_end_ring(&buf, &err) != ANNOT_OK)
			raise_about(&err, index, a);
	}
	r = annot_rings_buf_view(&buf);
	if (annot_rings_validate(&r, ANNOT_EPARAM, &err) != ANNOT_OK)
		raise_about(&err, index, a);
	size = annot_poly_size(r.nrings, r.npoints);
	p = palloc0(size);
	SET_VARSIZE(p, size);
	if (annot_poly_build(&r, p, &err) != ANNOT_OK)
		raise_about(&err, index, a);
	annot_rings_buf_free(&buf);
	return PointerGetDatum(p);
}

/* An RLE segmentation as an annot.mask value. */
static Datum
mask_datum(const annot_coco_ann *a, size_t index)
{
	annot_ivals m;
	annot_err	err;
	annot_status st;

	annot_err_init(&err);
	if (a->seg == ANNOT_SEG_RLE_STRING)
		st = annot_mask_from_coco_string(a->counts, a->counts_len, a->rle_h, a->rle_w,
										 ANNOT_EPARAM, &m, &err);
	else
	{
		annot_mask_builder b;

		st = annot_mask_builder_init(&b, &m, a->rle_h, a->rle_w, ANNOT_EPARAM, &err);
		for (size_t i = 0; st == ANNOT_OK && i < a->ncounts; i++)
		{
			if (a->xy[i] != floor(a->xy[i]) || fabs(a->xy[i]) > 4e9)
				st = annot_fail(&err, ANNOT_EPARAM, -1, "RLE counts must be integers.");
			else
				st = annot_mask_builder_add(&b, (int64_t) a->xy[i], &err);
		}
		if (st == ANNOT_OK)
			st = annot_mask_builder_finish(&b, &err);
	}
	if (st != ANNOT_OK)
		raise_about(&err, index, a);
	return PointerGetDatum(annot_mask_to_datum(&m));
}

/*
 * annot.coco_annotations(doc): one row per annotation of a dataset or a
 * results list, with its geometry as annot types.
 */
PG_FUNCTION_INFO_V1(coco_annotations);
Datum
coco_annotations(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_coco_doc doc;

	annot_coco_doc_from_jsonb(PG_GETARG_JSONB_P(0), "COCO JSON",
							  ANNOT_COCO_READ_ALL, &doc);
	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < doc.nanns; i++)
	{
		const annot_coco_ann *a = &doc.anns[i];
		Datum		values[14];
		bool		nulls[14];
		const char *name = NULL;

		CHECK_FOR_INTERRUPTS();
		memset(nulls, true, sizeof(nulls));
		values[0] = Int32GetDatum((int32) (i + 1));
		nulls[0] = false;
		if (a->flags & ANNOT_COCO_HAS_ID)
			values[1] = Int64GetDatum(a->id), nulls[1] = false;
		values[2] = Int64GetDatum(a->image_id);
		nulls[2] = false;
		if (a->flags & ANNOT_COCO_HAS_CATEGORY)
		{
			values[3] = Int64GetDatum(a->category_id);
			nulls[3] = false;
			for (size_t k = 0; k < doc.ncats && name == NULL; k++)
				if (doc.cats[k].id == a->category_id)
					name = doc.cats[k].name;
			if (name)
				values[4] = CStringGetTextDatum(name), nulls[4] = false;
		}
		values[5] = BoolGetDatum(a->iscrowd);
		nulls[5] = false;
		if (a->flags & ANNOT_COCO_HAS_AREA)
			values[6] = Float8GetDatum(a->area), nulls[6] = false;
		if (a->flags & ANNOT_COCO_HAS_SCORE)
			values[7] = Float8GetDatum(a->score), nulls[7] = false;
		if (a->flags & ANNOT_COCO_HAS_BBOX)
		{
			annot_bbox *b = palloc(sizeof(annot_bbox));
			annot_err	err;

			annot_err_init(&err);
			annot_err_about(&err, "COCO JSON", NULL);
			if (annot_bbox_from_xywh(a->bbox[0], a->bbox[1], a->bbox[2], a->bbox[3],
									 b, &err) != ANNOT_OK)
			{
				char		inner[ANNOT_MSG_LEN];

				memcpy(inner, err.detail, sizeof(inner));
				annot_fail(&err, ANNOT_EPARAM, -1, "In annotation %zu, \"bbox\": %.200s",
						   i + 1, inner);
				annot_raise(&err);
			}
			values[8] = PointerGetDatum(b);
			nulls[8] = false;
		}
		if (a->seg == ANNOT_SEG_POLY)
			values[9] = poly_datum(a, i), nulls[9] = false;
		else if (a->seg == ANNOT_SEG_RLE_STRING || a->seg == ANNOT_SEG_RLE_COUNTS)
			values[10] = mask_datum(a, i), nulls[10] = false;
		if (a->nkp > 0)
		{
			annot_err	err;

			annot_err_init(&err);
			annot_err_about(&err, "COCO JSON", NULL);
			if (annot_kpts_validate(a->kp, a->nkp, ANNOT_EPARAM, &err) != ANNOT_OK)
				annot_raise(&err);
			values[11] = PointerGetDatum(annot_kpts_make(a->kp, a->nkp));
			nulls[11] = false;
		}
		if (a->flags & ANNOT_COCO_HAS_NUMKP)
			values[12] = Int32GetDatum((int32) a->num_keypoints), nulls[12] = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	annot_coco_doc_free(&doc);
	return (Datum) 0;
}

/* annot.coco_images(doc): the images of a dataset */
PG_FUNCTION_INFO_V1(coco_images);
Datum
coco_images(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_coco_doc doc;

	annot_coco_doc_from_jsonb(PG_GETARG_JSONB_P(0), "COCO JSON", 0, &doc);
	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < doc.nimages; i++)
	{
		const annot_coco_image *im = &doc.images[i];
		Datum		values[4];
		bool		nulls[4] = {false, true, true, true};

		values[0] = Int64GetDatum(im->id);
		if (im->file_name)
			values[1] = CStringGetTextDatum(im->file_name), nulls[1] = false;
		if (im->height >= 0)
			values[2] = Int64GetDatum(im->height), nulls[2] = false;
		if (im->width >= 0)
			values[3] = Int64GetDatum(im->width), nulls[3] = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	annot_coco_doc_free(&doc);
	return (Datum) 0;
}

/* annot.coco_categories(doc): the categories of a dataset */
PG_FUNCTION_INFO_V1(coco_categories);
Datum
coco_categories(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	annot_coco_doc doc;

	annot_coco_doc_from_jsonb(PG_GETARG_JSONB_P(0), "COCO JSON", 0, &doc);
	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < doc.ncats; i++)
	{
		const annot_coco_category *c = &doc.cats[i];
		Datum		values[3];
		bool		nulls[3] = {false, true, true};

		values[0] = Int64GetDatum(c->id);
		if (c->name)
			values[1] = CStringGetTextDatum(c->name), nulls[1] = false;
		if (c->supercategory)
			values[2] = CStringGetTextDatum(c->supercategory), nulls[2] = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	annot_coco_doc_free(&doc);
	return (Datum) 0;
}

/* Out: one result object {"image_id", "category_id", <geometry>, "score"} */

static void
append_number(StringInfo buf, double x)
{
	char		num[ANNOT_DBL_BUFLEN];

	annot_format_double(num, x);
	appendStringInfoString(buf, num);
}

/* The object's common fields around the geometry's key and JSON text. */
static Datum
result_object(FunctionCallInfo fcinfo, const char *key, const char *geometry)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"image_id\": " INT64_FORMAT ", \"category_id\": " INT64_FORMAT ", \"%s\": %s",
					 PG_GETARG_INT64(0), PG_GETARG_INT64(1), key, geometry);
	if (!PG_ARGISNULL(3))
	{
		appendStringInfoString(&buf, ", \"score\": ");
		append_number(&buf, PG_GETARG_FLOAT8(3));
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(buf.data));
}

/* COCO's [x, y, width, height] of a box, reading back to the same box. */
static char *
bbox_xywh_text(const annot_bbox *b)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	append_number(&buf, b->x1);
	appendStringInfoString(&buf, ", ");
	append_number(&buf, b->y1);
	appendStringInfoString(&buf, ", ");
	append_number(&buf, annot_bbox_coco_extent(b->x1, b->x2));
	appendStringInfoString(&buf, ", ");
	append_number(&buf, annot_bbox_coco_extent(b->y1, b->y2));
	appendStringInfoChar(&buf, ']');
	return buf.data;
}

static bool
result_args_null(FunctionCallInfo fcinfo)
{
	return PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2);
}

PG_FUNCTION_INFO_V1(coco_result_bbox);
Datum
coco_result_bbox(PG_FUNCTION_ARGS)
{
	if (result_args_null(fcinfo))
		PG_RETURN_NULL();
	return result_object(fcinfo, "bbox", bbox_xywh_text(PG_GETARG_BBOX(2)));
}

PG_FUNCTION_INFO_V1(coco_result_poly);
Datum
coco_result_poly(PG_FUNCTION_ARGS)
{
	annot_poly *p;
	annot_rings r;
	char	   *text;

	if (result_args_null(fcinfo))
		PG_RETURN_NULL();
	p = PG_GETARG_POLY_P(2);
	r = annot_poly_rings(p);
	text = palloc(annot_poly_text_size(&r));
	annot_poly_format(&r, text);
	return result_object(fcinfo, "segmentation", text);
}

PG_FUNCTION_INFO_V1(coco_result_mask);
Datum
coco_result_mask(PG_FUNCTION_ARGS)
{
	annot_mask_datum m;
	char	   *text;
	Datum		d;

	if (result_args_null(fcinfo))
		PG_RETURN_NULL();
	m = PG_GETARG_MASK(2);
	text = annot_mask_view_text(&m.v, NULL);
	if (text == NULL)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	d = result_object(fcinfo, "segmentation", text);
	annot_free(text);
	return d;
}

PG_FUNCTION_INFO_V1(coco_result_keypoints);
Datum
coco_result_keypoints(PG_FUNCTION_ARGS)
{
	annot_kpts *k;
	char	   *text;

	if (result_args_null(fcinfo))
		PG_RETURN_NULL();
	k = PG_GETARG_KEYPOINTS_P(2);
	text = palloc(annot_kpts_text_size(k));
	annot_kpts_format(k, text);
	return result_object(fcinfo, "keypoints", text);
}
