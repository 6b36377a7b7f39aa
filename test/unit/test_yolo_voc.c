/*
 * test_yolo_voc.c -- unit tests of the YOLO line reader and writer and of
 * the VOC XML reader.
 */
#include "unit.h"

#include <stdlib.h>

#include "../../src/core/voc_xml.h"
#include "../../src/core/yolo.h"

static void
test_yolo(void)
{
	const char *text = "0 0.5 0.5 0.25 0.5\n\n  7 0.25 0.75 0.5 0.5 0.9 \r\n";
	annot_yolo_row *rows;
	size_t		n;
	annot_err	err;
	char		line[ANNOT_YOLO_LINELEN];

	annot_err_init(&err);
	CHECK_STATUS(annot_yolo_parse(text, strlen(text), 640, 480, &rows, &n, &err), ANNOT_OK);
	CHECK(n == 2 && rows[0].line == 1 && rows[1].line == 3 && rows[1].cls == 7);
	CHECK(rows[0].box.x1 == 240 && rows[0].box.x2 == 400 && rows[0].box.y1 == 120 && rows[0].box.y2 == 360);
	CHECK(isnan(rows[0].score) && rows[1].score == 0.9);
	annot_yolo_format(rows[0].cls, &rows[0].box, 640, 480, rows[0].score, line);
	CHECK_STR(line, "0 0.5 0.5 0.25 0.5");
	annot_yolo_format(rows[1].cls, &rows[1].box, 640, 480, rows[1].score, line);
	CHECK_STR(line, "7 0.25 0.75 0.5 0.5 0.9");
	free(rows);

	CHECK_STATUS(annot_yolo_parse("0 1 2 3", 7, 10, 10, &rows, &n, &err), ANNOT_ESYNTAX);
	CHECK(strstr(err.detail, "Line 1") != NULL);
	CHECK_STATUS(annot_yolo_parse("\n0 .5 .5 .1 .1\nx", 16, 10, 10, &rows, &n, &err), ANNOT_ESYNTAX);
	CHECK(strstr(err.detail, "Line 3") != NULL);
	CHECK_STATUS(annot_yolo_parse("0 .5 .5 .1 .1", 13, 0, 10, &rows, &n, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_yolo_parse("0 .5 .5 .1 -1", 13, 10, 10, &rows, &n, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(annot_yolo_parse("0 1e300 .5 .1 .1", 16, 1e10, 10, &rows, &n, &err), ANNOT_ERANGE);
	CHECK_STATUS(annot_yolo_parse("", 0, 10, 10, &rows, &n, &err), ANNOT_OK);
	CHECK(n == 0);
	free(rows);
}

static void
test_voc(void)
{
	const char *xml = "<?xml version=\"1.0\"?><annotation><filename>a&lt;1&gt;.jpg</filename>"
		"<size><width>500</width><height>375</height></size>"
		"<object><name>chair</name><pose>Rear</pose><difficult>1</difficult>"
		"<bndbox><xmin>263</xmin><ymin>211</ymin><xmax>324</xmax><ymax>339</ymax></bndbox></object>"
		"<object attr='&gt;'><name><![CDATA[a<b]]>&#233;</name>"
		"<bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object></annotation>";
	annot_voc_doc doc;
	annot_err	err;
	char		esc[64];

	annot_err_init(&err);
	CHECK_STATUS(annot_voc_read(xml, strlen(xml), &doc, &err), ANNOT_OK);
	CHECK_STR(doc.filename, "a<1>.jpg");
	CHECK(doc.width == 500 && doc.height == 375 && doc.depth == -1 && doc.nobjects == 2);
	CHECK_STR(doc.objects[0].name, "chair");
	CHECK_STR(doc.objects[0].pose, "Rear");
	CHECK(doc.objects[0].difficult == 1 && doc.objects[0].truncated == -1);
	CHECK(doc.objects[0].box.x1 == 263 && doc.objects[0].box.y2 == 339);
	CHECK_STR(doc.objects[1].name, "a<b\xc3\xa9");
	annot_voc_doc_free(&doc);

	CHECK_STATUS(annot_voc_read("<annotation>", 12, &doc, &err), ANNOT_ESYNTAX);
	CHECK_STATUS(annot_voc_read("<other/>", 8, &doc, &err), ANNOT_EPARAM);
	CHECK_STATUS(annot_voc_read("<annotation><object><name>x</name></object></annotation>", 56, &doc, &err), ANNOT_EPARAM);
	CHECK(doc.nobjects == 0 && doc.objects == NULL);
	CHECK(annot_xml_escape("a<&>\"'", 6, esc) == strlen("a&lt;&amp;&gt;&quot;&apos;"));
	CHECK_STR(esc, "a&lt;&amp;&gt;&quot;&apos;");
}

int
main(void)
{
	test_yolo();
	test_voc();
	return unit_done("yolo_voc");
}
