# Which interpreters the collector may start. It runs as the collecting account (over SSH the login; for a
# local host possibly root, inside the dashboard's trust), so an interpreter the service user can replace
# would run that user's code with the collector's rights. An interpreter is run only when root or the
# collecting account alone can change it: the final file, every symlink hop and every directory the path
# resolution passes through, from /. Then its RESOLVED path is executed: nobody else can swap any element
# of it between this check and the exec.
#
# A directory others may write is accepted only with the sticky bit (/tmp): there nobody but the entry's
# owner (or the directory's, both checked) can remove or rename an entry, and every entry on the way must
# belong to root or the collecting account anyway.

_MAX_HOPS = 40


def _trusted_uid(uid):
    return uid == 0 or uid == os.geteuid()


def _acl_writer(st, acl):
    """The ACL entry that lets someone besides the owner write (through the mask), as a phrase, or None."""
    mask = next((p for t, p, _ in acl if t == ACL_MASK), 7)
    for tag, perm, ident in acl:
        if not perm & mask & 2:
            continue
        if tag == ACL_USER and not _trusted_uid(ident):
            return "writable through an ACL by user %s" % (user_name(ident) or ident)
        if tag == ACL_GROUP_OBJ or tag == ACL_GROUP:
            gid = ident if tag == ACL_GROUP else st.st_gid
            return "writable through an ACL by group %s" % (group_name(gid) or gid)
    return None


def _weakness(st, acl):
    """Why someone other than root or the collecting account could change this path element, or None."""
    if not _trusted_uid(st.st_uid):
        return "owned by %s, neither root nor the collecting account" % (user_name(st.st_uid) or st.st_uid)
    if stat.S_ISLNK(st.st_mode):
        # A symlink's own mode is always 0777 and means nothing: only its directory decides who can swap it.
        return None
    sticky_dir = stat.S_ISDIR(st.st_mode) and st.st_mode & stat.S_ISVTX
    others = st.st_mode & (0o002 if acl is not None else 0o022)
    if others and not sticky_dir:
        who = {0o022: "group and others", 0o020: "group", 0o002: "others"}[others]
        return "writable by its %s" % who
    if acl is not None and not sticky_dir:
        return _acl_writer(st, acl)
    return None


def _untrusted(path, st, acl, reason):
    problem = perm_of(Node(st, acl), path)
    problem["reason"] = "%s is %s" % (path, reason)
    return problem


def check_interpreter(path):
    """(resolved path, None) when only root or the collecting account can change what `path` runs; else
    (None, problem): the first element someone else controls, as a permission entry plus a reason.
    Raises no-python when the path does not lead to a file."""
    pending = [c for c in os.path.abspath(path).split("/") if c]
    current, hops = "/", 0
    st = os.lstat("/")
    weakness = _weakness(st, _read_acl("/"))
    if weakness:
        return None, _untrusted("/", st, _read_acl("/"), weakness)
    while pending:
        name = pending.pop(0)
        if name == ".":
            continue
        if name == "..":
            current = os.path.dirname(current)
            continue
        candidate = os.path.join(current, name)
        try:
            st = os.lstat(candidate)
        except OSError as e:
            raise CollectorError("no-python", "%s cannot be run: %s" % (path, e.strerror or e))
        acl = None if stat.S_ISLNK(st.st_mode) else _read_acl(candidate)
        weakness = _weakness(st, acl)
        if weakness:
            return None, _untrusted(candidate, st, acl, weakness)
        if stat.S_ISLNK(st.st_mode):
            hops += 1
            if hops > _MAX_HOPS:
                raise CollectorError("no-python", "%s cannot be run: too many levels of symbolic links" % path)
            target = os.readlink(candidate)
            current = "/" if target.startswith("/") else current
            pending = [c for c in target.split("/") if c] + pending
        elif stat.S_ISDIR(st.st_mode) and pending:
            current = candidate
        elif pending or not stat.S_ISREG(st.st_mode):
            raise CollectorError("no-python", "%s cannot be run: %s is not a %s" % (
                path, candidate, "directory" if pending else "regular file"))
        else:
            return candidate, None
    raise CollectorError("no-python", "%s cannot be run: it names a directory" % path)
