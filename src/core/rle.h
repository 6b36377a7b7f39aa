/*
 * rle.h -- binary masks as COCO run-length encodings.
 *
 * A mask of h x w pixels is read in COCO's column-major order: pixel (x, y)
 * is at linear position x * h + y.  COCO stores it as run lengths
 * ("counts") that alternate background and foreground, starting with
 * background (a first count of 0 when pixel 0 is foreground).  In memory
 * the core keeps the foreground as sorted, disjoint, non-adjacent
 * half-open intervals [start, end) of linear positions (annot_ivals); every
 * way in (COCO string, counts array, binary message, bitmap, rasterizer)
 * goes through one builder that validates and canonicalizes, so equal
 * masks have equal encodings.
 *
 * Canonical counts, as pycocotools' encoder writes them: the first count
 * may be 0, no other count is 0, and the counts sum to h * w.  An empty
 * mask is [h*w], a full one [0, h*w].
 *
 * On disk a mask is a header and the counts as zigzag LEB128 varints of
 * the same deltas COCO's string uses (see FORMAT.md); the varints never
 * take more bytes than COCO's 6-bit characters.
 */
#ifndef ANNOT_RLE_H
#define ANNOT_RLE_H

#include "annot_core.h"

/*
 * Largest mask accepted, in pixels (h * w): positions and counts fit in a
 * signed 32-bit integer, which keeps pycocotools' unsigned 32-bit counts
 * and PostgreSQL's integer type safe.  A 46340 x 46340 image is within it.
 */
#define ANNOT_MASK_MAX_PIXELS ((uint64_t) 0x7fffffff)

/*
 * Most counts a mask may have (twice its foreground runs): the runs of one
 * decoded mask then take at most 256 MB, and its stored form and COCO
 * string at least 64 MB.  Building a mask past it is ANNOT_ELIMIT.
 */
#define ANNOT_MASK_MAX_COUNTS ((uint64_t) 1 << 26)
#define ANNOT_MASK_MAX_RUNS (ANNOT_MASK_MAX_COUNTS / 2)

#define ANNOT_MASK_VERSION 1
/* Serialized header length, not counting PostgreSQL's 4-byte length word. */
#define ANNOT_MASK_HDRSZ 36

/* Foreground of a mask as intervals; iv[2i], iv[2i+1] = start, end. */
typedef struct annot_ivals
{
	uint32_t	h;
	uint32_t	w;
	uint32_t	n;				/* number of intervals */
	uint32_t	cap;			/* intervals allocated */
	uint32_t   *iv;
} annot_ivals;

/* The header of a serialized mask and where its runs are. */
typedef struct annot_mask_view
{
	uint32_t	h;
	uint32_t	w;
	uint32_t	area;
	uint32_t	m;				/* number of counts */
	uint32_t	bbox[4];		/* x, y, width, height as pycocotools toBbox */
	const uint8_t *runs;
	size_t		nbytes;
} annot_mask_view;

/*
 * The one builder behind every way in.  Counts are added in order; it
 * rejects negative counts and counts that run past h * w, merges
 * zero-length runs, and at the end requires the total to be h * w.
 * Failures use the on_error status given to init (ELIMIT for the size).
 */
typedef struct annot_mask_builder
{
	annot_ivals *out;
	uint64_t	pos;			/* pixels covered so far */
	uint64_t	total;			/* h * w */
	uint64_t	index;			/* counts added */
	annot_status on_error;
} annot_mask_builder;

/* Check h and w: positive and h * w within ANNOT_MASK_MAX_PIXELS. */
annot_status annot_mask_check_size(int64_t h, int64_t w, annot_status on_error,
								   annot_err *err);

void		annot_ivals_init(annot_ivals *m, uint32_t h, uint32_t w);
void		annot_ivals_free(annot_ivals *m);
/* Make room for at least n intervals. */
annot_status annot_ivals_reserve(annot_ivals *m, uint64_t n, annot_err *err);
/* Append [s, e) at the end, merging with the last interval if adjacent. */
annot_status annot_ivals_push(annot_ivals *m, uint32_t s, uint32_t e,
							  annot_err *err);

annot_status annot_mask_builder_init(annot_mask_builder *b, annot_ivals *out,
									 int64_t h, int64_t w,
									 annot_status on_error, annot_err *err);
annot_status annot_mask_builder_add(annot_mask_builder *b, int64_t count,
									annot_err *err);
annot_status annot_mask_builder_finish(annot_mask_builder *b, annot_err *err);

/* Number of pixels of the foreground. */
uint64_t	annot_ivals_area(const annot_ivals *m);

