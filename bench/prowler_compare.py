"""Compares Prowler's json-ocsf findings with `bulwark discover --check -o json` on the same (moto) account.

Usage: prowler_compare.py MAPPING.md PROWLER_DIR BULWARK.json CHECKS_DIR TIMES [FOREIGN]
The mapping is the table between `<!-- mapping:start -->` and `<!-- mapping:end -->` in MAPPING.md: each row names
a Prowler check, the Bulwark check file (checks/aws/NAME.yaml) and what an absent Bulwark result means (`pass` for
checks whose Bulwark resource exists only when the setting is on, such as a public snapshot permission). A Prowler
resource (ARN or ID) is matched to the Bulwark resources with that ARN, ID or name, and to the resources that refer
to them (S3's split resources, snapshot permissions). TIMES holds `tool wall_seconds peak_rss_kb` lines.
FOREIGN (optional, from foreign_resources.py) lists resources the endpoint returned although another account owns
them: Prowler's findings on them are counted apart, not compared (Bulwark reads only what the account owns).
Prints wall time and peak RSS side by side, agreement per mapped check, every difference, and the Prowler checks
with results but no Bulwark equivalent. Written for Bulwark.
"""
import glob
import json
import re
import sys


def mapping(path):
    text = open(path).read()
    block = text.split("<!-- mapping:start -->")[1].split("<!-- mapping:end -->")[0]
    rows = {}
    for line in block.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("Prowler check", "") or set(cells[0]) <= set("-: "):
            continue
        rows.setdefault(cells[0], []).append((cells[1], cells[2] == "pass"))
    return rows


def check_ids(directory, names):
    ids = {}
    for name in names:
        for line in open(f"{directory}/aws/{name}.yaml"):
            if line.startswith("id:"):
                ids[name] = line.split(":", 1)[1].strip()
                break
    return ids


def tails(uid):
    parts = {uid}
    for sep in ("/", ":"):
        if sep in uid:
            parts.add(uid.rsplit(sep, 1)[1])
    return parts


