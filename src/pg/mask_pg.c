/*
 * mask_pg.c -- SQL interface of annot.mask: I/O, constructors from COCO
 * JSON, boxes and bitmaps, accessors, set operations, overlap measures,
 * Boundary IoU, equality and hashing.  Every function gets its arguments,
 * calls the core (src/core/rle*.c, raster.c) and reports a failure with
 * annot_raise().
 */
#include "mask_pg.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "../core/bbox.h"
#include "../core/rle_json.h"
#include "../core/rle_ops.h"

/* Raise the error of a failed core call. */
#define CHECK_CORE(call, err) \
	do { \
		if ((call) != ANNOT_OK) \
			annot_raise(err); \
	} while (0)

annot_mask_datum
annot_mask_from_datum(Datum d)
{
	annot_mask_datum a;
	annot_err	err;

	a.raw = PG_DETOAST_DATUM_PACKED(d);
	annot_err_init(&err);
	CHECK_CORE(annot_mask_open((const uint8_t *) VARDATA_ANY(a.raw),
							   VARSIZE_ANY_EXHDR(a.raw), &a.v, &err), &err);
	return a;
}

annot_ivals
annot_mask_ivals_from_datum(Datum d)
{
	annot_mask_datum a = annot_mask_from_datum(d);
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_mask_decode(&a.v, &m, &err), &err);
	return m;
}

struct varlena *
annot_mask_to_datum(const annot_ivals *m)
{
	size_t		size = annot_mask_serial_size(m);
	struct varlena *r;

	if (size > MaxAllocSize - VARHDRSZ)
	{
		annot_err	err;

		annot_err_init(&err);
		annot_err_about(&err, "mask", NULL);
		annot_fail(&err, ANNOT_ELIMIT, -1,
				   "The mask would take %zu bytes to store.", size);
		annot_raise(&err);
	}
	r = palloc(VARHDRSZ + size);
	SET_VARSIZE(r, VARHDRSZ + size);
	annot_mask_serialize(m, (uint8_t *) VARDATA(r));
	return r;
}

/* A string the core allocated, or out of memory (it cannot be NULL here). */
static char *
core_text(char *s)
{
	if (s == NULL)
		elog(ERROR, "out of memory building a mask's text");
	return s;
}

PG_FUNCTION_INFO_V1(mask_in);
Datum
mask_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	if (annot_mask_in(str, &m, &err) != ANNOT_OK)
	{
		annot_report(&err, ANNOT_ESCONTEXT(fcinfo));
		PG_RETURN_NULL();
	}
	PG_RETURN_MASK(&m);
}

PG_FUNCTION_INFO_V1(mask_out);
Datum
mask_out(PG_FUNCTION_ARGS)
{
	annot_mask_datum a = PG_GETARG_MASK(0);

	PG_RETURN_CSTRING(core_text(annot_mask_view_text(&a.v, NULL)));
}

PG_FUNCTION_INFO_V1(mask_recv);
Datum
mask_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_mask_binary_read((const uint8_t *) buf->data + buf->cursor,
									  (size_t) (buf->len - buf->cursor), &m, &err), &err);
	buf->cursor = buf->len;
	PG_RETURN_MASK(&m);
}

PG_FUNCTION_INFO_V1(mask_send);
Datum
mask_send(PG_FUNCTION_ARGS)
{
	annot_ivals m = PG_GETARG_MASK_IVALS(0);
	size_t		size = annot_mask_binary_size(&m);
	bytea	   *r;

	/* a mask within its limit of counts always fits */
	r = palloc(VARHDRSZ + size);
	SET_VARSIZE(r, VARHDRSZ + size);
	annot_mask_binary_write(&m, (uint8_t *) VARDATA(r));
	PG_RETURN_BYTEA_P(r);
}

/* The text of a jsonb value, as jsonb prints it. */
static char *
jsonb_text(Jsonb *jb)
{
	return JsonbToCString(NULL, &jb->root, VARSIZE(jb));
}

/* annot.mask(jsonb): {"size": [h, w], "counts": "..." or [...]} */
PG_FUNCTION_INFO_V1(mask_from_jsonb);
Datum
mask_from_jsonb(PG_FUNCTION_ARGS)
{
	char	   *s = jsonb_text(PG_GETARG_JSONB_P(0));
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_mask_from_rle_json(s, strlen(s), &m, &err), &err);
	PG_RETURN_MASK(&m);
}

