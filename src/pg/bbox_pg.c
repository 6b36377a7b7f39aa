/*
 * bbox_pg.c -- SQL interface of annot.bbox: I/O, constructors, accessors,
 * geometry functions, operators, btree/hash support and the GiST opclass.
 */
#include "annot_pg.h"

#include <math.h>

#include "access/gist.h"
#include "access/stratnum.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/geo_decls.h"

#include "../core/bbox.h"
#include "../core/wkb.h"

#define PG_GETARG_BBOX(n) ((annot_bbox *) PG_GETARG_POINTER(n))
#define PG_RETURN_BBOX(b) PG_RETURN_POINTER(b)

static annot_bbox *
bbox_palloc(const annot_bbox *b)
{
	annot_bbox *r = palloc(sizeof(annot_bbox));

	*r = *b;
	return r;
}

/* Validate a box built from function arguments; raise 22023 if it is bad. */
static annot_bbox *
bbox_checked(const annot_bbox *b)
{
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_validate(b, ANNOT_EPARAM, &err) != ANNOT_OK)
		annot_raise_as(&err, "bbox", NULL, NULL);
	return bbox_palloc(b);
}

PG_FUNCTION_INFO_V1(bbox_in);
Datum
bbox_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	annot_bbox	b;
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_parse(str, &b, &err) != ANNOT_OK)
	{
		annot_raise_as(&err, "bbox", str, ANNOT_ESCONTEXT(fcinfo));
		PG_RETURN_NULL();
	}
	PG_RETURN_BBOX(bbox_palloc(&b));
}

PG_FUNCTION_INFO_V1(bbox_out);
Datum
bbox_out(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX(0);
	char	   *buf = palloc(ANNOT_BBOX_TEXTLEN);

	annot_bbox_format(b, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(bbox_recv);
Datum
bbox_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	annot_bbox	b;
	annot_err	err;

	/* pq_getmsgfloat8 raises 08P01 on a short message */
	b.x1 = pq_getmsgfloat8(buf);
	b.y1 = pq_getmsgfloat8(buf);
	b.x2 = pq_getmsgfloat8(buf);
	b.y2 = pq_getmsgfloat8(buf);
	annot_err_init(&err);
	if (annot_bbox_validate(&b, ANNOT_EBINARY, &err) != ANNOT_OK)
		annot_raise_as(&err, "bbox", NULL, NULL);
	PG_RETURN_BBOX(bbox_palloc(&b));
}

PG_FUNCTION_INFO_V1(bbox_send);
Datum
bbox_send(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendfloat8(&buf, b->x1);
	pq_sendfloat8(&buf, b->y1);
	pq_sendfloat8(&buf, b->x2);
	pq_sendfloat8(&buf, b->y2);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(bbox_corners);
Datum
bbox_corners(PG_FUNCTION_ARGS)
{
	annot_bbox	b;

	b.x1 = PG_GETARG_FLOAT8(0);
	b.y1 = PG_GETARG_FLOAT8(1);
	b.x2 = PG_GETARG_FLOAT8(2);
	b.y2 = PG_GETARG_FLOAT8(3);
	PG_RETURN_BBOX(bbox_checked(&b));
}

PG_FUNCTION_INFO_V1(bbox_xywh);
Datum
bbox_xywh(PG_FUNCTION_ARGS)
{
	annot_bbox	b;
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_from_xywh(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
							 PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
							 &b, &err) != ANNOT_OK)
		annot_raise_as(&err, "bbox", NULL, NULL);
	PG_RETURN_BBOX(bbox_palloc(&b));
}

/* annot.bbox(jsonb): COCO's [x, y, width, height] */
PG_FUNCTION_INFO_V1(bbox_from_jsonb);
Datum
bbox_from_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	int			n;
	double	   *v = annot_jsonb_numbers(jb, &n, "COCO bbox");
	annot_bbox	b;
	annot_err	err;

	if (n != 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid COCO bbox"),
				 errdetail("A COCO bbox is an array of 4 numbers [x, y, width, height]; got %d.", n)));
	annot_err_init(&err);
	if (annot_bbox_from_xywh(v[0], v[1], v[2], v[3], &b, &err) != ANNOT_OK)
		annot_raise_as(&err, "COCO bbox", NULL, NULL);
	PG_RETURN_BBOX(bbox_palloc(&b));
}

