/*
 * coco_json.h -- reading COCO JSON: a dataset ({"images", "annotations",
 * "categories", ...}) or a results list ([{"image_id", "category_id",
 * "bbox" | "segmentation" | "keypoints", "score"}, ...]).
 *
 * The reader walks the text once and keeps only what evaluation and the
 * row functions use; unknown keys are skipped.  Every failure names the
 * annotation (its position and id) and the field.
 */
#ifndef ANNOT_COCO_JSON_H
#define ANNOT_COCO_JSON_H

#include "annot_core.h"

/* Limits: items of each list, and numbers in one annotation's geometry. */
#define ANNOT_COCO_MAX_ITEMS 50000000
#define ANNOT_COCO_MAX_NUMBERS 10000000

typedef enum annot_coco_seg
{
	ANNOT_SEG_NONE = 0,
	ANNOT_SEG_POLY,				/* [[x1,y1,...], ...] */
	ANNOT_SEG_RLE_STRING,		/* {"size": [h, w], "counts": "..."} */
	ANNOT_SEG_RLE_COUNTS		/* {"size": [h, w], "counts": [c0, ...]} */
} annot_coco_seg;

#define ANNOT_COCO_HAS_BBOX		0x01
#define ANNOT_COCO_HAS_AREA		0x02
#define ANNOT_COCO_HAS_SCORE	0x04
#define ANNOT_COCO_HAS_ID		0x08
#define ANNOT_COCO_HAS_NUMKP	0x10
#define ANNOT_COCO_HAS_IGNORE	0x20
#define ANNOT_COCO_HAS_CATEGORY	0x40

typedef struct annot_coco_ann
{
	int64_t		id;
	int64_t		image_id;
	int64_t		category_id;
	uint32_t	flags;			/* ANNOT_COCO_HAS_* */
	bool		iscrowd;
	bool		ignore;			/* the "ignore" field, when present */
	int64_t		num_keypoints;
	double		area;
	double		score;
	double		bbox[4];		/* x, y, width, height */
	annot_coco_seg seg;
	uint32_t	nrings;			/* POLY: rings, their point counts in npts */
	uint32_t   *npts;
	double	   *xy;				/* POLY: all points; also the RLE counts */
	int64_t		rle_h;
	int64_t		rle_w;
	char	   *counts;			/* RLE_STRING: the string */
	size_t		counts_len;
	size_t		ncounts;		/* RLE_COUNTS: counts in xy (integers) */
	double	   *kp;				/* keypoints, nkp numbers */
	size_t		nkp;
} annot_coco_ann;

typedef struct annot_coco_image
{
	int64_t		id;
	int64_t		height;			/* -1 when absent */
	int64_t		width;
	char	   *file_name;		/* NULL when absent */
} annot_coco_image;

typedef struct annot_coco_category
{
	int64_t		id;
	char	   *name;			/* NULL when absent */
	char	   *supercategory;
} annot_coco_category;

typedef struct annot_coco_doc
{
	bool		is_list;		/* a results list rather than a dataset */
	bool		result_areas;	/* results keep the area they carry */
	annot_coco_ann *anns;
	size_t		nanns;
	annot_coco_image *images;
	size_t		nimages;
	annot_coco_category *cats;
	size_t		ncats;
} annot_coco_doc;

/* Optional parts to read; without them the values are only checked. */
#define ANNOT_COCO_READ_SEGM		0x01
#define ANNOT_COCO_READ_KEYPOINTS	0x02
#define ANNOT_COCO_READ_ALL			0x03

/*
 * Read len bytes of JSON text, with the optional parts in fields.  Malformed JSON is syntax_status; a value
 * of the wrong shape (a bbox that is not 4 numbers, a negative width, an
 * id that is not an integer, ...) is ANNOT_EPARAM naming the item and the
 * field; lists over the limits ANNOT_ELIMIT.  On failure doc is left
 * empty.
 */
annot_status annot_coco_read(const char *text, size_t len,
							 annot_status syntax_status, unsigned fields,
							 annot_coco_doc *doc, annot_err *err);

void		annot_coco_doc_free(annot_coco_doc *doc);

#endif							/* ANNOT_COCO_JSON_H */
