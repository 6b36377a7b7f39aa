/*
 * mask_pg.c -- SQL interface of annot.mask: I/O, constructors from COCO
 * JSON, boxes and bitmaps, accessors, set operations, overlap measures,
 * Boundary IoU, equality and hashing.
 */
#include "annot_pg.h"

#include <math.h>

#include "common/hashfn.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "../core/bbox.h"
#include "../core/raster.h"
#include "../core/rle.h"
#include "../core/rle_ops.h"

/* A mask argument: the (possibly short-header) datum and its header. */
typedef struct mask_arg
{
	struct varlena *raw;
	annot_mask_view v;
} mask_arg;

/* Detoast argument n, keeping a short header: no copy for inline values. */
static void
mask_arg_open(FunctionCallInfo fcinfo, int n, mask_arg *a)
{
	annot_err	err;

	a->raw = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n));
	annot_err_init(&err);
	if (annot_mask_open((const uint8_t *) VARDATA_ANY(a->raw),
						VARSIZE_ANY_EXHDR(a->raw), &a->v, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
}

/* Argument n decoded to intervals (checked against its header). */
static void
mask_arg_decode(FunctionCallInfo fcinfo, int n, annot_ivals *out)
{
	mask_arg	a;
	annot_err	err;

	mask_arg_open(fcinfo, n, &a);
	annot_err_init(&err);
	if (annot_mask_decode(&a.v, out, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
}

/* The stored form of m, as a new varlena. */
static struct varlena *
mask_serialize(const annot_ivals *m)
{
	size_t		size = annot_mask_serial_size(m);
	struct varlena *r;

	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("mask exceeds a size limit"),
				 errdetail("The mask would take %zu bytes to store.", size)));
	r = palloc(VARHDRSZ + size);
	SET_VARSIZE(r, VARHDRSZ + size);
	annot_mask_serialize(m, (uint8_t *) VARDATA(r));
	return r;
}

#define PG_RETURN_MASK(m) PG_RETURN_POINTER(mask_serialize(m))

/* Image size arguments h and w: positive, product within the limit. */
static void
check_size_args(int32 h, int32 w)
{
	annot_err	err;

	annot_err_init(&err);
	if (annot_mask_check_size(h, w, ANNOT_EPARAM, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask size", NULL, NULL);
}

/* The COCO string of a stored mask, palloc'd. */
static char *
view_coco_string(const annot_mask_view *v)
{
	char	   *s = palloc(annot_mask_view_coco_strlen(v) + 1);

	annot_mask_view_coco_string(v, s);
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
	if (annot_mask_parse(str, strlen(str), ANNOT_ESYNTAX, &m, &err) != ANNOT_OK)
	{
		annot_raise_as(&err, "mask", str, ANNOT_ESCONTEXT(fcinfo));
		PG_RETURN_NULL();
	}
	PG_RETURN_MASK(&m);
}

PG_FUNCTION_INFO_V1(mask_out);
Datum
mask_out(PG_FUNCTION_ARGS)
{
	mask_arg	a;
	char	   *text;

	mask_arg_open(fcinfo, 0, &a);
	text = annot_mask_text(a.v.h, a.v.w, view_coco_string(&a.v), NULL);
	PG_RETURN_CSTRING(text);
}

PG_FUNCTION_INFO_V1(mask_recv);
Datum
mask_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	if (annot_mask_binary_read((const uint8_t *) buf->data + buf->cursor,
							   (size_t) (buf->len - buf->cursor), &m, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
	buf->cursor = buf->len;
	PG_RETURN_MASK(&m);
}

PG_FUNCTION_INFO_V1(mask_send);
Datum
mask_send(PG_FUNCTION_ARGS)
{
	annot_ivals m;
	size_t		size;
	bytea	   *r;

	mask_arg_decode(fcinfo, 0, &m);
	size = annot_mask_binary_size(&m);
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("mask exceeds a size limit"),
				 errdetail("Its binary form would take %zu bytes.", size)));
	r = palloc(VARHDRSZ + size);
	SET_VARSIZE(r, VARHDRSZ + size);
	annot_mask_binary_write(&m, (uint8_t *) VARDATA(r));
	PG_RETURN_BYTEA_P(r);
}

/* Parse COCO RLE JSON from a jsonb value; errors are 22023. */
static void
rle_from_jsonb(Jsonb *jb, annot_ivals *m)
{
	char	   *s = JsonbToCString(NULL, &jb->root, VARSIZE(jb));
	annot_err	err;

	annot_err_init(&err);
	if (annot_mask_parse(s, strlen(s), ANNOT_EPARAM, m, &err) != ANNOT_OK)
		annot_raise_as(&err, "COCO RLE", NULL, NULL);
	pfree(s);
}

/* annot.mask(jsonb): {"size": [h, w], "counts": "..." or [...]} */
PG_FUNCTION_INFO_V1(mask_from_jsonb);
Datum
mask_from_jsonb(PG_FUNCTION_ARGS)
{
	annot_ivals m;

	rle_from_jsonb(PG_GETARG_JSONB_P(0), &m);
	PG_RETURN_MASK(&m);
}

/* Rings of a COCO polygon list: flat coordinates and points per ring. */
typedef struct seg_rings
{
	double	   *xy;
	int			nxy;
	int			cap;
	uint32_t   *len;			/* numbers per ring */
	int			nrings;
	int			ringcap;
} seg_rings;

static void
seg_rings_read(Jsonb *jb, seg_rings *r)
{
	JsonbIterator *it = JsonbIteratorInit(&jb->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			depth = 0;

	r->cap = 64;
	r->xy = palloc(sizeof(double) * r->cap);
	r->nxy = 0;
	r->ringcap = 4;
	r->len = palloc(sizeof(uint32_t) * r->ringcap);
	r->nrings = 0;
	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		switch (tok)
		{
			case WJB_BEGIN_ARRAY:
				if (++depth > 2)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("invalid COCO segmentation"),
							 errdetail("A polygon list is an array of arrays of numbers; ring %d holds an array.",
									   r->nrings)));
				if (depth == 2)
				{
					if (r->nrings == r->ringcap)
					{
						r->ringcap *= 2;
						r->len = repalloc_huge(r->len, sizeof(uint32_t) * r->ringcap);
					}
					r->len[r->nrings++] = 0;
				}
				break;
			case WJB_END_ARRAY:
				depth--;
				break;
			case WJB_ELEM:
				if (depth != 2)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("invalid COCO segmentation"),
							 errdetail("A polygon list is an array of arrays of numbers; element %d is not an array.",
									   r->nrings + 1)));
				if (v.type != jbvNumeric)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("invalid COCO segmentation"),
							 errdetail("Element %u of ring %d is not a number.",
									   r->len[r->nrings - 1] + 1, r->nrings)));
				if (r->nxy == r->cap)
				{
					r->cap *= 2;
					r->xy = repalloc_huge(r->xy, sizeof(double) * r->cap);
				}
				r->xy[r->nxy++] = DatumGetFloat8(DirectFunctionCall1(numeric_float8,
																	 NumericGetDatum(v.val.numeric)));
				r->len[r->nrings - 1]++;
				break;
			default:
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid COCO segmentation"),
						 errdetail("A polygon list is an array of arrays of numbers; it holds an object.")));
		}
	}
}

