# One source directory: its permissions, each source against the pyc the service would use, the other
# pycs in its cache directory, and whether the service can write there.


def cache_dir_of(absd, ctx):
    """Where the service's interpreter keeps this directory's pycs (python-bytecode.md §1): the prefix mirror
    (no __pycache__ component, path not symlink-resolved) or <dir>/__pycache__."""
    if ctx.prefix:
        return os.path.normpath(ctx.prefix + "/" + absd.lstrip("/"))
    return absd.rstrip("/") + "/__pycache__"


def _judge_sources(absd, prefix, sources, pycs, cache_path, out, ctx, dir_fd):
    """Appends the source entries; returns the owners of pycs the service would have to replace."""
    searchable = ctx.access.search_block(cache_path) is None
    dir_searchable = ctx.access.search_block(absd) is None
    suffix, ident, base, main_script = ctx.pyc_suffix, ctx.ident, absd.rstrip("/") + "/", ctx.main_script
    append, pop = out["sources"].append, pycs.pop
    jobs = []
    for name, st in sources:
        path = base + name
        if path == main_script:
            continue
        source = {"path": prefix + name, "size": st.st_size, "mtime": st.st_mtime, "status": "missing",
                  "reason": None, "pyc": None, "pycUid": None}
        append(source)
        entry = pop(name[:-3] + suffix, None) if suffix else None
        if not (dir_searchable and can_read_file(st, ident)):
            source["status"] = "unreadable"
        elif entry is not None:
            jobs.append((source, st, path, entry))
    if not jobs:
        return []
    return judge_pycs(jobs, ctx, searchable, dir_fd, cache_path if cache_path.endswith("/") else cache_path + "/")


def _extras(pycs, bases, cache_rel, out, ctx):
    for name in sorted(pycs):
        kind, tag = classify_extra(name, bases, ctx)
        if kind:
            out["extraPycs"].append({"path": cache_rel + name, "kind": kind, "tag": tag, "importable": False})


def inspect_sources(absd, prefix, sources, pycache, out, ctx):
    """The directory's bytecode entry (schema bytecodeDirSchema); sources and extras go to out."""
    cache_path = cache_dir_of(absd, ctx)
    cache_rel = prefix if ctx.prefix else prefix + "__pycache__/"
    fd, pycs = open_pycs(cache_path) if (ctx.prefix or pycache is not None) else (None, {})
    try:
        if fd is not None:
            node_of(cache_path, None, fd)
        if pycs is None:
            if node_of(cache_path) is not None:
                out["skipped"].append({"path": cache_rel.rstrip("/") or ".", "reason": "unreadable", "detail": "cache directory " + cache_path})
            pycs = {}
        nearest, exists = nearest_existing(cache_path)
        owners = _judge_sources(absd, prefix, sources, pycs, cache_path, out, ctx, fd)
    finally:
        if fd is not None:
            os.close(fd)
    _extras(pycs, set(name[:-3] for name, _ in sources), cache_rel, out, ctx)
    access = ctx.access.bytecode_access(cache_path, nearest)
    if access["writable"] and exists:
        access = ctx.access.replace_block(cache_path, owners) or access
    return {"path": cache_path, "exists": exists, "nearest": perm_of(node_of(nearest), nearest), "access": access}


def inspect_dir(absd, rel, st, out, ctx):
    """Scans one directory into out; returns its subdirectories [(name, st)] or "venv"."""
    scanned = scan_dir(absd, rel, st, out, ctx)
    if scanned is None or scanned == "venv":
        return scanned or []
    sources, legacy, pycache, subdirs = scanned
    node = node_of(absd, st)
    directory = {"path": rel, "perm": perm_of(node), "readable": ctx.access.dir_readable(absd), "bytecode": None}
    out["dirs"].append(directory)
    prefix = rel + "/" if rel else ""
    if sources:
        directory["bytecode"] = inspect_sources(absd, prefix, sources, pycache, out, ctx)
    elif pycache is not None and not ctx.prefix:
        _extras(list_pycs(cache_dir_of(absd, ctx)) or {}, set(), prefix + "__pycache__/", out, ctx)
    bases = set(name[:-3] for name, _ in sources)
    for name, _ in legacy:
        base = name[:-4]
        # Sourceless import (python-bytecode.md §5): only when no foo.py beside it, and only a valid module name.
        importable = base not in bases and base.isidentifier()
        out["extraPycs"].append({"path": prefix + name, "kind": "legacy", "tag": None, "importable": importable})
    return subdirs
