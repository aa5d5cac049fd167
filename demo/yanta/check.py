#!/usr/bin/env python3
"""Checks the demo district files against the rules the server applies when seeding them.

    python3 demo/yanta/check.py        # exit status 1 and a list of problems when anything fails

Mirrors: the field names ReadProject accepts (src/api/project_input.cc), the enum codes
(src/core/model/project.cc, reference.cc, role.cc), ValidateProject and CheckStageGuards
(src/core/service/project_rules.cc), the reference checks of ProjectService::Create, GB 32100
credit codes, and the key references resolved by src/app/demo_seed.cc.
"""

import collections
import datetime as dt
import json
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
# Every date that has happened lies on or before this day (see generate.py).
LAST_ACTUAL = "2026-06-30"

STAGES = ["conceived", "reserve", "preliminary", "construction", "completed", "production",
          "suspended", "withdrawn"]
STARTED = {"construction", "completed", "production", "suspended"}
LEVELS = ["provincial", "city", "district", "none"]
REGIMES = ["approval", "ratification", "filing"]
NATURES = ["new", "expansion", "renovation", "relocation", "restoration", "living_facilities",
           "purchase"]
CATEGORIES = ["industrial", "infrastructure", "social", "urban_renewal", "commercial",
              "ecological", "other"]
STATS = ["not_applicable", "pending", "included"]
METHODS = ["progress", "financial"]
SOURCES = ["central_budget", "special_bond", "ultra_long_bond", "policy_finance",
           "provincial_city", "local_fiscal", "self_raised", "bank_loan", "other"]
PERSON_ROLES = {"lead_leader", "chief_service_officer", "dispatch_leader"}
UNIT_ROLES = {"responsible_unit", "lead_unit", "cooperating_unit"}
UNIT_KINDS = ["office", "department", "township", "park", "company", "other"]
PERSON_KINDS = ["leader", "cadre", "contact"]
ROLES = ["admin", "supervisor", "department", "reporter", "leader", "service_officer"]

# ReadProject's fields (creating) plus the loader's key references.
PROJECT_FIELDS = {"name", "code", "level", "category", "approval_regime", "nature",
                  "industry_code", "region_code", "address", "longitude", "latitude",
                  "scale_content", "total_investment", "funding", "planned_start",
                  "planned_completion", "actual_start", "actual_completion", "stats_status",
                  "stats_date", "measurement_method", "stage", "stage_reason"}
PROJECT_KEY_FIELDS = {"key", "owner", "responsible", "parent", "assignments"}
ASSIGNMENT_FIELDS = {"role", "person", "unit", "valid_from", "valid_to", "note"}

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
# GB/T 4754-2017: the divisions (2-digit) of each section letter.
SECTIONS = {"A": (1, 5), "B": (6, 12), "C": (13, 43), "D": (44, 46), "E": (47, 50),
            "F": (51, 52), "G": (53, 60), "H": (61, 62), "I": (63, 65), "J": (66, 69),
            "K": (70, 70), "L": (71, 72), "M": (73, 75), "N": (76, 79), "O": (80, 82),
            "P": (83, 83), "Q": (84, 85), "R": (86, 90), "S": (91, 97), "T": (98, 98)}

problems = []


def bad(where, message):
    problems.append(f"{where}: {message}")


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)


def credit_code_ok(code):
    if len(code) != 18 or any(c not in CREDIT_ALPHABET for c in code):
        return False
    s = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(code[:17], CREDIT_WEIGHTS))
    if CREDIT_ALPHABET[(31 - s % 31) % 31] != code[17]:
        return False
    org = code[8:17]
    value = lambda c: int(c) if c.isdigit() else ord(c) - ord("A") + 10  # noqa: E731
    t = 11 - sum(value(c) * w for c, w in zip(org[:8], ORG_WEIGHTS)) % 11
    return org[8] == ("X" if t == 10 else "0" if t == 11 else str(t))


def valid_date(s):
    try:
        return isinstance(s, str) and len(s) == 10 and dt.date.fromisoformat(s) is not None
    except ValueError:
        return False


def money(s):
    if not isinstance(s, str) or not re.fullmatch(r"\d+(\.\d{1,6})?", s):
        return None
    return Decimal(s)


def unique(rows, field, what):
    seen = set()
    for i, r in enumerate(rows):
        v = r.get(field)
        if v in seen:
            bad(f"{what}[{i}]", f"duplicate {field} {v}")
        seen.add(v)
    return seen


