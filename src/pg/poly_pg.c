/*
 * poly_pg.c -- SQL interface of annot.poly: I/O, conversions, accessors,
 * region measures against polys and boxes, validity, equality and hashing.
 */
#include "poly_pg.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/geo_decls.h"
#include "utils/jsonb.h"

#include "../core/bbox.h"
#include "../core/wkb.h"

#define PG_GETARG_BBOX(n) ((annot_bbox *) PG_GETARG_POINTER(n))

/* Longest piece of a literal quoted in an error message. */

annot_poly *
annot_poly_from_datum(Datum d)
{
	annot_poly *p = (annot_poly *) PG_DETOAST_DATUM(d);
	annot_err	err;

	annot_err_init(&err);
	if (annot_poly_check(p, VARSIZE(p), &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	return p;
}

/* Serialize rings (already validated) into a new poly varlena. */
static annot_poly *
poly_from_rings(const annot_rings *r)
{
	size_t		size = annot_poly_size(r->nrings, r->npoints);
	annot_poly *p = palloc0(size);
	annot_err	err;

	SET_VARSIZE(p, size);
	annot_err_init(&err);
	if (annot_poly_build(r, p, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	return p;
}

/* Serialize the rings of a decoder's buffer and free it. */
static annot_poly *
poly_from_buf(annot_rings_buf *buf)
{
	annot_rings r = annot_rings_buf_view(buf);
	annot_poly *p = poly_from_rings(&r);

	annot_rings_buf_free(buf);
	return p;
}

PG_FUNCTION_INFO_V1(poly_in);
Datum
poly_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	annot_rings_buf buf;
	annot_err	err;

	annot_err_init(&err);
	if (annot_poly_parse(str, ANNOT_ESYNTAX, &buf, &err) != ANNOT_OK)
	{
		annot_raise_as(&err, "poly", str, ANNOT_ESCONTEXT(fcinfo));
		PG_RETURN_NULL();
	}
	PG_RETURN_POLY_P(poly_from_buf(&buf));
}

/* The text form, which is also COCO's JSON. */
static char *
poly_text(const annot_poly *p)
{
	annot_rings r = annot_poly_rings(p);
	char	   *out = palloc(annot_poly_text_size(&r));

	annot_poly_format(&r, out);
	return out;
}

PG_FUNCTION_INFO_V1(poly_out);
Datum
poly_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(poly_text(PG_GETARG_POLY_P(0)));
}

PG_FUNCTION_INFO_V1(poly_recv);
Datum
poly_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	annot_rings_buf buf;
	annot_err	err;

	annot_err_init(&err);
	if (annot_poly_recv((const uint8_t *) msg->data + msg->cursor,
						(size_t) (msg->len - msg->cursor), &buf, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	msg->cursor = msg->len;
	PG_RETURN_POLY_P(poly_from_buf(&buf));
}

PG_FUNCTION_INFO_V1(poly_send);
Datum
poly_send(PG_FUNCTION_ARGS)
{
	annot_poly *p = PG_GETARG_POLY_P(0);
	annot_rings r = annot_poly_rings(p);
	size_t		size = annot_poly_send_size(&r);
	bytea	   *out = palloc(VARHDRSZ + size);

	SET_VARSIZE(out, VARHDRSZ + size);
	annot_poly_send(&r, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/* annot.poly(jsonb): COCO's segmentation list [[x1,y1,x2,y2,...],...] */
PG_FUNCTION_INFO_V1(poly_from_jsonb);
Datum
poly_from_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	annot_rings_buf buf;
	annot_err	err;
	char	   *text;

	if (JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid COCO polygon"),
				 errdetail("A COCO polygon is a list of rings [[x1,y1,x2,y2,...],...]; an object is an RLE mask.")));

	/*
	 * jsonb prints its numbers exactly as written, so reading the text with
	 * the type's own parser converts each one to the nearest double, as
	 * float8in would, and gives the same messages.
	 */
	text = JsonbToCString(NULL, &jb->root, VARSIZE(jb));
	annot_err_init(&err);
	if (annot_poly_parse(text, ANNOT_EPARAM, &buf, &err) != ANNOT_OK)
		annot_raise_as(&err, "COCO polygon", NULL, NULL);
	PG_RETURN_POLY_P(poly_from_buf(&buf));
}

PG_FUNCTION_INFO_V1(poly_to_coco);
Datum
poly_to_coco(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(poly_text(PG_GETARG_POLY_P(0))));
}

/* annot.poly(polygon): PostgreSQL's polygon, one ring */
PG_FUNCTION_INFO_V1(poly_from_polygon);
Datum
poly_from_polygon(PG_FUNCTION_ARGS)
{
	POLYGON    *pg = PG_GETARG_POLYGON_P(0);
	annot_rings_buf buf;
	annot_rings r;
	annot_err	err;
	int32		i;

	annot_err_init(&err);
	annot_rings_buf_init(&buf);
	for (i = 0; i < pg->npts; i++)
		if (annot_rings_buf_add_point(&buf, pg->p[i].x, pg->p[i].y, &err) != ANNOT_OK)
			annot_raise_as(&err, "poly", NULL, NULL);
	if (annot_rings_buf_end_ring(&buf, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	r = annot_rings_buf_view(&buf);
	if (annot_rings_validate(&r, ANNOT_EPARAM, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	PG_RETURN_POLY_P(poly_from_buf(&buf));
}

/* annot.poly_from_wkb(bytea): a WKB or EWKB Polygon or MultiPolygon */
PG_FUNCTION_INFO_V1(poly_from_wkb);
Datum
poly_from_wkb(PG_FUNCTION_ARGS)
{
	bytea	   *wkb = PG_GETARG_BYTEA_PP(0);
	annot_rings_buf buf;
	annot_err	err;

	annot_err_init(&err);
	if (annot_poly_from_wkb((const uint8_t *) VARDATA_ANY(wkb),
							VARSIZE_ANY_EXHDR(wkb), &buf, &err) != ANNOT_OK)
		annot_raise_as(&err, "WKB", NULL, NULL);
	PG_RETURN_POLY_P(poly_from_buf(&buf));
}

/* annot.to_wkb(poly): the region as a valid OGC MultiPolygon */
PG_FUNCTION_INFO_V1(poly_to_wkb);
Datum
poly_to_wkb(PG_FUNCTION_ARGS)
{
	annot_poly *p = PG_GETARG_POLY_P(0);
	annot_rings r = annot_poly_rings(p);
	annot_rings_buf out;
	int32_t    *polygon;
	int32_t    *npts;
	annot_err	err;
	size_t		size;
	bytea	   *result;
	int32		i;

	annot_err_init(&err);
	if (annot_rings_outline(&r, &out, &polygon, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	npts = palloc(sizeof(int32_t) * (out.nrings + 1));
	for (i = 0; i < out.nrings; i++)
		npts[i] = out.end[i] - (i == 0 ? 0 : out.end[i - 1]);
	size = annot_wkb_multipolygon_size(out.nrings, npts, polygon);
	result = palloc(VARHDRSZ + size);
	SET_VARSIZE(result, VARHDRSZ + size);
	annot_wkb_write_multipolygon((uint8_t *) VARDATA(result), out.nrings,
								 npts, polygon, out.xy);
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(poly_to_bbox);
Datum
poly_to_bbox(PG_FUNCTION_ARGS)
{
	annot_poly *p = PG_GETARG_POLY_P(0);
	annot_bbox *b = palloc(sizeof(annot_bbox));

	*b = p->bbox;
	PG_RETURN_POINTER(b);
}

PG_FUNCTION_INFO_V1(poly_from_bbox);
Datum
poly_from_bbox(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX(0);
	int32_t		end;
	double		xy[8];
	annot_rings r;
	annot_err	err;

	annot_bbox_ring(b, &end, xy);
	r.nrings = 1;
	r.npoints = 4;
	r.end = &end;
	r.xy = xy;
	annot_err_init(&err);
	if (annot_rings_validate(&r, ANNOT_EPARAM, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	PG_RETURN_POLY_P(poly_from_rings(&r));
}

/* Accessors */

#define POLY_FN(name, type, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	annot_poly *p = PG_GETARG_POLY_P(0); \
	PG_RETURN_##type(expr); \
}

POLY_FN(poly_area, FLOAT8, p->area)
POLY_FN(poly_coco_area, FLOAT8, p->coco_area)
POLY_FN(poly_num_rings, INT32, annot_poly_nrings(p))
POLY_FN(poly_num_points, INT32, annot_poly_npoints(p))

PG_FUNCTION_INFO_V1(poly_centroid);
Datum
poly_centroid(PG_FUNCTION_ARGS)
{
	annot_poly *p = PG_GETARG_POLY_P(0);
	annot_rings r = annot_poly_rings(p);
	Point	   *pt = palloc(sizeof(Point));
	bool		found;
	annot_err	err;

	annot_err_init(&err);
	if (annot_rings_centroid(&r, &pt->x, &pt->y, &found, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	if (!found)
		PG_RETURN_NULL();
	PG_RETURN_POINT_P(pt);
}

/* Region measures between polys and boxes */

/* One side of a region measure: a poly or a box seen as a ring. */
typedef struct operand
{
	annot_rings r;
	annot_bbox	box;
	double		area;
	const annot_poly *poly;		/* NULL for a box */
	int32_t		end;
	double		xy[8];
} operand;

static void
operand_of(operand *o, FunctionCallInfo fcinfo, int argno, bool is_bbox)
{
	if (is_bbox)
	{
		annot_bbox *b = PG_GETARG_BBOX(argno);

		annot_bbox_ring(b, &o->end, o->xy);
		o->r.nrings = 1;
		o->r.npoints = 4;
		o->r.end = &o->end;
		o->r.xy = o->xy;
		o->box = *b;
		o->area = annot_bbox_area(b);
		o->poly = NULL;
	}
	else
	{
		annot_poly *p = PG_GETARG_POLY_P(argno);

		o->r = annot_poly_rings(p);
		o->box = p->bbox;
		o->area = p->area;
		o->poly = p;
	}
}

/* Area of the intersection; an identical pair of polys is the region itself. */
static double
operand_inter(const operand *a, const operand *b)
{
	annot_err	err;
	double		inter;

	if (a->poly && b->poly && annot_poly_equal(a->poly, b->poly))
		return a->area;
	annot_err_init(&err);
	if (annot_rings_intersection_area(&a->r, &a->box, &b->r, &b->box,
									  &inter, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	/* the intersection lies in both regions */
	return fmin(inter, fmin(a->area, b->area));
}

typedef enum measure
{
	M_IOU,
	M_DICE,
	M_INTER,
	M_UNION
} measure;

static double
region_measure(FunctionCallInfo fcinfo, bool a_bbox, bool b_bbox, measure m)
{
	operand		a;
	operand		b;
	double		inter;

	operand_of(&a, fcinfo, 0, a_bbox);
	operand_of(&b, fcinfo, 1, b_bbox);
	inter = operand_inter(&a, &b);
	switch (m)
	{
		case M_IOU:
			return annot_overlap_iou(a.area, b.area, inter);
		case M_DICE:
			return annot_overlap_dice(a.area, b.area, inter);
		case M_INTER:
			return inter;
		case M_UNION:
			return annot_overlap_union(a.area, b.area, inter);
	}
	return 0.0;
}

#define REGION_FN(name, a_bbox, b_bbox, m) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_FLOAT8(region_measure(fcinfo, a_bbox, b_bbox, m)); \
}

REGION_FN(poly_iou, false, false, M_IOU)
REGION_FN(poly_bbox_iou, false, true, M_IOU)
REGION_FN(bbox_poly_iou, true, false, M_IOU)
REGION_FN(poly_dice, false, false, M_DICE)
REGION_FN(poly_bbox_dice, false, true, M_DICE)
REGION_FN(bbox_poly_dice, true, false, M_DICE)
REGION_FN(poly_inter_area, false, false, M_INTER)
REGION_FN(poly_bbox_inter_area, false, true, M_INTER)
REGION_FN(bbox_poly_inter_area, true, false, M_INTER)
REGION_FN(poly_union_area, false, false, M_UNION)
REGION_FN(poly_bbox_union_area, false, true, M_UNION)
REGION_FN(bbox_poly_union_area, true, false, M_UNION)

/* annot.iou(dt, gt, crowd): COCO's crowd IoU |dt ∩ gt| / |dt| when crowd */
PG_FUNCTION_INFO_V1(poly_iou_crowd);
Datum
poly_iou_crowd(PG_FUNCTION_ARGS)
{
	operand		dt;
	operand		gt;
	double		inter;

	operand_of(&dt, fcinfo, 0, false);
	operand_of(&gt, fcinfo, 1, false);
	inter = operand_inter(&dt, &gt);
	if (!PG_GETARG_BOOL(2))
		PG_RETURN_FLOAT8(annot_overlap_iou(dt.area, gt.area, inter));
	PG_RETURN_FLOAT8(annot_overlap_crowd_iou(dt.area, inter));
}

/* Validity */

static void
poly_validity(annot_poly *p, annot_poly_validity *v)
{
	annot_rings r = annot_poly_rings(p);
	annot_err	err;

	annot_err_init(&err);
	if (annot_rings_validity(&r, v, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
}

PG_FUNCTION_INFO_V1(poly_is_valid);
Datum
poly_is_valid(PG_FUNCTION_ARGS)
{
	annot_poly_validity v;

	poly_validity(PG_GETARG_POLY_P(0), &v);
	PG_RETURN_BOOL(v.problem == ANNOT_POLY_VALID);
}

PG_FUNCTION_INFO_V1(poly_is_valid_reason);
Datum
poly_is_valid_reason(PG_FUNCTION_ARGS)
{
	annot_poly_validity v;
	char		buf[256];

	poly_validity(PG_GETARG_POLY_P(0), &v);
	annot_poly_validity_format(&v, buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* (valid, reason, ring, point, other_ring, location) */
PG_FUNCTION_INFO_V1(poly_is_valid_detail);
Datum
poly_is_valid_detail(PG_FUNCTION_ARGS)
{
	annot_poly_validity v;
	TupleDesc	tupdesc;
	Datum		values[6];
	bool		nulls[6] = {false, false, false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	poly_validity(PG_GETARG_POLY_P(0), &v);
	values[0] = BoolGetDatum(v.problem == ANNOT_POLY_VALID);
	values[1] = CStringGetTextDatum(annot_poly_problem_name(v.problem));
	values[2] = Int32GetDatum(v.ring);
	values[3] = Int32GetDatum(v.point);
	values[4] = Int32GetDatum(v.other_ring);
	nulls[2] = v.ring == 0;
	nulls[3] = v.point == 0;
	nulls[4] = v.other_ring == 0;
	if (isnan(v.x))
		nulls[5] = true;
	else
	{
		Point	   *pt = palloc(sizeof(Point));

		pt->x = v.x;
		pt->y = v.y;
		values[5] = PointPGetDatum(pt);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(poly_make_valid);
Datum
poly_make_valid(PG_FUNCTION_ARGS)
{
	annot_poly *p = PG_GETARG_POLY_P(0);
	annot_rings r = annot_poly_rings(p);
	annot_rings_buf out;
	annot_err	err;

	annot_err_init(&err);
	if (annot_rings_make_valid(&r, &out, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	if (out.nrings == 0)
	{
		annot_rings_buf_free(&out);
		PG_RETURN_NULL();
	}
	PG_RETURN_POLY_P(poly_from_buf(&out));
}

/* Equality and hashing */

PG_FUNCTION_INFO_V1(poly_eq);
Datum
poly_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_poly_equal(PG_GETARG_POLY_P(0), PG_GETARG_POLY_P(1)));
}

PG_FUNCTION_INFO_V1(poly_ne);
Datum
poly_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!annot_poly_equal(PG_GETARG_POLY_P(0), PG_GETARG_POLY_P(1)));
}

#define POLY_CMP_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	int			c = annot_poly_cmp(PG_GETARG_POLY_P(0), PG_GETARG_POLY_P(1)); \
	PG_RETURN_BOOL(expr); \
}

POLY_CMP_FN(poly_lt, c < 0)
POLY_CMP_FN(poly_le, c <= 0)
POLY_CMP_FN(poly_gt, c > 0)
POLY_CMP_FN(poly_ge, c >= 0)

PG_FUNCTION_INFO_V1(poly_cmp);
Datum
poly_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(annot_poly_cmp(PG_GETARG_POLY_P(0), PG_GETARG_POLY_P(1)));
}

PG_FUNCTION_INFO_V1(poly_hash);
Datum
poly_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) annot_poly_hash(PG_GETARG_POLY_P(0), 0));
}

PG_FUNCTION_INFO_V1(poly_hash_extended);
Datum
poly_hash_extended(PG_FUNCTION_ARGS)
{
	/* seed 0 gives the low 32 bits of poly_hash, as hash_any_extended does */
	PG_RETURN_INT64((int64) annot_poly_hash(PG_GETARG_POLY_P(0),
											(uint64_t) PG_GETARG_INT64(1)));
}
