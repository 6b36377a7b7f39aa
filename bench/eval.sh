#!/usr/bin/env bash
# bench/eval.sh -- COCO evaluation and matching against the anchors of the
# evaluation issue; prints times and ratios.  Not part of the tests.
#   val2014_100 replicated 50 times with new image ids (5,000 images,
#   41,950 ground truths, 36,700 detections):
#     pycocotools 2.0.11 evaluate + accumulate + summarize (measured here
#       when the peers are installed, else the issue's 10.8 s bbox and
#       12.4 s segm);
#     annot.coco_eval from jsonb in to statistics out (goal: 20x faster),
#       with the documents already stored as jsonb;
#     annot.coco_eval from the documents' text (text cast to jsonb in the
#       call, as a client sends a file);
#     annot.match over tables of the same boxes: matched pairs per second.
source "$(dirname "$0")/../scripts/common.sh"
REPS=${REPS:-50}
SRC=$ANNOT_REFDATA/coco/val2014_100

ensure_packages
build_and_install
WORK=$(mktemp -d /tmp/annot-bench-eval.XXXXXX)
chmod 755 "$WORK"
trap 'stop_cluster; rm -rf "$WORK"' EXIT
start_cluster bench "${ANNOT_BENCH_PORT:-54463}"

q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -c 'CREATE EXTENSION annot;'
q -f "$ANNOT_ROOT/bench/common.sql"

log "replicating val2014_100 $REPS times"
/usr/bin/python3 - "$SRC" "$WORK" "$REPS" <<'PY'
import json, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
gt = json.load(open(src + '/instances_val2014_100.json'))
bb = json.load(open(src + '/instances_val2014_fakebbox100_results.json'))
sg = json.load(open(src + '/instances_val2014_fakesegm100_results.json'))
base = max(im['id'] for im in gt['images']) + 1
G = {'categories': gt['categories'], 'images': [], 'annotations': []}
B, S = [], []
aid = 1
for r in range(n):
    off = r * base
    G['images'] += [dict(im, id=im['id'] + off) for im in gt['images']]
    for a in gt['annotations']:
        G['annotations'].append(dict(a, image_id=a['image_id'] + off, id=aid))
        aid += 1
    B += [dict(d, image_id=d['image_id'] + off) for d in bb]
    S += [dict(d, image_id=d['image_id'] + off) for d in sg]
json.dump(G, open(out + '/gt.json', 'w'))
json.dump(B, open(out + '/bbox.json', 'w'))
json.dump(S, open(out + '/segm.json', 'w'))
print(len(G['images']), 'images,', len(G['annotations']), 'ground truths,', len(B), 'detections')
PY

PEER_BBOX=10.8
PEER_SEGM=12.4
PEER_NOTE="the issue's figures"
if [ -f /work/peers/env.sh ]; then
	. /work/peers/env.sh
	log "pycocotools: evaluate + accumulate + summarize"
	out=$(/usr/bin/python3 - "$WORK" <<'PY' 2>/dev/null
import sys, time, io, contextlib
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval
w = sys.argv[1]
with contextlib.redirect_stdout(io.StringIO()):
    gt = COCO(w + '/gt.json')
res = []
for kind in ('bbox', 'segm'):
    with contextlib.redirect_stdout(io.StringIO()):
        dt = gt.loadRes(w + '/' + kind + '.json')
        e = COCOeval(gt, dt, kind)
        t0 = time.perf_counter()
        e.evaluate(); e.accumulate(); e.summarize()
        res.append(time.perf_counter() - t0)
    res.append(e.stats[0])
print(' '.join(repr(x) for x in res))
PY
) || out=""
	if [ -n "$out" ]; then
		read -r PEER_BBOX PEER_BBOX_AP PEER_SEGM PEER_SEGM_AP <<<"$out"
		PEER_NOTE="pycocotools measured in this run"
	fi
fi

