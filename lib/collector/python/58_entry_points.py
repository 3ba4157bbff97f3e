# Where the service's code starts, read from the UNREDACTED ExecStart on the target (only module
# names and paths leave it): `python -m`, a script, a console script's target, the app spec of a
# WSGI/ASGI server, Django's settings, celery -A. Nothing is executed; a server that adds its working
# directory (or --chdir/--pythonpath/--app-dir) to sys.path gets those entries in front.

_ENTRY_SPEC = re.compile(r"^[A-Za-z_][\w.]*(:[A-Za-z_][\w.]*(\(.*\))?)?$")
# Options of each server that take no value (every other option is assumed to take one).
_SERVER_FLAGS = {
    "gunicorn": {"--reload", "--preload", "-D", "--daemon", "--check-config", "--print-config", "--spew",
                 "--capture-output", "--enable-stdio-inheritance", "--no-sendfile", "--reuse-port", "-R"},
    "uvicorn": {"--reload", "--factory", "--use-colors", "--no-use-colors", "--no-access-log", "--proxy-headers",
                "--no-proxy-headers", "--no-server-header", "--no-date-header"},
    "hypercorn": {"--reload", "--debug", "--verbose"},
    "daphne": {"--proxy-headers", "-v"},
    "waitress-serve": {"--call", "--expose-tracebacks", "--no-expose-tracebacks", "--ipv4", "--ipv6", "--no-ipv4",
                       "--no-ipv6"},
}
_SERVERS = {"gunicorn", "uvicorn", "hypercorn", "daphne", "waitress-serve", "waitress", "celery", "uwsgi"}


def _opt(words, names):
    """Values of an option given as `--x v`, `--x=v` or `-Xv` (single-letter names)."""
    out = []
    for i, w in enumerate(words):
        for n in names:
            if w == n and i + 1 < len(words):
                out.append(words[i + 1])
            elif w.startswith(n + "="):
                out.append(w[len(n) + 1:])
            elif len(n) == 2 and w.startswith(n) and len(w) > 2 and not w.startswith("--"):
                out.append(w[2:])
    return out


def _positionals(words, flags):
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if w.startswith("-") and w != "-":
            i += 1 if ("=" in w or w in flags) else 2
            continue
        out.append(w)
        i += 1
    return out


class Entries(object):
    """Entry points found so far: labels as shown, module names and scripts to start the closure from,
    sys.path entries the launcher puts in front, settings modules, and notes."""

    def __init__(self):
        self.labels, self.modules, self.scripts, self.front, self.notes = [], [], [], [], []
        self.settings, self.optional = [], []
        self.main_module = None
        self.script_as_main = True
        self.server, self.server_words = None, []
        self.origin = "service"

    def app(self, spec, optional=()):
        self.labels.append(spec)
        self.modules.append(spec.split(":")[0])
        self.optional.extend(optional)


def _server(name, words, base_dir, e):
    """The app spec and sys.path additions of one server's argument words."""
    e.server, e.server_words = name, list(words)
    chdir = (_opt(words, ["--chdir"]) or [base_dir])[-1]
    chdir = os.path.normpath(os.path.join(base_dir, chdir))
    if name == "uwsgi":
        for d in _opt(words, ["--pythonpath", "--python-path", "--pp"]):
            e.front.append(os.path.normpath(os.path.join(chdir, d)))
        e.front.insert(0, chdir)
        for m in _opt(words, ["--module", "--wsgi", "-w"]):
            e.app(m)
        for f in _opt(words, ["--wsgi-file", "--file"]):
            e.script_as_main = False  # uwsgi loads it as a module of its own name, not as __main__
            e.labels.append(f)
            e.scripts.append(os.path.normpath(os.path.join(chdir, f)))
        return
    if name == "celery":
        for app in _opt(words, ["-A", "--app"])[-1:]:
            module = app.split(":")[0]
            e.app(app, optional=[module + ".celery"] if ":" not in app else [])
        e.front.insert(0, chdir)
        return
    app_dir = _opt(words, ["--app-dir"])
    e.front.insert(0, os.path.normpath(os.path.join(base_dir, app_dir[-1])) if app_dir else chdir)
    for d in _opt(words, ["--pythonpath"]):
        for part in d.split(","):
            e.front.append(os.path.normpath(os.path.join(chdir, part)))
    specs = [w for w in _positionals(words, _SERVER_FLAGS.get(name, set())) if _ENTRY_SPEC.match(w)]
    if specs:
        e.app(specs[-1])
    else:
        e.notes.append("%s: no application spec found in its arguments" % name)


