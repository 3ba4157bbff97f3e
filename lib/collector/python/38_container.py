# A container (Docker or Podman) as the service. Its configuration comes from `<engine> inspect`, read as
# data; its files are read through /proc/<container pid>/root, the container's root as this host sees it, by
# making that directory this process's root (chroot) once everything of the host has been read: absolute
# symlinks inside the image then resolve inside the image, and user names come from the image's
# /etc/passwd. Nothing of the image runs on the host: every interpreter start goes through
# `<engine> exec -i` (46_run_interpreter.py), from the host's root (a descriptor kept before the chroot).

ENGINES = ("docker", "podman")


def find_engines(wanted):
    """The engine CLIs' absolute paths: the one named, else docker then podman, those on the collector's PATH
    (the collecting account's, as its shell has it)."""
    search = os.environ.get("PATH", "")
    found = [which(n, search) for n in ([wanted] if wanted else ENGINES)]
    found = [p for p in found if p and os.path.isfile(p) and os.access(p, os.X_OK)]
    if not found:
        raise CollectorError("container-engine-missing", "no %s CLI on this host (looked on %s)" % (
            wanted or " or ".join(ENGINES), search))
    return found


def inspect_failure_code(stderr_text):
    """The error code for a failed `inspect`, from the engine's own words (docker's and podman's, in English:
    the engine runs with LC_ALL=C). The engine's text is the only signal: both exit 1 or 125 for everything."""
    low = stderr_text.lower()
    if "permission denied" in low:
        return "container-engine-denied"
    if "cannot connect" in low or "daemon running" in low:
        return "container-engine-missing"
    if "no such" in low:
        return "container-not-found"
    return "container-inspect-failed"


def _inspect_failure(name, engine, stderr):
    text = stderr.decode("utf-8", "replace").strip()
    last = (text.splitlines() or ["no message"])[-1][:300]
    code = inspect_failure_code(text)
    what = os.path.basename(engine)
    message = {"container-engine-denied": "%s refused the collecting account: %s" % (what, last),
               "container-engine-missing": "the %s engine does not answer: %s" % (what, last),
               "container-not-found": "%s knows no container %r" % (what, name)}
    return CollectorError(code, message.get(code, "%s inspect failed: %s" % (what, last)))


def inspect_container(engine, name):
    """The container's inspect document (one JSON object)."""
    if name.startswith("-"):
        raise CollectorError("bad-spec", "the container name %r starts with '-': a command would read it as an "
                             "option" % name)
    try:
        proc = subprocess.run([engine, "inspect", "--type", "container", "--", name], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                              env=dict(os.environ, LC_ALL="C"))
    except OSError as e:
        raise CollectorError("container-engine-missing", "%s cannot be run: %s" % (engine, e.strerror or e))
    except subprocess.TimeoutExpired:
        raise CollectorError("container-inspect-failed", "%s inspect did not answer within 60 s" % engine)
    if proc.returncode != 0:
        raise _inspect_failure(name, engine, proc.stderr)
    try:
        docs = json.loads(proc.stdout.decode("utf-8"))
    except ValueError:
        raise CollectorError("container-inspect-failed", "%s inspect did not print JSON" % engine)
    if not isinstance(docs, list) or len(docs) != 1 or not isinstance(docs[0], dict):
        raise CollectorError("container-not-found", "%s knows no container %r" % (os.path.basename(engine), name))
    return docs[0]


def _words(value):
    """Entrypoint/Cmd: a list, a string (older podman: one word), or null."""
    if isinstance(value, list):
        return [str(w) for w in value]
    return [value] if isinstance(value, str) and value else []


