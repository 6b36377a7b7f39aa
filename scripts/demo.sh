#!/usr/bin/env bash
# demo.sh -- install, build, start a throwaway cluster, load the sample data
# set and print the QA report.  Safe to run again.
source "$(dirname "$0")/common.sh"

ensure_packages
build_and_install
trap stop_cluster EXIT
start_cluster demo "${ANNOT_DEMO_PORT:-54361}"

log "loading the sample data set"
for part in "$ANNOT_ROOT"/examples/dataset/*.sql; do
	psql -X -q -v ON_ERROR_STOP=1 -f "$part" >/dev/null
done
log "QA report"
for part in "$ANNOT_ROOT"/examples/report/*.sql; do
	psql -X -q -v ON_ERROR_STOP=1 -P pager=off -f "$part"
done