PG_FUNCTION_INFO_V1(bbox_to_coco);
Datum
bbox_to_coco(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX(0);
	char		n[4][ANNOT_DBL_BUFLEN];
	char		buf[4 * ANNOT_DBL_BUFLEN + 8];

	annot_format_double(n[0], b->x1);
	annot_format_double(n[1], b->y1);
	annot_format_double(n[2], annot_bbox_coco_extent(b->x1, b->x2));
	annot_format_double(n[3], annot_bbox_coco_extent(b->y1, b->y2));
	snprintf(buf, sizeof(buf), "[%s, %s, %s, %s]", n[0], n[1], n[2], n[3]);
	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(buf));
}

PG_FUNCTION_INFO_V1(bbox_to_box);
Datum
bbox_to_box(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX(0);
	BOX		   *r = palloc(sizeof(BOX));

	r->low.x = b->x1;
	r->low.y = b->y1;
	r->high.x = b->x2;
	r->high.y = b->y2;
	PG_RETURN_BOX_P(r);
}

PG_FUNCTION_INFO_V1(bbox_from_box);
Datum
bbox_from_box(PG_FUNCTION_ARGS)
{
	BOX		   *box = PG_GETARG_BOX_P(0);
	annot_bbox	b;

	/* box_in normalizes, so low <= high; only NaN and infinities remain */
	b.x1 = box->low.x;
	b.y1 = box->low.y;
	b.x2 = box->high.x;
	b.y2 = box->high.y;
	PG_RETURN_BBOX(bbox_checked(&b));
}

PG_FUNCTION_INFO_V1(bbox_to_wkb);
Datum
bbox_to_wkb(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX(0);
	const int32_t npts = 5;
	const double xy[10] = {b->x1, b->y1, b->x2, b->y1, b->x2, b->y2,
	b->x1, b->y2, b->x1, b->y1};
	size_t		size = annot_wkb_polygon_size(1, &npts);
	bytea	   *r = palloc(VARHDRSZ + size);

	SET_VARSIZE(r, VARHDRSZ + size);
	annot_wkb_write_polygon((uint8_t *) VARDATA(r), 1, &npts, xy);
	PG_RETURN_BYTEA_P(r);
}

/* annot.bbox_from_wkb(bytea): the envelope of a WKB (multi)polygon */
PG_FUNCTION_INFO_V1(bbox_from_wkb);
Datum
bbox_from_wkb(PG_FUNCTION_ARGS)
{
	bytea	   *wkb = PG_GETARG_BYTEA_PP(0);
	annot_wkb_rings rings;
	annot_err	err;
	annot_bbox	b;
	int32_t		i;

	annot_err_init(&err);
	if (annot_wkb_read_rings((const uint8_t *) VARDATA_ANY(wkb),
							 VARSIZE_ANY_EXHDR(wkb), &rings, &err) != ANNOT_OK)
		annot_raise_as(&err, "WKB", NULL, NULL);
	if (rings.npoints == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid WKB"),
				 errdetail("An empty geometry has no bounding box.")));
	b.x1 = b.x2 = rings.xy[0];
	b.y1 = b.y2 = rings.xy[1];
	for (i = 1; i < rings.npoints; i++)
	{
		b.x1 = fmin(b.x1, rings.xy[2 * i]);
		b.x2 = fmax(b.x2, rings.xy[2 * i]);
		b.y1 = fmin(b.y1, rings.xy[2 * i + 1]);
		b.y2 = fmax(b.y2, rings.xy[2 * i + 1]);
	}
	annot_wkb_rings_free(&rings);
	PG_RETURN_BBOX(bbox_palloc(&b));
}

