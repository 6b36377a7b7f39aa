/*
 * yolo.h -- YOLO label files: one object a line, "class cx cy w h" with
 * the centre, width and height normalized by the image's width and height
 * (and, in detection output, a sixth number: the confidence).
 */
#ifndef ANNOT_YOLO_H
#define ANNOT_YOLO_H

#include "annot_core.h"
#include "bbox.h"

/* Lines of one file at most. */
#define ANNOT_YOLO_MAX_LINES 1000000

typedef struct annot_yolo_row
{
	int32_t		line;			/* 1-based line number */
	int64_t		cls;
	annot_bbox	box;			/* in pixels */
	double		score;			/* NaN without a sixth number */
} annot_yolo_row;

/*
 * Parse len bytes of a YOLO file for an image of width x height pixels
 * into an annot_alloc'd array.  Blank lines are skipped; each other line
 * holds an integer class >= 0 and four numbers (width and height >= 0),
 * optionally a fifth; anything else is ANNOT_ESYNTAX naming the line.
 */
annot_status annot_yolo_parse(const char *text, size_t len, double width,
							  double height, annot_yolo_row **rows,
							  size_t *nrows, annot_err *err);

/* Bytes of a formatted line, terminator included. */
#define ANNOT_YOLO_LINELEN (24 + 5 * ANNOT_DBL_BUFLEN)

/*
 * One line "class cx cy w h" (and " score" when score is not NaN) for a
 * box in an image of width x height (both > 0), shortest round-trip
 * numbers, no newline.  Returns the length.
 */
int			annot_yolo_format(int64_t cls, const annot_bbox *box, double width,
							  double height, double score, char *buf);

#endif							/* ANNOT_YOLO_H */
