# How often the service starts, read-only: systemd's NRestarts and start timestamps, and, where the collecting
# account may read the journal, the unit's start events over the last 7 days (and the access-log lines the
# service wrote there, the only request rate DeployLens does not have to ask the user for). Nothing here is
# deterministic, so it travels in the measurements, not the inventory.

STARTS_PROPS = "NRestarts,ExecMainStartTimestampMonotonic,ActiveEnterTimestampMonotonic"
JOURNAL_DAYS = 7
# systemd's "Started UNIT" message (SD_MESSAGE_UNIT_STARTED, sd-messages.h).
_UNIT_STARTED = "39f53479d3a045ac8e11786248231fbf"
# An access-log line as gunicorn, uwsgi and most servers write it: "GET /path HTTP/1.1".
_REQUEST_LINE = re.compile(r"\"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP/[0-9.]+\"")
_JOURNAL_MAX_LINES = 2000000


def _systemctl_props(unit, props):
    try:
        proc = subprocess.run(["systemctl", "show", "-p", props, "--all", "--no-pager", "--", unit],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              timeout=15, env=dict(os.environ, LC_ALL="C", SYSTEMD_PAGER="cat"))
    except (OSError, subprocess.SubprocessError):
        return {}
    if proc.returncode != 0:
        return {}
    return dict(line.partition("=")[::2] for line in proc.stdout.decode("utf-8", "replace").splitlines() if "=" in line)


def journal_events(unit, main_pids_only=False):
    """(starts, request lines) of the unit in the journal over JOURNAL_DAYS, or None when it cannot be read
    (no journalctl, no permission: journalctl then prints only a hint and no entries of the unit)."""
    args = ["journalctl", "--unit=" + unit, "--since=-%dd" % JOURNAL_DAYS, "-o", "json", "--no-pager", "-q",
            "--output-fields=MESSAGE_ID,MESSAGE,UNIT"]
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=dict(os.environ, LC_ALL="C", SYSTEMD_PAGER="cat"))
    except OSError:
        return None
    starts, requests, lines, deadline = 0, 0, 0, time.monotonic() + 20
    try:
        for raw in proc.stdout:
            lines += 1
            if lines > _JOURNAL_MAX_LINES or time.monotonic() > deadline:
                return None
            try:
                entry = json.loads(raw.decode("utf-8", "replace"))
            except ValueError:
                continue
            message = entry.get("MESSAGE")
            if entry.get("MESSAGE_ID") == _UNIT_STARTED and entry.get("UNIT") == unit:
                starts += 1
            elif isinstance(message, str) and _REQUEST_LINE.search(message):
                requests += 1
    finally:
        proc.kill()
        proc.wait()
    if proc.returncode not in (0, -9) or lines == 0:
        return None
    return starts, requests


def service_starts(config):
    """The measurements' `starts` entry; None without a systemd unit."""
    if not config or config["source"] != "systemctl":
        return None
    props = _systemctl_props(config["unit"], STARTS_PROPS)
    nrestarts = _int(props.get("NRestarts") or "")
    notes = []
    journal = journal_events(config["unit"])
    if journal is None:
        notes.append("the journal of %s over %d days could not be read by the collecting account"
                     % (config["unit"], JOURNAL_DAYS))
    return {"nRestarts": nrestarts,
            "execMainStartTimestamp": systemd_start_time(props.get("ExecMainStartTimestampMonotonic")),
            "activeEnterTimestamp": systemd_start_time(props.get("ActiveEnterTimestampMonotonic")),
            "journal": {"days": JOURNAL_DAYS, "starts": journal[0], "requests": journal[1]} if journal else None,
            "notes": notes}
