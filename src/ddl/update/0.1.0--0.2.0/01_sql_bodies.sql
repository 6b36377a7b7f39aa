-- SQL-language functions of 0.1.0 whose bodies named functions and
-- operators without their schema, resolved on the caller's search_path:
-- their bodies are now bound when they are created (BEGIN ATOMIC), as in
-- 40_agreement.sql.

CREATE OR REPLACE FUNCTION annot.confusion_classes(cm jsonb,
	OUT label text, OUT support bigint, OUT predicted bigint, OUT tp bigint,
	OUT "precision" float8, OUT recall float8, OUT f1 float8)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT c->>'label', (c->>'support')::bigint, (c->>'predicted')::bigint,
		(c->>'tp')::bigint, (c->>'precision')::float8, (c->>'recall')::float8,
		(c->>'f1')::float8
	FROM jsonb_array_elements(cm->'classes') AS c;
END;

CREATE OR REPLACE FUNCTION annot.confusion_cells(cm jsonb,
	OUT truth text, OUT predicted text, OUT n bigint)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT cm->'labels'->>(r.i - 1)::int, cm->'labels'->>(c.j - 1)::int, c.v::text::bigint
	FROM jsonb_array_elements(cm->'matrix') WITH ORDINALITY AS r(row, i),
		jsonb_array_elements(r.row) WITH ORDINALITY AS c(v, j);
END;
