/*
 * test_cocoeval.c -- unit tests of the COCO JSON reader (numbers against
 * strtod, strings, errors naming the item and field, limits) and of the
 * evaluation on a small hand-checked case.
 */
#include "unit.h"

#include <stdlib.h>

#include "../../src/core/cocoeval.h"

static annot_status
read_text(const char *text, unsigned fields, annot_coco_doc *doc, annot_err *err)
{
	return annot_coco_read(text, strlen(text), ANNOT_ESYNTAX, fields, doc, err);
}

static void
test_numbers(void)
{
	/* every number reads back as strtod reads it: the fast path and the rest */
	const char *nums[] = {"0", "-0", "1", "473.07", "0.1", "0.30000000000000004",
		"123456789012345", "1234567890123456789", "1e5", "1.5E-3", "-2.5e+10",
		"0.000000000000000000000001", "9007199254740993", "2.2250738585072014e-308",
	"4.9e-324", "179769313486231570000000000000000000000000000000000000000"};
	char		text[256];
	int			agree = 0;

	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
	{
		annot_coco_doc doc;

		snprintf(text, sizeof(text), "[{\"image_id\": 1, \"score\": %s}]", nums[i]);
		if (read_text(text, 0, &doc, NULL) == ANNOT_OK && doc.nanns == 1 &&
			memcmp(&doc.anns[0].score, &(double)
				   {
				   strtod(nums[i], NULL)
				   }, sizeof(double)) == 0)
			agree++;
		annot_coco_doc_free(&doc);
	}
	CHECK(agree == (int) (sizeof(nums) / sizeof(nums[0])));
}

