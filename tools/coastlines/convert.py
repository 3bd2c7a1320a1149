#!/usr/bin/env python3
"""Converts Natural Earth 1:110m land outlines, as the npm package world-atlas 2.0.2 carries them
(land-110m.json, TopoJSON), into libs/Seismic.Figures/Maps/land-110m.txt: one outline piece per line,
"lon lat" pairs in degrees to 0.01 separated by ";". Run once; the product never fetches anything.

    curl -sO https://registry.npmjs.org/world-atlas/-/world-atlas-2.0.2.tgz && tar xzf world-atlas-2.0.2.tgz
    python3 tools/coastlines/convert.py package/land-110m.json libs/Seismic.Figures/Maps/land-110m.txt
"""
import json
import sys

source, target = sys.argv[1], sys.argv[2]
topology = json.load(open(source))
(scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
lines = []
for arc in topology["arcs"]:
    # TopoJSON arcs are quantized and delta-encoded: each position is the sum of the ones before it.
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        point = (round(x * scale_x + shift_x, 2), round(y * scale_y + shift_y, 2))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) > 1:
        lines.append(";".join(f"{lon:g} {lat:g}" for lon, lat in points))
with open(target, "w") as out:
    out.write("# Natural Earth 1:110m land outlines (public domain, naturalearthdata.com), from world-atlas 2.0.2 land-110m.json;\n")
    out.write("# made by tools/coastlines/convert.py: one piece per line, lon lat in degrees, points separated by ';'.\n")
    out.write("\n".join(lines) + "\n")
print(f"{len(lines)} pieces, {sum(l.count(';') + 1 for l in lines)} points")