/*
 * annot.mask(segmentation jsonb, h, w): a COCO annotation's segmentation
 * to a mask as pycocotools' annToRLE does: a polygon list is rasterized
 * ring by ring and merged by union (frPyObjects + merge), an RLE object is
 * read as it is (its size must be h x w).  Like frPyObjects, a list whose
 * first ring has exactly 4 numbers is read as boxes [x, y, width, height].
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
	seg_rings	r;
	int			i;

	check_size_args(h, w);
	annot_err_init(&err);
	if (JB_ROOT_IS_OBJECT(jb))
	{
		rle_from_jsonb(jb, &m);
		if (m.h != (uint32_t) h || m.w != (uint32_t) w)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid COCO segmentation"),
					 errdetail("The RLE is %u x %u but the image is %d x %d (height x width).",
							   m.h, m.w, h, w)));
		PG_RETURN_MASK(&m);
	}
	if (!JB_ROOT_IS_ARRAY(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid COCO segmentation"),
				 errdetail("A segmentation is a polygon list or an RLE object.")));
	seg_rings_read(jb, &r);
	if (r.nrings == 0)
	{
		annot_ivals_init(&m, (uint32_t) h, (uint32_t) w);
		PG_RETURN_MASK(&m);
	}
	if (r.len[0] == 4)
	{
		/* frPyObjects: [[x, y, w, h], ...] when the first has 4 numbers */
		annot_ivals_init(&m, (uint32_t) h, (uint32_t) w);
		for (i = 0; i < r.nrings; i++)
		{
			const double *b = r.xy + 4 * i;
			annot_ivals box,
						u;

			annot_ivals_init(&u, (uint32_t) h, (uint32_t) w);
			if (r.len[i] != 4)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid COCO segmentation"),
						 errdetail("The first element has 4 numbers, so every element is a box [x, y, width, height]; element %d has %u.",
								   i + 1, r.len[i])));
			if (annot_raster_box(b[0], b[1], b[0] + b[2], b[1] + b[3], h, w, &box, &err) != ANNOT_OK)
				annot_raise_as(&err, "COCO segmentation", NULL, NULL);
			if (annot_ivals_combine(&m, &box, ANNOT_MASK_OR, &u, &err) != ANNOT_OK)
				annot_raise_as(&err, "COCO segmentation", NULL, NULL);
			m = u;
		}
		PG_RETURN_MASK(&m);
	}
	if (r.len[0] < 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid COCO segmentation"),
				 errdetail("A polygon needs at least 3 points (6 numbers); the first has %u numbers.",
						   r.len[0])));
	for (i = 0; i < r.nrings; i++)
	{
		if (r.len[i] % 2 != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid COCO segmentation"),
					 errdetail("Polygon %d has an odd number of coordinates (%u).",
							   i + 1, r.len[i])));
		r.len[i] /= 2;
	}
	if (annot_raster_rings(r.xy, r.len, (uint32_t) r.nrings, h, w, &m, &err) != ANNOT_OK)
		annot_raise_as(&err, "COCO segmentation", NULL, NULL);
	PG_RETURN_MASK(&m);
}

