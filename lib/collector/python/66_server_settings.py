# How many processes import the service's code at each start, and what recycles or reloads them, read from
# the UNREDACTED ExecStart, the environment and the server's config file as data (never executed): gunicorn,
# uwsgi, waitress, uvicorn, hypercorn, celery and Django's runserver. Only numbers and flags leave the target.

_GUNICORN_CONF_KEYS = {"workers": "workers", "preload_app": "preload", "max_requests": "maxRequests",
                       "max_requests_jitter": "maxRequestsJitter", "reload": "reload", "threads": "threads"}
_UWSGI_KEYS = {"processes": "workers", "workers": "workers", "lazy-apps": "lazyApps", "lazy": "lazyApps",
               "max-requests": "maxRequests", "threads": "threads", "py-autoreload": "reload"}


def _int(text):
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def _truthy(text):
    return str(text).strip().lower() in ("1", "true", "yes", "on", "y", "t")


def gunicorn_conf(text, name):
    """{key: (value, source)} of a gunicorn config file's top-level literal assignments (ast, nothing run);
    plus notes for assignments that are not literals."""
    import ast  # local: the import closure (59) imports it at top level too, and names are defined once
    out, notes = {}, []
    try:
        tree = ast.parse(text or "", name)
    except (SyntaxError, ValueError):
        return out, ["%s does not parse: its settings are not read" % name]
    for node in tree.body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            continue
        key = _GUNICORN_CONF_KEYS.get(node.targets[0].id)
        if key is None:
            continue
        try:
            value = ast.literal_eval(node.value)
        except ValueError:
            notes.append("%s: %s is computed, not a literal: not evaluated" % (name, node.targets[0].id))
            continue
        if isinstance(value, (bool, int)):
            out[key] = (value, "%s %s = %r" % (name, node.targets[0].id, value))
    return out, notes


def _gunicorn_args(words):
    """{key: (value, source)} from gunicorn's command-line words (later wins)."""
    out = {}
    for key, names in (("workers", ["-w", "--workers"]), ("maxRequests", ["--max-requests"]),
                       ("maxRequestsJitter", ["--max-requests-jitter"]), ("threads", ["--threads"])):
        values = _opt(words, names)
        if values and _int(values[-1]) is not None:
            out[key] = (_int(values[-1]), "ExecStart %s %s" % (names[-1], values[-1]))
    for key, flag in (("preload", "--preload"), ("reload", "--reload")):
        if flag in words:
            out[key] = (True, "ExecStart " + flag)
    return out


def _gunicorn(words, env, base_dir):
    s = {"workers": (1, "gunicorn's default workers = 1"), "preload": (False, "gunicorn's default (no --preload)")}
    notes = []
    if env.get("WEB_CONCURRENCY") and _int(env.get("WEB_CONCURRENCY")) is not None:
        s["workers"] = (_int(env.get("WEB_CONCURRENCY")), "WEB_CONCURRENCY=%s" % env.get("WEB_CONCURRENCY"))
    conf = (_opt(words, ["-c", "--config"]) or ["gunicorn.conf.py"])[-1]
    if not conf.startswith("python:"):
        path = os.path.normpath(os.path.join(base_dir, conf))
        text = read_text(path, 1 << 20)
        if text is not None:
            found, more = gunicorn_conf(text, os.path.basename(path))
            s.update(found)
            notes += more
        elif conf != "gunicorn.conf.py":
            notes.append("the config file %s cannot be read" % path)
    cmd_args = env.get("GUNICORN_CMD_ARGS")
    if cmd_args:
        s.update(dict((k, (v, src.replace("ExecStart", "GUNICORN_CMD_ARGS"))) for k, (v, src) in
                      _gunicorn_args(cmd_args.split()).items()))
    s.update(_gunicorn_args(words))
    workers, preload = s["workers"], s["preload"]
    # With --preload the master imports the app once and the workers fork from it: the cost is paid once.
    per_start = (1, "%s: the master imports the app once" % preload[1]) if preload[0] else workers
    return s, per_start, notes


def _uwsgi_ini(path):
    """{option: value} of the [uwsgi] section of an ini file (the last value of a repeated option)."""
    out, section = {}, None
    for line in (read_text(path, 1 << 20) or "").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line.strip("[]").strip()
        elif section == "uwsgi" and "=" in line and not line.startswith(("#", ";")):
            key, _, value = line.partition("=")
            out[key.strip()] = value.strip()
    return out


