/*
 * hooks.c -- the core's allocation and cancellation hooks for builds without
 * the server: unit tests and fuzz targets.
 */
#include <stdlib.h>

#include "../../src/core/annot_core.h"

void *
annot_alloc(size_t size)
{
	return malloc(size ? size : 1);
}

void *
annot_realloc(void *ptr, size_t size)
{
	return realloc(ptr, size ? size : 1);
}

void
annot_free(void *ptr)
{
	free(ptr);
}

void
annot_check_interrupts(void)
{
}
