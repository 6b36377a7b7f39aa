# annot -- PGXS build.  `make && make install`, then see README.md.

EXTENSION = annot
EXTVERSION = 0.2.0
MODULE_big = annot

CORE_SRCS = $(sort $(wildcard src/core/*.c))
PG_SRCS = $(sort $(wildcard src/pg/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The install script of this version is assembled from src/ddl/NN_*.sql in
# name order.  The update script from the previous release holds the parts
# marked "-- since $(EXTVERSION)" and the hand-written changes of released
# objects in src/ddl/update/PREV--$(EXTVERSION)/NN_*.sql, interleaved by name.
# Released scripts are frozen in src/ddl/released/ (see doc/DEVELOPING.md).
PREVVERSION = 0.1.0
SQL_PARTS = $(sort $(wildcard src/ddl/[0-9]*.sql))
UPDATE_PARTS = $(wildcard src/ddl/update/$(PREVVERSION)--$(EXTVERSION)/[0-9]*.sql)
ANNOT_INSTALL_SQL = $(EXTENSION)--$(EXTVERSION).sql
ANNOT_UPDATE_SQL = $(EXTENSION)--$(PREVVERSION)--$(EXTVERSION).sql
DATA_built = $(ANNOT_INSTALL_SQL) $(ANNOT_UPDATE_SQL)
# and how the released versions install (their secondary control files)
DATA = $(wildcard src/ddl/released/$(EXTENSION)--*.sql) \
	$(wildcard src/ddl/$(EXTENSION)--*.control)

# sql/setup.sql creates the extensions and helpers every other file uses.
REGRESS = setup $(filter-out setup,$(sort $(basename $(notdir $(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=.

PG_CONFIG ?= pg_config
# The server's flags (pg_config --cflags: -g, -fwrapv, its warning set)
# plus these, for the core and the glue alike.
PG_CFLAGS = -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-sign-compare -Wno-missing-field-initializers -Wno-cast-function-type
# Debian's server flags come from gcc; clang must not fail on them.
CLANG_CFLAGS = -Wno-ignored-optimization-argument -Wno-unknown-warning-option \
	-Wno-compound-token-split-by-macro -Wno-ignored-attributes
ifneq (,$(findstring clang,$(CC)))
PG_CFLAGS += $(CLANG_CFLAGS)
endif
SHLIB_LINK = -lm

EXTRA_CLEAN = results regression.diffs regression.out $(OBJS:.o=.d) test/build

# No JIT bitcode: it doubles the build time and nothing here needs inlining.
override with_llvm = no

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(ANNOT_INSTALL_SQL): $(SQL_PARTS)
	cat $^ > $@

$(ANNOT_UPDATE_SQL): $(SQL_PARTS) $(UPDATE_PARTS) src/ddl/update/header.sql
	{ sed -e 's/@FROM@/$(PREVVERSION)/g' -e 's/@TO@/$(EXTVERSION)/g' \
		src/ddl/update/header.sql; \
	  for f in $$( { grep -l '^-- since $(EXTVERSION)$$' $(SQL_PARTS); \
			printf '%s\n' $(UPDATE_PARTS); } | \
			awk -F/ 'NF {print $$NF "\t" $$0}' | sort | cut -f2); do \
		echo; cat $$f; done; } > $@

# Every object with its dependency file (-MMD): a changed header rebuilds
# what includes it.  The core is compiled with the server's flags too; that
# it includes no server header is checked by `make check-core-headers` and
# by the test builds (test/core.mk), which have no server include path.
src/%.o: src/%.c
	$(CC) $(CFLAGS) $(CPPFLAGS) -MMD -MP -c -o $@ $<

-include $(wildcard $(OBJS:.o=.d))

CLANG ?= clang
.PHONY: check-clang check-core-headers unit fuzz-replay test-binaries
# clang's warnings (-Werror) on every source with the build's flags; no
# code is generated.
check-clang:
	$(CLANG) $(CFLAGS) $(CLANG_CFLAGS) $(CPPFLAGS) -fsyntax-only \
		$(CORE_SRCS) $(PG_SRCS)
check-core-headers:
	bash scripts/core_headers.sh
# Unit tests and fuzz replay share one sanitizer build of the core.
test-binaries:
	$(MAKE) -C test/unit binaries
	$(MAKE) -C test/fuzz binaries
unit:
	$(MAKE) -C test/unit run
fuzz-replay:
	$(MAKE) -C test/fuzz replay