def check_regions(regions):
    codes = set()
    for i, r in enumerate(regions):
        where = f"regions[{i}] {r.get('code')}"
        if set(r) - {"code", "name", "parent_code"}:
            bad(where, f"unknown fields {set(r) - {'code', 'name', 'parent_code'}}")
        if not re.fullmatch(r"\d{6}", r.get("code", "")):
            bad(where, "code must be 6 digits")
        if r.get("parent_code") and r["parent_code"] not in codes:
            bad(where, "parent must come earlier")
        if r.get("code") in codes:
            bad(where, "duplicate code")
        codes.add(r.get("code"))
    return codes


def check_units(units, regions):
    keys = unique(units, "key", "units")
    unique(units, "name", "units")
    unique(units, "credit_code", "units")
    allowed = {"key", "name", "kind", "credit_code", "region_code", "contact", "parent"}
    for i, u in enumerate(units):
        where = f"units[{i}] {u.get('key')}"
        if set(u) - allowed:
            bad(where, f"unknown fields {set(u) - allowed}")
        if u.get("kind") not in UNIT_KINDS:
            bad(where, f"bad kind {u.get('kind')}")
        if "credit_code" in u and not credit_code_ok(u["credit_code"]):
            bad(where, f"invalid credit code {u['credit_code']}")
        if u.get("region_code") and u["region_code"] not in regions:
            bad(where, "unknown region")
        if u.get("parent") and u["parent"] not in keys:
            bad(where, "unknown parent unit")
        if not u.get("name") or len(u["name"]) > 200 or len(u.get("contact", "")) > 200:
            bad(where, "name/contact length")
    return {u["key"]: u for u in units}


def check_people(people, units):
    unique(people, "key", "people")
    for i, p in enumerate(people):
        where = f"people[{i}] {p.get('key')}"
        allowed = {"key", "name", "title", "unit", "kind", "phone"}
        if set(p) - allowed:
            bad(where, f"unknown fields {set(p) - allowed}")
        if p.get("kind") not in PERSON_KINDS:
            bad(where, "bad kind")
        if p.get("unit") and p["unit"] not in units:
            bad(where, "unknown unit")
        if not p.get("name") or len(p["name"]) > 50 or len(p.get("title", "")) > 100:
            bad(where, "name/title length")
        if not re.fullmatch(r"1\d{10}", p.get("phone", "")):
            bad(where, "phone")
    return {p["key"]: p for p in people}


def check_users(users, units, people):
    unique(users, "username", "users")
    for i, u in enumerate(users):
        where = f"users[{i}] {u.get('username')}"
        allowed = {"username", "display_name", "role", "unit", "person"}
        if set(u) - allowed:
            bad(where, f"unknown fields {set(u) - allowed}")
        if u.get("role") not in ROLES:
            bad(where, "bad role")
        if u.get("unit") not in units:
            bad(where, "unknown unit")
        if "person" in u and u["person"] not in people:
            bad(where, "unknown person")
        if not re.fullmatch(r"[A-Za-z0-9_.@-]{2,64}", u.get("username", "")):
            bad(where, "username")
    return {u["username"]: u for u in users}


