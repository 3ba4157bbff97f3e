# The service's configuration. When systemd runs, systemctl names the files it loaded (fragment,
# drop-ins, including runtime and transient ones) and the main PID; the settings themselves are then
# read from those files with the same parser as the fallback, because `systemctl show` prints
# Environment= and ExecStart= lossily (spaces, quotes).

SYSTEMCTL_PROPS = "LoadState,FragmentPath,DropInPaths,MainPID,NeedDaemonReload,ExecMainStartTimestampMonotonic"


def systemd_running():
    """sd_booted(): systemd is PID 1 when /run/systemd/system exists."""
    return os.path.isdir("/run/systemd/system")


def systemctl_show(unit):
    """{prop: value} from `systemctl show`, or None when systemctl cannot answer for this unit."""
    try:
        # "--": the unit is a positional argument, never an option, whatever its text.
        proc = subprocess.run(["systemctl", "show", "-p", SYSTEMCTL_PROPS, "--all", "--no-pager", "--", unit],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              timeout=15, env=dict(os.environ, LC_ALL="C", SYSTEMD_PAGER="cat"))
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    props = {}
    for line in proc.stdout.decode("utf-8", "surrogateescape").splitlines():
        key, eq, value = line.partition("=")
        if eq:
            props[key] = value
    if props.get("LoadState") in (None, "not-found", "bad-setting", "error") or not props.get("FragmentPath"):
        return None
    return props


def locate_unit(spec):
    """(unit name, source, fragment, drop-ins, main pid, systemctl's properties or {}); None when no unit can
    be found."""
    unit = spec.get("service")
    explicit = spec.get("unitFile")
    if not unit and explicit:
        unit = os.path.basename(explicit)
    if not unit:
        return None
    if unit.startswith("-"):
        # The dashboard refuses such a name too; this side must not rely on that (systemctl would take
        # "-Hroot@host" as its --host option and start ssh).
        raise CollectorError("bad-spec", "the unit name %r starts with '-': a command would read it as an option" % unit)
    unit = unit_name(unit)
    if not explicit and not spec.get("unitDirs") and systemd_running():
        props = systemctl_show(unit)
        if props:
            pid = int(props.get("MainPID") or "0") if (props.get("MainPID") or "0").isdigit() else 0
            dropins = [p for p in (props.get("DropInPaths") or "").split(" ") if p]
            return unit, "systemctl", props["FragmentPath"], dropins, pid, props
    dirs = unit_dirs(spec)
    fragment = find_fragment(unit, explicit, dirs)
    if fragment is None or (explicit and not os.path.isfile(explicit)):
        return None
    return unit, "unit-file", fragment, find_dropins(unit, explicit, dirs), 0, {}


def _env_files(words):
    """EnvironmentFile= words → [(path, optional)], globs expanded in sorted order."""
    out = []
    for word in words:
        optional = word.startswith("-")
        path = word[1:] if optional else word
        if any(c in path for c in "*?["):
            matches = sorted(glob.glob(path))
            out.extend((m, optional) for m in matches)
        else:
            out.append((path, optional))
    return out


def unset_environment(env, words):
    """UnsetEnvironment= is applied last (systemd.exec(5)): NAME drops any value, NAME=VALUE only that one."""
    for word in words:
        name, eq, value = word.partition("=")
        if name in env and (not eq or env[name] == value):
            del env[name]
    return env


def load_config(spec):
    """Everything the collector needs from the unit; None when none is named. A named unit that
    cannot be found is an error, not a silent switch to "no service"."""
    located = locate_unit(spec)
    if located is None and spec.get("unitFile"):
        raise CollectorError("unit-not-found", "the unit file %s does not exist" % spec["unitFile"])
    if located is None and spec.get("service"):
        where = "systemctl does not know it and it is not" if systemd_running() else "systemd is not running and it is not"
        dirs = ", ".join(unit_dirs(spec))
        raise CollectorError("unit-not-found", "%s: %s in %s" % (unit_name(spec["service"]), where, dirs))
    if located is None:
        return None
    unit, source, fragment, dropins, pid, props = located
    s = merge_assignments([fragment] + dropins)
    table = specifier_table(unit, fragment)
    def one(key):
        return expand_specifiers(s[key], table) if s.get(key) else None
    env_files = _env_files(path_words(s["EnvironmentFile"], table))
    env = environment_assignments(s["Environment"], table)
    file_env = {}
    for path, _ in env_files:
        text = read_text(path)
        if text is not None:
            file_env.update(parse_env_file(text))
    env.update(file_env)
    unset_environment(env, path_words(s["UnsetEnvironment"], table))
    dynamic = parse_bool(s.get("DynamicUser"))
    # systemd caches which drop-in directories exist at daemon-reload, so a drop-in in a new .d directory
    # is neither in DropInPaths nor flagged by NeedDaemonReload: list what is on disk but not loaded.
    loaded_names = set(os.path.basename(p) for p in dropins)
    on_disk = find_dropins(unit, None, unit_dirs(spec)) if source == "systemctl" else []
    unloaded = [p for p in on_disk if os.path.basename(p) not in loaded_names and os.path.realpath(p) != "/dev/null"]
    config = {
        "unit": unit, "source": source, "fragment": fragment, "dropins": dropins, "mainPid": pid,
        "needDaemonReload": {"yes": True, "no": False}.get(props.get("NeedDaemonReload")), "unloadedDropins": unloaded,
        "mainStartMonotonic": props.get("ExecMainStartTimestampMonotonic"),
        "user": one("User"), "group": one("Group"), "dynamicUser": dynamic,
        "supplementaryGroups": path_words(s["SupplementaryGroups"], table),
        "workingDirectory": one("WorkingDirectory"), "execStart": exec_argv(s["ExecStart"], table),
        "environment": env, "environmentFiles": env_files,
        "protectSystem": protect_value(s.get("ProtectSystem"), ("full", "strict")),
        "protectHome": protect_value(s.get("ProtectHome"), ("read-only", "tmpfs")),
        "readOnlyPaths": path_words(s["ReadOnlyPaths"], table),
        "readWritePaths": path_words(s["ReadWritePaths"], table),
        "inaccessiblePaths": path_words(s["InaccessiblePaths"], table),
        "privateTmp": parse_bool(s.get("PrivateTmp")),
        "cacheDirectory": path_words(s["CacheDirectory"], table),
        "stateDirectory": path_words(s["StateDirectory"], table),
        "logsDirectory": path_words(s["LogsDirectory"], table),
        "runtimeDirectory": path_words(s["RuntimeDirectory"], table),
        "umask": s.get("UMask"), "capabilityBoundingSet": s.get("CapabilityBoundingSet"),
    }
    return config


def config_files(config):
    """Fragment, drop-ins and environment files with their mtimes (for "changed since start")."""
    if config["fragment"] is None:
        return []  # a container: its configuration is the inspect document, not files
    files = [(config["fragment"], "fragment", False)] + [(p, "drop-in", False) for p in config["dropins"]]
    files += [(p, "environment-file", optional) for p, optional in config["environmentFiles"]]
    out = []
    for path, kind, optional in files:
        mtime = file_mtime(path)
        out.append({"path": path, "kind": kind, "exists": mtime is not None, "mtime": mtime, "optional": optional})
    for path in config.get("unloadedDropins", []):
        mtime = file_mtime(path)
        out.append({"path": path, "kind": "drop-in", "exists": mtime is not None, "mtime": mtime, "optional": False,
                    "loaded": False})
    return out