/*
 * The points a polygon list could hold at most, from the sizes of its
 * arrays alone: a list over the limit is refused before it is printed.
 */
static uint64
segmentation_numbers(Jsonb *jb)
{
	JsonbContainer *root = &jb->root;
	uint32		n = JsonContainerSize(root);
	uint64		numbers = 0;
	uint32		i;

	if (!JsonContainerIsArray(root) || JsonContainerIsScalar(root))
		return 0;
	for (i = 0; i < n; i++)
	{
		JsonbValue *v = getIthJsonbValueFromContainer(root, i);

		if (v != NULL && v->type == jbvBinary)
			numbers += JsonContainerSize(v->val.binary.data);
		else
			numbers++;
	}
	return numbers;
}

/*
 * annot.mask(segmentation jsonb, h, w): a COCO annotation's segmentation
 * to a mask as pycocotools' annToRLE does (see annot_mask_from_segmentation).
 */
PG_FUNCTION_INFO_V1(mask_from_segmentation);
Datum
mask_from_segmentation(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	int32		h = PG_GETARG_INT32(1);
	int32		w = PG_GETARG_INT32(2);
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_mask_check_segmentation_size(JsonContainerSize(&jb->root),
												  segmentation_numbers(jb),
												  &err), &err);
	CHECK_CORE(annot_mask_from_segmentation(jsonb_text(jb), h, w, &m, &err), &err);
	PG_RETURN_MASK(&m);
}

/* annot.mask(bbox, h, w): the box rasterized as pycocotools' frBbox. */
PG_FUNCTION_INFO_V1(mask_from_bbox);
Datum
mask_from_bbox(PG_FUNCTION_ARGS)
{
	annot_bbox *b = (annot_bbox *) PG_GETARG_POINTER(0);
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_mask_from_box(b->x1, b->y1, b->x2, b->y2,
								   PG_GETARG_INT32(1), PG_GETARG_INT32(2),
								   &m, &err), &err);
	PG_RETURN_MASK(&m);
}

/* annot.mask(bytea, h, w): row-major bytes, non-zero is foreground. */
PG_FUNCTION_INFO_V1(mask_from_bitmap);
Datum
mask_from_bitmap(PG_FUNCTION_ARGS)
{
	bytea	   *bits = PG_GETARG_BYTEA_PP(0);
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_mask_from_bitmap((const uint8_t *) VARDATA_ANY(bits),
									  VARSIZE_ANY_EXHDR(bits),
									  PG_GETARG_INT32(1), PG_GETARG_INT32(2),
									  &m, &err), &err);
	PG_RETURN_MASK(&m);
}

PG_FUNCTION_INFO_V1(mask_to_bitmap);
Datum
mask_to_bitmap(PG_FUNCTION_ARGS)
{
	annot_mask_datum a = PG_GETARG_MASK(0);
	annot_ivals m;
	annot_err	err;
	size_t		size;
	bytea	   *r;

	/* the size first, from the header: no decoding of a mask too large */
	annot_err_init(&err);
	CHECK_CORE(annot_mask_check_bitmap(a.v.h, a.v.w, &err), &err);
	CHECK_CORE(annot_mask_decode(&a.v, &m, &err), &err);
	size = (size_t) m.h * m.w;
	r = palloc(VARHDRSZ + size);
	SET_VARSIZE(r, VARHDRSZ + size);
	annot_mask_to_bitmap(&m, (uint8_t *) VARDATA(r));
	PG_RETURN_BYTEA_P(r);
}

PG_FUNCTION_INFO_V1(mask_to_coco);
Datum
mask_to_coco(PG_FUNCTION_ARGS)
{
	annot_mask_datum a = PG_GETARG_MASK(0);

	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(core_text(annot_mask_view_text(&a.v, NULL))));
}

/* annot.to_coco(mask, compressed): with false, COCO's uncompressed counts */
PG_FUNCTION_INFO_V1(mask_to_coco_counts);
Datum
mask_to_coco_counts(PG_FUNCTION_ARGS)
{
	annot_ivals m;

	if (PG_GETARG_BOOL(1))
		return mask_to_coco(fcinfo);
	m = PG_GETARG_MASK_IVALS(0);
	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(core_text(annot_mask_counts_text(&m, NULL))));
}