/* annot.mask(bbox, h, w): the box rasterized as pycocotools' frBbox. */
PG_FUNCTION_INFO_V1(mask_from_bbox);
Datum
mask_from_bbox(PG_FUNCTION_ARGS)
{
	annot_bbox *b = (annot_bbox *) PG_GETARG_POINTER(0);
	int32		h = PG_GETARG_INT32(1);
	int32		w = PG_GETARG_INT32(2);
	annot_ivals m;
	annot_err	err;

	check_size_args(h, w);
	annot_err_init(&err);
	if (annot_raster_box(b->x1, b->y1, b->x2, b->y2, h, w, &m, &err) != ANNOT_OK)
		annot_raise_as(&err, "bbox", NULL, NULL);
	PG_RETURN_MASK(&m);
}

/* annot.mask(bytea, h, w): row-major bytes, non-zero is foreground. */
PG_FUNCTION_INFO_V1(mask_from_bitmap);
Datum
mask_from_bitmap(PG_FUNCTION_ARGS)
{
	bytea	   *bits = PG_GETARG_BYTEA_PP(0);
	int32		h = PG_GETARG_INT32(1);
	int32		w = PG_GETARG_INT32(2);
	annot_ivals m;
	annot_err	err;

	annot_err_init(&err);
	if (annot_mask_from_bitmap((const uint8_t *) VARDATA_ANY(bits),
							   VARSIZE_ANY_EXHDR(bits), h, w, &m, &err) != ANNOT_OK)
		annot_raise_as(&err, "bitmap", NULL, NULL);
	PG_RETURN_MASK(&m);
}

PG_FUNCTION_INFO_V1(mask_to_bitmap);
Datum
mask_to_bitmap(PG_FUNCTION_ARGS)
{
	annot_ivals m;
	uint64		size;
	bytea	   *r;

	mask_arg_decode(fcinfo, 0, &m);
	size = (uint64) m.h * m.w;
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("bitmap exceeds a size limit"),
				 errdetail("A bitmap of %u x %u pixels is larger than a bytea value can be.",
						   m.h, m.w)));
	r = palloc(VARHDRSZ + size);
	SET_VARSIZE(r, VARHDRSZ + size);
	annot_mask_to_bitmap(&m, (uint8_t *) VARDATA(r));
	PG_RETURN_BYTEA_P(r);
}

