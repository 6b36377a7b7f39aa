/*
 * match_objects.c -- object sets: building, checking and the stored form.
 */
#include "match.h"

#include <math.h>
#include <string.h>

#include "keypoints.h"
#include "poly.h"
#include "rle.h"

#define ALIGN8(x) (((x) + 7) & ~(size_t) 7)

size_t
annot_objset_size(uint32_t n, uint32_t data_len)
{
	return sizeof(annot_objset) + (size_t) n * sizeof(annot_obj_rec) + data_len;
}

const char *
annot_obj_kind_name(int kind)
{
	switch (kind)
	{
		case ANNOT_OBJ_BBOX:
			return "bbox";
		case ANNOT_OBJ_POLY:
			return "poly";
		case ANNOT_OBJ_MASK:
			return "mask";
		case ANNOT_OBJ_KEYPOINTS:
			return "keypoints";
	}
	return "none";
}

/* The varlena length word of a stored value with a 4-byte header. */
static uint32_t
varlena_size(const uint8_t *p)
{
	uint32_t	w;

	memcpy(&w, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return w & 0x3FFFFFFF;
#else
	return w >> 2;
#endif
}

/* Check one geometry of kind stored in len bytes at p (8-aligned). */
static annot_status
check_shape(int kind, const uint8_t *p, uint32_t len, annot_status on_error,
			annot_err *err)
{
	annot_err	inner;
	annot_status st = ANNOT_OK;

	annot_err_init(&inner);
	switch (kind)
	{
		case ANNOT_OBJ_BBOX:
			if (len != sizeof(annot_bbox))
				return annot_fail(err, on_error, -1, "A box takes %zu bytes, not %u.",
								  sizeof(annot_bbox), len);
			st = annot_bbox_validate((const annot_bbox *) p, on_error, &inner);
			break;
		case ANNOT_OBJ_POLY:
			if (len < 4 || varlena_size(p) != len)
				return annot_fail(err, on_error, -1, "A polygon's length word disagrees.");
			st = annot_poly_check((const annot_poly *) p, len, &inner);
			break;
		case ANNOT_OBJ_MASK:
			{
				annot_mask_view v;

				if (len < 4 || varlena_size(p) != len)
					return annot_fail(err, on_error, -1, "A mask's length word disagrees.");
				st = annot_mask_open(p + 4, len - 4, &v, &inner);
				break;
			}
		case ANNOT_OBJ_KEYPOINTS:
			if (len < 4 || varlena_size(p) != len)
				return annot_fail(err, on_error, -1, "A keypoints value's length word disagrees.");
			st = annot_kpts_check((const annot_kpts *) p, len, &inner);
			break;
		default:
			return annot_fail(err, on_error, -1, "Unknown geometry kind %d.", kind);
	}
	if (st != ANNOT_OK)
		return annot_fail(err, on_error, -1, "A %s fails its check: %s",
						  annot_obj_kind_name(kind), inner.detail);
	return ANNOT_OK;
}

annot_status
annot_objset_check(const annot_objset *s, size_t len, annot_status on_error,
				   annot_err *err)
{
	const uint8_t *data;

	annot_err_about(err, "objects", NULL);
	if (len < sizeof(annot_objset))
		return annot_fail(err, on_error, -1, "The value is shorter than its header.");
	if (s->version != ANNOT_OBJSET_VERSION || s->reserved != 0 ||
		s->kind > ANNOT_OBJ_KEYPOINTS || (s->kind == 0) != (s->n == 0))
		return annot_fail(err, on_error, -1,
						  "Unknown version %d, kind %d or reserved field.",
						  s->version, s->kind);
	if (s->n > ANNOT_OBJSET_MAX_OBJECTS ||
		len != annot_objset_size(s->n, s->data_len))
		return annot_fail(err, on_error, -1,
						  "%u objects and %u data bytes do not fit the size %zu.",
						  s->n, s->data_len, len);
	data = annot_objset_data(s);
	for (uint32_t i = 0; i < s->n; i++)
	{
		const annot_obj_rec *r = &s->rec[i];
		annot_status st;

		if ((i & 1023) == 0)
			annot_check_interrupts();
		if ((r->flags & ~(uint32_t) ANNOT_OBJ_CROWD) != 0 || r->reserved != 0 ||
			(r->label_len != UINT32_MAX &&
			 ((uint64_t) r->label_off + r->label_len > s->data_len)) ||
			(uint64_t) r->shape_off + r->shape_len > s->data_len ||
			(r->shape_off & 7) != 0 ||
			!(isnan(r->score) || isfinite(r->score)) ||
			!(isnan(r->area) || (isfinite(r->area) && r->area >= 0)))
			return annot_fail(err, on_error, -1,
							  "Object %u has a bad field or offset.", i + 1);
		st = check_shape(s->kind, data + r->shape_off, r->shape_len, on_error, err);
		if (st != ANNOT_OK)
			return st;
	}
	return ANNOT_OK;
}

void
annot_objset_builder_init(annot_objset_builder *b)
{
	memset(b, 0, sizeof(*b));
}

void
annot_objset_builder_free(annot_objset_builder *b)
{
	annot_free(b->rec);
	annot_free(b->data);
	annot_objset_builder_init(b);
}

/* Make room for one more record and extra data bytes (plus alignment). */
static annot_status
builder_reserve(annot_objset_builder *b, size_t extra, annot_err *err)
{
	if (b->n >= ANNOT_OBJSET_MAX_OBJECTS ||
		annot_objset_size(b->n + 1, 0) + ALIGN8(b->data_len) + extra >
		ANNOT_OBJSET_MAX_BYTES)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "An object set holds at most %d objects and 1 GB.",
						  ANNOT_OBJSET_MAX_OBJECTS);
	if (b->n == b->cap)
	{
		uint32_t	cap = b->cap ? 2 * b->cap : 64;
		annot_obj_rec *r = annot_realloc(b->rec, cap * sizeof(annot_obj_rec));

		if (r == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		b->rec = r;
		b->cap = cap;
	}
	if (ALIGN8(b->data_len) + extra > b->data_cap)
	{
		size_t		cap = b->data_cap ? 2 * b->data_cap : 4096;
		uint8_t    *d;

		while (cap < ALIGN8(b->data_len) + extra)
			cap *= 2;
		d = annot_realloc(b->data, cap);
		if (d == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		b->data = d;
		b->data_cap = cap;
	}
	return ANNOT_OK;
}

annot_status
annot_objset_builder_add(annot_objset_builder *b, int kind,
						 int64_t image_id, int64_t id,
						 const char *label, size_t label_len,
						 const void *shape, size_t shape_len,
						 double score, bool crowd, double area,
						 annot_err *err)
{
	annot_obj_rec *r;
	annot_status st;

	annot_err_about(err, "objects", NULL);
	if (b->kind != 0 && b->kind != kind)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "A set holds one kind of geometry: %s, not %s.",
						  annot_obj_kind_name(b->kind), annot_obj_kind_name(kind));
	if (!(isnan(score) || isfinite(score)))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "The score of object %lld is not finite.", (long long) id);
	if (!(isnan(area) || (isfinite(area) && area >= 0)))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "The area of object %lld must be finite and >= 0.",
						  (long long) id);
	if (label != NULL && label_len >= UINT32_MAX)
		return annot_fail(err, ANNOT_ELIMIT, -1, "A label is too long.");
	st = builder_reserve(b, (label ? label_len : 0) + ALIGN8(shape_len) + 8, err);
	if (st != ANNOT_OK)
		return st;
	b->kind = kind;
	r = &b->rec[b->n++];
	memset(r, 0, sizeof(*r));
	r->image_id = image_id;
	r->id = id;
	r->score = score;
	r->area = area;
	r->flags = crowd ? ANNOT_OBJ_CROWD : 0;
	b->data_len = ALIGN8(b->data_len);
	r->shape_off = (uint32_t) b->data_len;
	r->shape_len = (uint32_t) shape_len;
	memcpy(b->data + b->data_len, shape, shape_len);
	b->data_len += shape_len;
	if (label == NULL)
	{
		r->label_off = 0;
		r->label_len = UINT32_MAX;
	}
	else
	{
		r->label_off = (uint32_t) b->data_len;
		r->label_len = (uint32_t) label_len;
		memcpy(b->data + b->data_len, label, label_len);
		b->data_len += label_len;
	}
	return ANNOT_OK;
}

