#!/usr/bin/env python3
"""Compares Checkov's and Bulwark's verdicts per (check, resource) on the same tree.

Inputs: Checkov's JSON report (`checkov -d TREE -o json`) and Bulwark's (`bulwark scan TREE -o json`).
A pair is compared when Bulwark has a check whose `checkov_ids` include Checkov's check ID and both tools
evaluated the same resource (matched by file path and configuration address without instance keys).
Bulwark's UNKNOWN verdicts are counted separately: they are neither agreement nor disagreement.
With `--corpus`, prints one Markdown table row per corpus repository; disagreements are classified by
bench/checkov-known-differences.tsv, and "without Checkov's errors" sets aside those classed `checkov-wrong`.
"""
import json
import os
import re
import sys
from collections import defaultdict

KEY = re.compile(r'\[[^\]]*\]')


def strip_keys(address):
    return KEY.sub('', address)


def checkov_results(path, root):
    with open(path) as fh:
        data = json.load(fh)
    reports = data if isinstance(data, list) else [data]
    out = {}
    for report in reports:
        if report.get('check_type') not in (None, 'terraform'):
            continue
        results = report.get('results', {})
        for verdict, key in (('PASSED', 'passed_checks'), ('FAILED', 'failed_checks')):
            for r in results.get(key, []):
                file = os.path.normpath(os.path.join(root, r['file_path'].lstrip('/')))
                resource = strip_keys(r['resource'])
                k = (r['check_id'], file, resource)
                # One failing instance fails the configuration block.
                if out.get(k) != 'FAILED':
                    out[k] = verdict
    return out


def bulwark_results(path, root):
    with open(path) as fh:
        data = json.load(fh)
    out = defaultdict(set)
    for r in data.get('results', []):
        # Bulwark reports paths relative to the working directory (the source root), the script runs from there.
        file = os.path.normpath(r['file']) if r.get('file') else ''
        # Checkov names data sources without the "data." prefix.
        resource = strip_keys(r['resource'])
        resource = resource[5:] if resource.startswith('data.') else resource
        resource = resource.replace('.data.', '.')
        for cid in r.get('checkov_ids') or []:
            out[(cid, file, resource)].add((r['verdict'], r['check_id']))
    merged = {}
    for k, verdicts in out.items():
        names = {v for v, _ in verdicts}
        ids = sorted({c for _, c in verdicts})
        if 'FAILED' in names:
            merged[k] = ('FAILED', ids)
        elif 'UNKNOWN' in names:
            merged[k] = ('UNKNOWN', ids)
        elif 'PASSED' in names:
            merged[k] = ('PASSED', ids)
    return merged


def compare(ck, bw):
    """Agreement between the two verdict maps: counts and one line per pair that is not an agreement."""
    mapped_ids = {k[0] for k in bw}
    stats = dict(agree=0, disagree=0, unknown=0, only_checkov=0, only_bulwark=0)
    lines = []
    disagreements = []
    for k, verdict in sorted(ck.items()):
        if k[0] not in mapped_ids:
            continue
        ours = bw.get(k)
        if ours is None:
            stats['only_checkov'] += 1
            lines.append(f"NOT-EVALUATED-BY-BULWARK {k[0]} {k[2]} {k[1]} checkov={verdict}")
            continue
        if ours[0] == 'UNKNOWN':
            stats['unknown'] += 1
            lines.append(f"BULWARK-UNKNOWN {k[0]} ({','.join(ours[1])}) {k[2]} {k[1]} checkov={verdict}")
        elif ours[0] == verdict:
            stats['agree'] += 1
        else:
            stats['disagree'] += 1
            disagreements.append((k, verdict, ours))
            lines.append(f"DISAGREE {k[0]} ({','.join(ours[1])}) {k[2]} {k[1]} checkov={verdict} bulwark={ours[0]}")
    stats['only_bulwark'] = sum(1 for k in bw if k not in ck)
    return stats, lines, disagreements


def percent(agree, compared):
    return 100.0 * agree / compared if compared else 100.0


def load_known(path):
    """Classified disagreements: `CHECKOV_ID CHECKOV_VERDICT BULWARK_VERDICT FILE_GLOB RESOURCE_GLOB CLASS`
    per line (tab-separated, `#` comments). CLASS is `checkov-wrong`, `ambiguous` or `ours`; every entry is
    explained in docs/checkov-differences.md."""
    rules = []
    if not os.path.exists(path):
        return rules
    with open(path) as fh:
        for line in fh:
            line = line.split('#', 1)[0].rstrip('\n')
            if not line.strip():
                continue
            parts = line.split('\t')
            if len(parts) != 6:
                sys.exit(f"{path}: expected 6 tab-separated fields: {line!r}")
            rules.append(parts)
    return rules


def classify(rules, repo, key, checkov_verdict, bulwark_verdict):
    import fnmatch
    cid, file, resource = key
    for rid, cv, bv, file_glob, res_glob, cls in rules:
        if rid == cid and cv == checkov_verdict and bv == bulwark_verdict \
                and fnmatch.fnmatchcase(f"{repo}/{file}", file_glob) and fnmatch.fnmatchcase(resource, res_glob):
            return cls
    return 'unclassified'


