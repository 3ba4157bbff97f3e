# The roots: each app root, the interpreter's site-packages, and the site-packages of any virtual
# environment found inside an app root. A root nested in another (and the pycache prefix tree, which
# is cache, not sources) is listed in the outer root's `excluded` and walked only once, as itself.

class Ctx(object):
    """State shared by the walk of every root."""

    def __init__(self, spec, ident, access, interp, main_script):
        self.ident, self.access = ident, access
        self.max_files, self.max_seconds = spec["maxFiles"], spec["maxSeconds"]
        self.files_seen = 0
        self.truncated = None
        self.tag = interp["cacheTag"]
        self.magic = bytes.fromhex(interp["magic"])
        self.optimize = interp["optimize"]
        self.prefix = interp["pycachePrefix"]
        self.check_hash = interp["checkHashPycs"]
        opt = ".opt-%d" % self.optimize if self.optimize else ""
        self.pyc_suffix = "." + self.tag + opt + ".pyc" if self.tag else None
        self.main_script = main_script
        self.hash_jobs, self.marshal_jobs = [], []
        # Fresh timestamp pycs queued for settle_bodies; past MARSHAL_CHECK_MAX the check cannot run, and
        # marshal_jobs becomes None rather than hold every fresh source to the end (50_pyc.py).
        self.sure_fresh_jobs = 0
        self.workers = walk_workers(spec)

    def truncate(self, reason, limit):
        if self.truncated is None:
            self.truncated = {"reason": reason, "limit": limit}

    def stopped(self):
        if self.truncated is None and elapsed() > self.max_seconds:
            self.truncate("max-seconds", self.max_seconds)
        return self.truncated is not None


def new_root(path, kind):
    return {"path": path, "kind": kind, "exists": False, "ancestors": [], "dirs": [], "sources": [],
            "extraPycs": [], "skipped": [], "excluded": []}


def ancestors_of(path):
    """Permissions of / … parent of path: each needs x for the service user."""
    out = []
    current = os.path.dirname(path)
    chain = []
    while True:
        chain.append(current)
        if current == "/":
            break
        current = os.path.dirname(current)
    for p in reversed(chain if path != "/" else []):
        node = node_of(p)
        if node is not None:
            out.append(perm_of(node, p))
    return out


def _inside(path, outer):
    return path != outer and (outer == "/" or path.startswith(outer + "/"))


def venv_site_packages(venv):
    return sorted(p for p in glob.glob(os.path.join(glob.escape(venv), "lib", "python*", "site-packages")) if os.path.isdir(p))


def root_problem(path):
    """Why the collector cannot walk path, e.g. "No such file or directory" (a typo'd app root)."""
    try:
        st = os.stat(path)
    except OSError as e:
        return e.strerror or str(e)
    return None if stat.S_ISDIR(st.st_mode) else "Not a directory"


def walk_root(index, root, all_paths, ctx, found_venvs):
    path = root["path"]
    root["ancestors"] = ancestors_of(path)
    node = node_of(path)
    if node is None or not node.isdir:
        root["problem"] = root_problem(path) or "Not a directory"
        return
    root["exists"] = True
    excluded = set(p for p in all_paths if _inside(p, path))
    if ctx.prefix and _inside(ctx.prefix, path):
        excluded.add(ctx.prefix)
    walk = WalkState(ctx, excluded)
    # Shared between processes when the root is large enough (55_walk_parallel.py); what is left (all of it
    # otherwise) is walked here.
    walk_stack(index, root, walk_parallel(index, root, walk), walk)
    found_venvs.extend(walk.venvs)
    root["excluded"] = sorted(excluded)


def walk_roots(app_roots, site_roots, ctx):
    """Walks every root; returns the root list (venvs found inside app roots add site-packages roots). Their
    per-file records leave as they are walked (55_records.py); roots are walked, and sent, in index order."""
    roots = [new_root(p, "app") for p in app_roots] + [new_root(p, "site-packages") for p in site_roots]
    i = 0
    while i < len(roots):
        found = []
        walk_root(i, roots[i], [r["path"] for r in roots], ctx, found)
        RECORDS.root_done(i, roots[i], ctx)
        known = set(os.path.realpath(r["path"]) for r in roots)
        for venv in found:
            for sp in venv_site_packages(venv):
                if os.path.realpath(sp) not in known:
                    roots.append(new_root(sp, "site-packages"))
                    known.add(os.path.realpath(sp))
        i += 1
    return roots