def check_project(i, p, units, people, keys_so_far, codes):
    where = f"projects[{i}] {p.get('key')} {p.get('name')}"
    fields = set(p)
    if fields - PROJECT_FIELDS - PROJECT_KEY_FIELDS:
        bad(where, f"unknown fields {fields - PROJECT_FIELDS - PROJECT_KEY_FIELDS}")
    for f in ("key", "name", "total_investment", "stage", "owner", "responsible"):
        if f not in p:
            bad(where, f"missing {f}")
    enums = [("stage", STAGES), ("level", LEVELS), ("approval_regime", REGIMES),
             ("nature", NATURES), ("category", CATEGORIES), ("stats_status", STATS),
             ("measurement_method", METHODS)]
    for f, table in enums:
        if f in p and p[f] not in table:
            bad(where, f"bad {f} {p[f]}")
    if len(p.get("name", "")) > 200 or len(p.get("address", "")) > 500 or \
            len(p.get("scale_content", "")) > 4000:
        bad(where, "text too long")
    # Codes.
    code = p.get("code")
    if code is not None:
        # src/core/codes/project_code.cc: a year 2014.. (old codes) or a YYMM (since 2020-11).
        m = re.fullmatch(r"(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{5}[0-9A-Z])", code)
        if not m:
            bad(where, f"project code shape {code}")
        else:
            t = int(m.group(1))
            if 2014 <= t <= 2020:
                issued = f"{t}-12"  # at the latest
            elif 1 <= t % 100 <= 12 and 2011 <= t:
                issued = f"20{t // 100:02d}-{t % 100:02d}"
            else:
                issued = None
                bad(where, f"project code time segment {m.group(1)}")
            if issued and issued > LAST_ACTUAL[:7]:
                bad(where, "project code issued in the future")
            if issued and t > 2020 and issued < "2020-11":
                bad(where, "YYMM codes exist from 2020-11 on")
            if issued and p.get("actual_start") and issued > p["actual_start"][:7]:
                bad(where, "project code issued after the start")
            if m.group(2) != "610113":
                bad(where, "project code area")
        if code in codes:
            bad(where, f"duplicate project code {code}")
        codes.add(code)
    ind = p.get("industry_code")
    if ind is not None:
        m = re.fullmatch(r"([A-T])(\d{2})(\d{0,2})", ind)
        if not m or not SECTIONS[m.group(1)][0] <= int(m.group(2)) <= SECTIONS[m.group(1)][1]:
            bad(where, f"industry code {ind}")
    if p.get("region_code") not in (None, "610113"):
        bad(where, "region")
    lon, lat = p.get("longitude"), p.get("latitude")
    if (lon is None) != (lat is None):
        bad(where, "lon/lat go together")
    if lon is not None and not (108.88 <= lon <= 109.00 and 34.17 <= lat <= 34.24):
        bad(where, f"coordinates outside Yanta {lon},{lat}")
    # References.
    owner, resp = units.get(p.get("owner")), units.get(p.get("responsible"))
    if not owner or owner["kind"] != "company":
        bad(where, "owner must be a company unit")
    if not resp or resp["kind"] == "company":
        bad(where, "responsible must be a non-company unit")
    if p.get("parent") and p["parent"] not in keys_so_far:
        bad(where, "parent must be an earlier project")
    # Money.
    total = money(p.get("total_investment"))
    if total is None or total <= 0:
        bad(where, "total_investment must be a positive 万元 string")
        total = Decimal(0)
    if not Decimal(3000) <= total <= Decimal(600000):
        bad(where, f"total investment {total} outside 0.3亿..60亿")
    funding = p.get("funding", [])
    sources = [line.get("source") for line in funding]
    if len(set(sources)) != len(sources) or any(s not in SOURCES for s in sources):
        bad(where, "funding sources")
    amounts = [money(line.get("amount")) for line in funding]
    if any(a is None for a in amounts):
        bad(where, "funding amount format")
    elif funding and sum(amounts) != total:
        bad(where, f"funding sums to {sum(amounts)}, total {total}")
    for line in funding:
        if set(line) - {"source", "amount"}:
            bad(where, "funding line fields")
    # Dates and stage guards.
    for f in ("planned_start", "planned_completion", "actual_start", "actual_completion",
              "stats_date"):
        if f in p and not valid_date(p[f]):
            bad(where, f"{f} is not a date")
    g = p.get
    if g("planned_start") and g("planned_completion") and g("planned_completion") < g("planned_start"):
        bad(where, "planned completion before planned start")
    if g("actual_start") and g("actual_start") > LAST_ACTUAL:
        bad(where, "actual start in the future")
    if g("actual_completion"):
        if g("actual_completion") > LAST_ACTUAL:
            bad(where, "actual completion in the future")
        if not g("actual_start") or g("actual_completion") < g("actual_start"):
            bad(where, "actual completion needs an earlier actual start")
    stage = g("stage")
    if stage in STARTED and not g("actual_start"):
        bad(where, "started stage without actual_start")
    if stage not in STARTED and g("actual_start"):
        bad(where, "not started but has actual_start")
    if stage in ("completed", "production") and not g("actual_completion"):
        bad(where, "completed stage without actual_completion")
    if stage not in ("completed", "production") and g("actual_completion"):
        bad(where, "not completed but has actual_completion")
    if g("stats_status") == "included":
        if not g("stats_date") or g("stats_date") > LAST_ACTUAL:
            bad(where, "included needs a past stats_date")
        if not g("actual_start"):
            bad(where, "included but not started")
        elif g("stats_date") and g("stats_date") < g("actual_start"):
            bad(where, "stats_date before the start")
    elif g("stats_date"):
        bad(where, "stats_date without inclusion")
    # A project started this year may still be waiting (pending); an older one may not.
    if stage in STARTED and total >= 500 and g("stats_status") != "included" and not (
            g("stats_status") == "pending" and g("actual_start") >= "2026-01-01"):
        bad(where, "started and ≥500万 but not included in the statistics")
    if stage in ("construction", "completed", "production", "suspended", "preliminary") and \
            not funding:
        bad(where, "no funding mix")
    # Assignments.
    roles = collections.Counter()
    for j, a in enumerate(p.get("assignments", [])):
        w = f"{where} assignments[{j}]"
        if set(a) - ASSIGNMENT_FIELDS:
            bad(w, "unknown fields")
        role = a.get("role")
        roles[role] += 1
        if role in PERSON_ROLES:
            if "person" not in a or "unit" in a or a["person"] not in people:
                bad(w, "needs exactly a known person")
            elif role in ("lead_leader", "dispatch_leader") and \
                    people[a["person"]]["kind"] != "leader":
                bad(w, "a leader role needs a leader")
        elif role in UNIT_ROLES:
            if "unit" not in a or "person" in a or a["unit"] not in units:
                bad(w, "needs exactly a known unit")
        else:
            bad(w, f"bad role {role}")
    if roles["lead_leader"] != 1:
        bad(where, "needs exactly one 包抓领导")
    if roles["responsible_unit"] != 1 or not any(
            a.get("unit") == p.get("responsible") for a in p.get("assignments", [])
            if a.get("role") == "responsible_unit"):
        bad(where, "needs one 责任单位 assignment matching responsible")


