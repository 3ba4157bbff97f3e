# Django (PYC.md §10–11): django.setup() (from get_wsgi_application(), get_asgi_application(),
# execute_from_command_line() or a direct call) imports the settings module (65_django_settings.py reads
# it), configures logging (LOGGING_CONFIG), then apps.populate(INSTALLED_APPS): each entry's app module,
# its `apps` module and AppConfig, its `models` module, then every config's ready(). The WSGI/ASGI
# handler then loads and instantiates each MIDDLEWARE class. The first model class defined opens the
# default database's backend (Options.contribute_to_class asks connection.ops), and a template Engine
# loads its builtins and libraries when made. `settings.X` reads the settings module, else Django's
# global_settings. ROOT_URLCONF (and the URLconfs and views it includes) and
# AUTHENTICATION_BACKENDS load at the first request, not at start: they are not followed.

_DJANGO_SETUP = ("django.setup", "django.core.management.execute_from_command_line")
_DJANGO_HANDLERS = ("django.core.wsgi.get_wsgi_application", "django.core.asgi.get_asgi_application")
# AppConfig.ready() that imports one submodule of every installed app (admin.autodiscover()).
_AUTODISCOVER = {"django.contrib.admin.apps.AdminConfig": "admin"}


_TEMPLATE_ENGINE = "django.template.engine.Engine"


def _django(closure):
    return closure.hook_state.setdefault("django", {"setup": False, "handler": False, "entries": set(),
                                                    "apps": [], "discover": set(), "reader": SettingsReader(closure)})


def _django_setup(walker, call, scope):
    _django(walker.closure)["setup"] = True
    return True


def _django_handler(walker, call, scope):
    state = _django(walker.closure)
    state["setup"] = state["handler"] = True
    return True


def _settings_default(walker, call, scope):
    """os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings") run at import time."""
    args = [evaluate(a, scope.const) for a in call.args[:2]]
    if len(args) == 2 and args[0] == "DJANGO_SETTINGS_MODULE" and isinstance(args[1], str):
        if not walker.closure.settings_fixed:
            walker.closure.settings.add(args[1])


def _settings_value(closure, dotted):
    """settings.NAME (django.conf.settings) once a settings module is known."""
    head, _, key = dotted.rpartition(".")
    if head not in ("settings", "django.conf.settings") or not key.isupper() or not closure.settings:
        return UNKNOWN
    reader = _django(closure)["reader"]
    for name in sorted(closure.settings):
        values = reader.values(name)
        if key in values:
            return values[key]
    return reader.values("django.conf.global_settings").get(key, UNKNOWN)


def _template_engine(walker, call, scope):
    """Engine(…, libraries={…}, builtins=[…]) imports Engine.default_builtins and those at once."""
    engine = _config_class(walker, _TEMPLATE_ENGINE)
    defaults = engine[3].get("default_builtins") if engine else None
    names = list(defaults[1]) if defaults and defaults[0] == "const" and isinstance(defaults[1], list) else []
    args = dict((k.arg, evaluate(k.value, scope.const)) for k in call.keywords if k.arg)
    names += list(args["libraries"].values()) if isinstance(args.get("libraries"), dict) else []
    names += list(args["builtins"]) if isinstance(args.get("builtins"), list) else []
    for name in names:
        if isinstance(name, str):
            walker.closure.add(name, required=False)
    return True


def _config_class(walker, dotted):
    module, _, name = dotted.rpartition(".")
    found = walker.lookup(module, name) if module else None
    return found if found and found[0] == "class" else None


def _is_config(walker, cls, hops=4):
    for base in cls[1].bases:
        if (dotted_name(base) or "").endswith("AppConfig"):
            return True
        parent = walker.holder(base, cls[2].scope)
        if hops and parent and parent[0] == "class" and _is_config(walker, parent, hops - 1):
            return True
    return False