PG_FUNCTION_INFO_V1(mask_to_coco);
Datum
mask_to_coco(PG_FUNCTION_ARGS)
{
	mask_arg	a;

	mask_arg_open(fcinfo, 0, &a);
	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(annot_mask_text(a.v.h, a.v.w,
															   view_coco_string(&a.v),
															   NULL)));
}

/* annot.to_coco(mask, compressed): with false, COCO's uncompressed counts */
PG_FUNCTION_INFO_V1(mask_to_coco_counts);
Datum
mask_to_coco_counts(PG_FUNCTION_ARGS)
{
	annot_ivals m;
	annot_counts_iter it;
	StringInfoData s;
	uint32_t	c;
	bool		first = true;

	if (PG_GETARG_BOOL(1))
		return mask_to_coco(fcinfo);
	mask_arg_decode(fcinfo, 0, &m);
	initStringInfo(&s);
	appendStringInfo(&s, "{\"size\": [%u, %u], \"counts\": [", m.h, m.w);
	annot_counts_iter_init(&it, &m);
	while (annot_counts_next(&it, &c))
	{
		appendStringInfo(&s, first ? "%u" : ", %u", c);
		first = false;
	}
	appendStringInfoString(&s, "]}");
	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(s.data));
}

/* Accessors: from the header, no decoding */

#define MASK_HEADER_FN(name, type, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	mask_arg	a; \
	mask_arg_open(fcinfo, 0, &a); \
	PG_RETURN_##type(expr); \
}

MASK_HEADER_FN(mask_area, FLOAT8, (double) a.v.area)
MASK_HEADER_FN(mask_height, INT32, (int32) a.v.h)
MASK_HEADER_FN(mask_width, INT32, (int32) a.v.w)

/* annot.bbox(mask): pycocotools' toBbox, (0,0),(0,0) when empty */
PG_FUNCTION_INFO_V1(mask_bbox);
Datum
mask_bbox(PG_FUNCTION_ARGS)
{
	mask_arg	a;
	annot_bbox *b = palloc(sizeof(annot_bbox));

	mask_arg_open(fcinfo, 0, &a);
	b->x1 = a.v.bbox[0];
	b->y1 = a.v.bbox[1];
	b->x2 = (double) a.v.bbox[0] + a.v.bbox[2];
	b->y2 = (double) a.v.bbox[1] + a.v.bbox[3];
	PG_RETURN_POINTER(b);
}

/* Overlap measures */