def main():
    regions = check_regions(load("regions.json"))
    units = check_units(load("units.json"), regions)
    people = check_people(load("people.json"), units)
    users = check_users(load("users.json"), units, people)
    projects = load("projects.json")
    unique(projects, "key", "projects")
    unique(projects, "name", "projects")
    keys, codes = set(), set()
    for i, p in enumerate(projects):
        check_project(i, p, units, people, keys, codes)
        keys.add(p.get("key"))

    # The demo accounts must each see something.
    owned = collections.Counter(p.get("owner") for p in projects)
    chief = collections.Counter(a.get("person") for p in projects for a in p.get("assignments", [])
                                if a.get("role") == "chief_service_officer")
    responsible = collections.Counter(p.get("responsible") for p in projects)
    if owned[users.get("qiye", {}).get("unit")] < 3:
        bad("users", "qiye's company should own several projects")
    if chief[users.get("fwy", {}).get("person")] < 3:
        bad("users", "fwy's person should be 首席服务员 on several projects")
    for u in ("jyj", "zjj"):
        if responsible[users.get(u, {}).get("unit")] < 3:
            bad("users", f"{u}'s unit should be responsible for several projects")
    if "常务副区长" not in people.get(users.get("lingdao", {}).get("person"), {}).get("title", ""):
        bad("users", "lingdao should be the 常务副区长")
    counts = {r: sum(1 for _ in load(f)) for r, f in
              (("regions", "regions.json"), ("units", "units.json"), ("people", "people.json"),
               ("users", "users.json"), ("projects", "projects.json"))}
    n_assign = sum(len(p.get("assignments", [])) for p in projects)
    print("counts:", counts, "assignments:", n_assign)
    print("units by kind:", dict(collections.Counter(u["kind"] for u in units.values())))
    print("people by kind:", dict(collections.Counter(p["kind"] for p in people.values())))
    print("stages:", dict(collections.Counter(p["stage"] for p in projects)))
    print("levels:", dict(collections.Counter(p.get("level") for p in projects)))
    print("categories:", dict(collections.Counter(p.get("category") for p in projects)))
    print("regimes:", dict(collections.Counter(p.get("approval_regime") for p in projects)))
    total = sum(Decimal(p["total_investment"]) for p in projects)
    print(f"total investment: {total} 万元 ({total / 10000:.1f} 亿元)")
    print(f"qiye owns {owned[users['qiye']['unit']]}, fwy is chief on "
          f"{chief[users['fwy']['person']]}, jyj responsible for "
          f"{responsible[users['jyj']['unit']]}, zjj for {responsible[users['zjj']['unit']]}")
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
