#!/usr/bin/python3
"""Polygon areas, intersections and IoU of annot against Shapely (GEOS).

Usage: /usr/bin/python3 poly_shapely.py OUTDIR

Writes OUTDIR/poly_shapely.sql, a pgTAP file comparing annot with values
computed here by python3-shapely on seeded random cases:

  * valid polygons (star-shaped rings, so simple; multi-part ones with
    disjoint parts): area, centroid, and for pairs the intersection and
    union areas and IoU, straight from Shapely;
  * sloppy rings (random points: self-intersecting, repeated and collinear
    points): the even-odd region, which Shapely does not fill, is the set of
    faces of the linework noded by GEOS (unary_union, polygonize) whose
    representative point has odd crossing parity; areas and intersections
    are sums over those faces;
  * pairs of COCO val2014 polygons of one image whose boxes overlap
    (test/data/coco/val2014_100), where both are valid for GEOS.

Every comparison asserts a relative error of at most 1e-9.
"""
import json
import math
import os
import random
import sys

from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.ops import polygonize, unary_union

TOL = 1e-9
random.seed(20240503)


def lit(rings):
    """annot.poly literal of rings [[(x, y), ...], ...]."""
    return "[" + ",".join(
        "[" + ",".join(repr(float(v)) for p in ring for v in p) + "]" for ring in rings
    ) + "]"


def star(cx, cy, r, n, wobble):
    """A ring around (cx, cy) with sorted angles: star-shaped, so simple."""
    angles = sorted(random.uniform(0, 2 * math.pi) for _ in range(n))
    pts = []
    for a in angles:
        rr = r * random.uniform(1 - wobble, 1)
        pts.append((round(cx + rr * math.cos(a), 3), round(cy + rr * math.sin(a), 3)))
    return pts


def shapely_region(rings):
    return unary_union([Polygon(r) for r in rings])


def parity_inside(rings, x, y):
    """Union of even-odd rings at (x, y), by crossing counts."""
    for ring in rings:
        inside = False
        n = len(ring)
        for i in range(n):
            (ax, ay), (bx, by) = ring[i], ring[(i + 1) % n]
            if (ay > y) != (by > y):
                if ax + (y - ay) * (bx - ax) / (by - ay) > x:
                    inside = not inside
        if inside:
            return True
    return False


def faces(*ringsets):
    lines = []
    for rings in ringsets:
        for ring in rings:
            for i in range(len(ring)):
                a, b = ring[i], ring[(i + 1) % len(ring)]
                if a != b:
                    lines.append(LineString([a, b]))
    return list(polygonize(unary_union(lines)))


def evenodd_area(rings):
    return sum(f.area for f in faces(rings)
               if parity_inside(rings, *f.representative_point().coords[0]))


def evenodd_inter(a, b):
    total = 0.0
    for f in faces(a, b):
        x, y = f.representative_point().coords[0]
        if parity_inside(a, x, y) and parity_inside(b, x, y):
            total += f.area
    return total


def valid_cases(count):
    cases = []
    while len(cases) < count:
        k = len(cases)
        if k % 4 == 3:
            # two parts far apart: a valid multi-part polygon
            a = [star(100, 100, 40, random.randint(3, 20), 0.5),
                 star(300, 120, 30, random.randint(3, 20), 0.5)]
        else:
            a = [star(100 + random.uniform(-5, 5), 100, random.uniform(20, 60),
                      random.randint(3, 40), random.uniform(0, 0.6))]
        b = [star(100 + random.uniform(-60, 60), 100 + random.uniform(-60, 60),
                  random.uniform(20, 60), random.randint(3, 40), random.uniform(0, 0.6))]
        ga, gb = shapely_region(a), shapely_region(b)
        if not (all(Polygon(r).is_valid for r in a + b) and ga.is_valid and gb.is_valid):
            continue
        inter = ga.intersection(gb).area
        union = ga.union(gb).area
        c = ga.centroid
        cases.append((lit(a), lit(b), ga.area, inter, union,
                      inter / union if union > 0 else 0.0, c.x, c.y))
    return cases


def sloppy_cases(count):
    cases = []
    while len(cases) < count:
        n = random.randint(4, 14)
        a = [[(round(random.uniform(0, 100), 2), round(random.uniform(0, 100), 2))
              for _ in range(n)]]
        if random.random() < 0.3:
            a[0].insert(2, a[0][1])		# a repeated point
        b = [star(random.uniform(30, 70), random.uniform(30, 70), 40, 12, 0.3)]
        try:
            area = evenodd_area(a)
            inter = evenodd_inter(a, b)
        except Exception:			# GEOS itself may fail to node: skip
            continue
        if area <= 0:
            continue
        cases.append((lit(a), lit(b), area, inter))
    return cases


def coco_cases(path):
    with open(path) as f:
        data = json.load(f)
    anns = [a for a in data["annotations"] if isinstance(a["segmentation"], list)]
    by_image = {}
    for a in anns:
        by_image.setdefault(a["image_id"], []).append(a)
    cases = []
    for image, group in sorted(by_image.items()):
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                p, q = group[i], group[j]
                bp, bq = p["bbox"], q["bbox"]
                if (bp[0] > bq[0] + bq[2] or bq[0] > bp[0] + bp[2] or
                        bp[1] > bq[1] + bq[3] or bq[1] > bp[1] + bp[3]):
                    continue
                rp = [list(zip(r[0::2], r[1::2])) for r in p["segmentation"]]
                rq = [list(zip(r[0::2], r[1::2])) for r in q["segmentation"]]
                parts_p = [Polygon(r) for r in rp]
                parts_q = [Polygon(r) for r in rq]
                if not all(x.is_valid for x in parts_p + parts_q):
                    continue
                gp, gq = unary_union(parts_p), unary_union(parts_q)
                inter = gp.intersection(gq).area
                union = gp.union(gq).area
                cases.append((p["id"], q["id"], gp.area, gq.area, inter,
                              inter / union if union > 0 else 0.0))
    return cases


