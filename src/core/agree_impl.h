/*
 * agree_impl.h -- what the agreement core files share below the public
 * interface of agree.h: dictionary building blocks for the states and the
 * wire format, and the pair table's growth.  Not for the glue.
 */
#ifndef ANNOT_AGREE_IMPL_H
#define ANNOT_AGREE_IMPL_H

#include "agree.h"

/* Store a key as id d->n without indexing it (a dense dictionary). */
annot_status annot_agree_dict_store(annot_agree_dict *d,
									const annot_agree_key *key,
									annot_err *err);
/* Size the per-id arrays for cap ids. */
annot_status annot_agree_dict_arrays(annot_agree_dict *d, uint32_t cap,
									 annot_err *err);
/* Size the arrays and the slot table for n keys at once. */
annot_status annot_agree_dict_reserve(annot_agree_dict *d, uint32_t n,
									  annot_err *err);
/* Build the slot and direct tables of a dictionary stored without them. */
annot_status annot_agree_dict_index(annot_agree_dict *d, annot_err *err);
/* The key of id as an annot_agree_key (bytes point into d). */
void		annot_agree_dict_get(const annot_agree_dict *d, uint32_t id,
								 annot_agree_key *k);

/* Grow the pair state's table to hold need categories. */
annot_status annot_agree_pair_reserve(annot_agree_pair *s, uint32_t need,
									  annot_err *err);

#endif							/* ANNOT_AGREE_IMPL_H */
