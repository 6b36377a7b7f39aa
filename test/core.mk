# core.mk -- the core of annot (src/core) built once as static libraries
# for the unit tests (test/unit) and the fuzz targets (test/fuzz), which
# include this file.  Objects go to test/build/: one set under ASan and
# UBSan (libannot_san.a, for the tests), one plain (libannot_plain.a, for
# valgrind).  The core is compiled without any server include path, so a
# core file that includes a PostgreSQL header does not build here.

TEST_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
CORE_DIR = $(TEST_DIR)/../src/core
TEST_BUILD = $(TEST_DIR)/build

CC ?= cc
CORE_SRCS = $(sort $(wildcard $(CORE_DIR)/*.c))
CFLAGS_COMMON = -std=c11 -D_DEFAULT_SOURCE -g -O1 -Wall -Wextra -Werror \
	-Wno-unused-parameter
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

# the allocation and cancellation hooks of builds without a server
HOOKS = $(TEST_DIR)/unit/hooks.c

SAN_OBJS = $(patsubst $(CORE_DIR)/%.c,$(TEST_BUILD)/san/%.o,$(CORE_SRCS)) \
	$(TEST_BUILD)/san/hooks.o
PLAIN_OBJS = $(patsubst $(CORE_DIR)/%.c,$(TEST_BUILD)/plain/%.o,$(CORE_SRCS)) \
	$(TEST_BUILD)/plain/hooks.o
SANLIB = $(TEST_BUILD)/libannot_san.a
PLAINLIB = $(TEST_BUILD)/libannot_plain.a

$(TEST_BUILD)/san/%.o: $(CORE_DIR)/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) $(SAN) -MMD -MP -c -o $@ $<
$(TEST_BUILD)/san/hooks.o: $(HOOKS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) $(SAN) -MMD -MP -c -o $@ $<
$(TEST_BUILD)/plain/%.o: $(CORE_DIR)/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) -MMD -MP -c -o $@ $<
$(TEST_BUILD)/plain/hooks.o: $(HOOKS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_COMMON) -MMD -MP -c -o $@ $<

# Members of an archive that no longer have a source are dropped by
# building it afresh.
$(SANLIB): $(SAN_OBJS)
	rm -f $@
	$(AR) rcs $@ $^
$(PLAINLIB): $(PLAIN_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

-include $(SAN_OBJS:.o=.d) $(PLAIN_OBJS:.o=.d)
