/*
 * bytes.h -- fixed-width integers and doubles to and from byte buffers, and
 * a bounded reader.
 *
 * Three byte orders occur: big-endian (network order: PostgreSQL's binary
 * send/receive and the agreement states' wire format), little-endian (the
 * WKB that annot writes; WKB may arrive in either order) and host order
 * (values stored on disk, read back only by the same build).  The put and
 * get helpers work on raw pointers whose bounds the caller has checked; the
 * reader checks the bytes left before every read, so a decoder written with
 * it cannot overread whatever lengths its input claims.
 */
#ifndef ANNOT_BYTES_H
#define ANNOT_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Writers: store v at p and return the byte after it. */

static inline uint8_t *
annot_put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t) (v >> 24);
	p[1] = (uint8_t) (v >> 16);
	p[2] = (uint8_t) (v >> 8);
	p[3] = (uint8_t) v;
	return p + 4;
}

static inline uint8_t *
annot_put_be64(uint8_t *p, uint64_t v)
{
	p = annot_put_be32(p, (uint32_t) (v >> 32));
	return annot_put_be32(p, (uint32_t) v);
}

static inline uint8_t *
annot_put_be_double(uint8_t *p, double d)
{
	uint64_t	v;

	memcpy(&v, &d, 8);
	return annot_put_be64(p, v);
}

static inline uint8_t *
annot_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t) v;
	p[1] = (uint8_t) (v >> 8);
	p[2] = (uint8_t) (v >> 16);
	p[3] = (uint8_t) (v >> 24);
	return p + 4;
}

static inline uint8_t *
annot_put_le_double(uint8_t *p, double d)
{
	uint64_t	v;

	memcpy(&v, &d, 8);
	p = annot_put_le32(p, (uint32_t) v);
	return annot_put_le32(p, (uint32_t) (v >> 32));
}

/* Host order, for stored values: p need not be aligned. */
static inline uint8_t *
annot_put_host32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
	return p + 4;
}

/*
 * A writer advancing through a buffer the caller sized beforehand (the
 * "ask for the size, then fill" pattern): no bounds are checked here.
 */
typedef struct annot_writer
{
	uint8_t    *p;				/* next byte to write */
} annot_writer;

static inline void
annot_write_u8(annot_writer *w, uint8_t v)
{
	*w->p++ = v;
}

static inline void
annot_write_be32(annot_writer *w, uint32_t v)
{
	w->p = annot_put_be32(w->p, v);
}

static inline void
annot_write_be64(annot_writer *w, uint64_t v)
{
	w->p = annot_put_be64(w->p, v);
}

static inline void
annot_write_be_double(annot_writer *w, double v)
{
	w->p = annot_put_be_double(w->p, v);
}

/* Readers of the same forms: the caller has checked that the bytes exist. */

static inline uint32_t
annot_get_be32(const uint8_t *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

static inline uint64_t
annot_get_be64(const uint8_t *p)
{
	return ((uint64_t) annot_get_be32(p) << 32) | annot_get_be32(p + 4);
}

static inline double
annot_get_be_double(const uint8_t *p)
{
	uint64_t	v = annot_get_be64(p);
	double		d;

	memcpy(&d, &v, 8);
	return d;
}

static inline uint32_t
annot_get_le32(const uint8_t *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) |
		((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
}

static inline uint64_t
annot_get_le64(const uint8_t *p)
{
	return (uint64_t) annot_get_le32(p) | ((uint64_t) annot_get_le32(p + 4) << 32);
}

static inline double
annot_get_le_double(const uint8_t *p)
{
	uint64_t	v = annot_get_le64(p);
	double		d;

	memcpy(&d, &v, 8);
	return d;
}

static inline uint32_t
annot_get_host32(const uint8_t *p)
{
	uint32_t	v;

	memcpy(&v, p, 4);
	return v;
}

/*
 * A bounded reader over len bytes at buf.  Each annot_read_* returns false,
 * reading nothing, when fewer bytes are left than it needs; multi-byte
 * values are read in the reader's byte order.
 */
typedef struct annot_reader
{
	const uint8_t *p;			/* next byte */
	const uint8_t *end;			/* one past the last byte */
	const uint8_t *start;		/* the first byte: positions count from it */
	bool		big_endian;
} annot_reader;

static inline void
annot_reader_init(annot_reader *r, const uint8_t *buf, size_t len,
				  bool big_endian)
{
	r->p = buf;
	r->end = buf + len;
	r->start = buf;
	r->big_endian = big_endian;
}

/* Bytes not read yet. */
static inline size_t
annot_reader_left(const annot_reader *r)
{
	return (size_t) (r->end - r->p);
}

/* Offset of the next byte, for error positions. */
static inline long
annot_reader_pos(const annot_reader *r)
{
	return (long) (r->p - r->start);
}

static inline bool
annot_read_bytes(annot_reader *r, void *dst, size_t n)
{
	if (annot_reader_left(r) < n)
		return false;
	memcpy(dst, r->p, n);
	r->p += n;
	return true;
}

static inline bool
annot_read_u8(annot_reader *r, uint8_t *v)
{
	if (annot_reader_left(r) < 1)
		return false;
	*v = *r->p++;
	return true;
}

static inline bool
annot_read_u32(annot_reader *r, uint32_t *v)
{
	if (annot_reader_left(r) < 4)
		return false;
	*v = r->big_endian ? annot_get_be32(r->p) : annot_get_le32(r->p);
	r->p += 4;
	return true;
}

static inline bool
annot_read_u64(annot_reader *r, uint64_t *v)
{
	if (annot_reader_left(r) < 8)
		return false;
	*v = r->big_endian ? annot_get_be64(r->p) : annot_get_le64(r->p);
	r->p += 8;
	return true;
}

static inline bool
annot_read_double(annot_reader *r, double *v)
{
	uint64_t	u;

	if (!annot_read_u64(r, &u))
		return false;
	memcpy(v, &u, 8);
	return true;
}

#endif							/* ANNOT_BYTES_H */
