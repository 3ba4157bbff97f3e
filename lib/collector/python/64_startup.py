# Startup coverage: the modules the service imports at start (its entry points' import closure plus the
# interpreter's own non-frozen startup modules), each judged exactly as the walk judges a source, and
# `blocked` when it is not fresh and the service can never write its pyc: compiled at every start.

# Run by run_python (`-I -S -B -c`) only when the interpreter probe could not answer it: only the
# interpreter's own startup happens (no site, no target code).
STARTUP_PROBE = r"""
import sys
names = list(sys.modules)
import json
""" + STARTUP_FACTS + r"""
if startup is None:
    sys.exit(1)
print(json.dumps(startup))
"""


def startup_facts(interp):
    """What the interpreter loads before any code of the service (none of it when it cannot be asked)."""
    if PROBED_STARTUP.get(interp) is not None:
        return PROBED_STARTUP[interp]
    if interp in STAND_INS:
        # Only the venv's own base interpreter can tell an untrusted one's startup modules, and it did above.
        return None
    proc = run_python(interp, ["-c", STARTUP_PROBE], timeout=30)
    try:
        return json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1]) if proc.returncode == 0 else None
    except (ValueError, IndexError):
        return None


def _pth_dirs(site):
    """Directories .pth files add after a site-packages directory (site.addpackage; import lines skipped)."""
    out = []
    names = sorted(n for n in (os.listdir(site) if os.path.isdir(site) else []) if n.endswith(".pth"))
    for name in names:
        for line in (read_text(os.path.join(site, name), 65536) or "").splitlines():
            line = line.rstrip()
            if line and not line.startswith(("#", "import ", "import\t")):
                d = os.path.normpath(os.path.join(site, line))
                if os.path.isdir(d):
                    out.append(d)
    return out


def service_sys_path(entries, opts, env, base_dir, interpreter, facts, app_roots):
    """sys.path as the service's interpreter builds it, launcher additions in front."""
    path = list(entries.front)
    isolated = bool(opts and opts["I"])
    if entries.origin == "app-roots" or not opts:
        # No service command to say where imports start (a bare host, maybe with --entry): the app roots do.
        path += app_roots
    elif opts and opts["script"] and not opts["module"] and not isolated:
        path.append(os.path.dirname(os.path.realpath(os.path.join(base_dir, opts["script"]))))
    elif not isolated:
        path.append(base_dir)
    if not (opts and (opts["E"] or opts["I"])) and env.get("PYTHONPATH"):
        path += [os.path.normpath(os.path.join(base_dir, p)) for p in env.get("PYTHONPATH").split(":") if p]
    if interpreter.get("sysPath"):
        path += interpreter["sysPath"]
    else:
        for p in facts["path"] + interpreter["sitePackages"]:
            path += [p] + (_pth_dirs(p) if p in interpreter["sitePackages"] else [])
    out = []
    for p in path:
        if p not in out:
            out.append(p)
    return out


def _top_level(app_roots):
    names = []
    for root in app_roots:
        try:
            entries = sorted(os.listdir(root))
        except OSError:
            continue
        for n in entries:
            full = os.path.join(root, n)
            if n.endswith(".py") and n[:-3].isidentifier():
                names.append(n[:-3])
            elif n.isidentifier() and os.path.isfile(os.path.join(full, "__init__.py")):
                names.append(n)
    return names


def _dir_key(base, rel, normal):
    """normpath(base + rel) without the call when base is already normal: rel is made of names the walk
    listed (never "", "." or ".."), so only the root's own trailing slash can differ."""
    if not normal:
        return os.path.normpath(base + rel)
    return base + rel if rel else (base.rstrip("/") or "/")


def _judged_sources(roots, paths):
    """The walked sources among paths that are still held, and their directories' bytecode access, keyed by
    absolute path. Only the wanted entries are looked up: indexing every walked source cost ~0.15 s at 100k
    sources for the few dozen files a closure names."""
    dirs = set(os.path.dirname(p) for p in paths)
    sources, access = {}, {}
    for root in roots:
        base = root["path"].rstrip("/") + "/"
        normal = os.path.normpath(base) == (base.rstrip("/") or "/")
        for d in root["dirs"]:
            if d["bytecode"]:
                key = _dir_key(base, d["path"], normal)
                if key in dirs:
                    access[key] = d["bytecode"]["access"]
        wanted = dict((p[len(base):], p) for p in paths if p.startswith(base))
        if wanted:
            for s in root["sources"]:
                # None: the source's line has left (55_records.py).
                if s is not None and s["path"] in wanted:
                    sources[wanted[s["path"]]] = s
    return sources, access


def judge_closure(paths, roots, ctx):
    """{path: (source entry, bytecode access)}: the walk's own entry while it is held (its status can still
    be settled), else the file's directory judged again with the walk's inspect_sources: a file whose line
    has left (final, so judged the same), or one the walk did not see (stdlib, PYTHONPATH, symlinked
    packages). A directory the walk inspected keeps the access the walk found, which weighed every pyc there."""
    sources, access = _judged_sources(roots, paths)
    judged, pending = {}, {}
    for p in paths:
        d = os.path.dirname(p)
        if p in sources and d in access:
            judged[p] = (sources[p], access[d])
        else:
            pending.setdefault(d, []).append(os.path.basename(p))
    for d in sorted(pending):
        found = []
        for name in sorted(set(pending[d])):
            try:
                found.append((name, os.stat(d + "/" + name)))
            except OSError:
                continue
        out = {"sources": [], "extraPycs": [], "skipped": []}
        bytecode = inspect_sources(d, "", found, os.path.isdir(d + "/__pycache__") or None, out, ctx)
        for s in out["sources"]:
            judged[d + "/" + s["path"]] = (s, access.get(d) or bytecode["access"])
    return judged


