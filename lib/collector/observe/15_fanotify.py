# fanotify(7), where the observer may use it (CAP_SYS_ADMIN: root): the same opens as inotify's IN_OPEN, each
# with the PID that opened the file. inotify cannot tell processes apart, and any Python process on the host
# (a deploy, a cron job, another collector) opens the standard library; with fanotify an open counts only when
# its process runs as the service's user. Creates and renames stay with inotify (they only refine the verdict
# of a module the service opened).

FAN_CLASS_NOTIF = 0x00000000
FAN_CLOEXEC = 0x00000001
FAN_NONBLOCK = 0x00000002
FAN_MARK_ADD = 0x00000001
FAN_MARK_ONLYDIR = 0x00000008
FAN_OPEN = 0x00000020
FAN_Q_OVERFLOW = 0x00004000
FAN_EVENT_ON_CHILD = 0x08000000
AT_FDCWD = -100
FAN_EVENT = struct.Struct("IBBHQii")  # struct fanotify_event_metadata


def in_unit(cgroup_text, unit):
    """Is a process whose /proc/PID/cgroup reads `cgroup_text` in `unit`'s control group (or one below it)?
    systemd puts every process a unit starts into /…/UNIT, cgroup v2 ("0::/system.slice/app.service") or v1's
    named hierarchy ("1:name=systemd:/system.slice/app.service"); a cron job or a login of the same user is not."""
    for line in cgroup_text.splitlines():
        path = line.split(":", 2)[-1]
        if unit in path.split("/"):
            return True
    return False


class Fanotify(object):
    """Opens in watched directories, as (directory, name, pid), from the service's running processes: those
    in its unit's control group when `unit` is set, else those of `uid`."""

    def __init__(self, uid, unit):
        libc = ctypes.CDLL(None, use_errno=True)
        self._mark = libc.fanotify_mark
        self._mark.argtypes = [ctypes.c_int, ctypes.c_uint, ctypes.c_uint64, ctypes.c_int, ctypes.c_char_p]
        self._mark.restype = ctypes.c_int
        flags = FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK
        self.fd = libc.fanotify_init(flags, os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_LARGEFILE", 0))
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "fanotify_init")
        self.uid = uid
        self.unit = unit
        self.overflowed = False
        self._service = {}  # pid -> the service's or not, read at its first event (the process may be gone later)

    def watch(self, path):
        return self._mark(self.fd, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_OPEN | FAN_EVENT_ON_CHILD, AT_FDCWD,
                          os.fsencode(path)) == 0

    def _is_service(self, pid):
        if pid not in self._service:
            try:
                if self.unit is not None:
                    with open("/proc/%d/cgroup" % pid, "r") as f:
                        self._service[pid] = in_unit(f.read(), self.unit)
                else:
                    with open("/proc/%d/status" % pid, "rb") as f:
                        line = next(row for row in f if row.startswith(b"Uid:"))
                    self._service[pid] = int(line.split()[1]) == self.uid
            except (OSError, StopIteration, ValueError, IndexError):
                # Gone before its event was read: not a service, which keeps running after its start (a
                # one-shot `python -c` of someone else's, most likely). What it was cannot be asked any more.
                self._service[pid] = False
        return self._service[pid]

    def read(self):
        """The opens waiting now, each (directory, name, pid), from the service's running processes."""
        events = []
        records = read_event_records(self.fd, FAN_EVENT, lambda fields: max(fields[0], FAN_EVENT.size))
        for (_length, _vers, _res, _meta, mask, fd, pid), _ in records:
            if mask & FAN_Q_OVERFLOW:
                self.overflowed = True
            if fd < 0:
                continue
            try:
                # The file's name when the event is read, not when it was opened: the importer's temporary pyc,
                # renamed into place meanwhile, reads as an open of the final pyc. Its write, which says it was
                # compiled, comes from inotify or from the listing of a new pyc directory (watch_new_dir).
                target = os.readlink("/proc/self/fd/%d" % fd)
            except OSError:
                target = None
            finally:
                os.close(fd)
            if target is None or pid == os.getpid() or not self._is_service(pid):
                continue
            events.append((os.path.dirname(target), os.path.basename(target), pid))
        return events

    def close(self):
        os.close(self.fd)


def open_fanotify(uid, unit):
    """A Fanotify for the service's unit or uid, or None: nothing to attribute to, not privileged, or no fanotify."""
    if uid is None and unit is None:
        return None
    try:
        return Fanotify(uid, unit)
    except (OSError, AttributeError):
        return None
