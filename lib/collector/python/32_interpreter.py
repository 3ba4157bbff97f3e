# The service's interpreter: chosen (host setting, ExecStart, shebang, python3 on PATH), checked
# (45_trust.py: only root or the collecting account can change it, else 47_untrusted.py), probed with
# `-I -S -B -c` (46_run_interpreter.py) (never through a shell, never importing the app, never running `site`: a .pth file,
# sitecustomize or usercustomize in the target's environment is code its owner controls), and the
# settings the SERVICE runs with computed from its options and environment exactly as python-bytecode.md §1, §3,
# §4 state them. The probe only reports facts of the interpreter; 33_site_paths.py rebuilds what
# `site` would add to sys.path from them, reading files and never executing any.

# What the interpreter itself loads before any code of the service (64_startup.py): asked in the same
# launch as PROBE (one interpreter start less per collection), from the module names captured before
# the probe's own imports.
STARTUP_FACTS = r"""
try:
    try:
        import _imp
        frozen = list(_imp._frozen_module_names())
    except Exception:
        frozen = []
    files = [n for n in names if getattr(getattr(sys.modules[n], "__spec__", None), "origin", None) not in (None, "frozen", "built-in")]
    frozen += [n for n in names if getattr(getattr(sys.modules[n], "__spec__", None), "origin", None) == "frozen"]
    startup = {"startup": sorted(files), "builtin": sorted(sys.builtin_module_names), "frozen": sorted(set(frozen)),
               "path": sys.path}
except Exception:
    startup = None
"""
PROBE = r"""
import sys
names = list(sys.modules)
import importlib.util, json, os, platform, sysconfig
""" + STARTUP_FACTS + r"""
try:
    with open(os.path.join(os.path.dirname(os.__file__), "site.py"), "rb") as f:
        debian = b'"dist-packages"' in f.read()
except OSError:
    debian = False
print(json.dumps({"version": platform.python_version(), "major": sys.version_info[0], "minor": sys.version_info[1],
    "implementation": sys.implementation.name, "cacheTag": sys.implementation.cache_tag,
    "magic": importlib.util.MAGIC_NUMBER.hex(), "prefixSupported": hasattr(sys, "pycache_prefix"),
    "executable": sys.executable, "prefix": sys.prefix, "execPrefix": sys.exec_prefix,
    "platlibdir": getattr(sys, "platlibdir", "lib"), "debianSite": debian,
    "freeThreaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")), "path": sys.path, "startupFacts": startup}))
"""
# Interpreter path → its STARTUP_FACTS answer from the probe (None when that part failed).
PROBED_STARTUP = {}
_C_INT = re.compile(r"^[ \t\n\v\f\r]*[+-]?[0-9]+$")


def env_flag(value):
    """_Py_get_env_flag: unset/empty 0; an integer as-is; anything else (or negative) 1. python-bytecode.md §3."""
    if not value:
        return 0
    if not _C_INT.match(value):
        return 1
    number = int(value.strip())
    return 1 if number < 0 or number > 0x7FFFFFFF else number


def choose_interpreter(spec, command, search_path):
    """(path, origin, why). Paths are kept as found, never symlink-resolved: a venv's python is a
    symlink whose own location selects the venv."""
    fallback_path = os.environ.get("PATH", "") + ":" + SYSTEMD_PATH
    if spec.get("python"):
        path = which(spec["python"], search_path) or which(spec["python"], fallback_path) or spec["python"]
        return path, "host-setting", "named in the host's settings"
    if command:
        why = "argv[0] of ExecStart=" if command["origin"] == "exec-start" else "shebang of %s" % command["shebang"]
        return command["interp"], command["origin"], why
    path = which("python3", search_path) or which("python3", fallback_path)
    if path is None:
        raise CollectorError("no-python", "no python3 on the service's PATH (%s)" % search_path)
    return path, "default", "python3 on the service's PATH (ExecStart= does not name a Python)"