def main():
    mapping_path, prowler_dir, bulwark_path, checks_dir, times_path = sys.argv[1:6]
    foreign = set(open(sys.argv[6]).read().split()) if len(sys.argv) > 6 else set()
    rows = mapping(mapping_path)
    prowler = []
    for path in glob.glob(f"{prowler_dir}/*.ocsf.json"):
        prowler += json.load(open(path))
    bulwark = json.load(open(bulwark_path))
    ids = check_ids(checks_dir, {name for targets in rows.values() for name, _ in targets})

    # Bulwark resources by every key a Prowler resource could name, and who refers to whom.
    by_key, by_address = {}, {}
    for r in bulwark["resources"]:
        by_address[r["address"]] = r
        keys = {r["live"].get("id", ""), str(r["attributes"].get("arn") or ""), str(r["attributes"].get("id") or "")}
        for key in keys - {""}:
            by_key.setdefault(key, set()).add(r["address"])
    children = {}
    for r in bulwark["resources"]:
        for ref in r.get("references", []):
            children.setdefault(ref["target"], set()).add(r["address"])
    verdicts = {}
    for f in bulwark.get("findings", []):
        verdicts.setdefault((f["check"], f["resource"]), []).append(f["verdict"])

    def bulwark_verdict(check_id, uid, name, absent_pass):
        addresses = set()
        for key in tails(uid) | {name}:
            addresses |= by_key.get(key, set())
        on_check = {a for (c, a) in verdicts if c == check_id}
        scope = set(addresses)
        for a in addresses:
            scope |= children.get(a, set())
        found = [v for a in scope for v in verdicts.get((check_id, a), [])]
        # An account-level finding (password policy, EBS default encryption; Prowler names the account): the one
        # resource the check ran on. The account ID may also be another resource's key (the IAM account summary).
        account_level = re.fullmatch(r"\d{12}", name or "") is not None
        if not found and len(on_check) == 1 and (account_level or not addresses):
            addresses = on_check
            found = verdicts[(check_id, next(iter(on_check)))]
        if not found and len(on_check) == 1 and next(iter(on_check)).startswith("data.aws_live_"):
            # Prowler names the resource that decided an account-level check (the log group with the metric
            # filter, the detector); Bulwark answers it on the account or region anchor, the one resource it ran on.
            found = verdicts[(check_id, next(iter(on_check)))]
        if not found:
            return "pass" if absent_pass and addresses else None
        if "failed" in found:
            return "fail"
        if "unknown" in found:
            return "unknown"
        return "pass"

    with_results = {}
    for f in prowler:
        code = f["metadata"]["event_code"]
        if f["status_code"] in ("PASS", "FAIL"):
            with_results.setdefault(code, []).append(f)
    compared = agreed = 0
    per_check = []
    differences = []
    not_owned = {}
    for code in sorted(with_results):
        if code not in rows:
            continue
        n = a = 0
        for f in with_results[code]:
            res = f["resources"][0]
            if tails(res.get("uid", "")) & foreign:
                not_owned[code] = not_owned.get(code, 0) + 1
                continue
            expected = f["status_code"].lower()
            got = None
            for name, absent_pass in rows[code]:
                v = bulwark_verdict(ids[name], res.get("uid", ""), res.get("name", ""), absent_pass)
                if v is not None:
                    got = v if got in (None, "pass") else got
            n += 1
            if got == expected:
                a += 1
            else:
                differences.append((code, res.get("uid", ""), expected, got or "no result"))
        compared += n
        agreed += a
        per_check.append((code, ", ".join(ids[name] for name, _ in rows[code]), n, a))
    unmapped = sorted(c for c in with_results if c not in rows)

    times = {}
    for line in open(times_path):
        tool, wall, rss = line.split()
        times[tool] = (float(wall), int(rss))
    pw, pr = times["prowler"]
    bw, br = times["bulwark"]
    print(f"| tool | wall (s) | peak RSS (MiB) |\n|---|---:|---:|")
    print(f"| Prowler | {pw:.1f} | {pr / 1024:.0f} |")
    print(f"| bulwark discover --check | {bw:.1f} | {br / 1024:.0f} |")
    print(f"\nBulwark is {pw / bw:.1f}x faster with {br / pr:.2f} of Prowler's peak RSS; "
          f"resources read by Bulwark: {bulwark['resource_count']}, Prowler findings: {len(prowler)}.\n")
    total = len(with_results)
    mapped = total - len(unmapped)
    print(f"Prowler checks with PASS/FAIL results: {total}; with a Bulwark equivalent: {mapped} "
          f"({100 * mapped / max(total, 1):.0f} %).")
    print(f"Compared verdicts: {compared}; agreeing: {agreed} ({100 * agreed / max(compared, 1):.1f} %).")
    skipped = sum(not_owned.values())
    print(f"Not compared: {skipped} Prowler findings on resources another account owns, which the endpoint listed "
          f"although the request asked for the account's own (Bulwark does not report them): "
          f"{', '.join(f'{c} {n}' for c, n in sorted(not_owned.items())) or 'none'}.\n")
    print("| Prowler check | Bulwark check | compared | agree |\n|---|---|---:|---:|")
    for code, bulwark_ids, n, a in per_check:
        print(f"| `{code}` | {bulwark_ids} | {n} | {a} |")
    print("\nDifferences (Prowler check, resource, Prowler, Bulwark):")
    for d in differences:
        print(f"- `{d[0]}` {d[1]}: Prowler {d[2]}, Bulwark {d[3]}")
    print("\nProwler checks with results and no Bulwark equivalent:")
    for code in unmapped:
        statuses = {f["status_code"] for f in with_results[code]}
        print(f"- `{code}` ({len(with_results[code])} results: {', '.join(sorted(statuses))})")


if __name__ == "__main__":
    main()