log "loading the documents as jsonb"
q <<SQL
\\set gt \`cat "$WORK/gt.json"\`
\\set bb \`cat "$WORK/bbox.json"\`
\\set sg \`cat "$WORK/segm.json"\`
CREATE TABLE docs AS SELECT :'gt'::jsonb AS gt, :'bb'::jsonb AS bb, :'sg'::jsonb AS sg;
CREATE TABLE texts AS SELECT :'gt'::text AS gt, :'bb'::text AS bb, :'sg'::text AS sg;
SQL

log "annot.coco_eval"
BBOX_MS=$(q -c "SELECT bench.best_ms('SELECT count(*) FROM docs, annot.coco_eval(docs.gt, docs.bb, ''bbox'')', 1)")
SEGM_MS=$(q -c "SELECT bench.best_ms('SELECT count(*) FROM docs, annot.coco_eval(docs.gt, docs.sg, ''segm'')', 1)")
BBOX_TEXT_MS=$(q -c "SELECT bench.best_ms('SELECT count(*) FROM texts, annot.coco_eval(texts.gt::jsonb, texts.bb::jsonb, ''bbox'')', 1)")
BBOX_AP=$(q -c "SELECT value FROM docs, annot.coco_eval(docs.gt, docs.bb, 'bbox') WHERE stat = 'AP'")
SEGM_AP=$(q -c "SELECT value FROM docs, annot.coco_eval(docs.gt, docs.sg, 'segm') WHERE stat = 'AP'")

log "annot.match over tables"
q <<'SQL'
CREATE TABLE gold AS
SELECT (a->>'image_id')::bigint AS image_id, (a->>'id')::bigint AS id, a->>'category_id' AS label,
	annot.bbox_xywh((a->'bbox'->>0)::float8, (a->'bbox'->>1)::float8, (a->'bbox'->>2)::float8,
		(a->'bbox'->>3)::float8) AS box, (a->>'iscrowd')::int = 1 AS crowd
FROM docs, jsonb_array_elements(docs.gt->'annotations') a;
CREATE TABLE dets AS
SELECT (d->>'image_id')::bigint AS image_id, n AS id, d->>'category_id' AS label,
	annot.bbox_xywh((d->'bbox'->>0)::float8, (d->'bbox'->>1)::float8, (d->'bbox'->>2)::float8,
		(d->'bbox'->>3)::float8) AS box, (d->>'score')::float8 AS score
FROM docs, jsonb_array_elements(docs.bb) WITH ORDINALITY AS t(d, n);
VACUUM ANALYZE gold;
VACUUM ANALYZE dets;
SQL
MATCH_MS=$(q -c "SELECT bench.best_ms(\$q\$SELECT count(*) FROM (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) AS o FROM gold) g, (SELECT annot.objects(image_id, id, label, box, score) AS o FROM dets) d, annot.match(g.o, d.o) m\$q\$, 3)")
MATCH_ROWS=$(q -c "SELECT count(*) FROM (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) AS o FROM gold) g, (SELECT annot.objects(image_id, id, label, box, score) AS o FROM dets) d, annot.match(g.o, d.o) m")
MATCH_PAIRS=$(q -c "SELECT count(*) FROM (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) AS o FROM gold) g, (SELECT annot.objects(image_id, id, label, box, score) AS o FROM dets) d, annot.match(g.o, d.o) m WHERE m.outcome = 'match'")
OPT_MS=$(q -c "SELECT bench.best_ms(\$q\$SELECT count(*) FROM (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) AS o FROM gold) g, (SELECT annot.objects(image_id, id, label, box, score) AS o FROM dets) d, annot.match(g.o, d.o, method => 'optimal') m\$q\$, 3)")

/usr/bin/python3 - <<PY
bb, sg = float("$PEER_BBOX"), float("$PEER_SEGM")
a_bb, a_sg, a_bt = $BBOX_MS / 1000, $SEGM_MS / 1000, $BBOX_TEXT_MS / 1000
print("COCO evaluation, 5,000 images (pycocotools: $PEER_NOTE)")
print(f"  bbox: pycocotools {bb:.2f} s, annot.coco_eval {a_bb:.3f} s from stored jsonb: {bb / a_bb:.1f}x (goal 20x)")
print(f"        annot.coco_eval from the documents' text (cast in the call) {a_bt:.3f} s: {bb / a_bt:.1f}x")
print(f"  segm: pycocotools {sg:.2f} s, annot.coco_eval {a_sg:.3f} s from stored jsonb: {sg / a_sg:.1f}x (goal 20x)")
peer_ap = "$PEER_BBOX_AP $PEER_SEGM_AP".split()
if peer_ap:
    print(f"  AP bbox annot {float('$BBOX_AP'):.16g} / pycocotools {float(peer_ap[0]):.16g}; segm annot {float('$SEGM_AP'):.16g} / pycocotools {float(peer_ap[1]):.16g}")
rows, pairs = $MATCH_ROWS, $MATCH_PAIRS
print("annot.match over tables (41,950 gold boxes, 36,700 detections, sets built in the query)")
print(f"  greedy: {$MATCH_MS:.0f} ms for {rows} rows ({pairs} matched pairs): {rows / ($MATCH_MS / 1000):,.0f} rows/s, {pairs / ($MATCH_MS / 1000):,.0f} pairs/s")
print(f"  optimal (Hungarian): {$OPT_MS:.0f} ms")
PY