_SCRIPT_IMPORT = re.compile(r"^from ([A-Za-z_][\w.]*) import ([A-Za-z_]\w*)", re.M)


def _console_target(script, site_dirs):
    """module:function of a console script, from its own `from X import f` or entry_points.txt."""
    found = _SCRIPT_IMPORT.search(read_text(script, 65536) or "")
    if found:
        return "%s:%s" % found.groups()
    name = os.path.basename(script)
    for site in site_dirs:
        try:
            infos = sorted(d for d in os.listdir(site) if d.endswith(".dist-info") or d.endswith(".egg-info"))
        except OSError:
            continue
        for info in infos:
            text = read_text(os.path.join(site, info, "entry_points.txt"), 65536) or ""
            section = None
            for line in text.splitlines():
                line = line.strip()
                if line.startswith("["):
                    section = line.strip("[]").strip()
                elif section in ("console_scripts", "gui_scripts") and "=" in line:
                    key, _, value = line.partition("=")
                    if key.strip() == name:
                        return value.strip().split()[0]
    return None


def _django_settings(script, env):
    """DJANGO_SETTINGS_MODULE from the environment, else manage.py's os.environ.setdefault(...)."""
    if env.get("DJANGO_SETTINGS_MODULE"):
        return env.get("DJANGO_SETTINGS_MODULE")
    match = re.search(r"DJANGO_SETTINGS_MODULE['\"]\s*,\s*['\"]([\w.]+)['\"]", read_text(script, 1 << 20) or "")
    return match.group(1) if match else None


def find_entry_points(spec, config, env, base_dir, interpreter):
    """Entries derived from the unredacted ExecStart, plus the host's --entry settings."""
    e = Entries()
    argv = list(config["execStart"]) if config else []
    search_path = env.get("PATH") or SYSTEMD_PATH
    command = python_command(argv, search_path) if argv else None
    opts = parse_python_options(command["args"]) if command else None
    site_dirs = interpreter["sitePackages"]
    rest = []
    if opts and opts["module"]:
        e.labels.append("-m " + opts["module"])
        e.modules.append(opts["module"])
        e.main_module = opts["module"]
        rest = command["args"][command["args"].index(opts["module"]) + 1:] if opts["module"] in command["args"] else []
        server = opts["module"].split(".")[0]
        if server in _SERVERS:
            _server("waitress-serve" if server == "waitress" else server, rest, base_dir, e)
    elif opts and opts["script"]:
        script = os.path.normpath(os.path.join(base_dir, opts["script"]))
        e.scripts.append(script)
        name = os.path.basename(script)
        words = command["args"][command["args"].index(opts["script"]) + 1:]
        if command["origin"] == "shebang":
            target = _console_target(script, site_dirs)
            e.labels.append(target or name)
            if target:
                e.modules.append(target.split(":")[0])
            if name in _SERVERS:
                _server(name, words, base_dir, e)
        else:
            e.labels.append(opts["script"])
        if name == "manage.py":
            settings = _django_settings(script, env)
            if settings:
                e.settings.append(settings)
    elif argv and os.path.basename(argv[0]) == "uwsgi":
        _server("uwsgi", argv[1:], base_dir, e)
    if env.get("DJANGO_SETTINGS_MODULE") and not e.settings:
        e.settings.append(env.get("DJANGO_SETTINGS_MODULE"))
    for entry in spec.get("entryPoints") or []:
        e.origin = "service+host-setting" if e.labels else "host-setting"
        e.app(entry)
    if not e.labels and not e.settings:
        e.origin = "app-roots"
    return e, opts


def server_entries(name, words, base_dir):
    """One server's entries as a plain dict (the table tests of the argument parsing call this)."""
    e = Entries()
    _server(name, words, base_dir, e)
    return dict((k, v) for k, v in vars(e).items() if k in ("labels", "modules", "optional", "scripts", "front", "notes"))