def _mounts(doc):
    """Volume, bind and tmpfs mounts: [{type, destination, source, readOnly, options}]."""
    out = []
    for m in doc.get("Mounts") or []:
        if isinstance(m, dict) and m.get("Destination"):
            options = m.get("Options") if isinstance(m.get("Options"), list) else [m.get("Mode") or ""]
            out.append({"type": str(m.get("Type") or "bind"), "destination": m["Destination"],
                        "source": m.get("Source") or None, "readOnly": m.get("RW") is False,
                        "options": [str(o) for o in options if o]})
    host = doc.get("HostConfig") or {}
    tmpfs = host.get("Tmpfs") if isinstance(host.get("Tmpfs"), dict) else {}
    for dest, options in sorted(tmpfs.items()):
        if not any(m["destination"] == dest for m in out):
            out.append({"type": "tmpfs", "destination": dest, "source": None, "readOnly": False,
                        "options": [o for o in str(options or "").split(",") if o]})
    return out


def parse_inspect(doc, engine_name):
    """The facts the collector and the analysis use, from docker's or podman's inspect JSON."""
    config = doc.get("Config") or {}
    state = doc.get("State") or {}
    host = doc.get("HostConfig") or {}
    env = {}
    for item in config.get("Env") or []:
        key, eq, value = str(item).partition("=")
        if eq:
            env[key] = value
    restart = host.get("RestartPolicy") or {}
    return {
        "engine": engine_name, "id": str(doc.get("Id") or ""), "name": str(doc.get("Name") or "").lstrip("/"),
        "image": config.get("Image") or doc.get("ImageName") or None, "imageId": doc.get("Image") or None,
        "imageDigest": doc.get("ImageDigest") or None,
        "running": state.get("Running") is True, "status": str(state.get("Status") or ""),
        "pid": int(state.get("Pid") or 0), "startedAt": state.get("StartedAt") or None,
        "restartCount": int(doc.get("RestartCount") or 0),
        "restartPolicy": str(restart.get("Name") or "no") or "no",
        "user": str(config.get("User") or "") or None, "workingDir": config.get("WorkingDir") or None,
        "entrypoint": _words(config.get("Entrypoint")), "cmd": _words(config.get("Cmd")),
        "readonlyRootfs": host.get("ReadonlyRootfs") is True, "mounts": _mounts(doc), "environment": env,
    }


def tag_image_id(engine, image):
    """The id the container's image tag names now (a re-created container would run it), or None."""
    if not image or image.startswith("-") or image.startswith("sha256:"):
        return None
    try:
        proc = subprocess.run([engine, "image", "inspect", "--format", "{{.Id}}", "--", image],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              timeout=60, env=dict(os.environ, LC_ALL="C"))
    except (OSError, subprocess.SubprocessError):
        return None
    text = proc.stdout.decode("utf-8", "replace").strip()
    return text if proc.returncode == 0 and re.match(r"^(sha256:)?[0-9a-f]{12,64}$", text) else None


def container_config(facts):
    """The unit-shaped configuration the rest of the collector reads (14_service_config.py's keys)."""
    user, _, group = (facts["user"] or "").partition(":")
    return {
        "unit": facts["name"], "source": "container", "fragment": None, "dropins": [], "mainPid": facts["pid"],
        "needDaemonReload": None, "unloadedDropins": [], "mainStartMonotonic": None,
        "user": user or None, "group": group or None, "dynamicUser": False, "supplementaryGroups": [],
        "workingDirectory": facts["workingDir"], "execStart": facts["entrypoint"] + facts["cmd"],
        "environment": dict(facts["environment"]), "environmentFiles": [],
        "protectSystem": "no", "protectHome": "no", "readOnlyPaths": [], "readWritePaths": [],
        "inaccessiblePaths": [], "privateTmp": False, "cacheDirectory": [], "stateDirectory": [],
        "logsDirectory": [], "runtimeDirectory": [], "umask": None, "capabilityBoundingSet": None,
    }


def load_container(spec):
    """(facts, config) of the spec's running container; the error codes name what the user can fix."""
    wanted = spec["container"]
    failures = []
    for engine in find_engines(wanted.get("engine")):
        try:
            doc = inspect_container(engine, wanted["name"])
            break
        except CollectorError as e:
            failures.append(e)
    else:
        # No engine knows it: say so when one could answer, else why the first could not.
        order = ("container-not-found", "container-engine-denied", "container-inspect-failed",
                 "container-engine-missing")
        raise sorted(failures, key=lambda e: order.index(e.code) if e.code in order else len(order))[0]
    facts = parse_inspect(doc, os.path.basename(engine))
    if not facts["running"] or facts["pid"] <= 0:
        raise CollectorError("container-not-running", "the container %s is not running (%s): start it, then collect" % (
            facts["name"] or wanted["name"], facts["status"] or "stopped"))
    facts["enginePath"] = engine
    facts["tagImageId"] = tag_image_id(engine, facts["image"])
    return facts, container_config(facts)


