#!/usr/bin/env python3
"""Lists the file paths a Markdown document mentions that do not exist in the repository.

  scripts/check-doc-paths.py [docs/architecture.md ...]

A path is a token such as src/core/service/report_service.h, core/model/json.h (taken as
src/core/...), web/src/views/FundsView.vue, tests/cli_test.cc or bench/run_rates.sh; `{h,cc}`
alternatives and `*` globs are expanded. Names of a web component or view without a directory
(FundsTab.vue, schema_meetings.cc) must exist somewhere in the tree. Build output (web/dist,
build/) is not checked. Exit code 1 when a path is missing."""
import glob, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARTS = 'common|core|storage|engine|http|api|auth|xlsx|importing|documents|app|testing'
TOP = 'src|web|tests|scripts|bench|docs|reference|demo|fuzz|cmake'
PATH = re.compile(r'(?<![\w./-])((?:%s|%s)/[\w./{},*-]*[\w*}])' % (TOP, PARTS))
BARE = re.compile(r'(?<![\w./{*-])([A-Za-z][\w-]*\.(?:h|cc|vue|js|mjs|sh|c|md|csv|yaml))(?![\w/])')
GENERATED = ('web/dist/', 'build/')


def basenames():
    names = set()
    for top in ('src', 'web/src', 'web/tests', 'web/public', 'tests', 'scripts', 'bench', 'docs',
                'reference', 'fuzz', 'cmake', 'demo'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = [d for d in dirnames if d != 'node_modules']
            names.update(filenames)
    names.update(os.listdir(ROOT))
    return names


def candidates(token):
    m = re.search(r'\{([^}]*)\}', token)
    if m:
        for alt in m.group(1).split(','):
            yield from candidates(token[:m.start()] + alt + token[m.end():])
        return
    yield token


def exists(path):
    if not re.match(r'(%s)/' % TOP, path):
        path = 'src/' + path
    full = os.path.join(ROOT, path)
    if '*' in path:
        return bool(glob.glob(full))
    return os.path.exists(full)


def main(files):
    missing = []
    known = basenames()
    for name in files:
        text = open(os.path.join(ROOT, name), encoding='utf-8').read()
        for token in sorted(set(PATH.findall(text))):
            token = token.rstrip('.')
            if token.startswith('src/api/') and token.endswith('/'):
                continue
            if token.startswith(GENERATED):
                continue
            for path in candidates(token):
                if not exists(path):
                    missing.append((name, path))
        for bare in sorted(set(BARE.findall(text))):
            if bare not in known:
                missing.append((name, bare))
    for name, path in missing:
        print(f'{name}: {path}')
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['docs/architecture.md']))
