#!/usr/bin/env python3
"""Moves modules and rewrites every relative import that reaches them (src/, tests/, tools/).

Usage: python3 tools/dev/move-modules.py MAP.json   (MAP: {"src/old/x.ts": "src/new/x.ts", ...})
Used for the folder layout of issue 15; kept so a branch made before the move can be brought
over by running it with the same map (it only rewrites what still points at an old path).
"""
import json, os, re, subprocess, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
EXTS = ('.ts', '.tsx', '.js', '.mjs', '.css')
SPEC = re.compile(r"""((?:from|import|vi\.mock|vi\.doMock|@import|require)\s*\(?\s*)(['"])(\.{1,2}/[^'"]+)\2""")

def strip_ext(path):
    for ext in ('.ts', '.tsx', '.js'):
        if path.endswith(ext):
            return path[: -len(ext)]
    return path

def main():
    moves = json.load(open(sys.argv[1]))
    moves = {os.path.normpath(k): os.path.normpath(v) for k, v in moves.items()}
    by_module = {strip_ext(k): strip_ext(v) for k, v in moves.items()}
    files = []
    for top in ('src', 'tests', 'tools'):
        for dirpath, _, names in os.walk(os.path.join(ROOT, top)):
            if 'node_modules' in dirpath:
                continue
            files += [os.path.relpath(os.path.join(dirpath, n), ROOT) for n in names if n.endswith(EXTS)]
    files += [f for f in os.listdir(ROOT) if f.endswith(('.config.ts', '.config.js'))]
    for old, new in moves.items():
        if os.path.exists(os.path.join(ROOT, old)):
            os.makedirs(os.path.dirname(os.path.join(ROOT, new)), exist_ok=True)
            subprocess.run(['git', 'mv', old, new], cwd=ROOT, check=True)
    for rel in files:
        new_rel = moves.get(os.path.normpath(rel), rel)
        path = os.path.join(ROOT, new_rel)
        if not os.path.exists(path):
            continue
        text = open(path, encoding='utf-8').read()
        def fix(match):
            prefix, quote, spec = match.groups()
            target = os.path.normpath(os.path.join(os.path.dirname(rel), spec))
            key = strip_ext(target)
            moved_to = by_module.get(key) or moves.get(target)
            if moved_to is None and new_rel == rel:
                return match.group(0)
            dest = moved_to if moved_to is not None else key if key != target else target
            if moved_to is None:
                dest = target if spec.endswith(EXTS) else key
            elif spec.endswith(EXTS) and not moved_to.endswith(EXTS):
                dest = moved_to + os.path.splitext(spec)[1]
            out = os.path.relpath(dest, os.path.dirname(new_rel))
            if not out.startswith('.'):
                out = './' + out
            return f'{prefix}{quote}{out}{quote}'
        updated = SPEC.sub(fix, text)
        if updated != text:
            open(path, 'w', encoding='utf-8').write(updated)

if __name__ == '__main__':
    main()