/* Accessors */

#define BBOX_FLOAT_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	annot_bbox *b = PG_GETARG_BBOX(0); \
	PG_RETURN_FLOAT8(expr); \
}

BBOX_FLOAT_FN(bbox_x1, b->x1)
BBOX_FLOAT_FN(bbox_y1, b->y1)
BBOX_FLOAT_FN(bbox_x2, b->x2)
BBOX_FLOAT_FN(bbox_y2, b->y2)
BBOX_FLOAT_FN(bbox_width, annot_bbox_width(b))
BBOX_FLOAT_FN(bbox_height, annot_bbox_height(b))
BBOX_FLOAT_FN(bbox_area, annot_bbox_area(b))

PG_FUNCTION_INFO_V1(bbox_center);
Datum
bbox_center(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX(0);
	Point	   *p = palloc(sizeof(Point));

	/* halves first: (x1 + x2) / 2 could overflow */
	p->x = b->x1 / 2 + b->x2 / 2;
	p->y = b->y1 / 2 + b->y2 / 2;
	PG_RETURN_POINT_P(p);
}

/* Pairwise similarity */

#define BBOX_PAIR_FLOAT_FN(name, fn) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_FLOAT8(fn(PG_GETARG_BBOX(0), PG_GETARG_BBOX(1))); \
}

BBOX_PAIR_FLOAT_FN(bbox_iou, annot_bbox_iou)
BBOX_PAIR_FLOAT_FN(bbox_giou, annot_bbox_giou)
BBOX_PAIR_FLOAT_FN(bbox_dice, annot_bbox_dice)
BBOX_PAIR_FLOAT_FN(bbox_inter_area, annot_bbox_inter_area)

PG_FUNCTION_INFO_V1(bbox_iou_crowd);
Datum
bbox_iou_crowd(PG_FUNCTION_ARGS)
{
	annot_bbox *dt = PG_GETARG_BBOX(0);
	annot_bbox *gt = PG_GETARG_BBOX(1);
	bool		crowd = PG_GETARG_BOOL(2);

	PG_RETURN_FLOAT8(crowd ? annot_bbox_iou_crowd(dt, gt) : annot_bbox_iou(dt, gt));
}

PG_FUNCTION_INFO_V1(bbox_intersection);
Datum
bbox_intersection(PG_FUNCTION_ARGS)
{
	annot_bbox	r;

	if (!annot_bbox_intersection(PG_GETARG_BBOX(0), PG_GETARG_BBOX(1), &r))
		PG_RETURN_NULL();
	PG_RETURN_BBOX(bbox_palloc(&r));
}

PG_FUNCTION_INFO_V1(bbox_cover);
Datum
bbox_cover(PG_FUNCTION_ARGS)
{
	annot_bbox	r;

	annot_bbox_cover(PG_GETARG_BBOX(0), PG_GETARG_BBOX(1), &r);
	PG_RETURN_BBOX(bbox_palloc(&r));
}

PG_FUNCTION_INFO_V1(bbox_clip);
Datum
bbox_clip(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX(0);
	double		w = PG_GETARG_FLOAT8(1);
	double		h = PG_GETARG_FLOAT8(2);
	annot_bbox	r;

	if (!(w >= 0) || !(h >= 0) || isinf(w) || isinf(h))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid image size for clip"),
				 errdetail("Image width and height must be finite and non-negative (got %g and %g).", w, h)));
	if (!annot_bbox_clip(b, w, h, &r))
		PG_RETURN_NULL();
	PG_RETURN_BBOX(bbox_palloc(&r));
}

/* Operators and btree/hash support */

#define BBOX_PRED_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	annot_bbox *a = PG_GETARG_BBOX(0); \
	annot_bbox *b = PG_GETARG_BBOX(1); \
	PG_RETURN_BOOL(expr); \
}

