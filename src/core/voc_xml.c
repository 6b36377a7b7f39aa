/*
 * voc_xml.c -- a small reader of Pascal VOC annotation XML.
 */
#include "voc_xml.h"

#include <math.h>
#include <string.h>

#define MAX_DEPTH 64

typedef struct xreader
{
	const char *start;
	const char *p;
	const char *end;
	annot_err  *err;
} xreader;

static annot_status
xml_error(xreader *r, const char *what)
{
	return annot_fail(r->err, ANNOT_ESYNTAX, r->p - r->start,
					  "Malformed XML at byte %ld: %s.", (long) (r->p - r->start) + 1, what);
}

static bool
starts(xreader *r, const char *s)
{
	size_t		n = strlen(s);

	return (size_t) (r->end - r->p) >= n && memcmp(r->p, s, n) == 0;
}

/* Skip past the next occurrence of s; false if there is none. */
static bool
skip_past(xreader *r, const char *s)
{
	size_t		n = strlen(s);

	while ((size_t) (r->end - r->p) >= n)
	{
		if (memcmp(r->p, s, n) == 0)
		{
			r->p += n;
			return true;
		}
		r->p++;
	}
	return false;
}

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '_' || c == '-' || c == '.' || c == ':' || (unsigned char) c >= 0x80;
}

