# The walk of a large root on more than one core. The parent lists the top levels of the tree (names only)
# and plans, in the walk's own depth-first order, the directories it inspects itself and the subtrees that
# worker processes walk. Workers are forks of this process running the same read-only walk (nothing else:
# they never write to stdout and start nothing); the parent takes their results back in the planned order
# and sends the records, so the inventory, its lines and the stored blob are exactly the one-process walk's.
#
# Whatever only the whole walk can decide is left to the one-process walk, from the first subtree it
# concerns on: the max-files budget running out, the time limit, or a directory a worker saw that the walk
# had already seen (a bind mount reached twice).

WALK_WORKERS_MAX = 8
# Share a root only when its top levels hold this many subtrees per worker: fewer means a small tree, where
# starting workers would cost more than it saves (and subtrees of uneven size balance worse).
WALK_SUBTREES_PER_WORKER = 8
WALK_PLAN_DEPTH = 4


def walk_workers(spec):
    """Processes the walk may use: spec.walkWorkers when set, else the cores this process may run on."""
    wanted = spec.get("walkWorkers")
    if isinstance(wanted, int) and not isinstance(wanted, bool) and wanted >= 1:
        return min(wanted, WALK_WORKERS_MAX)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, WALK_WORKERS_MAX))


def _subdir_names(absd, rel):
    """The subdirectories the walk would enter, by _scan_entries' rules, in name order; None when the planner
    cannot tell (unreadable, a virtual environment): then the directory is walked as one subtree."""
    try:
        with os.scandir(absd) as it:
            entries = sorted(it, key=_BY_NAME)
        if rel and any(e.name == "pyvenv.cfg" for e in entries):
            return None
        return [e.name for e in entries
                if e.name != "__pycache__" and e.name not in SKIP_DIRS and e.is_dir(follow_symlinks=False)]
    except OSError:
        return None


def plan_walk(path, excluded, workers):
    """[("dir", rel, planned children) inspected by the parent, or ("tree", rel) walked by a worker], in the
    walk's order; None when the tree's top levels are too small to share."""
    children = {}
    frontier = [""]
    for _ in range(WALK_PLAN_DEPTH):
        deeper = []
        for rel in frontier:
            absd = path if not rel else path.rstrip("/") + "/" + rel
            names = _subdir_names(absd, rel)
            if names is not None:
                base, prefix = absd.rstrip("/") + "/", rel + "/" if rel else ""
                children[rel] = [prefix + name for name in names if base + name not in excluded]
                deeper.extend(children[rel])
        frontier = deeper
        if len(frontier) >= WALK_SUBTREES_PER_WORKER * workers:
            break
    if len(frontier) < WALK_SUBTREES_PER_WORKER * workers:
        return None
    tasks = []
    pending = [""]
    while pending:
        rel = pending.pop()
        if rel in children:
            tasks.append(("dir", rel, children[rel]))
            pending.extend(reversed(children[rel]))
        else:
            tasks.append(("tree", rel))
    return tasks


def _walk_subtree(index, root, rel, walk):
    """A worker's walk of one subtree, returned for the parent to merge (fresh arrays; jobs by source index)."""
    ctx = walk.ctx
    out = dict([("path", root["path"])] + [(field, []) for field in RECORD_FIELDS])
    files, dirs = ctx.files_seen, PROGRESS.dirs
    ctx.hash_jobs, ctx.marshal_jobs = [], []
    sure_fresh = ctx.sure_fresh_jobs
    state = WalkState(ctx, set(walk.excluded), marks=True)
    walk_stack(index, out, [(rel, None)], state)
    at = dict((id(source), i) for i, source in enumerate(out["sources"]))
    result = {"arrays": [out[field] for field in RECORD_FIELDS], "marks": state.marks, "visited": state.visited,
              "venvs": state.venvs, "files": ctx.files_seen - files, "dirs": PROGRESS.dirs - dirs,
              "stopped": ctx.truncated is not None,
              "hash": [(at[id(s)], expected, p) for s, expected, p in ctx.hash_jobs],
              "marshal": None if ctx.marshal_jobs is None else [(at[id(s)], p) for s, p in ctx.marshal_jobs],
              "sureFresh": ctx.sure_fresh_jobs - sure_fresh}
    ctx.files_seen = files
    return result


