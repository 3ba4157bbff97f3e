# DeployLens collector (DESIGN.md "collect.py"). Runs on the target as
#     env -i PATH=… LANG=… HOME=… USER=… LC_ALL=C python3 -I -S -B - <base64(spec JSON)>
# with this program text on stdin (lib/collector/collector-command.ts). lib/collector/collector-program.ts
# builds the text by joining the files of lib/collector/python/ in name order: they share one namespace
# and never import each other. Standard library only, Python 3.7+.
#
# Read-only by construction: files are opened O_RDONLY (pyc headers: 16 bytes), -B keeps this process
# from writing bytecode, and every helper process of the target interpreter runs with -I -S -B and
# never imports the application. No code of the target runs: -S keeps `site` (.pth files,
# sitecustomize, usercustomize) out of this process and of every target interpreter it starts.
#
# Protocol (lib/snapshot/schema.ts, collector-events.ts): JSON lines on stdout; "progress" events at least
# every 0.5 s, "records" lines carrying the roots' per-file arrays in batches while the walk runs (root by
# root, the fields of one root interleaved: 55_records.py), then exactly one "result" (exit 0, the inventory
# without those arrays) or one "error" (exit 1). Nothing else is written to stdout.
import base64
import fcntl
import glob
import grp
import json
import operator
import os
import pwd
import re
import socket
import stat
import struct
import subprocess
import sys
import threading
import time

FORMAT_VERSION = 1
REDACTED = "[redacted]"
T_START = time.monotonic()
_OUT = sys.stdout.buffer
_OUT_LOCK = threading.Lock()
_CLOSED = []


class CollectorError(Exception):
    """A failure with a stable code, reported as one error event."""

    def __init__(self, code, message):
        Exception.__init__(self, message)
        self.code = code


def emit(event, final=False):
    """Writes one event line. After the final one nothing more is written (the heartbeat may race)."""
    # ensure_ascii (the default) turns surrogate-escaped path bytes into \udcXX escapes, valid JSON.
    line = json.dumps(event, separators=(",", ":")).encode("ascii") + b"\n"
    with _OUT_LOCK:
        if _CLOSED:
            return
        _OUT.write(line)
        _OUT.flush()
        if final:
            _CLOSED.append(True)


class Progress(object):
    """Counters the heartbeat thread reports; the walk only increments them (no I/O on the hot path)."""

    def __init__(self):
        self.phase = "start"
        self.dirs = 0
        self.files = 0
        self.stopped = False
        self.last = 0.0

    def set_phase(self, phase):
        self.phase = phase
        self.send()

    def send(self):
        self.last = time.monotonic()
        emit({"type": "progress", "phase": self.phase, "dirs": self.dirs, "files": self.files})

    def heartbeat(self):
        # A thread, so that waiting on a helper process or a huge directory still reports in time.
        while not self.stopped:
            time.sleep(0.1)
            if not self.stopped and time.monotonic() - self.last >= 0.4:
                self.send()


PROGRESS = Progress()


def elapsed():
    return time.monotonic() - T_START


def env_matcher(names):
    """Allowlist of environment keys: exact names only (a prefix such as PYTHON* would let
    PYTHON_DB_PASSWORD through)."""
    exact = frozenset(names)
    return lambda key: key in exact


# The userinfo ends at the authority's LAST '@' (the greedy run backs off to it): an unencoded '@' in a
# password ("redis://:p@ss-word@host") must not leave the password's tail in clear.
_URL_USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\s]*)@")


def redact_url_userinfo(word):
    """scheme://user:password@host → scheme://user:[redacted]@host; a userinfo without ':' is
    usually a token (https://TOKEN@host) and is replaced whole."""
    def replace(m):
        user, colon, _ = m.group(2).partition(":")
        return m.group(1) + (user + ":" + REDACTED if colon else REDACTED) + "@"
    return _URL_USERINFO.sub(replace, word)


def redact(env, allowed):
    """Secrets stay on the target: every value whose key is not allowlisted is replaced here, and an
    allowlisted value loses a URL's password (PYTHONWARNINGS=…https://tok:SECRET@host…) like argv does."""
    return dict((k, redact_url_userinfo(env[k]) if allowed(k) else REDACTED) for k in sorted(env))


def shown(key, value, allowed):
    """A KEY=VALUE phrase for `explain`, with the value redacted like the environment itself."""
    return "%s=%s" % (key, redact_url_userinfo(value) if allowed(key) else REDACTED)


def read_spec(argv):
    if len(argv) != 2:
        raise CollectorError("bad-spec", "expected exactly one argument: base64 of the spec JSON")
    try:
        spec = json.loads(base64.b64decode(argv[1].encode("ascii"), validate=True).decode("utf-8"))
    except (ValueError, UnicodeError) as e:
        raise CollectorError("bad-spec", "the spec argument is not base64 of UTF-8 JSON (%s)" % str(e)[:120])
    checks = (("appRoots", list), ("envAllowlist", list), ("measureStartup", bool),
              ("startupCapSeconds", (int, float)), ("maxFiles", int), ("maxSeconds", (int, float)))
    if not isinstance(spec, dict):
        raise CollectorError("bad-spec", "the spec is not a JSON object")
    for key, kind in checks:
        if not isinstance(spec.get(key), kind):
            raise CollectorError("bad-spec", "spec.%s is missing or has the wrong type" % key)
    for key in ("service", "unitFile", "python", "user"):
        if spec.get(key) is not None and not isinstance(spec.get(key), str):
            raise CollectorError("bad-spec", "spec.%s must be a string or null" % key)
    if not spec["appRoots"] or not all(isinstance(r, str) and r.startswith("/") for r in spec["appRoots"]):
        raise CollectorError("bad-spec", "spec.appRoots must be absolute paths")
    dirs = spec.get("unitDirs")
    if dirs is not None and not (isinstance(dirs, list) and all(isinstance(d, str) and d.startswith("/") for d in dirs)):
        raise CollectorError("bad-spec", "spec.unitDirs must be absolute paths or null")
    return spec


def read_bytes(path, limit=1 << 20):
    """Whole small file, read-only; None when it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode) and not path.startswith("/proc/"):
            return None
        chunks = []
        size = 0
        while size < limit:
            chunk = os.read(fd, min(65536, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def read_text(path, limit=1 << 20):
    data = read_bytes(path, limit)
    return None if data is None else data.decode("utf-8", "surrogateescape")


def file_mtime(path):
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None
