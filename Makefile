# annot -- PGXS build.  `make && make install`, then see README.md.

EXTENSION = annot
EXTVERSION = 0.1.0
MODULE_big = annot

CORE_SRCS = $(sort $(wildcard src/core/*.c))
PG_SRCS = $(sort $(wildcard src/pg/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The install script is assembled from src/sql/*.sql in name order.
SQL_PARTS = $(sort $(wildcard src/sql/[0-9]*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA = $(filter-out $(SQL_PARTS),$(wildcard src/sql/$(EXTENSION)--*--*.sql))

REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
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

EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql results regression.diffs \
	regression.out

# No JIT bitcode: it doubles the build time and nothing here needs inlining.
override with_llvm = no

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS)
	cat $^ > $@

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
