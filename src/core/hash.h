/*
 * hash.h -- 64-bit hash mixing shared by the core.
 *
 * Hash values of stored types reach disk (hash indexes, hash partitioning),
 * so a type's hash function never changes its mixer once released: boxes
 * keep the splitmix64 finalizer they were released with, everything else
 * uses MurmurHash3's.
 */
#ifndef ANNOT_HASH_H
#define ANNOT_HASH_H

#include <stdint.h>
#include <string.h>

/* 2^64 / golden ratio: the usual seed offset and stream increment */
#define ANNOT_HASH_GOLDEN UINT64_C(0x9e3779b97f4a7c15)

/* MurmurHash3's 64-bit finalizer (Appleby): every input bit reaches every output bit. */
static inline uint64_t
annot_hash_fmix64(uint64_t x)
{
	x ^= x >> 33;
	x *= UINT64_C(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64_C(0xc4ceb9fe1a85ec53);
	x ^= x >> 33;
	return x;
}

/* splitmix64's finalizer (Stafford's "Mix13"), as annot.bbox hashes use it. */
static inline uint64_t
annot_hash_splitmix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Hash of a byte string, eight bytes at a time (in-memory tables only). */
static inline uint64_t
annot_hash_bytes(const void *data, uint32_t len)
{
	const char *p = data;
	uint64_t	h = ANNOT_HASH_GOLDEN ^ len;
	uint64_t	w;

	while (len >= 8)
	{
		memcpy(&w, p, 8);
		h = annot_hash_fmix64(h ^ w) + ANNOT_HASH_GOLDEN;
		p += 8;
		len -= 8;
	}
	w = 0;
	if (len > 0)
		memcpy(&w, p, len);
	return annot_hash_fmix64(h ^ w ^ ((uint64_t) len << 59));
}

#endif							/* ANNOT_HASH_H */