def _id_map(pid, kind):
    """[(inside, outside, count)] from /proc/PID/uid_map or gid_map; the identity map when unreadable."""
    rows = []
    for line in (read_text("/proc/%d/%s_map" % (pid, kind)) or "").splitlines():
        parts = line.split()
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            rows.append(tuple(int(p) for p in parts))
    return rows or [(0, 0, 1 << 32)]


def map_id(rows, inside):
    """The host id of a container id (a rootless container maps its root to the user), -1 when unmapped."""
    for start, outside, count in rows:
        if start <= inside < start + count:
            return outside + inside - start
    return -1


def map_identity(ident):
    """The service identity in host ids, which is what lstat shows through /proc/PID/root."""
    uids, gids = CONTAINER["uidMap"], CONTAINER["gidMap"]
    if ident.get("uid", -1) >= 0:
        ident["uid"] = map_id(uids, ident["uid"])
        ident["gid"] = map_id(gids, ident["gid"])
        ident["groups"] = sorted(set(map_id(gids, g) for g in ident["groups"]))
    return ident


def enter_container_root(facts):
    """chroot into the container's root, keeping the host's root for the engine (46_run_interpreter.py)."""
    pid = facts["pid"]
    if os.geteuid() != 0:
        raise CollectorError("container-root-unreadable", "reading the container's files through /proc/%d/root "
                             "needs root on this host; collect as root" % pid)
    # Everything the collector imports lazily is loaded while the host's library is reachable; after the
    # chroot no module is ever loaded from a file (see below).
    import encodings.ascii  # noqa: F401
    import encodings.latin_1  # noqa: F401
    import encodings.utf_8  # noqa: F401
    import importlib.util  # noqa: F401
    import unicodedata  # noqa: F401 (ast.parse normalises non-ASCII identifiers with it)
    uid_map, gid_map = _id_map(pid, "uid"), _id_map(pid, "gid")
    host_root = os.open("/", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.chroot("/proc/%d/root" % pid)
    except OSError as e:
        os.close(host_root)
        raise CollectorError("container-root-unreadable", "/proc/%d/root: %s" % (pid, e.strerror or e))
    os.chdir("/")
    # A module file found now would be the image's, run as the host's root: only built-in and frozen modules
    # may still be imported, and any other import fails instead.
    sys.meta_path[:] = [f for f in sys.meta_path
                        if getattr(f, "__name__", "") in ("BuiltinImporter", "FrozenImporter")]
    sys.path[:] = []
    sys.path_importer_cache.clear()
    global pwd, grp
    pwd = grp = ImageAccounts()
    CONTAINER.update({"accounts": pwd, "engine": facts["enginePath"], "id": facts["id"], "hostRoot": host_root,
                      "uidMap": uid_map, "gidMap": gid_map, "trustedUids": {map_id(uid_map, 0)}})


def to_host_root():
    """preexec of every engine start: leave the container's root for the host's (as root, by descriptor)."""
    os.fchdir(CONTAINER["hostRoot"])
    os.chroot(".")
    os.chdir("/")


def public_container(facts, allowed):
    keep = ("engine", "id", "name", "image", "imageId", "tagImageId", "imageDigest", "startedAt", "restartCount",
            "restartPolicy", "user", "workingDir", "readonlyRootfs", "mounts")
    out = dict((k, facts[k]) for k in keep)
    out["entrypoint"] = redact_argv(facts["entrypoint"], allowed)
    out["cmd"] = redact_argv(facts["cmd"], allowed)
    out["environment"] = redact(facts["environment"], allowed)
    return out
