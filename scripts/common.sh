# common.sh -- set-up shared by scripts/demo.sh and scripts/test.sh:
# install what the machine lacks, build and install annot, and run a private
# throwaway PostgreSQL cluster (own data dir, socket dir and port) that is
# stopped when the calling script exits.  Sourced, not run.

set -euo pipefail

ANNOT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# ANNOT_PG_BIN selects another (e.g. relocated private) PostgreSQL 15.
PG_BIN=${ANNOT_PG_BIN:-/usr/lib/postgresql/15/bin}
export PG_CONFIG=$PG_BIN/pg_config
# psql, pg_prove's psql and the server tools all from that installation
export PATH="$PG_BIN:$PATH"

# Debian packages the build, the tests and the demo need.
ANNOT_PACKAGES=(
	postgresql-15 postgresql-server-dev-15 postgresql-15-postgis-3
	postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
	build-essential clang llvm python3 python3-numpy python3-shapely
	python3-sklearn python3-statsmodels
)

log() { printf '==> %s\n' "$*" >&2; }

# Install the packages that are missing; apt-get update only when needed.
ensure_packages() {
	local missing=() p
	for p in "${ANNOT_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing packages: ${missing[*]} (run as root to install them)" >&2
		exit 1
	fi
	log "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null
	apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
	# Debian's postgresql package creates and starts a default cluster that
	# nothing here uses.
	if command -v pg_lsclusters >/dev/null; then
		pg_lsclusters -h 2>/dev/null | while read -r ver name _; do
			pg_ctlcluster "$ver" "$name" stop 2>/dev/null || true
		done
	fi
}

build_and_install() {
	log "building annot"
	make -C "$ANNOT_ROOT" -s -j2 >/dev/null
	if [ "$(id -u)" -eq 0 ] || [ -w "$("$PG_CONFIG" --pkglibdir)" ]; then
		make -C "$ANNOT_ROOT" -s install >/dev/null
	else
		sudo make -C "$ANNOT_ROOT" -s install PG_CONFIG="$PG_CONFIG" >/dev/null
	fi
}

# Run a command as the cluster's owner: postgres when we are root.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# start_cluster NAME PORT: a fresh cluster in /tmp/annot-NAME-PORT.  The
# caller stops it with stop_cluster (from its EXIT trap).
start_cluster() {
	local name=$1 port=$2
	CLUSTER_DIR=/tmp/annot-$name-$port
	CLUSTER_DATA=$CLUSTER_DIR/data
	export PGHOST=$CLUSTER_DIR PGPORT=$port PGUSER=postgres PGDATABASE=postgres

	# A run that was killed may have left its cluster behind.
	if [ -f "$CLUSTER_DATA/postmaster.pid" ]; then
		log "stopping a stale cluster in $CLUSTER_DIR"
		as_owner "$PG_BIN/pg_ctl" -D "$CLUSTER_DATA" -m immediate stop >/dev/null 2>&1 || true
	fi
	rm -rf "$CLUSTER_DIR"
	mkdir -p "$CLUSTER_DIR"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$CLUSTER_DIR"
	as_owner "$PG_BIN/initdb" -D "$CLUSTER_DATA" -U postgres -A trust \
		--no-sync -E UTF8 --locale=C >/dev/null
	cat >>"$CLUSTER_DATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$CLUSTER_DIR'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 512MB
work_mem = 64MB
maintenance_work_mem = 512MB
max_worker_processes = 8
max_parallel_workers = 4
max_parallel_workers_per_gather = 2
log_min_messages = warning
CONF
	as_owner "$PG_BIN/pg_ctl" -D "$CLUSTER_DATA" -l "$CLUSTER_DIR/server.log" \
		-w -t 60 start >/dev/null
}

stop_cluster() {
	if [ -n "${CLUSTER_DATA:-}" ] && [ -f "$CLUSTER_DATA/postmaster.pid" ]; then
		as_owner "$PG_BIN/pg_ctl" -D "$CLUSTER_DATA" -m fast -w stop >/dev/null 2>&1 || true
	fi
}

# Reference data from trusted peers, with their SOURCE notes: test/data.
ANNOT_REFDATA=${ANNOT_REFDATA:-$ANNOT_ROOT/test/data}
export ANNOT_REFDATA