/* Accessors: from the header, no decoding */

PG_FUNCTION_INFO_V1(mask_area);
Datum
mask_area(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8((double) PG_GETARG_MASK(0).v.area);
}

PG_FUNCTION_INFO_V1(mask_height);
Datum
mask_height(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_MASK(0).v.h);
}

PG_FUNCTION_INFO_V1(mask_width);
Datum
mask_width(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_MASK(0).v.w);
}

/* annot.bbox(mask): pycocotools' toBbox, (0,0),(0,0) when empty */
PG_FUNCTION_INFO_V1(mask_bbox);
Datum
mask_bbox(PG_FUNCTION_ARGS)
{
	annot_mask_datum a = PG_GETARG_MASK(0);
	annot_bbox *b = palloc(sizeof(annot_bbox));

	b->x1 = a.v.bbox[0];
	b->y1 = a.v.bbox[1];
	b->x2 = (double) a.v.bbox[0] + a.v.bbox[2];
	b->y2 = (double) a.v.bbox[1] + a.v.bbox[3];
	PG_RETURN_POINTER(b);
}

/* Overlap measures */

/* |a ∩ b| of arguments 0 and 1, whose headers go to *a and *b. */
static uint64
inter_area_args(FunctionCallInfo fcinfo, annot_mask_datum *a,
				annot_mask_datum *b)
{
	uint64_t	inter;
	annot_err	err;

	*a = PG_GETARG_MASK(0);
	*b = PG_GETARG_MASK(1);
	annot_err_init(&err);
	CHECK_CORE(annot_mask_inter_area(&a->v, &b->v, &inter, &err), &err);
	return inter;
}

PG_FUNCTION_INFO_V1(mask_iou);
Datum
mask_iou(PG_FUNCTION_ARGS)
{
	annot_mask_datum a,
				b;
	uint64		inter = inter_area_args(fcinfo, &a, &b);

	PG_RETURN_FLOAT8(annot_mask_iou_value(inter, a.v.area, b.v.area, false));
}

PG_FUNCTION_INFO_V1(mask_iou_crowd);
Datum
mask_iou_crowd(PG_FUNCTION_ARGS)
{
	annot_mask_datum a,
				b;
	uint64		inter = inter_area_args(fcinfo, &a, &b);

	PG_RETURN_FLOAT8(annot_mask_iou_value(inter, a.v.area, b.v.area,
										  PG_GETARG_BOOL(2)));
}

PG_FUNCTION_INFO_V1(mask_dice);
Datum
mask_dice(PG_FUNCTION_ARGS)
{
	annot_mask_datum a,
				b;
	uint64		inter = inter_area_args(fcinfo, &a, &b);

	PG_RETURN_FLOAT8(annot_mask_dice_value(inter, a.v.area, b.v.area));
}

PG_FUNCTION_INFO_V1(mask_inter_area);
Datum
mask_inter_area(PG_FUNCTION_ARGS)
{
	annot_mask_datum a,
				b;

	PG_RETURN_FLOAT8((double) inter_area_args(fcinfo, &a, &b));
}

/* Set operations */

/* a op b of arguments 0 and 1, as a new mask. */
static struct varlena *
combine_args(FunctionCallInfo fcinfo, annot_mask_op op)
{
	annot_ivals a = PG_GETARG_MASK_IVALS(0);
	annot_ivals b = PG_GETARG_MASK_IVALS(1);
	annot_ivals r;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_ivals_combine(&a, &b, op, &r, &err), &err);
	return annot_mask_to_datum(&r);
}

PG_FUNCTION_INFO_V1(mask_intersection);
Datum
mask_intersection(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(combine_args(fcinfo, ANNOT_MASK_AND));
}

PG_FUNCTION_INFO_V1(mask_union);
Datum
mask_union(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(combine_args(fcinfo, ANNOT_MASK_OR));
}

PG_FUNCTION_INFO_V1(mask_difference);
Datum
mask_difference(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(combine_args(fcinfo, ANNOT_MASK_ANDNOT));
}