/* Bounding box [x, y, width, height] as pycocotools' toBbox; zeros if empty. */
void		annot_ivals_bbox(const annot_ivals *m, uint32_t bbox[4]);

/* Number of COCO counts of the canonical encoding. */
uint64_t	annot_ivals_ncounts(const annot_ivals *m);

/* The i-th canonical count, walking from 0; see annot_counts_iter. */
typedef struct annot_counts_iter
{
	const annot_ivals *m;
	uint64_t	i;				/* next count */
	uint64_t	ncounts;
} annot_counts_iter;

void		annot_counts_iter_init(annot_counts_iter *it, const annot_ivals *m);
/* Next count into *c; false at the end. */
bool		annot_counts_next(annot_counts_iter *it, uint32_t *c);

/* COCO compressed counts string. */

/* Length of the COCO string of m (without a terminator). */
size_t		annot_mask_coco_strlen(const annot_ivals *m);
/* Write the COCO string of m into buf (annot_mask_coco_strlen() + 1 bytes). */
void		annot_mask_coco_string(const annot_ivals *m, char *buf);

/*
 * Decode a COCO counts string of len bytes (it need not be terminated)
 * for an h x w mask.  Only the characters '0'..'o' are legal; a value may
 * take at most 7 characters and must not be cut off by the end.
 */
annot_status annot_mask_from_coco_string(const char *s, size_t len,
										 int64_t h, int64_t w,
										 annot_status on_error,
										 annot_ivals *out, annot_err *err);

/* Serialized (on-disk) form. */

/* Bytes of the serialized form, header included. */
size_t		annot_mask_serial_size(const annot_ivals *m);
/* Write the serialized form into buf (annot_mask_serial_size() bytes). */
void		annot_mask_serialize(const annot_ivals *m, uint8_t *buf);

/*
 * Read the header of a serialized mask of len bytes (any alignment) and
 * check it: version, flags, sizes, and run bytes that cannot run past the
 * end.  Failures are ANNOT_ECORRUPT.
 */
annot_status annot_mask_open(const uint8_t *buf, size_t len,
							 annot_mask_view *v, annot_err *err);

/*
 * Decode the runs of an opened mask into out, checking them against the
 * header (count, sum, area) and for canonical form: ANNOT_ECORRUPT when
 * they disagree.
 */
annot_status annot_mask_decode(const annot_mask_view *v, annot_ivals *out,
							   annot_err *err);

/* Intervals that decoding an opened mask may produce at most. */
#define ANNOT_MASK_DECODE_CAP(v) ((uint64_t) (v)->m / 2 + 1)

/*
 * The same into caller-provided space of ANNOT_MASK_DECODE_CAP(v)
 * intervals (iv[2k], iv[2k+1]); *n receives the number of intervals.
 */
annot_status annot_mask_decode_into(const annot_mask_view *v, uint32_t *iv,
									uint32_t *n, annot_err *err);

/* Length of the COCO string of a serialized mask, and the string itself. */
size_t		annot_mask_view_coco_strlen(const annot_mask_view *v);
void		annot_mask_view_coco_string(const annot_mask_view *v, char *buf);

/* Binary wire format (send/recv): see FORMAT.md. */

size_t		annot_mask_binary_size(const annot_ivals *m);
void		annot_mask_binary_write(const annot_ivals *m, uint8_t *buf);
/* Failures are ANNOT_EBINARY (or ANNOT_ELIMIT for the size). */
annot_status annot_mask_binary_read(const uint8_t *buf, size_t len,
									annot_ivals *out, annot_err *err);

/*
 * Bitmaps: h * w bytes in row-major order (numpy's C order of an (h, w)
 * array): pixel (x, y) is byte y * w + x; 0 is background, any other
 * value foreground.
 */
annot_status annot_mask_from_bitmap(const uint8_t *buf, size_t len,
									int64_t h, int64_t w,
									annot_ivals *out, annot_err *err);
/*
 * Largest bitmap written: its hex text form (2 characters a byte) must fit
 * in one PostgreSQL value of at most 1 GB.
 */
#define ANNOT_BITMAP_MAX_BYTES (((uint64_t) 1 << 29) - 1024)

/* Check that the bitmap of an h x w mask is within the limit (ELIMIT). */
annot_status annot_mask_check_bitmap(uint32_t h, uint32_t w, annot_err *err);

/* Write h * w bytes of 0 and 1 into buf. */
void		annot_mask_to_bitmap(const annot_ivals *m, uint8_t *buf);

#endif							/* ANNOT_RLE_H */