def _default_attr(walker, cls, fallback, hops=4):
    """getattr(config, "default", fallback) along the class's own bases."""
    value = cls[3].get("default")
    if value and value[0] == "const":
        return value[1]
    for base in cls[1].bases if hops else ():
        parent = walker.holder(base, cls[2].scope)
        if parent and parent[0] == "class":
            return _default_attr(walker, parent, fallback, hops - 1)
    return fallback


def _apps_config(walker, module):
    """The AppConfig an `apps` module selects: its only candidate, else the one with default = True."""
    info = walker.info(module)
    classes = [b for b in (info.scope.names.values() if info else ()) if b[0] == "class" and b[2] is info]
    candidates = [c for c in classes if _is_config(walker, c) and _default_attr(walker, c, True)]
    if len(candidates) != 1:
        candidates = [c for c in candidates if _default_attr(walker, c, False)]
    return candidates[0] if len(candidates) == 1 else None


def _install(closure, state, entry):
    """AppConfig.create(entry) and import_models() for one INSTALLED_APPS entry."""
    walker, finder = closure.walker, closure.finder
    config, app = None, entry
    if finder.resolve(entry) is not None:
        closure.add(entry)
        if finder.resolve(entry + ".apps") is not None:
            closure.add(entry + ".apps")
            config = _apps_config(walker, entry + ".apps")
        info = walker.info(entry)
        legacy = info.scope.const("default_app_config") if info else UNKNOWN
        if isinstance(legacy, str):
            closure.dotted(legacy)
            config = _config_class(walker, legacy)
    else:
        closure.dotted(entry)
        config = _config_class(walker, entry)
        name = config[3].get("name") if config else None
        module = entry.rpartition(".")[0]
        app = name[1] if name and name[0] == "const" else module.rpartition(".")[0] if module.endswith(".apps") else module
        closure.add(app)
    state["apps"].append(app)
    if finder.resolve(app + ".models") is not None:
        closure.add(app + ".models")
    if config:
        if _qualname(config) in _AUTODISCOVER:
            state["discover"].add(_AUTODISCOVER[_qualname(config)])
        ready = walker.method(config, "ready")
        if ready:
            walker.follow(ready, 1, config)


def _instantiate(closure, dotted):
    """load_middleware(): import_string(path), then the class is called with the handler."""
    closure.dotted(dotted)
    cls = _config_class(closure.walker, dotted)
    init = closure.walker.method(cls, "__init__") if cls else None
    if init:
        closure.walker.follow(init, 1, cls)


def _django_finish(closure):
    state = closure.hook_state.get("django")
    if not state or not state["setup"]:
        return
    for settings in sorted(closure.settings):
        closure.add(settings)
        values = state["reader"].values(settings)
        logging_config = values.get("LOGGING_CONFIG", "logging.config.dictConfig")
        if isinstance(logging_config, str) and logging_config:
            closure.dotted(logging_config)
        for entry in values.get("INSTALLED_APPS") or ():
            if isinstance(entry, str) and entry not in state["entries"]:
                state["entries"].add(entry)
                _install(closure, state, entry)
        for middleware in (values.get("MIDDLEWARE") or ()) if state["handler"] else ():
            if isinstance(middleware, str) and middleware not in state["entries"]:
                state["entries"].add(middleware)
                _instantiate(closure, middleware)
        if any(closure.finder.resolve(app + ".models") for app in state["apps"]):
            engine = ((values.get("DATABASES") or {}).get("default") or {}).get("ENGINE")
            if isinstance(engine, str):
                closure.add(engine + ".base")
    for sub in sorted(state["discover"]):
        for app in state["apps"]:
            if closure.finder.resolve(app + "." + sub) is not None:
                closure.add(app + "." + sub)


_DJANGO_CALLS = [(n, _django_setup) for n in _DJANGO_SETUP] + [(n, _django_handler) for n in _DJANGO_HANDLERS]
register_hook(calls=dict(_DJANGO_CALLS + [(_TEMPLATE_ENGINE, _template_engine)]),
              methods={"setdefault": _settings_default}, finish=[_django_finish], values=[_settings_value])
