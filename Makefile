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
DATA = $(wildcard src/ddl/released/$(EXTENSION)--*.sql)

# sql/setup.sql creates the extensions and helpers every other file uses.
REGRESS = setup $(filter-out setup,$(sort $(basename $(notdir $(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=.

PG_CONFIG ?= pg_config
PG_CFLAGS = -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-sign-compare -Wno-missing-field-initializers -Wno-cast-function-type
# Debian's server flags come from gcc; clang must not fail on them.
ifneq (,$(findstring clang,$(CC)))
PG_CFLAGS += -Wno-ignored-optimization-argument -Wno-unknown-warning-option \
	-Wno-compound-token-split-by-macro -Wno-ignored-attributes
endif
SHLIB_LINK = -lm

EXTRA_CLEAN = results regression.diffs regression.out

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

# Core objects must not see server headers: build them with plain flags.
src/core/%.o: src/core/%.c $(wildcard src/core/*.h)
	$(CC) -std=c11 -D_DEFAULT_SOURCE -O2 -fPIC -Wall -Wextra -Werror \
		-Wno-unused-parameter $(CFLAGS_SL) -c -o $@ $<

# Glue objects depend on the headers they include (PGXS knows only the .c).
$(PG_SRCS:.c=.o): $(wildcard src/core/*.h src/pg/*.h)

.PHONY: unit fuzz-replay
unit:
	$(MAKE) -C test/unit run
fuzz-replay:
	$(MAKE) -C test/fuzz replay