static void
test_reader(void)
{
	annot_coco_doc doc;
	annot_err	err;
	const char *ds = "{\"info\": {\"x\": [1, {\"y\": null}]}, \"images\": [{\"id\": 7, \"height\": 10, \"width\": 20, \"file_name\": \"a\\u00e9\\\"b.jpg\"}],"
		" \"categories\": [{\"id\": 3, \"name\": \"cat\", \"supercategory\": \"animal\"}],"
		" \"annotations\": [{\"id\": 1, \"image_id\": 7, \"category_id\": 3, \"bbox\": [1, 2, 3, 4], \"area\": 12,"
		" \"iscrowd\": 0, \"segmentation\": [[0, 0, 5, 0, 5, 5], [1, 1, 2, 1, 2, 2, 1, 2]]},"
		" {\"id\": 2, \"image_id\": 7, \"category_id\": 3, \"iscrowd\": true, \"segmentation\": {\"size\": [10, 20], \"counts\": [5, 195]}},"
		" {\"id\": 3, \"image_id\": 7, \"category_id\": 3, \"keypoints\": [1, 2, 2, 3, 4, 0], \"num_keypoints\": 1}]}";

	annot_err_init(&err);
	CHECK_STATUS(read_text(ds, ANNOT_COCO_READ_ALL, &doc, &err), ANNOT_OK);
	CHECK(!doc.is_list && doc.nimages == 1 && doc.ncats == 1 && doc.nanns == 3);
	CHECK(doc.images[0].height == 10 && doc.images[0].width == 20);
	CHECK_STR(doc.images[0].file_name, "a\xc3\xa9\"b.jpg");
	CHECK_STR(doc.cats[0].name, "cat");
	CHECK(doc.anns[0].seg == ANNOT_SEG_POLY && doc.anns[0].nrings == 2 &&
		  doc.anns[0].npts[0] == 3 && doc.anns[0].npts[1] == 4);
	CHECK(doc.anns[0].bbox[3] == 4 && doc.anns[0].area == 12);
	CHECK(doc.anns[1].seg == ANNOT_SEG_RLE_COUNTS && doc.anns[1].iscrowd &&
		  doc.anns[1].ncounts == 2 && doc.anns[1].rle_w == 20);
	CHECK(doc.anns[2].nkp == 6 && doc.anns[2].num_keypoints == 1);
	annot_coco_doc_free(&doc);

	/* without the optional parts, geometry is skipped */
	CHECK_STATUS(read_text(ds, 0, &doc, &err), ANNOT_OK);
	CHECK(doc.anns[0].seg == ANNOT_SEG_NONE && doc.anns[2].nkp == 0);
	annot_coco_doc_free(&doc);

	/* errors name the item, its id when known, and the field */
	CHECK_STATUS(read_text("[{\"id\": 5, \"bbox\": [1, 2, 3]}]", 0, &doc, &err), ANNOT_EPARAM);
	CHECK(strstr(err.detail, "annotation 1 (id 5)") != NULL && strstr(err.detail, "\"bbox\"") != NULL);
	CHECK(doc.nanns == 0);
	CHECK_STATUS(read_text("[{\"image_id\": 1.5}]", 0, &doc, &err), ANNOT_EPARAM);
	CHECK(strstr(err.detail, "\"image_id\"") != NULL);
	CHECK_STATUS(read_text("[{\"image_id\": 1}, {\"score\": \"x\"}]", 0, &doc, &err), ANNOT_EPARAM);
	CHECK(strstr(err.detail, "annotation 2") != NULL);
	CHECK_STATUS(read_text("[{\"image_id\": 1} 5]", 0, &doc, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(read_text("[{\"image_id\": 1}", 0, &doc, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(read_text("{\"images\": [{\"id\": 1}]} x", 0, &doc, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(read_text("\"x\"", 0, &doc, &err), ANNOT_EPARAM);
	CHECK_STATUS(read_text("[{\"image_id\": 1e400}]", 0, &doc, &err), ANNOT_ERANGE);
	CHECK_STATUS(read_text("{\"images\": [{\"id\": 1, \"file_name\": \"\\ud800\"}]}", 0, &doc, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(read_text("[{\"segmentation\": {\"size\": [1, 1]}}]", ANNOT_COCO_READ_SEGM, &doc, &err), ANNOT_EPARAM);
	CHECK_STATUS(read_text("[{\"segmentation\": [[1, 2, 3]]}]", ANNOT_COCO_READ_SEGM, &doc, &err), ANNOT_EPARAM);
	{
		/* nesting beyond the limit */
		char	   *deep = malloc(1000);

		strcpy(deep, "{\"info\": ");
		for (int i = 0; i < 300; i++)
			strcat(deep, "[");
		CHECK_STATUS(read_text(deep, 0, &doc, &err), ANNOT_ELIMIT);
		free(deep);
	}
}

static void
test_linspace(void)
{
	double		t[10],
				r[101];

	annot_np_linspace(.5, .95, 10, t);
	annot_np_linspace(0, 1, 101, r);
	/* numpy: 0.8999999999999999 is the ninth COCO threshold, 0.75 the sixth */
	CHECK(t[8] == 0.8999999999999999 && t[5] == 0.75 && t[9] == 0.95);
	CHECK(r[1] == 0.01 && r[100] == 1.0 && r[7] == 0.07);
}

static void
test_eval(void)
{
	const char *gt = "{\"images\": [{\"id\": 1}], \"categories\": [{\"id\": 1}],"
		" \"annotations\": [{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10], \"area\": 100},"
		" {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [20, 0, 10, 10], \"area\": 100}]}";
	/* one exact hit, one false positive with a higher score */
	const char *dt = "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10], \"score\": 0.5},"
		" {\"image_id\": 1, \"category_id\": 1, \"bbox\": [50, 50, 10, 10], \"score\": 0.9}]";
	annot_coco_doc g,
				d;
	annot_eval_params p;
	annot_eval_result res;
	annot_err	err;

	annot_err_init(&err);
	CHECK_STATUS(read_text(gt, 0, &g, &err), ANNOT_OK);
	CHECK_STATUS(read_text(dt, 0, &d, &err), ANNOT_OK);
	annot_eval_default_params(ANNOT_EVAL_BBOX, &p);
	CHECK_STATUS(annot_cocoeval(&g, &d, &p, &res, &err), ANNOT_OK);
	/* recall reaches 0.5 at precision 0.5: 51 of 101 points at 0.5 */
	CHECK_CLOSE(res.stats[0], 51 * (1 / (2 + 0x1p-52)) / 101, 1e-15);
	CHECK(res.stats[8] == 0.5);
	CHECK(res.stats[3] == -1 || res.stats[3] >= 0);
	annot_eval_result_free(&res);
	p.nmaxdets = 2;
	CHECK_STATUS(annot_cocoeval(&g, &d, &p, &res, &err), ANNOT_EPARAM);
	annot_coco_doc_free(&g);
	annot_coco_doc_free(&d);
}

int
main(void)
{
	test_numbers();
	test_reader();
	test_linspace();
	test_eval();
	return unit_done("cocoeval");
}