def startup_closure(spec, config, env, base_dir, interpreter, ctx, roots, app_roots):
    """The inventory's `startup` entry, before hashes are settled (sources the walk still holds are its own dicts)."""
    PROGRESS.set_phase("startup-closure")
    entries, opts = find_entry_points(spec, config, env, base_dir, interpreter)
    facts = startup_facts(interpreter["path"])
    notes = [] if facts else ["the interpreter could not list its startup and builtin modules: some may show as unresolved"]
    facts = facts or {"startup": [], "builtin": [], "frozen": [], "path": []}
    sys_path = service_sys_path(entries, opts, env, base_dir, interpreter, facts, app_roots)
    finder = Finder(sys_path, interpreter["cacheTag"], frozenset(facts["builtin"]), frozenset(facts["frozen"]))
    stdlib = [p for p in facts["path"] if p not in interpreter["sitePackages"]]
    environment_read = not (opts and (opts["E"] or opts["I"]))
    warned = not opts or opts["warn"] or environment_read and (env.get("PYTHONWARNINGS") or env.get("PYTHONDEVMODE"))
    TARGET[0] = TargetFacts(interpreter["version"], interpreter.get("implementation") or "cpython", UNKNOWN if warned else [])
    closure = Closure(finder, max(elapsed() + 5, ctx.max_seconds), stdlib)
    TARGET[0].providers = [lambda dotted, provide=provide: provide(closure, dotted) for provide in HOOKS["values"]]
    closure.notes.extend(notes + entries.notes)
    closure.entries, closure.env = entries, env
    fixed = env.get("DJANGO_SETTINGS_MODULE")
    closure.settings_fixed = bool(fixed)
    closure.settings.update([fixed] if fixed else entries.settings)
    if entries.origin == "app-roots":
        entries.labels = _top_level(app_roots)
        entries.modules = list(entries.labels)
        closure.notes.append("no service command and no --entry: the top-level modules of the app roots are the entry points")
    for name in entries.modules:
        found = finder.resolve(name)
        if entries.main_module == name:
            closure.main_names.add(name + ".__main__" if found and found[2] else name)
    with_site = not (opts and opts.get("S"))
    for name in facts["startup"] + (["site", "sitecustomize", "usercustomize"] if with_site else []):
        closure.add(name, required=False)
    if with_site:
        for path, line in pth_import_lines(interpreter["sitePackages"], interpreter["version"]):
            closure.follow_code("<pth>", path, line)
    if entries.main_module:
        closure.add("runpy", required=False)  # -m runs the module through runpy
    for name in entries.modules:
        closure.add(name)
        if name + ".__main__" in closure.main_names:
            closure.add(name + ".__main__")
    for name in entries.optional:
        closure.add(name, required=False)
    for script in entries.scripts:
        if os.path.isfile(script):
            closure.follow_file("__main__", script, False, entries.script_as_main)
        else:
            closure.notes.append("entry script %s does not exist" % script)
    closure.run()
    files = dict((n, f[1]) for n, f in closure.modules.items() if f[0] == "source")
    judged = judge_closure(sorted(set(files.values())), roots, ctx)
    return {"origin": entries.origin, "entryPoints": entries.labels, "sysPath": sys_path, "files": files,
            "judged": judged, "unresolved": sorted(closure.unresolved), "unparsed": closure.unparsed,
            "notes": closure.notes, "truncated": closure.truncated}


def _blocked(source, access, ctx, dont_write):
    if source["status"] not in ("missing", "stale"):
        return False
    if source["status"] == "stale" and source["reason"] == "hash" and trusted(source, ctx.check_hash):
        return False
    return dont_write or not access["writable"]


def finish_startup(pending, ctx, interpreter, spec):
    """(inventory startup entry, cost measurement of the blocked modules) once statuses are settled."""
    modules, blocked_paths = [], []
    for name in sorted(pending["files"]):
        path = pending["files"][name]
        if path not in pending["judged"]:
            continue
        source, access = pending["judged"][path]
        blocked = _blocked(source, access, ctx, interpreter["dontWriteBytecode"])
        if blocked:
            blocked_paths.append(path)
        status = source["status"]
        if status == "stale" and source["reason"] == "hash" and trusted(source, ctx.check_hash):
            status = "fresh"  # loaded from cache all the same (it runs the old code: reason stays "hash")
        modules.append({"name": name, "path": path, "status": status, "reason": source["reason"], "blocked": blocked})
    cost = None
    if spec["measureStartup"] and can_run(interpreter["path"]):
        cost = {"modules": 0, "ms": 0.0, "capped": False}
        if blocked_paths:
            cap = spec["startupCapSeconds"]
            lines = run_helper(interpreter["path"], "compile", sorted(set(blocked_paths)),
                               [repr(float(cap)), str(ctx.optimize)], timeout=int(cap) + 120)
            cost = json.loads(lines[-1])
    entry = dict((k, pending[k]) for k in ("origin", "entryPoints", "sysPath", "unresolved", "unparsed", "notes", "truncated"))
    entry["modules"] = modules
    return entry, cost
