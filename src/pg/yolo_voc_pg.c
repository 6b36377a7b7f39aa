/*
 * yolo_voc_pg.c -- YOLO label files and Pascal VOC annotation XML in and
 * out.
 */
#include "annot_pg.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "../core/voc_xml.h"
#include "../core/yolo.h"

#define PG_GETARG_BBOX(n) ((annot_bbox *) PG_GETARG_POINTER(n))

static Datum
bbox_datum(const annot_bbox *b)
{
	annot_bbox *out = palloc(sizeof(annot_bbox));

	*out = *b;
	return PointerGetDatum(out);
}

/* annot.yolo_boxes(labels, width, height): one row per line of a YOLO file */
PG_FUNCTION_INFO_V1(yolo_boxes);
Datum
yolo_boxes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *labels = PG_GETARG_TEXT_PP(0);
	annot_yolo_row *rows;
	size_t		n;
	annot_err	err;

	annot_err_init(&err);
	if (annot_yolo_parse(VARDATA_ANY(labels), VARSIZE_ANY_EXHDR(labels),
						 PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
						 &rows, &n, &err) != ANNOT_OK)
	{
		if (err.status == ANNOT_ESYNTAX)
			err.status = ANNOT_EPARAM;
		annot_raise(&err);
	}
	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < n; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, isnan(rows[i].score)};

		values[0] = Int32GetDatum(rows[i].line);
		values[1] = Int64GetDatum(rows[i].cls);
		values[2] = bbox_datum(&rows[i].box);
		values[3] = Float8GetDatum(rows[i].score);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	annot_free(rows);
	return (Datum) 0;
}

/* annot.to_yolo(class, box, width, height [, score]): one YOLO line */
PG_FUNCTION_INFO_V1(to_yolo);
Datum
to_yolo(PG_FUNCTION_ARGS)
{
	char		buf[ANNOT_YOLO_LINELEN];
	double		w,
				h;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	w = PG_GETARG_FLOAT8(2);
	h = PG_GETARG_FLOAT8(3);
	if (PG_GETARG_INT64(0) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid YOLO class"),
				 errdetail("YOLO classes are integers >= 0.")));
	if (!(isfinite(w) && w > 0 && isfinite(h) && h > 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid image size"),
				 errdetail("The image width and height must be positive.")));
	annot_yolo_format(PG_GETARG_INT64(0), PG_GETARG_BBOX(1), w, h,
					  PG_ARGISNULL(4) ? NAN : PG_GETARG_FLOAT8(4), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* annot.voc_objects(xml): the image and one row per object of a VOC file */
PG_FUNCTION_INFO_V1(voc_objects);
Datum
voc_objects(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *xml = PG_GETARG_TEXT_PP(0);
	annot_voc_doc doc;
	annot_err	err;

	annot_err_init(&err);
	if (annot_voc_read(VARDATA_ANY(xml), VARSIZE_ANY_EXHDR(xml), &doc, &err) != ANNOT_OK)
	{
		if (err.status == ANNOT_ESYNTAX)
			err.status = ANNOT_EPARAM;
		annot_raise(&err);
	}
	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < doc.nobjects; i++)
	{
		const annot_voc_object *o = &doc.objects[i];
		Datum		values[9];
		bool		nulls[9] = {0};

		nulls[0] = doc.filename == NULL;
		values[0] = doc.filename ? CStringGetTextDatum(doc.filename) : (Datum) 0;
		nulls[1] = doc.width < 0;
		values[1] = Int64GetDatum(doc.width);
		nulls[2] = doc.height < 0;
		values[2] = Int64GetDatum(doc.height);
		values[3] = Int32GetDatum((int32) i + 1);
		values[4] = CStringGetTextDatum(o->name);
		nulls[5] = o->pose == NULL;
		values[5] = o->pose ? CStringGetTextDatum(o->pose) : (Datum) 0;
		nulls[6] = o->truncated < 0;
		values[6] = BoolGetDatum(o->truncated == 1);
		nulls[7] = o->difficult < 0;
		values[7] = BoolGetDatum(o->difficult == 1);
		values[8] = bbox_datum(&o->box);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	annot_voc_doc_free(&doc);
	return (Datum) 0;
}

static void
append_escaped(StringInfo buf, const char *s)
{
	char	   *e = palloc(6 * strlen(s) + 1);

	annot_xml_escape(s, strlen(s), e);
	appendStringInfoString(buf, e);
	pfree(e);
}

static void
append_number(StringInfo buf, double v)
{
	char		num[ANNOT_DBL_BUFLEN];

	annot_format_double(num, v);
	appendStringInfoString(buf, num);
}

/*
 * annot.to_voc_xml(filename, width, height, names, boxes [, difficult]):
 * a VOC annotation file with one object per array element.
 */
PG_FUNCTION_INFO_V1(to_voc_xml);
Datum
to_voc_xml(PG_FUNCTION_ARGS)
{
	Datum	   *names,
			   *boxes,
			   *diff = NULL;
	bool	   *nn,
			   *nb,
			   *nd = NULL;
	int			n,
				m,
				k = 0;
	StringInfoData buf;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(3), TEXTOID, -1, false, TYPALIGN_INT, &names, &nn, &n);
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(4), ARR_ELEMTYPE(PG_GETARG_ARRAYTYPE_P(4)),
					  sizeof(annot_bbox), false, TYPALIGN_DOUBLE, &boxes, &nb, &m);
	if (!PG_ARGISNULL(5))
		deconstruct_array(PG_GETARG_ARRAYTYPE_P(5), BOOLOID, 1, true, TYPALIGN_CHAR, &diff, &nd, &k);
	if (n != m || (!PG_ARGISNULL(5) && k != n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid VOC objects"),
				 errdetail("names, boxes and difficult flags must have one element per object.")));
	initStringInfo(&buf);
	appendStringInfoString(&buf, "<annotation>\n\t<filename>");
	append_escaped(&buf, text_to_cstring(PG_GETARG_TEXT_PP(0)));
	appendStringInfo(&buf, "</filename>\n\t<size>\n\t\t<width>%d</width>\n\t\t<height>%d</height>\n\t\t<depth>3</depth>\n\t</size>\n",
					 PG_GETARG_INT32(1), PG_GETARG_INT32(2));
	for (int i = 0; i < n; i++)
	{
		const annot_bbox *b;

		if (nn[i] || nb[i] || (nd && nd[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("invalid VOC objects"),
					 errdetail("Object %d has a null name, box or flag.", i + 1)));
		b = (const annot_bbox *) DatumGetPointer(boxes[i]);
		appendStringInfoString(&buf, "\t<object>\n\t\t<name>");
		append_escaped(&buf, TextDatumGetCString(names[i]));
		appendStringInfo(&buf, "</name>\n\t\t<difficult>%d</difficult>\n\t\t<bndbox>\n\t\t\t<xmin>",
						 diff && DatumGetBool(diff[i]) ? 1 : 0);
		append_number(&buf, b->x1);
		appendStringInfoString(&buf, "</xmin>\n\t\t\t<ymin>");
		append_number(&buf, b->y1);
		appendStringInfoString(&buf, "</ymin>\n\t\t\t<xmax>");
		append_number(&buf, b->x2);
		appendStringInfoString(&buf, "</xmax>\n\t\t\t<ymax>");
		append_number(&buf, b->y2);
		appendStringInfoString(&buf, "</ymax>\n\t\t</bndbox>\n\t</object>\n");
	}
	appendStringInfoString(&buf, "</annotation>\n");
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}
