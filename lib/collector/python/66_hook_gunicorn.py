# gunicorn: its arbiter loads the configuration file (-c FILE, `python:module`, else ./gunicorn.conf.py),
# then the worker class (-k/--worker-class, or `worker_class` in that file, default "sync", named through
# gunicorn.workers.SUPPORTED_WORKERS) and the logger class (--logger-class, default gunicorn.glogging)
# by name. Options come from the command line, then GUNICORN_CMD_ARGS, then the file. The worker then
# imports the app (an entry point).
import shlex

_GUNICORN_RUN = ("gunicorn.app.wsgiapp.run", "gunicorn.app.pasterapp.serve")


def _gunicorn_config(walker, words, base_dir):
    """The configuration file's module-level constants, walked as the code it is (nothing when none)."""
    closure = walker.closure
    location = (_opt(words, ["-c", "--config"]) or [None])[-1]
    if location and location.startswith("python:"):
        closure.add(location[len("python:"):])
        info = walker.info(location[len("python:"):])
        return info.scope if info else None
    if location:
        path = os.path.normpath(os.path.join(base_dir, location[len("file:"):] if location.startswith("file:") else location))
    else:
        path = os.path.join(base_dir, "gunicorn.conf.py")
    info = closure.follow_file("__config__", path, False) if os.path.isfile(path) else None
    return info.scope if info else None


def _supported_workers(walker):
    """gunicorn.workers.SUPPORTED_WORKERS as the installed gunicorn spells it (a literal dict)."""
    info = walker.info("gunicorn.workers")
    table = info.scope.const("SUPPORTED_WORKERS") if info else UNKNOWN
    return table if isinstance(table, dict) else {}


def _gunicorn_run(walker, call, scope):
    closure = walker.closure
    if closure.hook_state.get("gunicorn"):
        return True
    closure.hook_state["gunicorn"] = True
    entries = closure.entries
    words = list(entries.server_words) if entries and entries.server == "gunicorn" else []
    from_env = shlex.split(closure.env.get("GUNICORN_CMD_ARGS") or "")
    base_dir = (entries.front or ["/"])[0] if entries else "/"
    config = _gunicorn_config(walker, words or from_env, base_dir)

    def setting(options, key, default):
        for source in (words, from_env):
            found = _opt(source, options)
            if found:
                return found[-1]
        value = config.const(key) if config else UNKNOWN
        return value if isinstance(value, str) else default

    worker = setting(["-k", "--worker-class"], "worker_class", "sync")
    if worker.startswith("egg:"):
        worker = worker.partition("#")[2] or "sync"
    closure.dotted(_supported_workers(walker).get(worker, worker))
    closure.dotted(setting(["--logger-class"], "logger_class", "gunicorn.glogging.Logger"))
    return True


register_hook(calls=dict((name, _gunicorn_run) for name in _GUNICORN_RUN))