def _worker(conn, index, root, rels, walk):
    """A worker: walks its subtrees in order and sends each result; None after a failure (the parent then
    walks the rest itself)."""
    # Only the parent writes events. Forked while its heartbeat may be writing one, this copy of stdout could
    # hold part of a line, which multiprocessing's exit would flush: it is never touched again.
    sys.stdout = None
    try:
        for rel in rels:
            conn.send(_walk_subtree(index, root, rel, walk))
    except Exception:
        try:
            conn.send(None)
        except (OSError, ValueError):
            pass
    finally:
        conn.close()


def _left(tasks, k, st_of, first=(), skip_under=None):
    """The one-process walk's stack for what tasks[k:] still hold: `first` [(rel, st)], then each remaining
    task that is not below the one before it (a planned directory's subtree is walked whole)."""
    tops = list(first)
    under = skip_under
    for task in tasks[k:]:
        rel = task[1]
        if under is not None and (under == "" or rel.startswith(under + "/")):
            continue
        tops.append((rel, st_of.get(rel)))
        under = rel
    return list(reversed(tops))


def _merge(index, root, result, walk):
    """Appends a worker's subtree to the root directory by directory, sending records where the one-process
    walk would have."""
    ctx = walk.ctx
    arrays, done = result["arrays"], (0,) * len(RECORD_FIELDS)
    # The subtree's jobs first, on its own source dicts: whether the body check can still run decides which of
    # its records may leave below, and those leave the root's array holding None in their place.
    sources = arrays[RECORD_FIELDS.index("sources")]
    ctx.hash_jobs.extend((sources[i], expected, p) for i, expected, p in result["hash"])
    if result["marshal"] is None:
        ctx.marshal_jobs = None
    elif ctx.marshal_jobs is not None:
        ctx.marshal_jobs.extend((sources[i], p) for i, p in result["marshal"])
    keep_marshal_jobs(ctx, result["sureFresh"])
    for mark in result["marks"]:
        for field, items, begin, end in zip(RECORD_FIELDS, arrays, done, mark):
            root[field].extend(items[begin:end])
        done = mark
        RECORDS.walked(index, root, ctx)
    # What followed the subtree's last directory (a loop reported) waits for the next cut, as it would.
    for field, items, begin in zip(RECORD_FIELDS, arrays, done):
        root[field].extend(items[begin:])
    walk.visited.update(result["visited"])
    for venv in result["venvs"]:
        walk.excluded.add(venv)
        walk.venvs.append(venv)
    ctx.files_seen += result["files"]
    PROGRESS.files += result["files"]
    PROGRESS.dirs += result["dirs"]


def _follow(index, root, tasks, conns, walk):
    """Goes through the plan in order: inspects the planned directories, merges the workers' subtrees. Returns
    the stack left to the one-process walk ([] when the plan held)."""
    ctx = walk.ctx
    st_of = {}
    trees = 0
    for k, task in enumerate(tasks):
        if ctx.stopped():
            return _left(tasks, k, st_of)
        if task[0] == "dir":
            subdirs = step_dir(index, root, task[1], st_of.get(task[1]), walk)
            st_of.update(subdirs)
            if [rel for rel, _ in subdirs] != task[2]:
                return _left(tasks, k + 1, st_of, subdirs, skip_under=task[1])
            continue
        try:
            result = conns[trees % len(conns)].recv()
        except (EOFError, OSError):
            result = None
        trees += 1
        if (result is None or result["stopped"] or ctx.files_seen + result["files"] > ctx.max_files
                or not walk.visited.isdisjoint(result["visited"])):
            return _left(tasks, k, st_of)
        _merge(index, root, result, walk)
    return []


def walk_parallel(index, root, walk):
    """Walks what it can of the root on ctx.workers processes; returns the stack the one-process walk
    continues with: the whole root ([("", None)]) when it is not shared, [] when the workers walked it all."""
    ctx = walk.ctx
    whole = [("", None)]
    if ctx.workers < 2 or not hasattr(os, "fork"):
        return whole
    tasks = plan_walk(root["path"], walk.excluded, ctx.workers)
    if tasks is None:
        return whole
    import multiprocessing  # only for a large root: most collections never need it

    subtrees = [task[1] for task in tasks if task[0] == "tree"]
    fork = multiprocessing.get_context("fork")
    procs, conns = [], []
    try:
        for w in range(ctx.workers):
            reader, writer = fork.Pipe(duplex=False)
            proc = fork.Process(target=_worker, args=(writer, index, root, subtrees[w::ctx.workers], walk))
            proc.daemon = True
            proc.start()
            writer.close()
            procs.append(proc)
            conns.append(reader)
        return _follow(index, root, tasks, conns, walk)
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
            proc.join()
        for conn in conns:
            conn.close()
