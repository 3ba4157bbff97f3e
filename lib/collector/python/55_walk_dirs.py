# One root's walk, directory by directory: depth first, subdirectories in name order, each directory
# inspected into the root's arrays (54_directory.py) and its records sent after it (55_records.py).

LIMIT_REPORT_MAX = 200


def _report_limit(stack, root, ctx):
    for rel, _ in list(reversed(stack))[:LIMIT_REPORT_MAX]:
        root["skipped"].append({"path": rel, "reason": "limit", "detail": ctx.truncated["reason"]})
    if len(stack) > LIMIT_REPORT_MAX:
        root["skipped"].append({"path": "", "reason": "limit", "detail": "%d more directories" % (len(stack) - LIMIT_REPORT_MAX)})


def step_dir(index, root, rel, st, walk):
    """One directory of the walk into root's arrays: its subdirectories to enter [(rel, st)], in name order.
    walk: the WalkState the directory belongs to (what was visited, what is excluded, the venvs found)."""
    path = root["path"]
    absd = path if not rel else path.rstrip("/") + "/" + rel
    st = st or os.stat(absd)
    if (st.st_dev, st.st_ino) in walk.visited:
        root["skipped"].append({"path": rel, "reason": "loop", "detail": "directory seen before (bind mount)"})
        return []
    walk.visited.add((st.st_dev, st.st_ino))
    subdirs = inspect_dir(absd, rel, st, root, walk.ctx)
    if walk.marks is None:
        RECORDS.walked(index, root, walk.ctx)
    else:
        walk.marks.append(tuple(len(root[field]) for field in RECORD_FIELDS))
    if subdirs == "venv":
        walk.excluded.add(absd)
        walk.venvs.append(absd)
        return []
    prefix, base = (rel + "/" if rel else ""), absd.rstrip("/") + "/"
    return [(prefix + name, sub_st) for name, sub_st in subdirs if base + name not in walk.excluded]


def walk_stack(index, root, stack, walk):
    """The walk, depth first in name order, from a stack of [(rel, st or None)] (the next to walk last)."""
    while stack:
        if walk.ctx.stopped():
            _report_limit(stack, root, walk.ctx)
            break
        rel, st = stack.pop()
        stack.extend(reversed(step_dir(index, root, rel, st, walk)))


class WalkState(object):
    """What the walk of one root carries from directory to directory. Records leave after each directory,
    except in a worker of the parallel walk (marks=True): there the arrays' lengths after each directory are
    noted instead, and the parent sends the records at the same points, so the lines are cut the same."""

    def __init__(self, ctx, excluded, marks=False):
        self.ctx, self.excluded = ctx, excluded
        self.marks = [] if marks else None
        self.visited = set()
        self.venvs = []
