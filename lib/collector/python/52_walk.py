# The walk: os.scandir, one stat per source and per pyc, sorted entries (so the inventory and any
# max-files cut are deterministic), directory symlinks never followed. Directories named .git/.hg/.svn
# hold no importable code and are not entered.
import gc

SKIP_DIRS = frozenset((".git", ".hg", ".svn"))


_BY_NAME = operator.attrgetter("name")


def walk_paused_gc(walk, *args):
    """Runs the walk with the cyclic garbage collector off, then exempts what it built from later passes.
    The walk allocates a few container objects per file, frees almost none and makes no cycles: the
    collector's full passes over that growing heap found nothing and cost ~7% of the collector's time
    at 100k sources (gc.freeze: Python 3.7+)."""
    gc.disable()
    try:
        return walk(*args)
    finally:
        gc.freeze()
        gc.enable()


# Directories are listed through a descriptor: a DirEntry of os.scandir(fd) stats relative to it (fstatat
# of one name, not a walk of the whole path from /), and pycs are opened the same way. At 100k sources
# that took ~10% off the walk. Such entries are only valid while the descriptor is open.
_O_DIR = os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK | getattr(os, "O_DIRECTORY", 0)


def list_dir(fd):
    with os.scandir(fd) as it:
        return sorted(it, key=_BY_NAME)


def _symlink(entry, absd, rel_name, out):
    """A symlink seen in a source directory: files behind it count (the importer follows them),
    directories are reported and not entered. Returns the target's stat for a file, else None."""
    try:
        st = entry.stat()
    except OSError:
        out["skipped"].append({"path": rel_name, "reason": "symlink", "detail": "broken symlink"})
        return None
    if not stat.S_ISDIR(st.st_mode):
        return st
    path = absd.rstrip("/") + "/" + entry.name
    target = os.path.realpath(path)
    here = os.path.realpath(absd)
    loop = here == target or here.startswith(target.rstrip("/") + "/")
    if entry.name == "__pycache__":
        return st
    out["skipped"].append({"path": rel_name, "reason": "loop" if loop else "symlink", "detail": "-> " + os.readlink(path)})
    return None


def scan_dir(absd, rel, st, out, ctx):
    """Reads one directory. Returns (sources [(name, st)], legacy [(name, st)], pycache entry, subdirs
    [(name, st)]); "venv" for a virtual environment below the root (counted as its own root); None
    when the collector cannot list it."""
    try:
        fd = os.open(absd, _O_DIR)
    except OSError as e:
        out["skipped"].append({"path": rel, "reason": "unreadable", "detail": e.strerror})
        return None
    try:
        return _scan_entries(fd, absd, rel, st, out, ctx)
    finally:
        os.close(fd)


def _scan_entries(fd, absd, rel, dir_st, out, ctx):
    try:
        entries = list_dir(fd)
    except OSError as e:
        out["skipped"].append({"path": rel, "reason": "unreadable", "detail": e.strerror})
        return None
    names = [e.name for e in entries]
    if rel and "pyvenv.cfg" in names:
        return "venv"
    node_of(absd, dir_st, fd)
    prefix = rel + "/" if rel else ""
    sources, legacy, subdirs, pycache = [], [], [], None
    budget = ctx.max_files - ctx.files_seen
    seen = 0
    S_ISREG = stat.S_ISREG
    # The hot loop (one pass per entry of the tree): the listing's d_type answers is_dir/is_symlink
    # without a syscall, and a regular .py/.pyc costs exactly one lstat.
    for name, entry in zip(names, entries):
        try:
            if entry.is_dir(follow_symlinks=False):
                if name == "__pycache__":
                    pycache = entry
                elif name not in SKIP_DIRS:
                    subdirs.append((name, entry.stat(follow_symlinks=False)))
                continue
            if seen >= budget:
                ctx.truncate("max-files", ctx.max_files)
                continue
            seen += 1
            if entry.is_symlink():
                # Files behind a symlink count (the importer follows them); see _symlink.
                st = _symlink(entry, absd, prefix + name, out)
                if st is None:
                    continue
                if stat.S_ISDIR(st.st_mode):
                    pycache = entry
                    continue
            elif name.endswith(".py") or name.endswith(".pyc"):
                st = entry.stat(follow_symlinks=False)
            else:
                continue
            if not S_ISREG(st.st_mode):
                continue
            if name.endswith(".py"):
                sources.append((name, st))
            elif name.endswith(".pyc"):
                legacy.append((name, st))
        except OSError:
            continue
    ctx.files_seen += seen
    PROGRESS.files += seen
    PROGRESS.dirs += 1
    return sources, legacy, pycache, subdirs


def open_pycs(path):
    """(descriptor, {name: DirEntry}) of the *.pyc files in a cache directory, the entries valid while the
    caller keeps the descriptor open; (None, None) when it cannot be listed."""
    try:
        fd = os.open(path, _O_DIR)
    except OSError:
        return None, None
    try:
        with os.scandir(fd) as it:
            return fd, {e.name: e for e in it if e.name.endswith(".pyc")}
    except OSError:
        os.close(fd)
        return None, None


def list_pycs(path):
    """{name: DirEntry} of the *.pyc files in a cache directory; None when it cannot be listed."""
    # Unsorted: callers look pycs up by name, and _extras sorts what is left.
    try:
        with os.scandir(path) as it:
            return {e.name: e for e in it if e.name.endswith(".pyc")}
    except OSError:
        return None
