/*
 * test_core.c -- unit tests of the utilities every part of the core shares:
 * byte order helpers and the bounded reader, hash mixers, and the overlap
 * measures from areas.
 */
#include "unit.h"

#include <float.h>
#include <stdint.h>

#include "../../src/core/bbox.h"
#include "../../src/core/bytes.h"
#include "../../src/core/hash.h"
#include "../../src/core/overlap.h"

static void
test_bytes(void)
{
	uint8_t		buf[32];
	uint8_t    *p;
	annot_writer w = {buf};
	annot_reader r;
	uint8_t		u8;
	uint32_t	u32;
	uint64_t	u64;
	double		d;

	p = annot_put_be32(buf, UINT32_C(0x01020304));
	CHECK(p == buf + 4);
	CHECK(buf[0] == 1 && buf[1] == 2 && buf[2] == 3 && buf[3] == 4);
	CHECK(annot_get_be32(buf) == UINT32_C(0x01020304));
	p = annot_put_le32(buf, UINT32_C(0x01020304));
	CHECK(p == buf + 4);
	CHECK(buf[0] == 4 && buf[1] == 3 && buf[2] == 2 && buf[3] == 1);
	CHECK(annot_get_le32(buf) == UINT32_C(0x01020304));
	annot_put_be64(buf, UINT64_C(0x0102030405060708));
	CHECK(buf[0] == 1 && buf[7] == 8);
	CHECK(annot_get_be64(buf) == UINT64_C(0x0102030405060708));
	/* 1.0 is 0x3ff0000000000000 */
	annot_put_be_double(buf, 1.0);
	CHECK(buf[0] == 0x3f && buf[1] == 0xf0 && buf[7] == 0);
	CHECK(annot_get_be_double(buf) == 1.0);
	annot_put_le_double(buf, 1.0);
	CHECK(buf[7] == 0x3f && buf[6] == 0xf0 && buf[0] == 0);
	CHECK(annot_get_le_double(buf) == 1.0);
	CHECK(annot_get_le64(buf) == UINT64_C(0x3ff0000000000000));
	annot_put_host32(buf + 1, 77);	/* unaligned */
	CHECK(annot_get_host32(buf + 1) == 77);

	/* the writer and a big-endian reader agree */
	annot_write_u8(&w, 9);
	annot_write_be32(&w, 123456789);
	annot_write_be64(&w, UINT64_C(1) << 40);
	annot_write_be_double(&w, -0.5);
	CHECK(w.p == buf + 21);
	annot_reader_init(&r, buf, 21, true);
	CHECK(annot_read_u8(&r, &u8) && u8 == 9);
	CHECK(annot_read_u32(&r, &u32) && u32 == 123456789);
	CHECK(annot_read_u64(&r, &u64) && u64 == UINT64_C(1) << 40);
	CHECK(annot_reader_pos(&r) == 13);
	CHECK(annot_read_double(&r, &d) && d == -0.5);
	CHECK(annot_reader_left(&r) == 0);
	/* reads past the end fail and consume nothing */
	CHECK(!annot_read_u8(&r, &u8));
	annot_reader_init(&r, buf, 7, true);
	CHECK(annot_read_u32(&r, &u32));
	CHECK(!annot_read_u32(&r, &u32));
	CHECK(!annot_read_u64(&r, &u64));
	CHECK(!annot_read_bytes(&r, buf + 20, 4));
	CHECK(annot_reader_left(&r) == 3);
	CHECK(annot_read_bytes(&r, buf + 20, 3));
	/* a little-endian reader */
	annot_put_le32(buf, 0xdeadbeef);
	annot_reader_init(&r, buf, 4, false);
	CHECK(annot_read_u32(&r, &u32) && u32 == 0xdeadbeef);
}

static void
test_hash(void)
{
	annot_bbox	b = {1.5, -2, 3e10, 4};

	/*
	 * Stored hash indexes and hash partitions depend on these values: they
	 * are those of the released version and must never change.
	 */
	CHECK(annot_bbox_hash(&b, 0) == UINT64_C(2953489615307977724));
	CHECK(annot_bbox_hash(&b, 42) == UINT64_C(5980115976650192584));
	CHECK(annot_hash_fmix64(0) == 0);
	CHECK(annot_hash_fmix64(1) == UINT64_C(12994781566227106604));
	CHECK(annot_hash_splitmix64(1) == UINT64_C(6238072747940578789));
	CHECK(annot_hash_bytes("annotation", 10) == UINT64_C(6101915163570248789));
	CHECK(annot_hash_bytes("annotatioN", 10) != annot_hash_bytes("annotation", 10));
	CHECK(annot_hash_bytes("", 0) != annot_hash_bytes("\0", 1));
}

static void
test_overlap(void)
{
	/* plain quotients */
	CHECK(annot_overlap_iou(100, 100, 25) == 25.0 / 175.0);
	CHECK(annot_overlap_dice(100, 100, 25) == 0.25);
	CHECK(annot_overlap_crowd_iou(40, 10) == 0.25);
	CHECK(annot_overlap_union(100, 100, 25) == 175);
	/* nothing shared, or nothing at all: 0, never NaN */
	CHECK(annot_overlap_iou(0, 0, 0) == 0);
	CHECK(annot_overlap_iou(5, 7, 0) == 0);
	CHECK(annot_overlap_dice(0, 0, 0) == 0);
	CHECK(annot_overlap_crowd_iou(0, 0) == 0);
	CHECK(annot_overlap_crowd_iou(0, 3) == 0);
	CHECK(annot_overlap_iou(NAN, 1, NAN) == 0);
	/* rounding that overstates the intersection stays in [0,1] */
	CHECK(annot_overlap_iou(100, 100, 100) == 1);
	CHECK(annot_overlap_iou(100, 100, 100.0000001) == 1);
	CHECK(annot_overlap_union(100, 100, 300) == 100);
	CHECK(annot_overlap_union(100, 50, -10) == 150);
	CHECK(annot_overlap_dice(10, 10, 10.5) == 1);
	CHECK(annot_overlap_crowd_iou(10, 10.5) == 1);
	/* a tiny region inside a large one: the union is the large one */
	CHECK(annot_overlap_union(1, 0.75 * DBL_EPSILON / 2, 0.75 * DBL_EPSILON / 2) == 1);
	/* pixel counts: exactly pycocotools' (double) i / (double) u */
	CHECK(annot_overlap_iou(4, 15, 2) == 2.0 / 17.0);
	CHECK(annot_overlap_iou(3000000007.0, 2500000003.0, 1000000001.0) ==
		  (double) 1000000001 / (double) 4500000009);
}

int
main(void)
{
	test_bytes();
	test_hash();
	test_overlap();
	return unit_done("core");
}