BBOX_PRED_FN(bbox_overlaps, annot_bbox_overlaps(a, b))
BBOX_PRED_FN(bbox_contains, annot_bbox_contains(a, b))
BBOX_PRED_FN(bbox_contained, annot_bbox_contains(b, a))
BBOX_PRED_FN(bbox_eq, annot_bbox_cmp(a, b) == 0)
BBOX_PRED_FN(bbox_ne, annot_bbox_cmp(a, b) != 0)
BBOX_PRED_FN(bbox_lt, annot_bbox_cmp(a, b) < 0)
BBOX_PRED_FN(bbox_le, annot_bbox_cmp(a, b) <= 0)
BBOX_PRED_FN(bbox_gt, annot_bbox_cmp(a, b) > 0)
BBOX_PRED_FN(bbox_ge, annot_bbox_cmp(a, b) >= 0)

PG_FUNCTION_INFO_V1(bbox_cmp);
Datum
bbox_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(annot_bbox_cmp(PG_GETARG_BBOX(0), PG_GETARG_BBOX(1)));
}

PG_FUNCTION_INFO_V1(bbox_hash);
Datum
bbox_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) annot_bbox_hash(PG_GETARG_BBOX(0), 0));
}

PG_FUNCTION_INFO_V1(bbox_hash_extended);
Datum
bbox_hash_extended(PG_FUNCTION_ARGS)
{
	/* seed 0 must give the low 32 bits of bbox_hash, as hash_any_extended does */
	PG_RETURN_INT64((int64) annot_bbox_hash(PG_GETARG_BBOX(0),
											(uint64_t) PG_GETARG_INT64(1)));
}

/* GiST support: the keys are boxes themselves */

#define BBOX_STRATEGY_EQ 6		/* RTSameStrategyNumber, as box_ops has ~= */

PG_FUNCTION_INFO_V1(bbox_gist_consistent);
Datum
bbox_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	annot_bbox *query = PG_GETARG_BBOX(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	annot_bbox *key = (annot_bbox *) DatumGetPointer(entry->key);
	bool		leaf = GIST_LEAF(entry);

	*recheck = false;
	if (key == NULL)
		PG_RETURN_BOOL(false);

	switch (strategy)
	{
		case RTOverlapStrategyNumber:
			PG_RETURN_BOOL(annot_bbox_overlaps(key, query));
		case RTContainsStrategyNumber:
			PG_RETURN_BOOL(annot_bbox_contains(key, query));
		case RTContainedByStrategyNumber:
			if (leaf)
				PG_RETURN_BOOL(annot_bbox_contains(query, key));
			PG_RETURN_BOOL(annot_bbox_overlaps(key, query));
		case BBOX_STRATEGY_EQ:
			if (leaf)
				PG_RETURN_BOOL(annot_bbox_cmp(key, query) == 0);
			PG_RETURN_BOOL(annot_bbox_contains(key, query));
	}
	elog(ERROR, "unrecognized strategy number: %d", strategy);
	PG_RETURN_BOOL(false);
}

PG_FUNCTION_INFO_V1(bbox_gist_union);
Datum
bbox_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *sizep = (int *) PG_GETARG_POINTER(1);
	annot_bbox *u = palloc(sizeof(annot_bbox));
	int			i;

	*u = *(annot_bbox *) DatumGetPointer(entryvec->vector[0].key);
	for (i = 1; i < entryvec->n; i++)
		annot_bbox_cover(u, (annot_bbox *) DatumGetPointer(entryvec->vector[i].key), u);
	*sizep = sizeof(annot_bbox);
	PG_RETURN_POINTER(u);
}

/* Area plus a small share of the margin, so zero-area boxes still differ. */
static double
bbox_size(const annot_bbox *b)
{
	double		w = b->x2 - b->x1;
	double		h = b->y2 - b->y1;

	return w * h + 1e-9 * (w + h);
}

