# Every start of a target interpreter: only through run_python / version_before_isolation, which execute the
# path the trust check (45_trust.py) resolved, or the trusted stand-in chosen for an interpreter that failed
# it (47_untrusted.py). The probe (PROBE, 32_interpreter.py) runs here too.

# -I: no PYTHON* variable, no script directory, no user site; -S: no `site` (no .pth, no
# sitecustomize/usercustomize); -B: no bytecode written.
TARGET_FLAGS = ["-I", "-S", "-B"]


# Service interpreter path → (the trusted interpreter that answers in its place, whether it is the venv's own
# base interpreter) or None when none does. Only interpreters the collector may not run have an entry
# (47_untrusted.py).
STAND_INS = {}


def executable_for(interp):
    """The file to execute for interp: its resolved path once it passes the trust check (45_trust.py), or
    its stand-in's. Every start of a target interpreter goes through here, so none can skip the check."""
    if interp in STAND_INS:
        if STAND_INS[interp] is None:
            raise CollectorError("interpreter-untrusted",
                                 "%s is not run and no trusted interpreter of its version answers for it" % interp)
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
