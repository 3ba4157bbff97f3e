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


def stat_and_header(entry):
    """(stat, 16-byte header or None) of a cache entry. A regular file (the listing's d_type says so, no
    syscall) is opened once and stat'ed through its descriptor: one path lookup instead of two, on the
    walk's hottest line. Anything else (a symlink) is stat'ed by path and its header read later, if at all."""
    if not entry.is_file(follow_symlinks=False):
        return entry.stat(), None
    try:
        fd = os.open(entry.path, _O_READ)
    except OSError:
        return entry.stat(), None
    try:
        pst = os.fstat(fd)
        try:
            return pst, os.read(fd, 16)
        except OSError:
            return pst, None
    finally:
        os.close(fd)


def kind_of(flags):
    if flags == 0:
        return "timestamp"
    return "checked-hash" if flags & 2 else "unchecked-hash"


def judge_pyc(entry, src_st, src_path, ctx, source, cache_searchable):
    """Fills source["status"/"reason"/"pyc"/"pycUid"] from the pyc DirEntry. Returns the pyc's owner
    when the service would have to replace it (stale or unreadable), else None. An unreadable pyc
    counts as missing (python-bytecode.md §3)."""
    try:
        pst, header = stat_and_header(entry)
    except OSError:
        return None
    source["pycUid"] = pst.st_uid
    # A header read although the service user may not read the pyc is ignored: the verdict is the same.
    if not stat.S_ISREG(pst.st_mode) or not (cache_searchable and can_read_file(pst, ctx.ident)):
        source["reason"] = "unreadable-pyc"
        return pst.st_uid
    try:
        header = read_header(entry.path) if header is None else header
    except OSError:
        source["reason"] = "unreadable-pyc"
        return pst.st_uid
    if len(header) < 16:
        return stale(source, "truncated", None, pst)
    magic, flags, word1, word2 = struct.unpack("<4sIII", header)
    if flags & ~3:
        return stale(source, "magic" if magic != ctx.magic else "flags", None, pst)
    source["pyc"] = kind_of(flags)
    if magic != ctx.magic:
        return stale(source, "magic", source["pyc"], pst)
    if flags == 0:
        if word1 != int(src_st.st_mtime) & 0xFFFFFFFF:
            return stale(source, "mtime", "timestamp", pst)
        if word2 != src_st.st_size & 0xFFFFFFFF:
            return stale(source, "size", "timestamp", pst)
    if pst.st_size <= 16:
        return stale(source, "truncated", source["pyc"], pst)
    source["status"] = "fresh"
    if flags & 1:
        ctx.hash_jobs.append((source, header[8:16], src_path))
    ctx.marshal_jobs.append((source, entry.path))
    return None


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