def corpus(args):
    """`--corpus ROOT CACHE OUT REPO...`: per-repository agreement on the shared corpus, as a Markdown table."""
    root, cache, out_path, repos = args[0], args[1], args[2], args[3:]
    rules = load_known(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'checkov-known-differences.tsv'))
    rows = []
    lines = []
    totals = defaultdict(int)
    for repo in repos:
        ck_path = os.path.join(cache, repo, 'checkov.json')
        bw_path = os.path.join(cache, repo, 'bulwark.json')
        try:
            ck = checkov_results(ck_path, '')
            cwd = os.getcwd()
            os.chdir(os.path.join(root, repo))
            try:
                bw = bulwark_results(os.path.join(cwd, bw_path), '')
            finally:
                os.chdir(cwd)
        except (OSError, ValueError) as error:
            rows.append(f"| {repo} | error: {error} | | | | | |")
            continue
        stats, repo_lines, disagreements = compare(ck, bw)
        classes = defaultdict(int)
        for key, cv, ours in disagreements:
            cls = classify(rules, repo, key, cv, ours[0])
            classes[cls] += 1
            lines.append(f"{repo} {cls.upper()} {key[0]} ({','.join(ours[1])}) {key[2]} {key[1]} checkov={cv} bulwark={ours[0]}")
        lines += [f"{repo} {l}" for l in repo_lines if not l.startswith('DISAGREE')]
        compared = stats['agree'] + stats['disagree']
        set_aside = classes['checkov-wrong']
        for name, value in list(stats.items()) + [('set_aside', set_aside)] + [(f"class_{c}", n) for c, n in classes.items()]:
            totals[name] += value
        detail = ', '.join(f"{c} {n}" for c, n in sorted(classes.items())) or '-'
        rows.append(f"| {repo} | {compared} | {stats['agree']} | {stats['disagree']} ({detail}) | "
                    f"{percent(stats['agree'], compared):.2f} % | {percent(stats['agree'], compared - set_aside):.2f} % | "
                    f"{stats['unknown']} | {stats['only_checkov']} |")
    compared = totals['agree'] + totals['disagree']
    detail = ', '.join(f"{c[6:]} {n}" for c, n in sorted(totals.items()) if c.startswith('class_')) or '-'
    rows.append(f"| **all** | {compared} | {totals['agree']} | {totals['disagree']} ({detail}) | "
                f"{percent(totals['agree'], compared):.2f} % | {percent(totals['agree'], compared - totals['set_aside']):.2f} % | "
                f"{totals['unknown']} | {totals['only_checkov']} |")
    with open(out_path, 'w') as fh:
        fh.write('\n'.join(lines) + '\n')
    print_coverage(cache, repos)
    print("| repository | compared pairs | agree | disagree (by class) | agreement | without Checkov's errors | "
          "Bulwark UNKNOWN | Checkov only |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")
    print('\n'.join(rows))
    print(f"\ndetails: {out_path}")


def claimed_ids(checks_dir):
    """Checkov IDs named in `references.checkov` of the library's check files."""
    ids = set()
    for dirpath, _, files in os.walk(checks_dir):
        for name in files:
            if name.endswith(('.yaml', '.yml')):
                with open(os.path.join(dirpath, name)) as fh:
                    for m in re.finditer(r'^\s*checkov:\s*\[([^\]]*)\]', fh.read(), re.M):
                        ids.update(x.strip().strip('"\'') for x in m.group(1).split(',') if x.strip())
    return ids


def print_coverage(cache, repos):
    """Distinct Checkov IDs with a PASSED/FAILED result on the corpus, and how many a Bulwark check claims."""
    fired = set()
    for repo in repos:
        try:
            fired |= {k[0] for k in checkov_results(os.path.join(cache, repo, 'checkov.json'), '')}
        except (OSError, ValueError):
            continue
    claimed = claimed_ids(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'checks'))
    covered = fired & claimed
    missing = sorted(fired - claimed, key=lambda i: (i.split('_')[0], i.split('_')[1], int(re.sub(r'\D', '', i.split('_')[-1]) or 0)))
    print(f"coverage: {len(covered)} of {len(fired)} distinct Checkov IDs with a result on the corpus are claimed "
          f"({percent(len(covered), len(fired)):.1f} %); without an equivalent: {', '.join(missing) or '-'}\n")


def main():
    if sys.argv[1:2] == ['--corpus']:
        corpus(sys.argv[2:])
        return
    checkov_json, bulwark_json, root, out_path = sys.argv[1:5]
    ck = checkov_results(checkov_json, root)
    bw = bulwark_results(bulwark_json, root)
    stats, lines, _ = compare(ck, bw)
    agree, disagree = stats['agree'], stats['disagree']
    compared = agree + disagree
    pct = percent(agree, compared)
    with open(out_path, 'w') as fh:
        fh.write('\n'.join(lines) + '\n')
    print(f"compared {compared} (check, resource) pairs: {agree} agree, {disagree} disagree -> {pct:.2f}% agreement")
    print(f"  bulwark UNKNOWN (value known only after apply): {stats['unknown']}; evaluated by Checkov only: "
          f"{stats['only_checkov']}; by Bulwark only: {stats['only_bulwark']}")
    print(f"  details: {out_path}")


if __name__ == '__main__':
    main()
