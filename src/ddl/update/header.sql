-- annot update script from @FROM@ to @TO@.  Built from the install parts new
-- in @TO@ and src/ddl/update/@FROM@--@TO@/*.sql, interleaved by name.

\echo Use "ALTER EXTENSION annot UPDATE TO '@TO@'" to load this file. \quit
