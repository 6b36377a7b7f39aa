/*
 * voc_xml.h -- Pascal VOC annotation files: an <annotation> with the
 * image's <filename> and <size>, and one <object> per label with its
 * <name>, <pose>, <truncated>, <difficult> and <bndbox> (xmin, ymin, xmax,
 * ymax in pixels).
 *
 * The reader takes the XML VOC writes: elements, text, comments, the XML
 * declaration, CDATA and the five predefined entities and character
 * references; no DTDs.  Unknown elements are skipped.
 */
#ifndef ANNOT_VOC_XML_H
#define ANNOT_VOC_XML_H

#include "annot_core.h"
#include "bbox.h"

/* Objects of one file at most; text of one element at most. */
#define ANNOT_VOC_MAX_OBJECTS 1000000
#define ANNOT_VOC_MAX_TEXT 4096

typedef struct annot_voc_object
{
	char	   *name;			/* annot_alloc'd */
	char	   *pose;			/* NULL when absent */
	int			truncated;		/* -1 when absent */
	int			difficult;		/* -1 when absent */
	annot_bbox	box;
} annot_voc_object;

typedef struct annot_voc_doc
{
	char	   *filename;		/* NULL when absent */
	int64_t		width;			/* -1 when absent */
	int64_t		height;
	int64_t		depth;
	annot_voc_object *objects;
	size_t		nobjects;
} annot_voc_doc;

/*
 * Read len bytes of a VOC annotation file.  Malformed XML is ANNOT_ESYNTAX
 * with the byte offset; an object without a name or a complete, ordered
 * bndbox is ANNOT_EPARAM naming the object.
 */
annot_status annot_voc_read(const char *text, size_t len, annot_voc_doc *doc,
							annot_err *err);
void		annot_voc_doc_free(annot_voc_doc *doc);

/*
 * Write text with XML's five special characters escaped into buf (6 bytes
 * a byte of text, plus the terminator, suffice).  Returns the length.
 */
size_t		annot_xml_escape(const char *text, size_t len, char *buf);

#endif							/* ANNOT_VOC_XML_H */
