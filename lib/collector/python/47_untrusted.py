# The service's interpreter when the collector may not run it (45_trust.py): described from what can be read
# as data, the venv's pyvenv.cfg (version/version_info, home, executable) and the version in the binary's
# name (python3.11), plus a TRUSTED interpreter of the same version. The venv's own base interpreter answers
# everything the -I -S probe reports (its stdlib and startup modules are the venv's); any other one (the
# collector's own python3) only what depends on the version alone (cache tag, magic number, source hashes,
# unmarshalling, compile cost). Nothing falls back to running the untrusted file.

# importlib.util.MAGIC_NUMBER per version (python-bytecode.md §2), used only when no trusted interpreter of
# that version exists on the target.
_MAGIC = {(3, 7): "420d0d0a", (3, 8): "550d0d0a", (3, 9): "610d0d0a", (3, 10): "6f0d0d0a",
          (3, 11): "a70d0d0a", (3, 12): "cb0d0d0a", (3, 13): "f30d0d0a", (3, 14): "2b0e0d0a"}
_VERSION = re.compile(r"^\s*([0-9]+)\.([0-9]+)(\.[0-9]+)?")
_VERSIONED_NAME = re.compile(r"^python([0-9]+)\.([0-9]+)(t?)$")


def read_pyvenv_cfg(interp):
    """(venv directory, {key: value}) from pyvenv.cfg beside interp or one level up, as site.venv() looks
    for it; (None, {}) outside a virtual environment."""
    exe_dir = os.path.dirname(os.path.abspath(interp))
    for conf in (os.path.join(exe_dir, "pyvenv.cfg"), os.path.join(os.path.dirname(exe_dir), "pyvenv.cfg")):
        text = read_text(conf, 65536) if os.path.isfile(conf) else None
        if text is None:
            continue
        values = {}
        for line in text.splitlines():
            key, eq, value = line.partition("=")
            if eq:
                values[key.strip().lower()] = value.strip()
        return os.path.dirname(conf), values
    return None, {}


def _names(interp):
    """The file names along interp's symlink chain, read as links and never followed further than 40 hops."""
    names, path = [os.path.basename(interp)], os.path.abspath(interp)
    for _ in range(40):
        try:
            target = os.readlink(path)
        except OSError:
            break
        path = os.path.normpath(os.path.join(os.path.dirname(path), target))
        names.append(os.path.basename(path))
    return names


def version_as_data(interp, cfg):
    """((major, minor), "3.11.2" or "3.11", free-threaded, where from) without running anything; Nones when
    neither pyvenv.cfg nor a file name says it."""
    threaded = any(_VERSIONED_NAME.match(n) and n.endswith("t") for n in _names(interp))
    for key in ("version", "version_info"):
        match = _VERSION.match(cfg.get(key, ""))
        if match:
            text = "%s.%s%s" % (match.group(1), match.group(2), match.group(3) or "")
            return (int(match.group(1)), int(match.group(2))), text, threaded, "pyvenv.cfg"
    for name in _names(interp):
        match = _VERSIONED_NAME.match(name)
        if match:
            minor = (int(match.group(1)), int(match.group(2)))
            return minor, "%d.%d" % minor, bool(match.group(3)), "file-name"
    return None, None, threaded, None


def _answers_for(candidate, minor):
    """The probe of a trusted candidate of that minor version, else None (never an untrusted one)."""
    try:
        if not os.path.isfile(candidate) or check_interpreter(candidate)[1] is not None:
            return None
        info = probe_interpreter(candidate)
    except CollectorError:
        return None
    return info if minor is None or (info["major"], info["minor"]) == minor else None


def _base_interpreter(cfg, minor):
    """(probe, path) of the venv's own base interpreter when it is trusted and of the venv's version."""
    home = cfg.get("home")
    candidates = [cfg["executable"]] if cfg.get("executable", "").startswith("/") else []
    if home and home.startswith("/"):
        versioned = ["python%d.%d" % minor, "python%d" % minor[0]] if minor else ["python3"]
        candidates += [os.path.join(home, n) for n in versioned + ["python"]]
    for candidate in candidates:
        info = _answers_for(candidate, minor)
        if info is not None:
            return info, candidate
    return None, None