/* |a ∩ b| of arguments 0 and 1, both opened. */
static uint64
inter_area_args(FunctionCallInfo fcinfo, mask_arg *a, mask_arg *b)
{
	uint64_t	inter;
	annot_err	err;

	mask_arg_open(fcinfo, 0, a);
	mask_arg_open(fcinfo, 1, b);
	annot_err_init(&err);
	if (annot_mask_inter_area(&a->v, &b->v, &inter, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
	return inter;
}

PG_FUNCTION_INFO_V1(mask_iou);
Datum
mask_iou(PG_FUNCTION_ARGS)
{
	mask_arg	a,
				b;
	uint64		inter = inter_area_args(fcinfo, &a, &b);

	PG_RETURN_FLOAT8(annot_mask_iou_value(inter, a.v.area, b.v.area, false));
}

PG_FUNCTION_INFO_V1(mask_iou_crowd);
Datum
mask_iou_crowd(PG_FUNCTION_ARGS)
{
	mask_arg	a,
				b;
	uint64		inter = inter_area_args(fcinfo, &a, &b);

	PG_RETURN_FLOAT8(annot_mask_iou_value(inter, a.v.area, b.v.area,
										  PG_GETARG_BOOL(2)));
}

PG_FUNCTION_INFO_V1(mask_dice);
Datum
mask_dice(PG_FUNCTION_ARGS)
{
	mask_arg	a,
				b;
	uint64		inter = inter_area_args(fcinfo, &a, &b);

	PG_RETURN_FLOAT8(annot_mask_dice_value(inter, a.v.area, b.v.area));
}

PG_FUNCTION_INFO_V1(mask_inter_area);
Datum
mask_inter_area(PG_FUNCTION_ARGS)
{
	mask_arg	a,
				b;

	PG_RETURN_FLOAT8((double) inter_area_args(fcinfo, &a, &b));
}

/* Set operations */

static Datum
mask_combine(FunctionCallInfo fcinfo, annot_mask_op op)
{
	annot_ivals a,
				b,
				r;
	annot_err	err;

	mask_arg_decode(fcinfo, 0, &a);
	mask_arg_decode(fcinfo, 1, &b);
	annot_err_init(&err);
	if (annot_ivals_combine(&a, &b, op, &r, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
	PG_RETURN_MASK(&r);
}

#define MASK_COMBINE_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	return mask_combine(fcinfo, op); \
}

MASK_COMBINE_FN(mask_intersection, ANNOT_MASK_AND)
MASK_COMBINE_FN(mask_union, ANNOT_MASK_OR)
MASK_COMBINE_FN(mask_difference, ANNOT_MASK_ANDNOT)
MASK_COMBINE_FN(mask_xor, ANNOT_MASK_XOR)

PG_FUNCTION_INFO_V1(mask_complement);
Datum
mask_complement(PG_FUNCTION_ARGS)
{
	annot_ivals a,
				r;
	annot_err	err;

	mask_arg_decode(fcinfo, 0, &a);
	annot_err_init(&err);
	if (annot_ivals_complement(&a, &r, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
	PG_RETURN_MASK(&r);
}

/* Boundary IoU */

static void
check_ratio(double ratio)
{
	if (isnan(ratio) || isinf(ratio) || ratio < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid dilation ratio"),
				 errdetail("The dilation ratio must be a finite number >= 0 (got %g).", ratio)));
}

PG_FUNCTION_INFO_V1(mask_boundary);
Datum
mask_boundary(PG_FUNCTION_ARGS)
{
	double		ratio = PG_GETARG_FLOAT8(1);
	annot_ivals a,
				r;
	annot_err	err;

	check_ratio(ratio);
	mask_arg_decode(fcinfo, 0, &a);
	annot_err_init(&err);
	if (annot_ivals_boundary(&a, annot_mask_dilation(a.h, a.w, ratio), &r, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
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

	check_ratio(ratio);
	mask_arg_decode(fcinfo, 0, &a);
	mask_arg_decode(fcinfo, 1, &b);
	annot_err_init(&err);
	if (annot_ivals_boundary_iou(&a, &b, ratio, &r, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
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
	mask_arg	a,
				b;
	size_t		la,
				lb;
	int			c;

	mask_arg_open(fcinfo, 0, &a);
	mask_arg_open(fcinfo, 1, &b);
	la = VARSIZE_ANY_EXHDR(a.raw);
	lb = VARSIZE_ANY_EXHDR(b.raw);
	c = memcmp(VARDATA_ANY(a.raw), VARDATA_ANY(b.raw), Min(la, lb));
	if (c != 0)
		return c < 0 ? -1 : 1;
	return (la > lb) - (la < lb);
}

#define MASK_CMP_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	int			c = mask_bytes_cmp(fcinfo); \
	PG_RETURN_BOOL(expr); \
}

MASK_CMP_FN(mask_eq, c == 0)
MASK_CMP_FN(mask_ne, c != 0)
MASK_CMP_FN(mask_lt, c < 0)
MASK_CMP_FN(mask_le, c <= 0)
MASK_CMP_FN(mask_gt, c > 0)
MASK_CMP_FN(mask_ge, c >= 0)

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
	mask_arg	a;

	mask_arg_open(fcinfo, 0, &a);
	return hash_any((const unsigned char *) VARDATA_ANY(a.raw),
					(int) VARSIZE_ANY_EXHDR(a.raw));
}

PG_FUNCTION_INFO_V1(mask_hash_extended);
Datum
mask_hash_extended(PG_FUNCTION_ARGS)
{
	mask_arg	a;

	mask_arg_open(fcinfo, 0, &a);
	return hash_any_extended((const unsigned char *) VARDATA_ANY(a.raw),
							 (int) VARSIZE_ANY_EXHDR(a.raw),
							 (uint64) PG_GETARG_INT64(1));
}
