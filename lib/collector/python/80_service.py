# Assembles the inventory's service and interpreter entries from the configuration, the live
# process and the probe. Without a unit the service is "none": no environment, the collector's own
# identity, python3 on the collector's PATH.


def _umask_text(value):
    if value is None:
        return "0022"
    try:
        return "%04o" % int(value, 8)
    except ValueError:
        return value


def unit_uid_matcher(config):
    """Does a process's real uid fit the unit's User=? A DynamicUser gets a transient UID from
    systemd's dynamic range; a User= that does not exist matches no process."""
    if config["dynamicUser"]:
        return lambda uid: uid is not None and DYNAMIC_UID_MIN <= uid <= DYNAMIC_UID_MAX
    pw = _uid_of(config["user"] or "root")
    return lambda uid: pw is not None and uid == pw.pw_uid


def find_process(config, allowed):
    """(process entry, unredacted environment, cwd); Nones when no process is found."""
    if config is None:
        return None, None, None
    pid = config["mainPid"] or find_service_pid(config["execStart"], unit_uid_matcher(config))
    found = read_process(pid, allowed) if pid else None
    if not found:
        return None, None, None
    found[0]["argv"] = redact_argv(found[0]["argv"], allowed)
    # systemd's own record of the main process's start is exact; /proc's is only to the second.
    exact = systemd_start_time(config["mainStartMonotonic"]) if pid == config["mainPid"] else None
    if exact is not None:
        found[0].update({"startedAt": exact, "startedAtSource": "systemd"})
    return found


def service_entry(spec, config, process, ident, allowed):
    if config is None:
        return {"unit": spec.get("service"), "source": "none", "user": None, "group": None, "supplementaryGroups": [],
                "dynamicUser": False, "workingDirectory": None, "execStart": [], "environment": {},
                "protectSystem": "no", "protectHome": "no", "readOnlyPaths": [], "readWritePaths": [],
                "privateTmp": False, "cacheDirectory": [], "stateDirectory": [], "umask": None, "configFiles": [],
                "identity": public_identity(ident), "process": None}
    c = config
    return {"unit": c["unit"], "source": c["source"], "user": c["user"], "group": c["group"],
            "supplementaryGroups": c["supplementaryGroups"], "dynamicUser": c["dynamicUser"],
            "workingDirectory": c["workingDirectory"], "execStart": redact_argv(c["execStart"], allowed),
            "environment": redact(c["environment"], allowed), "protectSystem": c["protectSystem"],
            "protectHome": c["protectHome"], "readOnlyPaths": c["readOnlyPaths"], "readWritePaths": c["readWritePaths"],
            "privateTmp": c["privateTmp"], "cacheDirectory": c["cacheDirectory"], "stateDirectory": c["stateDirectory"],
            "umask": _umask_text(c["umask"]), "configFiles": config_files(c),
            "needDaemonReload": c["needDaemonReload"], "identity": public_identity(ident),
            "process": process}


def working_dir(config, ident, cwd):
    """Where a relative prefix or script resolves: the live process's cwd, else WorkingDirectory=
    ('-' prefix dropped, '~' = the user's home), else / (systemd's default for system services)."""
    if cwd:
        return cwd
    wd = (config or {}).get("workingDirectory")
    if wd:
        wd = wd.lstrip("-")
        if wd == "~" or wd.startswith("~/"):
            try:
                wd = pwd.getpwnam(ident["user"]).pw_dir + wd[1:]
            except KeyError:
                wd = "/"
    return wd if wd and wd.startswith("/") else "/"


def service_env(config, process, process_env, show):
    if process_env is not None:
        return ServiceEnv(process_env, "the process environment (/proc/%d/environ)" % process["pid"], show)
    if config is not None:
        return ServiceEnv(config["environment"], "the unit's Environment=/EnvironmentFile=", show)
    return ServiceEnv({}, "no service environment (no unit)", show)


def _site_dirs(paths):
    out, seen = [], set()
    for p in paths:
        real = os.path.realpath(p)
        if os.path.isdir(p) and real not in seen:
            seen.add(real)
            out.append(os.path.normpath(p))
    return out


def resolve_interpreter(spec, config, env, ident, base_dir):
    """(inventory interpreter entry, absolute main script or None)."""
    search_path = env.get("PATH") or (SYSTEMD_PATH if config else os.environ.get("PATH", SYSTEMD_PATH))
    command = python_command(config["execStart"], search_path) if config else None
    path, origin, why = choose_interpreter(spec, command, search_path)
    info, trust = learn_interpreter(path)
    opts = parse_python_options(command["args"] if command else [])
    where = "the shebang of %s" % command["shebang"] if command and command["origin"] == "shebang" else "the command line"
    settings, explain = effective_settings(opts, env, info, where, base_dir)
    site_dirs, sys_path = site_paths(info, opts, env, ident)
    explain["interpreter"] = "%s: %s" % (path, why)
    explain["environment"] = "PYTHON* variables come from " + env.origin
    explain["trust"] = trust_phrase(trust, info["version"])
    main_script = None
    if command and opts["script"] and not opts["module"]:
        main_script = os.path.normpath(os.path.join(base_dir, opts["script"]))
        explain["mainScript"] = "%s is the main script: Python never reads or writes a pyc for it (python-bytecode.md §1), so it is not counted" % main_script
    entry = {"path": path, "origin": origin, "version": info["version"], "implementation": info["implementation"],
             "cacheTag": info["cacheTag"], "magic": info["magic"], "explain": explain,
             "sitePackages": _site_dirs(site_dirs), "sysPath": sys_path, "trust": trust}
    entry.update(settings)
    return entry, main_script
