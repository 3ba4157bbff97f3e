# The service's interpreter: chosen (host setting, ExecStart, shebang, python3 on PATH), checked
# (31_trust.py: only root or the collecting account can change it, else 35_untrusted.py), probed with
# `-I -S -B -c` (never through a shell, never importing the app, never running `site`: a .pth file,
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


# -I: no PYTHON* variable, no script directory, no user site; -S: no `site` (no .pth, no
# sitecustomize/usercustomize); -B: no bytecode written.
TARGET_FLAGS = ["-I", "-S", "-B"]


# Service interpreter path → (the trusted interpreter that answers in its place, whether it is the venv's own
# base interpreter) or None when none does. Only interpreters the collector may not run have an entry
# (35_untrusted.py).
STAND_INS = {}


def executable_for(interp):
    """The file to execute for interp: its resolved path once it passes the trust check (31_trust.py), or
    its stand-in's. Every start of a target interpreter goes through here, so none can skip the check."""
    if interp in STAND_INS:
        if STAND_INS[interp] is None:
            raise CollectorError("interpreter-untrusted", "%s is not run and no trusted interpreter of its version answers for it" % interp)
        interp = STAND_INS[interp][0]
    resolved, problem = check_interpreter(interp)
    if problem is not None:
        raise CollectorError("interpreter-untrusted", "%s is not run: %s" % (interp, problem["reason"]))
    return resolved


def can_run(interp):
    """Is there an interpreter to run for interp's version-keyed work (hashes, pyc bodies, compile cost)?"""
    return STAND_INS.get(interp, True) is not None


def run_python(interp, args, data=None, timeout=60):
    """Runs the target interpreter (its checked, resolved path) with TARGET_FLAGS in cwd / and only the
    collector's environment."""
    exe = executable_for(interp)
    try:
        return subprocess.run([exe] + TARGET_FLAGS + args, input=data, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd="/", timeout=timeout,
                              stdin=None if data is not None else subprocess.DEVNULL)
    except OSError as e:
        raise CollectorError("no-python", "%s cannot be run: %s" % (interp, e.strerror or e))
    except subprocess.TimeoutExpired:
        raise CollectorError("no-python", "%s did not answer within %d s" % (interp, timeout))


def version_before_isolation(interp):
    """The version of an interpreter that refused the probe, asked with options every CPython since 2.6
    accepts (-I exists only since 3.4): "2.7.18", or None when it does not answer that either."""
    ask = "import sys; sys.stdout.write(\"%d.%d.%d\" % tuple(sys.version_info[:3]))"
    exe = executable_for(interp)
    try:
        proc = subprocess.run([exe, "-E", "-s", "-S", "-B", "-c", ask], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, cwd="/", timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = proc.stdout.decode("ascii", "replace").strip()
    return text if proc.returncode == 0 and re.match(r"^\d+\.\d+\.\d+$", text) else None


def probe_interpreter(interp):
    proc = run_python(interp, ["-c", PROBE], timeout=30)
    old = version_before_isolation(interp) if proc.returncode != 0 else None
    if old is not None and tuple(int(n) for n in old.split(".")[:2]) < (3, 4):
        why = "only Python 3 has __pycache__" if old.startswith("2.") else "DeployLens inspects Python 3.4 or newer"
        raise CollectorError("unsupported-python", "%s is Python %s; %s" % (interp, old, why))
    if proc.returncode != 0:
        last = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise CollectorError("no-python", "%s -I -S -B failed (exit %d): %s" % (interp, proc.returncode, last[:300]))
    try:
        info = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise CollectorError("no-python", "%s did not answer the probe with JSON" % interp)
    PROBED_STARTUP[interp] = info.pop("startupFacts", None)
    # The resolved file ran; the service starts the path as named, and that is its sys.executable (a venv's
    # bin/python is found from it).
    if os.path.realpath(info["executable"]) == os.path.realpath(interp):
        info["executable"] = os.path.abspath(interp)
    if (info["major"], info["minor"]) < (3, 2):
        raise CollectorError("unsupported-python", "%s is Python %s; only Python 3 has __pycache__" % (interp, info["version"]))
    return info


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
