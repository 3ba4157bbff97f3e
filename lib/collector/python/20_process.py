# The running service process, from /proc. systemctl names it (MainPID); without systemd it is the
# process whose command line ends with ExecStart's argv (a shebang only prepends the interpreter).
# Among several matches (a gunicorn master and its workers share a command line) the one whose
# parent is not itself a match wins, lowest PID first.

_BOOT_TIME = []


def _split_nul(raw):
    return [a.decode("utf-8", "surrogateescape") for a in raw.rstrip(b"\0").split(b"\0")] if raw else []


def _stat_fields(pid):
    """Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses)."""
    text = read_text("/proc/%d/stat" % pid)
    return text.rpartition(")")[2].split() if text else None


def _boot_time():
    if not _BOOT_TIME:
        text = read_text("/proc/stat") or ""
        match = re.search(r"^btime (\d+)$", text, re.M)
        _BOOT_TIME.append(int(match.group(1)) if match else None)
    return _BOOT_TIME[0]


def start_time(pid):
    fields = _stat_fields(pid)
    boot = _boot_time()
    if not fields or len(fields) < 20 or boot is None:
        return None
    return round(boot + int(fields[19]) / float(os.sysconf("SC_CLK_TCK")), 2)


def systemd_start_time(monotonic_us):
    """Epoch seconds of systemd's ExecMainStartTimestampMonotonic (microseconds of CLOCK_MONOTONIC, which
    Python's time.monotonic() reads too), or None when systemd has none. Unlike /proc/PID/stat plus the
    whole-second boot time this is exact enough to order a drop-in written in the same second."""
    try:
        us = int(monotonic_us or "0")
    except ValueError:
        return None
    if us <= 0:
        return None
    return round(time.time() - time.monotonic() + us / 1e6, 6)


def _real_uid(pid):
    match = re.search(r"^Uid:\s*(\d+)", read_text("/proc/%d/status" % pid) or "", re.M)
    return int(match.group(1)) if match else None


def find_service_pid(exec_argv, uid_ok):
    """The main process of a service started with exec_argv whose real uid passes uid_ok (the unit's
    User=: any local user can start a look-alike command line, and its environment must not stand in
    for the service's), or None. Words holding $VARIABLES are expanded by systemd at start, so such a
    command line cannot be matched and is not tried."""
    if not exec_argv or any("$" in w for w in exec_argv):
        return None
    n = len(exec_argv)
    matches = {}
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        argv = _split_nul(read_bytes("/proc/%s/cmdline" % name, 1 << 17))
        if len(argv) < n or argv[len(argv) - n + 1:] != exec_argv[1:]:
            continue
        head = argv[len(argv) - n]
        if head != exec_argv[0] and os.path.basename(head) != os.path.basename(exec_argv[0]):
            continue
        if not uid_ok(_real_uid(int(name))):
            continue
        fields = _stat_fields(int(name))
        matches[int(name)] = int(fields[1]) if fields else 0
    mains = sorted(pid for pid, parent in matches.items() if parent not in matches)
    return mains[0] if mains else None


def read_process(pid, allowed):
    """(process entry for the inventory, unredacted environment or None, cwd or None); None if gone."""
    status = read_text("/proc/%d/status" % pid)
    if status is None:
        return None
    fields = {}
    for line in status.splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.split()
    def ids(key):
        return [int(x) for x in fields.get(key, [])]
    uid, gid = ids("Uid"), ids("Gid")
    cmdline = read_bytes("/proc/%d/cmdline" % pid, 1 << 17)
    environ = read_bytes("/proc/%d/environ" % pid, 1 << 20)
    env = None
    if environ is not None:
        env = {}
        for item in _split_nul(environ):
            key, eq, value = item.partition("=")
            if eq:
                env[key] = value
    try:
        cwd = os.readlink("/proc/%d/cwd" % pid)
    except OSError:
        cwd = None
    entry = {
        "pid": pid, "startedAt": start_time(pid), "startedAtSource": "proc-stat",
        "readable": cmdline is not None and env is not None,
        # The filesystem uid/gid (4th column) is what permission checks use.
        "uid": uid[3] if len(uid) > 3 else None, "gid": gid[3] if len(gid) > 3 else None,
        "groups": sorted(set(ids("Groups"))), "capEff": (fields.get("CapEff") or [None])[0],
        "argv": _split_nul(cmdline), "environment": redact(env, allowed) if env is not None else None,
    }
    return entry, env, cwd
