#!/usr/bin/env python3
"""Independent computation of `orgchart stats` (docs/stats.md) for the Go test.

Reads a chart exported as CSV with the columns of internal/synth's CSVHeader
(id, name, title, department, manager_id, dotted, roles, vacant, email, kind;
several values joined with ";") and prints the numbers as the JSON document
of `orgchart stats --format json`, without title and file.

It shares no code or algorithm with the Go package: it walks each person's
chain of command naively (quadratic in depth, fine for test sizes) instead of
visiting entries by level, and uses Python's statistics module for medians.
Standard library only: PyPI is not reachable where the tests run.
"""
import csv
import json
import statistics
import sys

BOARD_BODY_ROLES = {"BOARD", "AUDIT_COMMITTEE", "RISK_COMMITTEE"}


def key(s):
    return s.strip().lower()


def split(s):
    return [x.strip() for x in s.split(";") if x.strip()]


def main(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    index = {}
    dup = [False] * len(rows)
    for i, r in enumerate(rows):
        k = key(r["id"])
        if k in index:
            dup[i] = True
        else:
            index[k] = i
    n = len(rows)
    body = [r["kind"].strip().lower() in ("board", "committee") for r in rows]
    person = [not body[i] and not dup[i] for i in range(n)]
    vacant = [r["vacant"].strip().lower() in ("true", "yes", "1") for r in rows]
    roles = [set(x.upper() for x in split(r["roles"])) for r in rows]
    dept = [r["department"].strip() or "(none)" for r in rows]

    def resolve(ids):
        out = []
        for x in ids:
            j = index.get(key(x))
            if j is not None and j not in out:
                out.append(j)
        return out

    managers = [resolve(split(r["manager_id"])) if not dup[i] else [] for i, r in enumerate(rows)]
    dotted = [resolve(split(r["dotted"])) if not dup[i] else [] for i, r in enumerate(rows)]

    span = [0] * n
    for i in range(n):
        if person[i]:
            for m in managers[i]:
                span[m] += 1

    def chain(i):
        """Entries above i along first managers, nearest first; None on a cycle."""
        seen = {i}
        out = []
        x = i
        while managers[x]:
            x = managers[x][0]
            if x in seen:
                return None
            seen.add(x)
            out.append(x)
        return out

    def group(members, layers):
        spans = sorted(span[i] for i in members if span[i] > 0)
        hist = {}
        for s in spans:
            hist[s] = hist.get(s, 0) + 1
        g = {
            "headcount": sum(1 for i in members if not vacant[i]),
            "vacancies": sum(1 for i in members if vacant[i]),
            "managers": len(spans),
            "layers": layers,
            "span": {
                "mean": sum(spans) / len(spans) if spans else 0,
                "median": float(statistics.median(spans)) if spans else 0,
                "max": max(spans) if spans else 0,
                "histogram": [{"span": s, "managers": hist[s]} for s in sorted(hist)],
            },
        }
        return g

    people = [i for i in range(n) if person[i]]
    depth, run, unit = {}, {}, {}
    for i in people:
        c = chain(i)
        if c is None:
            continue
        pc = [x for x in c if person[x]]  # person-managers, nearest first
        depth[i] = 1 + len(pc)
        r = 1
        for x in pc:
            if dept[x] != dept[i]:
                break
            r += 1
        run[i] = r
        if depth[i] >= 2:
            unit[i] = pc[-2] if depth[i] > 2 else i

    doc = group(people, max(depth.values(), default=0))
    doc = {"version": 1, **doc}
    names = sorted(set(dept[i] for i in people))
    doc["departments"] = []
    for d in names:
        members = [i for i in people if dept[i] == d]
        g = group(members, max((run[i] for i in members if i in run), default=0))
        doc["departments"].append({"name": d, **g})
    doc["units"] = []
    for h in sorted(set(unit.values())):
        members = [i for i in unit if unit[i] == h]
        g = group(members, max(depth[i] - 1 for i in members))
        doc["units"].append({"name": rows[h]["name"] or rows[h]["id"], "id": rows[h]["id"], **g})
    doc["security"] = []
    for i in people:
        held = [c for c in ("CISO", "CSO") if c in roles[i]]
        if not held:
            continue
        distance = None
        c = chain(i)
        if c is not None:
            for steps, x in enumerate(c, start=1):
                if person[x] and "CEO" in roles[x]:
                    distance = steps
                    break
        board = any(rows[x]["kind"].strip().lower() == "board" or roles[x] & BOARD_BODY_ROLES
                    for x in managers[i] + dotted[i])
        doc["security"].append({"id": rows[i]["id"], "name": rows[i]["name"], "role": ",".join(held),
                                "distance_from_ceo": distance, "board_line": bool(board)})
    json.dump(doc, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
