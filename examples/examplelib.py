"""What the example tenants' generators share: finding the official example
bodies of the Azure REST API specs and the Microsoft Graph documentation
(../shared/azure-api-examples beside the project, --examples DIR or
AZAUDIT_API_EXAMPLES), reading one response body, editing copies of it, and
writing the snapshot atomically. Python 3, standard library only."""
import copy
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_examples():
    if '--examples' in sys.argv:
        return sys.argv[sys.argv.index('--examples') + 1]
    env = os.environ.get('AZAUDIT_API_EXAMPLES')
    if env:
        return env
    d = ROOT
    for _ in range(4):
        cand = os.path.join(os.path.dirname(d), 'shared', 'azure-api-examples')
        if os.path.isdir(cand):
            return cand
        d = os.path.dirname(d)
    sys.exit('generate.py: cannot find shared/azure-api-examples (use --examples DIR)')


EX = find_examples()


def ex(path, index=0, status=None):
    """The response body of an example file (element `index` of a list)."""
    with open(os.path.join(EX, path)) as f:
        doc = json.load(f)
    if path.startswith('graph/'):
        body = doc
    else:
        resp = doc['responses']
        body = resp[status] if status else (resp.get('200') or resp.get('201'))
        body = body['body']
    if isinstance(body, dict) and isinstance(body.get('value'), list) and not path.startswith('graph/'):
        body = body['value'][index]
    return copy.deepcopy(body)


class _Del:
    pass


DEL = _Del()  # mod(..., a__b=DEL) removes the member


def setp(obj, path, val):
    o = obj
    ks = path.split('.')
    for k in ks[:-1]:
        o = o.setdefault(k, {})
    if val is DEL:
        o.pop(ks[-1], None)
    else:
        o[ks[-1]] = val


def mod(o, **kv):
    """A copy of o with members set (a__b=v sets o['a']['b'])."""
    o = copy.deepcopy(o)
    for k, v in kv.items():
        setp(o, k.replace('__', '.'), v)
    return o


def write_snapshot(here, snapshot):
    """snapshot.json beside the generator, through a temporary file, after
    checking no id is there twice (ids compare case-insensitively)."""
    ids = [r['id'].lower() for r in snapshot['resources']]
    dups = {i for i in ids if ids.count(i) > 1}
    if dups:
        sys.exit('generate.py: duplicate ids: %s' % sorted(dups)[:5])
    out = os.path.join(here, 'snapshot.json')
    with open(out + '.tmp', 'w') as f:
        json.dump(snapshot, f, indent=1, ensure_ascii=False)
        f.write('\n')
    os.replace(out + '.tmp', out)
    return os.path.relpath(out, ROOT)
