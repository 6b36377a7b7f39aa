/*
 * cocoeval_pg.h -- reading COCO JSON arguments in the glue.
 */
#ifndef ANNOT_COCOEVAL_PG_H
#define ANNOT_COCOEVAL_PG_H

#include "annot_pg.h"

#include "../core/coco_json.h"

/*
 * Read a jsonb argument as a COCO document; what names it in errors
 * ("COCO ground truth", "COCO results"), fields the optional parts to
 * read (ANNOT_COCO_READ_*).  Failures raise 22023 naming the annotation
 * and field, 54000 over the limits.
 */
extern void annot_coco_doc_from_jsonb(Jsonb *jb, const char *what,
									  unsigned fields, annot_coco_doc *doc);

#endif							/* ANNOT_COCOEVAL_PG_H */