PG_FUNCTION_INFO_V1(bbox_gist_penalty);
Datum
bbox_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *origentry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *newentry = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);
	annot_bbox *orig = (annot_bbox *) DatumGetPointer(origentry->key);
	annot_bbox *add = (annot_bbox *) DatumGetPointer(newentry->key);
	annot_bbox	u;
	double		d;

	annot_bbox_cover(orig, add, &u);
	d = bbox_size(&u) - bbox_size(orig);
	*penalty = (float) (d > 0 ? d : 0);
	PG_RETURN_POINTER(penalty);
}

typedef struct split_item
{
	OffsetNumber off;
	double		center;
} split_item;

static int
split_item_cmp(const void *a, const void *b)
{
	double		x = ((const split_item *) a)->center;
	double		y = ((const split_item *) b)->center;

	return (x > y) - (x < y);
}

/*
 * Split along the axis where the centers spread most, halving the sorted
 * entries: cheap, balanced, and good for the many small, similar boxes that
 * annotation tables hold.
 */
PG_FUNCTION_INFO_V1(bbox_gist_picksplit);
Datum
bbox_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			n = maxoff - FirstOffsetNumber + 1;
	split_item *items = palloc(sizeof(split_item) * n);
	annot_bbox *left = palloc(sizeof(annot_bbox));
	annot_bbox *right = palloc(sizeof(annot_bbox));
	double		minx = INFINITY,
				maxx = -INFINITY,
				miny = INFINITY,
				maxy = -INFINITY;
	bool		use_x;
	OffsetNumber i;
	int			k;

	for (i = FirstOffsetNumber; i <= maxoff; i = OffsetNumberNext(i))
	{
		annot_bbox *b = (annot_bbox *) DatumGetPointer(entryvec->vector[i].key);
		double		cx = b->x1 / 2 + b->x2 / 2;
		double		cy = b->y1 / 2 + b->y2 / 2;

		minx = fmin(minx, cx);
		maxx = fmax(maxx, cx);
		miny = fmin(miny, cy);
		maxy = fmax(maxy, cy);
	}
	use_x = (maxx - minx) >= (maxy - miny);
	for (i = FirstOffsetNumber, k = 0; i <= maxoff; i = OffsetNumberNext(i), k++)
	{
		annot_bbox *b = (annot_bbox *) DatumGetPointer(entryvec->vector[i].key);

		items[k].off = i;
		items[k].center = use_x ? b->x1 / 2 + b->x2 / 2 : b->y1 / 2 + b->y2 / 2;
	}
	qsort(items, n, sizeof(split_item), split_item_cmp);

	v->spl_left = palloc(sizeof(OffsetNumber) * n);
	v->spl_right = palloc(sizeof(OffsetNumber) * n);
	v->spl_nleft = v->spl_nright = 0;
	for (k = 0; k < n; k++)
	{
		annot_bbox *b = (annot_bbox *) DatumGetPointer(entryvec->vector[items[k].off].key);

		if (k < n / 2)
		{
			if (v->spl_nleft == 0)
				*left = *b;
			else
				annot_bbox_cover(left, b, left);
			v->spl_left[v->spl_nleft++] = items[k].off;
		}
		else
		{
			if (v->spl_nright == 0)
				*right = *b;
			else
				annot_bbox_cover(right, b, right);
			v->spl_right[v->spl_nright++] = items[k].off;
		}
	}
	v->spl_ldatum = PointerGetDatum(left);
	v->spl_rdatum = PointerGetDatum(right);
	pfree(items);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(bbox_gist_same);
Datum
bbox_gist_same(PG_FUNCTION_ARGS)
{
	annot_bbox *a = PG_GETARG_BBOX(0);
	annot_bbox *b = PG_GETARG_BBOX(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = annot_bbox_equal(a, b);
	PG_RETURN_POINTER(result);
}