def _uwsgi(words, base_dir):
    s, notes = {}, []
    for ini in _opt(words, ["--ini"]) + [w for w in words if w.endswith(".ini") and not w.startswith("-")]:
        path = os.path.normpath(os.path.join(base_dir, ini))
        for key, value in _uwsgi_ini(path).items():
            if key in _UWSGI_KEYS:
                field = _UWSGI_KEYS[key]
                parsed = _truthy(value) if field == "lazyApps" else _int(value)
                if parsed is not None:
                    where = "%s %s = %s" % (os.path.basename(path), key, value)
                    s[field] = (parsed if field != "reload" else bool(parsed), where)
    for key, field in _UWSGI_KEYS.items():
        flag = "--" + key
        if field == "lazyApps" and flag in words:
            s[field] = (True, "ExecStart " + flag)
        values = [] if field == "lazyApps" else _opt(words, [flag] + (["-p"] if key == "processes" else []))
        if values and _int(values[-1]) is not None:
            value = _int(values[-1])
            s[field] = (value if field != "reload" else value > 0, "ExecStart %s %s" % (flag, values[-1]))
    workers = s.get("workers", (1, "uwsgi's default processes = 1"))
    s["workers"] = workers
    lazy = s.get("lazyApps", (False, "uwsgi's default (no lazy-apps)"))
    s["lazyApps"] = lazy
    s["preload"] = (not lazy[0], lazy[1])
    # Without lazy-apps the master loads the app and forks the workers: paid once; with it, once per worker.
    per_start = workers if lazy[0] else (1, "%s: the master loads the app once" % lazy[1])
    return s, per_start, notes


def _spawning(name, words):
    """uvicorn / hypercorn: each worker is a new interpreter (multiprocessing spawn) that imports the app."""
    s = {"reload": (True, "ExecStart --reload")} if "--reload" in words else {}
    values = _opt(words, ["--workers"] + (["-w"] if name == "hypercorn" else []))
    workers = (_int(values[-1]), "ExecStart --workers %s" % values[-1]) if values and _int(values[-1]) else None
    s["workers"] = workers or (1, "%s's default workers = 1" % name)
    return s, s["workers"], []


def _celery(words):
    s = {}
    values = _opt(words, ["-c", "--concurrency"])
    if values and _int(values[-1]):
        s["workers"] = (_int(values[-1]), "ExecStart --concurrency %s" % values[-1])
    else:
        s["workers"] = (os.cpu_count() or 1, "celery's default concurrency = the number of CPUs")
    per_child = _opt(words, ["--max-tasks-per-child", "--maxtasksperchild"])
    if per_child and _int(per_child[-1]):
        s["maxRequests"] = (_int(per_child[-1]), "ExecStart --max-tasks-per-child %s" % per_child[-1])
    # The prefork pool forks from the main process, which imported the app and its tasks: paid once.
    return s, (1, "celery's prefork pool forks from the main process, which imports the app once"), []


def _server_words(argv, env):
    """(server kind, its argument words) of the service's command, or (None, [])."""
    if not argv:
        return None, []
    command = python_command(argv, env.get("PATH") or SYSTEMD_PATH)
    opts = parse_python_options(command["args"]) if command else None
    if opts and opts["module"]:
        args = command["args"]
        rest = args[args.index(opts["module"]) + 1:] if opts["module"] in args else []
        return opts["module"].split(".")[0], rest
    if opts and opts["script"]:
        args = command["args"]
        rest = args[args.index(opts["script"]) + 1:] if opts["script"] in args else []
        return os.path.basename(opts["script"]), rest
    if os.path.basename(argv[0]) == "uwsgi":
        return "uwsgi", list(argv[1:])
    return None, []


def server_settings(argv, env, base_dir):
    """The inventory's `server` entry: the server, processes that import the app per start, and the settings
    that recycle or reload them, each with where it came from. None when the command is no server we know."""
    kind, words = _server_words(argv, env)
    if kind in ("gunicorn",):
        s, per_start, notes = _gunicorn(words, env, base_dir)
    elif kind == "uwsgi":
        s, per_start, notes = _uwsgi(words, base_dir)
    elif kind in ("uvicorn", "hypercorn"):
        s, per_start, notes = _spawning(kind, words)
    elif kind == "celery":
        s, per_start, notes = _celery(words)
    elif kind in ("waitress", "waitress-serve"):
        kind, s, notes = "waitress", {"workers": (1, "waitress runs one process")}, []
        per_start = s["workers"]
    elif kind == "manage.py" and "runserver" in words:
        kind, notes = "django-runserver", []
        if "--noreload" in words:
            s = {"workers": (1, "ExecStart runserver --noreload")}
        else:
            # The autoreloader's parent re-runs the command in a child, and both import the project.
            s = {"workers": (2, "runserver's autoreloader: a watcher and a server process"),
                 "reload": (True, "ExecStart runserver without --noreload")}
        per_start = s["workers"]
    else:
        return None
    def setting(key):
        return {"value": s[key][0], "source": s[key][1]} if key in s else None
    return {"kind": kind, "processesPerStart": {"value": per_start[0], "source": per_start[1]},
            "workers": setting("workers"), "preload": setting("preload"), "maxRequests": setting("maxRequests"),
            "maxRequestsJitter": setting("maxRequestsJitter"), "reload": setting("reload"),
            "lazyApps": setting("lazyApps"), "threads": setting("threads"), "cores": os.cpu_count(), "notes": notes}
