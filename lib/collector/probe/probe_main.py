# The host form's "Test connection": what a collection would start from, without collecting. Appended to the
# collector's helpers (lib/collector/python/ without 90_main.py), so it finds the unit and probes an
# interpreter exactly as the collector does: read-only, and a target interpreter only ever runs -I -S -B.
# Prints one JSON line: {"type": "probe", ...} or {"type": "error", "code", "message"}.


def _interpreter(spec):
    """The interpreter the form names (probed with -I -S -B only when trusted, 45_trust.py; else its
    version read as data), else the python3 this probe runs under."""
    if spec.get("python"):
        info, trust = learn_interpreter(spec["python"])
        return {"path": spec["python"], "version": info["version"], "source": "setting", "trusted": trust["trusted"]}
    return {"path": sys.executable, "version": "%d.%d.%d" % sys.version_info[:3], "source": "login"}


def _unit(spec):
    if not spec.get("service") and not spec.get("unitFile"):
        return None
    located = locate_unit(spec)
    name = unit_name(spec.get("service") or os.path.basename(spec["unitFile"]))
    if located is None:
        return {"name": name, "found": False, "source": None, "path": None}
    return {"name": located[0], "found": True, "source": located[1], "path": located[2]}


def _root(path):
    is_dir = os.path.isdir(path)
    return {"path": path, "exists": is_dir, "readable": is_dir and os.access(path, os.R_OK | os.X_OK)}


def probe_main():
    try:
        spec = read_spec(sys.argv)
        emit({"type": "probe", "interpreter": _interpreter(spec), "unit": _unit(spec),
              "roots": [_root(r) for r in spec["appRoots"]], "login": pwd.getpwuid(os.getuid()).pw_name}, final=True)
        return 0
    except CollectorError as e:
        emit({"type": "error", "code": e.code, "message": str(e)[:500]}, final=True)
    except Exception as e:
        emit({"type": "error", "code": "probe-failed", "message": "%s: %s" % (type(e).__name__, str(e)[:300])}, final=True)
    return 1


if __name__ == "__main__":
    sys.exit(probe_main())