annot_status
annot_objset_builder_append(annot_objset_builder *b, const annot_objset *s,
							annot_err *err)
{
	const uint8_t *data = annot_objset_data(s);

	for (uint32_t i = 0; i < s->n; i++)
	{
		const annot_obj_rec *r = &s->rec[i];
		annot_status st;

		st = annot_objset_builder_add(b, s->kind, r->image_id, r->id,
									  r->label_len == UINT32_MAX ? NULL :
									  (const char *) data + r->label_off,
									  r->label_len == UINT32_MAX ? 0 : r->label_len,
									  data + r->shape_off, r->shape_len,
									  r->score, (r->flags & ANNOT_OBJ_CROWD) != 0,
									  r->area, err);
		if (st != ANNOT_OK)
			return st;
	}
	return ANNOT_OK;
}

size_t
annot_objset_builder_size(const annot_objset_builder *b)
{
	return annot_objset_size(b->n, (uint32_t) ALIGN8(b->data_len));
}

void
annot_objset_builder_write(const annot_objset_builder *b, annot_objset *out)
{
	size_t		data_len = ALIGN8(b->data_len);

	out->version = ANNOT_OBJSET_VERSION;
	out->kind = (uint8_t) b->kind;
	out->reserved = 0;
	out->n = b->n;
	out->data_len = (uint32_t) data_len;
	if (b->n > 0)
		memcpy(out->rec, b->rec, (size_t) b->n * sizeof(annot_obj_rec));
	if (b->data_len > 0)
		memcpy((uint8_t *) &out->rec[b->n], b->data, b->data_len);
	memset((uint8_t *) &out->rec[b->n] + b->data_len, 0, data_len - b->data_len);
}
