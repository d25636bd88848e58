#!/usr/bin/env python3
"""Compares Checkov's and Bulwark's verdicts per (check, resource) on the same tree.

Inputs: Checkov's JSON report (`checkov -d TREE -o json`) and Bulwark's (`bulwark scan TREE -o json`).
A pair is compared when Bulwark has a check whose `checkov_ids` include Checkov's check ID and both tools
evaluated the same resource (matched by file path and configuration address without instance keys).
Bulwark's UNKNOWN verdicts are counted separately: they are neither agreement nor disagreement.
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


def main():
    checkov_json, bulwark_json, root, out_path = sys.argv[1:5]
    ck = checkov_results(checkov_json, root)
    bw = bulwark_results(bulwark_json, root)
    mapped_ids = {k[0] for k in bw}
    agree = disagree = unknown = only_checkov = 0
    lines = []
    for k, verdict in sorted(ck.items()):
        if k[0] not in mapped_ids:
            continue
        ours = bw.get(k)
        if ours is None:
            only_checkov += 1
            lines.append(f"NOT-EVALUATED-BY-BULWARK {k[0]} {k[2]} {k[1]} checkov={verdict}")
            continue
        if ours[0] == 'UNKNOWN':
            unknown += 1
            lines.append(f"BULWARK-UNKNOWN {k[0]} ({','.join(ours[1])}) {k[2]} {k[1]} checkov={verdict}")
        elif ours[0] == verdict:
            agree += 1
        else:
            disagree += 1
            lines.append(f"DISAGREE {k[0]} ({','.join(ours[1])}) {k[2]} {k[1]} checkov={verdict} bulwark={ours[0]}")
    only_bulwark = sum(1 for k in bw if k not in ck)
    compared = agree + disagree
    pct = 100.0 * agree / compared if compared else 0.0
    with open(out_path, 'w') as fh:
        fh.write('\n'.join(lines) + '\n')
    print(f"compared {compared} (check, resource) pairs: {agree} agree, {disagree} disagree -> {pct:.2f}% agreement")
    print(f"  bulwark UNKNOWN (value known only after apply): {unknown}; evaluated by Checkov only: {only_checkov}; by Bulwark only: {only_bulwark}")
    print(f"  details: {out_path}")


if __name__ == '__main__':
    main()