def sql_values(rows):
    return ",\n".join("\t(" + ", ".join(
        repr(v) if isinstance(v, (int, float)) else "'" + v + "'" for v in row) + ")"
        for row in rows)


def rel(a, b):
    return f"abs({a} - {b}) / greatest(abs({b}), 1e-300)"


def main():
    outdir = sys.argv[1]
    refdata = os.environ.get("ANNOT_REFDATA",
                             os.path.join(os.path.dirname(__file__), "..", "data"))
    valid = valid_cases(300)
    sloppy = sloppy_cases(200)
    coco = coco_cases(os.path.join(refdata, "coco", "val2014_100",
                                   "instances_val2014_100.json"))
    out = []
    w = out.append
    w("-- Generated by test/peers/poly_shapely.py: annot against Shapely " +
      "(GEOS); relative error <= 1e-9.")
    w("\\set ON_ERROR_STOP 1")
    w("\\set gt `cat \"$ANNOT_REFDATA/coco/val2014_100/instances_val2014_100.json\"`")
    w("BEGIN;")
    w("SET search_path = public, annot;")
    w("SELECT plan(14);")
    w("CREATE TEMP TABLE v (a annot.poly, b annot.poly, area float8, inter float8, " +
      "uni float8, iou float8, cx float8, cy float8);")
    w("INSERT INTO v VALUES\n" + sql_values(valid) + ";")
    w("CREATE TEMP TABLE s (a annot.poly, b annot.poly, area float8, inter float8);")
    w("INSERT INTO s VALUES\n" + sql_values(sloppy) + ";")
    w("CREATE TEMP TABLE c (p int, q int, area_p float8, area_q float8, inter float8, " +
      "iou float8);")
    w("INSERT INTO c VALUES\n" + sql_values(coco) + ";")
    w("""CREATE TEMP TABLE coco AS
SELECT (a->>'id')::int AS id, annot.poly(a->'segmentation') AS p
FROM jsonb_array_elements((:'gt'::jsonb)->'annotations') AS t(a)
WHERE jsonb_typeof(a->'segmentation') = 'array';""")

    checks = [
        ("v", "annot.area(a)", "area", f"{len(valid)} valid polygons: area"),
        ("v", "annot.coco_area(a)", "area", "valid polygons: COCO area is the area"),
        ("v", "annot.intersection_area(a, b)", "inter", "valid pairs: intersection area"),
        ("v", "annot.union_area(a, b)", "uni", "valid pairs: union area"),
        ("v", "annot.iou(a, b)", "iou", "valid pairs: IoU"),
        ("v", "annot.dice(a, b)", "2 * inter / (area + annot.area(b))", "valid pairs: Dice"),
        ("v", "annot.area(annot.make_valid(a))", "area", "valid polygons: make_valid keeps the area"),
        ("s", "annot.area(a)", "area", f"{len(sloppy)} sloppy rings: even-odd area"),
        ("s", "annot.intersection_area(a, b)", "inter", "sloppy rings: intersection with a polygon"),
        ("s", "annot.area(annot.make_valid(a))", "area", "sloppy rings: make_valid keeps the area"),
    ]
    for table, ours, theirs, desc in checks:
        w(f"SELECT is((SELECT count(*) FROM {table} "
          f"WHERE NOT ({rel(ours, theirs)} <= {TOL} OR ({ours} = 0 AND {theirs} = 0))), 0::bigint, "
          f"'{desc} within 1e-9 of Shapely (worst ' || (SELECT coalesce(max({rel(ours, theirs)}), 0)::text "
          f"FROM {table} WHERE {theirs} <> 0) || ')');")
    w(f"SELECT is((SELECT count(*) FROM v WHERE greatest(abs((annot.centroid(a))[0] - cx), "
      f"abs((annot.centroid(a))[1] - cy)) > {TOL} * 100), 0::bigint, "
      f"'valid polygons: centroid within 1e-9 of Shapely (relative to the 100 px scale)');")
    w(f"SELECT cmp_ok((SELECT count(*) FROM c), '>', 100::bigint, "
      f"'{len(coco)} pairs of val2014 polygons of one image with overlapping boxes');")
    w(f"""SELECT is((SELECT count(*) FROM c JOIN coco cp ON cp.id = c.p JOIN coco cq ON cq.id = c.q
	WHERE NOT ({rel('annot.area(cp.p)', 'c.area_p')} <= {TOL} AND {rel('annot.area(cq.p)', 'c.area_q')} <= {TOL}
		AND ({rel('annot.intersection_area(cp.p, cq.p)', 'c.inter')} <= {TOL} OR (c.inter = 0 AND annot.intersection_area(cp.p, cq.p) = 0))
		AND ({rel('annot.iou(cp.p, cq.p)', 'c.iou')} <= {TOL} OR (c.iou = 0 AND annot.iou(cp.p, cq.p) = 0)))),
	0::bigint, 'val2014 pairs: areas, intersection and IoU within 1e-9 of Shapely');""")
    w(f"""SELECT cmp_ok((SELECT count(*) FROM c WHERE c.inter > 0), '>', 50::bigint,
	'val2014 pairs that do overlap: enough to mean something');""")
    w("SELECT * FROM finish();")
    w("ROLLBACK;")
    with open(os.path.join(outdir, "poly_shapely.sql"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