PG_FUNCTION_INFO_V1(mask_xor);
Datum
mask_xor(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(combine_args(fcinfo, ANNOT_MASK_XOR));
}

PG_FUNCTION_INFO_V1(mask_complement);
Datum
mask_complement(PG_FUNCTION_ARGS)
{
	annot_ivals a = PG_GETARG_MASK_IVALS(0);
	annot_ivals r;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_ivals_complement(&a, &r, &err), &err);
	PG_RETURN_MASK(&r);
}

/* Boundary IoU */

PG_FUNCTION_INFO_V1(mask_boundary);
Datum
mask_boundary(PG_FUNCTION_ARGS)
{
	double		ratio = PG_GETARG_FLOAT8(1);
	annot_ivals a,
				r;
	annot_err	err;

	annot_err_init(&err);
	CHECK_CORE(annot_mask_check_ratio(ratio, &err), &err);
	a = PG_GETARG_MASK_IVALS(0);
	CHECK_CORE(annot_ivals_boundary_ratio(&a, ratio, &r, &err), &err);
	PG_RETURN_MASK(&r);
}

PG_FUNCTION_INFO_V1(mask_boundary_iou);
Datum
mask_boundary_iou(PG_FUNCTION_ARGS)
{
	double		ratio = PG_GETARG_FLOAT8(2);
	annot_ivals a,
				b;
	annot_err	err;
	double		r;

	annot_err_init(&err);
	CHECK_CORE(annot_mask_check_ratio(ratio, &err), &err);
	a = PG_GETARG_MASK_IVALS(0);
	b = PG_GETARG_MASK_IVALS(1);
	CHECK_CORE(annot_ivals_boundary_iou(&a, &b, ratio, &r, &err), &err);
	PG_RETURN_FLOAT8(r);
}

/*
 * Equality, order and hashing.  The stored form is canonical, so equal
 * masks have equal bytes; the order is that of the bytes (then of the
 * lengths), a total order with no meaning beyond making ORDER BY,
 * DISTINCT and merge joins work.
 */
static int
mask_bytes_cmp(FunctionCallInfo fcinfo)
{
	annot_mask_datum a = PG_GETARG_MASK(0);
	annot_mask_datum b = PG_GETARG_MASK(1);
	size_t		la = VARSIZE_ANY_EXHDR(a.raw);
	size_t		lb = VARSIZE_ANY_EXHDR(b.raw);
	int			c = memcmp(VARDATA_ANY(a.raw), VARDATA_ANY(b.raw), Min(la, lb));

	if (c == 0)
		c = (la > lb) - (la < lb);
	PG_FREE_IF_COPY(a.raw, 0);
	PG_FREE_IF_COPY(b.raw, 1);
	return c < 0 ? -1 : c > 0;
}

PG_FUNCTION_INFO_V1(mask_eq);
Datum
mask_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mask_bytes_cmp(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(mask_ne);
Datum
mask_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mask_bytes_cmp(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(mask_lt);
Datum
mask_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mask_bytes_cmp(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(mask_le);
Datum
mask_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mask_bytes_cmp(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(mask_gt);
Datum
mask_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mask_bytes_cmp(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(mask_ge);
Datum
mask_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mask_bytes_cmp(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(mask_cmp);
Datum
mask_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(mask_bytes_cmp(fcinfo));
}

PG_FUNCTION_INFO_V1(mask_hash);
Datum
mask_hash(PG_FUNCTION_ARGS)
{
	annot_mask_datum a = PG_GETARG_MASK(0);
	Datum		h = hash_any((const unsigned char *) VARDATA_ANY(a.raw),
							 (int) VARSIZE_ANY_EXHDR(a.raw));

	PG_FREE_IF_COPY(a.raw, 0);
	return h;
}

PG_FUNCTION_INFO_V1(mask_hash_extended);
Datum
mask_hash_extended(PG_FUNCTION_ARGS)
{
	annot_mask_datum a = PG_GETARG_MASK(0);
	Datum		h = hash_any_extended((const unsigned char *) VARDATA_ANY(a.raw),
									  (int) VARSIZE_ANY_EXHDR(a.raw),
									  (uint64) PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(a.raw, 0);
	return h;
}
