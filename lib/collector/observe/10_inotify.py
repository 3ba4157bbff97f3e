# DeployLens observer: which modules a real start of the service loads from cache, compiles and caches, or
# compiles without being able to cache (PYC.md §11). Runs on the target as `python3 -I -S -B -` with this
# program on stdin (lib/collector/observe-program.ts joins lib/collector/observe/*.py in name order, after
# one line `OBSERVE_SPEC = "<base64 JSON>"`). Standard library only, Python 3.7+, Linux.
#
# Read-only: it arms inotify watches, reads events, then stats sources and reads 16-byte pyc headers. It runs
# nothing of the service and writes no file. Output: JSON lines on stdout, {"type": "armed", "directories": N}
# once the watches are in place, then exactly one {"type": "observation", ...} or {"type": "error", ...}.
import base64
import ctypes
import errno
import json
import os
import select
import struct
import sys
import time

IN_OPEN = 0x00000020
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_Q_OVERFLOW = 0x00004000
IN_IGNORED = 0x00008000
IN_ONLYDIR = 0x01000000
IN_ISDIR = 0x40000000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000
WATCH_MASK = IN_OPEN | IN_CREATE | IN_MOVED_TO | IN_ONLYDIR
EVENT_HEADER = struct.Struct("iIII")


def read_event_records(fd, header, record_size):
    """The records waiting on the non-blocking notification `fd` (inotify or fanotify), in one read, each
    (its header's fields, the bytes after the header); `record_size(fields)` is a whole record's length."""
    try:
        data = os.read(fd, 1 << 20)
    except BlockingIOError:
        return []
    records = []
    offset = 0
    while offset + header.size <= len(data):
        fields = header.unpack_from(data, offset)
        size = record_size(fields)
        records.append((fields, data[offset + header.size:offset + size]))
        offset += size
    return records


class ObserveError(Exception):
    """A failure with a stable code, reported as the one error line."""

    def __init__(self, code, message):
        Exception.__init__(self, message)
        self.code = code


def emit(event):
    # ensure_ascii turns surrogate-escaped path bytes into \udcXX escapes: valid JSON.
    sys.stdout.write(json.dumps(event, separators=(",", ":")) + "\n")
    sys.stdout.flush()


class Inotify(object):
    """inotify(7) through ctypes: watches on directories, events as (directory, name, mask)."""

    def __init__(self, opens=True):
        # The interpreter's own symbols include libc's (glibc and musl): no library search, no helper process.
        libc = ctypes.CDLL(None, use_errno=True)
        self._add = libc.inotify_add_watch
        self._add.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        self._add.restype = ctypes.c_int
        self.fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if self.fd < 0:
            raise ObserveError("inotify-unavailable", "inotify_init1: %s" % os.strerror(ctypes.get_errno()))
        # Without opens when fanotify reports them (with their PID): inotify then sees creates and renames only.
        self.mask = WATCH_MASK if opens else WATCH_MASK & ~IN_OPEN
        self.dirs = {}  # watch descriptor -> directory
        self.overflowed = False

    def watch(self, path):
        """Adds a watch; False when the directory is gone or unreadable. ENOSPC (the per-user limit) is fatal."""
        wd = self._add(self.fd, os.fsencode(path), self.mask)
        if wd < 0:
            code = ctypes.get_errno()
            if code == errno.ENOSPC:
                raise ObserveError("inotify-limit", "fs.inotify.max_user_watches reached at %d directories" % len(self.dirs))
            return False
        self.dirs[wd] = path
        return True

    def read(self, timeout):
        """Events that arrive within `timeout` seconds (none when it passes), each (directory, name, mask)."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return []
        events = []
        for (wd, mask, _cookie, _length), name in read_event_records(
                self.fd, EVENT_HEADER, lambda fields: EVENT_HEADER.size + fields[3]):
            if mask & IN_Q_OVERFLOW:
                self.overflowed = True
            directory = self.dirs.get(wd)
            if directory is None or mask & IN_IGNORED:
                continue
            events.append((directory, os.fsdecode(name.rstrip(b"\0")), mask))
        return events

    def close(self):
        os.close(self.fd)
