# One pyc against its source, exactly as SourceLoader.get_code would judge it for the service's
# interpreter (python-bytecode.md §2): 16-byte header only. Hash pycs are settled later in one batch run of the
# target interpreter (importlib.util.source_hash is keyed by ITS magic number).
#
# Truncated bodies: a valid header over a body marshal cannot read makes the import itself fail.
# A pyc of exactly 16 bytes is caught here from its size; deeper damage is checked by unmarshalling
# in the target interpreter, but only when there are few pycs (MARSHAL_CHECK_MAX), because that
# means reading every pyc whole.

MARSHAL_CHECK_MAX = 2000
_O_READ = os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK | (getattr(os, "O_NOATIME", 0) if os.geteuid() == 0 else 0)


def parse_pyc_name(name):
    """'mod.cpython-311.opt-1.pyc' → ('mod', 'cpython-311', 1); (None, None, 0) when it is not a cache name."""
    stem = name[:-4]
    opt = 0
    match = re.search(r"\.opt-([0-9]+)$", stem)
    if match:
        opt = int(match.group(1))
        stem = stem[:match.start()]
    base, dot, tag = stem.rpartition(".")
    if not dot or not base or not tag:
        return None, None, 0
    return base, tag, opt


def read_header(path):
    fd = os.open(path, _O_READ)
    try:
        return os.read(fd, 16)
    finally:
        os.close(fd)


def read_pycs(entries, dir_fd):
    """[(stat, 16-byte header or None) or None] of cache entries, in order: None when the pyc cannot even be
    stat'ed. dir_fd: the descriptor the entries were listed from (names resolve relative to it). A regular
    file (the listing's d_type says so, no syscall) is opened once and stat'ed through its descriptor, on
    the walk's hottest line. Anything else (a symlink) is stat'ed and its header read later, if at all.
    (Reading these on a background thread a directory ahead was measured and dropped: with a warm cache
    each syscall is shorter than the GIL hand-off around it.)"""
    out = []
    append, fopen, fstat, fread, fclose = out.append, os.open, os.fstat, os.read, os.close
    for entry in entries:
        fd = None
        if entry.is_file(follow_symlinks=False):
            try:
                fd = fopen(entry.name, _O_READ, dir_fd=dir_fd)
            except OSError:
                pass
        if fd is None:
            try:
                append((entry.stat(), None))
            except OSError:
                append(None)
            continue
        try:
            pst = fstat(fd)
            try:
                append((pst, fread(fd, 16)))
            except OSError:
                append((pst, None))
        except OSError:
            append(None)
        finally:
            fclose(fd)
    return out


def kind_of(flags):
    if flags == 0:
        return "timestamp"
    return "checked-hash" if flags & 2 else "unchecked-hash"


_HEADER = struct.Struct("<4sIII")


def judge_pycs(jobs, ctx, cache_searchable, dir_fd, cache_base):
    """Fills source["status"/"reason"/"pyc"/"pycUid"] of each (source, source stat, source path, pyc
    DirEntry listed from dir_fd, the cache directory cache_base) job. Returns the owners of the pycs the service would have to replace (stale or
    unreadable). An unreadable pyc counts as missing (python-bytecode.md §3)."""
    owners = []
    found = read_pycs([job[3] for job in jobs], dir_fd)
    ident, magic, unpack, is_reg = ctx.ident, ctx.magic, _HEADER.unpack, stat.S_ISREG
    hash_jobs, marshal_jobs = ctx.hash_jobs, ctx.marshal_jobs
    for (source, src_st, src_path, entry), got in zip(jobs, found):
        if got is None:
            continue
        pst, header = got
        uid = pst.st_uid
        source["pycUid"] = uid
        # A header read although the service user may not read the pyc is ignored: the verdict is the same.
        if not is_reg(pst.st_mode) or not (cache_searchable and can_read_file(pst, ident)):
            source["reason"] = "unreadable-pyc"
            owners.append(uid)
            continue
        if header is None:
            try:
                header = read_header(cache_base + entry.name)
            except OSError:
                source["reason"] = "unreadable-pyc"
                owners.append(uid)
                continue
        if len(header) < 16:
            owners.append(stale(source, "truncated", None, pst))
            continue
        pyc_magic, flags, word1, word2 = unpack(header)
        if flags & ~3:
            owners.append(stale(source, "magic" if pyc_magic != magic else "flags", None, pst))
            continue
        kind = source["pyc"] = "timestamp" if flags == 0 else kind_of(flags)
        if pyc_magic != magic:
            owners.append(stale(source, "magic", kind, pst))
        elif flags == 0 and word1 != int(src_st.st_mtime) & 0xFFFFFFFF:
            owners.append(stale(source, "mtime", kind, pst))
        elif flags == 0 and word2 != src_st.st_size & 0xFFFFFFFF:
            owners.append(stale(source, "size", kind, pst))
        elif pst.st_size <= 16:
            owners.append(stale(source, "truncated", kind, pst))
        else:
            source["status"] = "fresh"
            if flags & 1:
                hash_jobs.append((source, header[8:16], src_path))
            if marshal_jobs is not None:
                marshal_jobs.append((source, cache_base + entry.name))
                if flags == 0:
                    marshal_jobs = keep_marshal_jobs(ctx, 1)
    return owners


def keep_marshal_jobs(ctx, sure_fresh):
    """Counts `sure_fresh` more fresh timestamp pycs (nothing makes them stale before settle_bodies). Past
    MARSHAL_CHECK_MAX settle_bodies would not run, so the jobs go (None from then on): kept, they would hold
    every fresh source of a large tree to the walk's end. Returns ctx.marshal_jobs."""
    ctx.sure_fresh_jobs += sure_fresh
    if ctx.sure_fresh_jobs > MARSHAL_CHECK_MAX:
        ctx.marshal_jobs = None
    return ctx.marshal_jobs


def stale(source, reason, kind, pst):
    source["status"] = "stale"
    source["reason"] = reason
    source["pyc"] = kind
    return pst.st_uid


def classify_extra(name, bases, ctx):
    """(kind, tag) of a cache-directory pyc that is not the one a source of this directory uses."""
    base, tag, opt = parse_pyc_name(name)
    if base is None or base not in bases:
        return "orphan", tag
    if tag != ctx.tag:
        return "foreign-tag", tag
    if opt != ctx.optimize:
        return "other-opt", "opt-%d" % opt
    return None, None