def _info_from_files(interp, cfg, minor, version, threaded):
    """What the probe would report, from the files of the installation the venv (or the binary) belongs to."""
    home = cfg.get("home")
    prefix = os.path.dirname(home.rstrip("/")) if home and home.startswith("/") else \
        os.path.dirname(os.path.dirname(os.path.realpath(interp)))
    name = "python%d.%d%s" % (minor[0], minor[1], "t" if threaded else "")
    libdir = "lib"
    if not os.path.isfile(os.path.join(prefix, "lib", name, "os.py")) and \
            os.path.isfile(os.path.join(prefix, "lib64", name, "os.py")):
        libdir = "lib64"
    stdlib = os.path.join(prefix, libdir, name)
    site_py = read_bytes(os.path.join(stdlib, "site.py"), 1 << 20) or b""
    return {"version": version, "major": minor[0], "minor": minor[1], "implementation": "cpython",
            "cacheTag": "cpython-%d%d" % minor, "magic": _MAGIC.get(minor), "prefixSupported": minor >= (3, 8),
            "executable": os.path.abspath(interp), "prefix": prefix, "execPrefix": prefix, "platlibdir": libdir,
            "debianSite": b'"dist-packages"' in site_py, "freeThreaded": threaded,
            "path": [os.path.join(prefix, libdir, "python%d%d.zip" % minor), stdlib,
                     os.path.join(stdlib, "lib-dynload")]}


def _peer(minor):
    """The collector's own interpreter when it is trusted and of that version: good for version-keyed work."""
    if sys.version_info[:2] != minor or not sys.executable:
        return None
    try:
        return sys.executable if check_interpreter(sys.executable)[1] is None else None
    except CollectorError:
        return None


def describe_untrusted(interp, problem):
    """(probe-style facts, inventory trust entry) of an interpreter the collector may not run."""
    venv, cfg = read_pyvenv_cfg(interp)
    minor, version, threaded, source = version_as_data(interp, cfg)
    trust = {"trusted": False, "resolvedPath": os.path.realpath(interp), "untrustedBy": problem, "venv": venv,
             "standIn": None, "versionFrom": source}
    info, base = _base_interpreter(cfg, minor)
    if info is not None:
        STAND_INS[interp] = (base, True)
        PROBED_STARTUP[interp] = PROBED_STARTUP.get(base)
        info["executable"] = os.path.abspath(interp)
        trust.update(standIn=base, versionFrom=source or "stand-in")
        return info, trust
    if minor is None:
        raise CollectorError("interpreter-untrusted", "%s is not run: %s; its version is in neither a pyvenv.cfg nor "
                             "its file name, so its bytecode cannot be judged" % (interp, problem["reason"]))
    info = _info_from_files(interp, cfg, minor, version, threaded)
    peer = _peer(minor)
    if peer is not None:
        import importlib.util
        info.update(cacheTag=sys.implementation.cache_tag, magic=importlib.util.MAGIC_NUMBER.hex(),
                    implementation=sys.implementation.name)
        trust["standIn"] = peer
    elif info["magic"] is None:
        raise CollectorError("interpreter-untrusted", "%s is not run: %s; no trusted Python %d.%d on the target "
                             "tells its magic number" % ((interp, problem["reason"]) + minor))
    STAND_INS[interp] = (peer, False) if peer else None
    return info, trust


def learn_interpreter(interp):
    """(probe-style facts, inventory trust entry) of the service's interpreter, run only when trusted."""
    resolved, problem = check_interpreter(interp)
    if problem is not None:
        return describe_untrusted(interp, problem)
    info = probe_interpreter(interp)
    venv, _ = read_pyvenv_cfg(info["executable"])
    return info, {"trusted": True, "resolvedPath": resolved, "untrustedBy": None, "venv": venv, "standIn": None,
                  "versionFrom": "probe"}


def trust_phrase(trust, version):
    """The interpreter's explain["trust"]: why it was (not) run and what answered for it."""
    if trust["trusted"]:
        return "%s: only root or the collecting account can change it, so it was run (-I -S -B)" % trust["resolvedPath"]
    text = "not run: %s" % trust["untrustedBy"]["reason"]
    if trust["versionFrom"] in ("pyvenv.cfg", "file-name"):
        where = "its pyvenv.cfg" if trust["versionFrom"] == "pyvenv.cfg" else "its file name"
        text += "; version %s read from %s" % (version, where)
    if trust["standIn"]:
        return text + "; %s (trusted, same version) answered in its place" % trust["standIn"]
    return text + ("; no trusted interpreter of its version exists, so hash-based pycs, pyc bodies and the startup "
                   "compile cost are not checked")
