# A container's user and group database (38_container.py), read from the image's files as text.


class _Entry(object):
    def __init__(self, **fields):
        self.__dict__.update(fields)


class ImageAccounts(object):
    """pwd and grp answered from the image's /etc/passwd and /etc/group, read as text: inside the container's
    root, the C library's name service could load modules its nsswitch.conf names from the image."""

    def __init__(self):
        self.users, self.groups = [], []
        for line in (read_text("/etc/passwd") or "").splitlines():
            f = line.split(":")
            if len(f) >= 7 and f[2].isdigit() and f[3].isdigit():
                self.users.append(_Entry(pw_name=f[0], pw_uid=int(f[2]), pw_gid=int(f[3]), pw_dir=f[5]))
        for line in (read_text("/etc/group") or "").splitlines():
            f = line.split(":")
            if len(f) >= 4 and f[2].isdigit():
                self.groups.append(_Entry(gr_name=f[0], gr_gid=int(f[2]), gr_mem=[m for m in f[3].split(",") if m]))

    def _find(self, rows, key, value):
        for row in rows:
            if getattr(row, key) == value:
                return row
        raise KeyError(value)

    def getpwnam(self, name):
        return self._find(self.users, "pw_name", name)

    def getpwuid(self, uid):
        return self._find(self.users, "pw_uid", uid)

    def getgrnam(self, name):
        return self._find(self.groups, "gr_name", name)

    def getgrgid(self, gid):
        return self._find(self.groups, "gr_gid", gid)

    def grouplist(self, name, gid):
        return [gid] + [g.gr_gid for g in self.groups if name in g.gr_mem]
