# Permission classes as the kernel applies them (python-bytecode.md §8): ONE class per inode (owner, else a
# matching group, else other) with no fall-through; POSIX ACLs (system.posix_acl_access) turn the
# group bits into the mask. Directory ACLs and chattr attributes are read; file ACLs are not (that
# would cost a syscall per file on the hot path), so files use their mode bits.

FS_IOC_GETFLAGS = 0x80086601 if struct.calcsize("l") == 8 else 0x80046601
FS_IMMUTABLE_FL = 0x10
FS_APPEND_FL = 0x20
ACL_USER_OBJ, ACL_USER, ACL_GROUP_OBJ, ACL_GROUP, ACL_MASK, ACL_OTHER = 1, 2, 4, 8, 16, 32
_USERS = {}
_GROUPS = {}
_NODES = {}


def user_name(uid):
    if uid not in _USERS:
        try:
            _USERS[uid] = pwd.getpwuid(uid).pw_name
        except KeyError:
            _USERS[uid] = None
    return _USERS[uid]


def group_name(gid):
    if gid not in _GROUPS:
        try:
            _GROUPS[gid] = grp.getgrgid(gid).gr_name
        except KeyError:
            _GROUPS[gid] = None
    return _GROUPS[gid]


class Node(object):
    """What a permission check needs of one inode."""
    __slots__ = ("uid", "gid", "mode", "isdir", "acl", "attrs")

    def __init__(self, st, acl=None, attrs=0):
        self.uid, self.gid, self.mode = st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)
        self.isdir = stat.S_ISDIR(st.st_mode)
        self.acl, self.attrs = acl, attrs


def _read_acl(path):
    """Extended ACL entries [(tag, perm, id)], or None when the mode bits say everything. path may be
    an open descriptor."""
    try:
        blob = os.getxattr(path, "system.posix_acl_access")
    except (OSError, AttributeError):
        return None
    entries = [struct.unpack_from("<HHI", blob, off) for off in range(4, len(blob) - 7, 8)]
    return entries if any(tag in (ACL_USER, ACL_GROUP, ACL_MASK) for tag, _, _ in entries) else None


def _read_attrs(path, fd=None):
    """chattr flags of a directory (immutable, append-only); 0 when the filesystem has none. fd: the
    directory already open (O_RDONLY|O_DIRECTORY), which saves an open and a close."""
    if fd is not None:
        return _ioctl_flags(fd)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return 0
    try:
        return _ioctl_flags(fd)
    finally:
        os.close(fd)


def _ioctl_flags(fd):
    try:
        buf = fcntl.ioctl(fd, FS_IOC_GETFLAGS, struct.pack("l", 0))
        return struct.unpack("l", buf)[0]
    except OSError:
        return 0


def node_of(path, st=None, fd=None):
    """Memoized Node of a path (symlinks followed, as path resolution does); None when missing. fd: the
    directory at path already open, which the walk passes to spare the path lookups."""
    node = _NODES.get(path, False)
    if node is not False:
        return node
    try:
        st = st or (os.stat(path) if fd is None else os.fstat(fd))
    except OSError:
        _NODES[path] = None
        return None
    if stat.S_ISDIR(st.st_mode):
        node = Node(st, _read_acl(path if fd is None else fd), _read_attrs(path, fd))
    else:
        node = Node(st)
    _NODES[path] = node
    return node


def perm_of(node, path=None):
    """The inventory's permission object (schema permissionSchema)."""
    perm = {"uid": node.uid, "gid": node.gid, "owner": user_name(node.uid), "group": group_name(node.gid),
            "mode": node.mode, "acl": node.acl is not None or bool(node.attrs & (FS_IMMUTABLE_FL | FS_APPEND_FL))}
    if path is not None:
        perm["path"] = path
    return perm


def _acl_class(node, ident, want):
    mask = next((p for t, p, _ in node.acl if t == ACL_MASK), 7)
    for tag, perm, ident_id in node.acl:
        if tag == ACL_USER and ident_id == ident["uid"] and not ident["anonymous"]:
            return "named user (ACL)", perm & mask
    matched = []
    for tag, perm, ident_id in node.acl:
        if (tag == ACL_GROUP_OBJ and node.gid in ident["groupset"]) or (tag == ACL_GROUP and ident_id in ident["groupset"]):
            matched.append(perm & mask)
    if matched:
        granting = [p for p in matched if p & want == want]
        return "group (ACL)", granting[0] if granting else max(matched)
    return "other", next((p for t, p, _ in node.acl if t == ACL_OTHER), node.mode & 7)


def class_bits(node, ident, want):
    """(class name, rwx bits) that decide access for ident."""
    if node.uid == ident["uid"] and not ident["anonymous"]:
        return "owner", (node.mode >> 6) & 7
    if node.acl is not None:
        return _acl_class(node, ident, want)
    if node.gid in ident["groupset"]:
        return "group", (node.mode >> 3) & 7
    return "other", node.mode & 7


def allows(node, ident, want):
    if ident["dacOverride"] and node.isdir:
        return True
    return class_bits(node, ident, want)[1] & want == want


def can_read_file(st, ident):
    """r on a file from its mode bits (hot path: no Node, no ACL lookup)."""
    if ident["dacOverride"]:
        return True
    if st.st_uid == ident["uid"] and not ident["anonymous"]:
        return bool(st.st_mode & 0o400)
    if st.st_gid in ident["groupset"]:
        return bool(st.st_mode & 0o040)
    return bool(st.st_mode & 0o004)


def denial(path, node, ident, want):
    """e.g. '/opt/app is owned by root:root mode 0755; user nobody (uid 65534) is in class other, which has no w'."""
    cls, bits = class_bits(node, ident, want)
    missing = " and ".join(c for c, b in (("r", 4), ("w", 2), ("x", 1)) if want & b and not bits & b)
    owner = "%s:%s" % (user_name(node.uid) or node.uid, group_name(node.gid) or node.gid)
    return "%s is owned by %s mode %04o%s; user %s (uid %d) is in class %s, which has no %s" % (
        path, owner, node.mode, " with an ACL" if node.acl else "", ident["user"], ident["uid"], cls, missing)