/* Append the decoded text of [s, e) to buf (cap bytes, kept terminated). */
static annot_status
append_text(xreader *r, const char *s, const char *e, char *buf, size_t *len,
			bool raw)
{
	while (s < e)
	{
		char		c = *s++;
		char		enc[4];
		size_t		n = 1;

		enc[0] = c;
		if (c == '&' && !raw)
		{
			const char *semi = memchr(s, ';', (size_t) (e - s));
			size_t		el;

			if (semi == NULL || semi - s > 10)
				return xml_error(r, "unterminated entity");
			el = (size_t) (semi - s);
			if (el == 2 && memcmp(s, "lt", 2) == 0)
				enc[0] = '<';
			else if (el == 2 && memcmp(s, "gt", 2) == 0)
				enc[0] = '>';
			else if (el == 3 && memcmp(s, "amp", 3) == 0)
				enc[0] = '&';
			else if (el == 4 && memcmp(s, "quot", 4) == 0)
				enc[0] = '"';
			else if (el == 4 && memcmp(s, "apos", 4) == 0)
				enc[0] = '\'';
			else if (el >= 2 && s[0] == '#')
			{
				unsigned long cp = 0;
				bool		hex = s[1] == 'x';

				for (const char *q = s + 1 + hex; q < semi; q++)
				{
					int			d = (*q >= '0' && *q <= '9') ? *q - '0' :
						(hex && *q >= 'a' && *q <= 'f') ? *q - 'a' + 10 :
						(hex && *q >= 'A' && *q <= 'F') ? *q - 'A' + 10 : -1;

					if (d < 0)
						return xml_error(r, "bad character reference");
					cp = cp * (hex ? 16 : 10) + (unsigned long) d;
				}
				if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
					return xml_error(r, "bad character reference");
				if (cp < 0x80)
					enc[0] = (char) cp;
				else if (cp < 0x800)
				{
					enc[0] = (char) (0xC0 | (cp >> 6));
					enc[1] = (char) (0x80 | (cp & 0x3F));
					n = 2;
				}
				else if (cp < 0x10000)
				{
					enc[0] = (char) (0xE0 | (cp >> 12));
					enc[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
					enc[2] = (char) (0x80 | (cp & 0x3F));
					n = 3;
				}
				else
				{
					enc[0] = (char) (0xF0 | (cp >> 18));
					enc[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
					enc[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
					enc[3] = (char) (0x80 | (cp & 0x3F));
					n = 4;
				}
			}
			else
				return xml_error(r, "unknown entity");
			s = semi + 1;
		}
		if (*len + n >= ANNOT_VOC_MAX_TEXT)
			return annot_fail(r->err, ANNOT_ELIMIT, r->p - r->start,
							  "An element's text is longer than %d bytes.", ANNOT_VOC_MAX_TEXT - 1);
		memcpy(buf + *len, enc, n);
		*len += n;
		buf[*len] = '\0';
	}
	return ANNOT_OK;
}

/* Where the reader is: the open elements' names. */
typedef struct xpath
{
	int			depth;
	char		names[MAX_DEPTH][32];
} xpath;

static bool
at_path(const xpath *x, const char *a, const char *b, const char *c)
{
	const char *want[3] = {a, b, c};
	int			n = c ? 3 : b ? 2 : 1;

	if (x->depth != n)
		return false;
	for (int i = 0; i < n; i++)
		if (strcmp(x->names[i], want[i]) != 0)
			return false;
	return true;
}

static annot_status
number_of(xreader *r, const char *text, const char *field, size_t obj, double *v)
{
	const char *q = annot_skip_space(text);
	bool		overflow;

	if (!annot_parse_double(&q, v, &overflow) || *annot_skip_space(q) != '\0')
		return annot_fail(r->err, ANNOT_EPARAM, r->p - r->start,
						  "In object %zu, <%s> is not a number.", obj, field);
	return ANNOT_OK;
}

static annot_status
voc_read(const char *text, size_t len, annot_voc_doc *doc, annot_err *err)
{
	xreader		r = {text, text, text + len, err};
	xpath		x = {0};
	char		buf[ANNOT_VOC_MAX_TEXT];
	size_t		blen = 0;
	size_t		cap = 0;
	bool		seen_root = false;
	int			have[4] = {0};
	annot_status st = ANNOT_OK;

	annot_err_about(err, "VOC XML", NULL);
	memset(doc, 0, sizeof(*doc));
	doc->width = doc->height = doc->depth = -1;
	buf[0] = '\0';
	while (r.p < r.end)
	{
		if (*r.p != '<')
		{
			const char *s = r.p;
			const char *e = memchr(r.p, '<', (size_t) (r.end - r.p));

			r.p = e ? e : r.end;
			if (x.depth == 0)
			{
				for (const char *q = s; q < r.p; q++)
					if (*q != ' ' && *q != '\t' && *q != '\n' && *q != '\r')
						return xml_error(&r, "text outside the root element");
				continue;
			}
			if ((st = append_text(&r, s, r.p, buf, &blen, false)) != ANNOT_OK)
				goto fail;
			continue;
		}
		if (starts(&r, "<!--"))
		{
			if (!skip_past(&r, "-->"))
				return xml_error(&r, "unterminated comment");
			continue;
		}
		if (starts(&r, "<![CDATA["))
		{
			const char *s = r.p + 9;

			r.p = s;
			if (!skip_past(&r, "]]>"))
				return xml_error(&r, "unterminated CDATA");
			if (x.depth == 0)
				return xml_error(&r, "CDATA outside the root element");
			if ((st = append_text(&r, s, r.p - 3, buf, &blen, true)) != ANNOT_OK)
				goto fail;
			continue;
		}
		if (starts(&r, "<?"))
		{
			if (!skip_past(&r, "?>"))
				return xml_error(&r, "unterminated declaration");
			continue;
		}
		if (starts(&r, "<!"))
			return xml_error(&r, "DTDs are not read");
		if (starts(&r, "</"))
		{
			const char *s = r.p + 2;
			size_t		n;

			r.p = s;
			while (r.p < r.end && name_char(*r.p))
				r.p++;
			n = (size_t) (r.p - s);
			while (r.p < r.end && (*r.p == ' ' || *r.p == '\t' || *r.p == '\n' || *r.p == '\r'))
				r.p++;
			if (r.p >= r.end || *r.p != '>')
				return xml_error(&r, "expected \">\"");
			r.p++;
			if (x.depth == 0 || strlen(x.names[x.depth - 1]) != n ||
				memcmp(x.names[x.depth - 1], s, n) != 0)
				return xml_error(&r, "a closing tag does not match");
			/* the element ends: use its text */
			{
				size_t		obj = doc->nobjects;
				annot_voc_object *o = obj ? &doc->objects[obj - 1] : NULL;
				const char *t = buf;
				double		v;

				if (at_path(&x, "annotation", "filename", NULL))
				{
					annot_free(doc->filename);
					doc->filename = annot_alloc(blen + 1);
					if (doc->filename == NULL)
						goto oom;
					memcpy(doc->filename, t, blen + 1);
				}
				else if (at_path(&x, "annotation", "size", "width") ||
						 at_path(&x, "annotation", "size", "height") ||
						 at_path(&x, "annotation", "size", "depth"))
				{
					const char *f = x.names[2];

					if ((st = number_of(&r, t, f, 0, &v)) != ANNOT_OK)
						goto fail;
					if (v != floor(v) || v < 0 || v > 1e9)
					{
						st = annot_fail(err, ANNOT_EPARAM, r.p - text,
										"<size><%s> must be a whole number of pixels.", f);
						goto fail;
					}
					if (f[0] == 'w')
						doc->width = (int64_t) v;
					else if (f[0] == 'h')
						doc->height = (int64_t) v;
					else
						doc->depth = (int64_t) v;
				}
				else if (o && at_path(&x, "annotation", "object", "name"))
				{
					annot_free(o->name);
					o->name = annot_alloc(blen + 1);
					if (o->name == NULL)
						goto oom;
					memcpy(o->name, t, blen + 1);
				}
				else if (o && at_path(&x, "annotation", "object", "pose"))
				{
					annot_free(o->pose);
					o->pose = annot_alloc(blen + 1);
					if (o->pose == NULL)
						goto oom;
					memcpy(o->pose, t, blen + 1);
				}
				else if (o && (at_path(&x, "annotation", "object", "truncated") ||
							   at_path(&x, "annotation", "object", "difficult")))
				{
					if ((st = number_of(&r, t, x.names[2], obj, &v)) != ANNOT_OK)
						goto fail;
					if (v != 0 && v != 1)
					{
						st = annot_fail(err, ANNOT_EPARAM, r.p - text,
										"In object %zu, <%s> must be 0 or 1.", obj, x.names[2]);
						goto fail;
					}
					if (x.names[2][0] == 't')
						o->truncated = (int) v;
					else
						o->difficult = (int) v;
				}
				else if (o && x.depth == 4 && strcmp(x.names[1], "object") == 0 &&
						 strcmp(x.names[2], "bndbox") == 0)
				{
					static const char *const corners[4] = {"xmin", "ymin", "xmax", "ymax"};

					for (int k = 0; k < 4; k++)
						if (strcmp(x.names[3], corners[k]) == 0)
						{
							if ((st = number_of(&r, t, corners[k], obj, &v)) != ANNOT_OK)
								goto fail;
							if (!isfinite(v))
							{
								st = annot_fail(err, ANNOT_EPARAM, r.p - text,
												"In object %zu, <%s> is not finite.", obj, corners[k]);
								goto fail;
							}
							if (k == 0)
								o->box.x1 = v;
							else if (k == 1)
								o->box.y1 = v;
							else if (k == 2)
								o->box.x2 = v;
							else
								o->box.y2 = v;
							have[k] = 1;
						}
				}
				else if (o && at_path(&x, "annotation", "object", NULL))
				{
					if (o->name == NULL || !(have[0] && have[1] && have[2] && have[3]))
					{
						st = annot_fail(err, ANNOT_EPARAM, r.p - text,
										"Object %zu needs a <name> and a <bndbox> with xmin, ymin, xmax and ymax.",
										obj);
						goto fail;
					}
					if (annot_bbox_validate(&o->box, ANNOT_EPARAM, NULL) != ANNOT_OK)
					{
						st = annot_fail(err, ANNOT_EPARAM, r.p - text,
										"In object %zu, xmin must not exceed xmax nor ymin ymax.", obj);
						goto fail;
					}
				}
			}
			x.depth--;
			blen = 0;
			buf[0] = '\0';
			continue;
		}
		/* an opening tag */
		{
			const char *s = ++r.p;
			size_t		n;
			bool		empty = false;

			while (r.p < r.end && name_char(*r.p))
				r.p++;
			n = (size_t) (r.p - s);
			if (n == 0)
				return xml_error(&r, "expected an element name");
			/* attributes are skipped, quoted values included */
			while (r.p < r.end && *r.p != '>')
			{
				if (*r.p == '"' || *r.p == '\'')
				{
					char		q = *r.p++;
					const char *e = memchr(r.p, q, (size_t) (r.end - r.p));

					if (e == NULL)
						return xml_error(&r, "unterminated attribute");
					r.p = e;
				}
				else if (*r.p == '<')
					return xml_error(&r, "\"<\" inside a tag");
				r.p++;
			}
			if (r.p >= r.end)
				return xml_error(&r, "unterminated tag");
			empty = r.p[-1] == '/';
			r.p++;
			if (x.depth == 0 && seen_root)
				return xml_error(&r, "a second root element");
			if (x.depth >= MAX_DEPTH)
				return annot_fail(err, ANNOT_ELIMIT, r.p - text,
								  "Elements nested deeper than %d.", MAX_DEPTH);
			if (x.depth == 0 && (n != 10 || memcmp(s, "annotation", 10) != 0))
				return annot_fail(err, ANNOT_EPARAM, r.p - text,
								  "The root element must be <annotation>.");
			seen_root = true;
			if (empty)
				continue;
			n = n < sizeof(x.names[0]) - 1 ? n : sizeof(x.names[0]) - 1;
			memcpy(x.names[x.depth], s, n);
			x.names[x.depth][n] = '\0';
			x.depth++;
			blen = 0;
			buf[0] = '\0';
			if (at_path(&x, "annotation", "object", NULL))
			{
				annot_voc_object *o;

				if (doc->nobjects >= ANNOT_VOC_MAX_OBJECTS)
					return annot_fail(err, ANNOT_ELIMIT, r.p - text,
									  "More than %d objects.", ANNOT_VOC_MAX_OBJECTS);
				if (doc->nobjects == cap)
				{
					size_t		c = cap ? 2 * cap : 16;
					annot_voc_object *no = annot_realloc(doc->objects, c * sizeof(annot_voc_object));

					if (no == NULL)
						goto oom;
					doc->objects = no;
					cap = c;
				}
				o = &doc->objects[doc->nobjects++];
				memset(o, 0, sizeof(*o));
				o->truncated = o->difficult = -1;
				memset(have, 0, sizeof(have));
			}
		}
	}
	if (!seen_root || x.depth != 0)
	{
		st = xml_error(&r, "the document ends inside an element");
		goto fail;
	}
	return ANNOT_OK;
oom:
	st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
fail:
	return st;
}

annot_status
annot_voc_read(const char *text, size_t len, annot_voc_doc *doc, annot_err *err)
{
	annot_status st = voc_read(text, len, doc, err);

	/* a failure anywhere leaves nothing allocated */
	if (st != ANNOT_OK)
		annot_voc_doc_free(doc);
	return st;
}

void
annot_voc_doc_free(annot_voc_doc *doc)
{
	for (size_t i = 0; i < doc->nobjects; i++)
	{
		annot_free(doc->objects[i].name);
		annot_free(doc->objects[i].pose);
	}
	annot_free(doc->objects);
	annot_free(doc->filename);
	memset(doc, 0, sizeof(*doc));
	doc->width = doc->height = doc->depth = -1;
}

size_t
annot_xml_escape(const char *text, size_t len, char *buf)
{
	char	   *p = buf;

	for (size_t i = 0; i < len; i++)
	{
		const char *rep = NULL;

		switch (text[i])
		{
			case '<':
				rep = "&lt;";
				break;
			case '>':
				rep = "&gt;";
				break;
			case '&':
				rep = "&amp;";
				break;
			case '"':
				rep = "&quot;";
				break;
			case '\'':
				rep = "&apos;";
				break;
		}
		if (rep)
		{
			memcpy(p, rep, strlen(rep));
			p += strlen(rep);
		}
		else
			*p++ = text[i];
	}
	*p = '\0';
	return (size_t) (p - buf);
}
