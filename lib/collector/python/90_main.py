# Orchestration: the walk (whose per-file records stream out as it goes, 55_records.py), then the one result
# (or error) event.
import traceback


def collect(spec):
    allowed = env_matcher(spec["envAllowlist"])
    def show(key, value):
        return shown(key, value, allowed)
    PROGRESS.set_phase("service")
    container = None
    if spec.get("container"):
        container, config = load_container(spec)
    else:
        config = load_config(spec)
    process, process_env, cwd = find_process(config, allowed)
    mounts = read_mounts(process["pid"] if process else None)
    if container:
        # Everything of the host is read: from here on, / is the container's root (38_container.py).
        enter_container_root(container)
        cwd = None
    ident = service_identity(config, process, spec.get("user"))
    if container:
        ident = map_identity(ident)
    ident["groupset"] = frozenset(ident["groups"]) | {ident["gid"]}
    service = service_entry(spec, config, process, ident, allowed)
    if container:
        service["container"] = public_container(container, allowed)
    PROGRESS.set_phase("interpreter")
    env = service_env(config, process, process_env, show)
    base_dir = working_dir(config, ident, cwd)
    interpreter, main_script = resolve_interpreter(spec, config, env, ident, base_dir)
    ctx = Ctx(spec, ident, Access(ident, Sandbox(config, mounts)), interpreter, main_script)
    PROGRESS.set_phase("walk")
    app_roots = []
    for root in spec["appRoots"]:
        if os.path.normpath(root) not in app_roots:
            app_roots.append(os.path.normpath(root))
    roots = walk_paused_gc(walk_roots, app_roots, interpreter["sitePackages"], ctx)
    closure = startup_closure(spec, config, env, base_dir, interpreter, ctx, roots, app_roots)
    settle_hashes(ctx, interpreter["path"])
    settle_bodies(ctx, interpreter["path"])
    # Every record is final now: what the walk still held back leaves while the rest is gathered.
    RECORDS.finish(roots)
    PROGRESS.set_phase("packages")
    packages = list_packages(interpreter["sitePackages"])
    startup, cost = finish_startup(closure, ctx, interpreter, spec)
    server = server_settings(config["execStart"], env, base_dir) if config else None
    own_mounts = public_mounts(mounts, [root["path"] for root in roots] + [interpreter["pycachePrefix"]])
    inventory = {"formatVersion": FORMAT_VERSION, "hostname": socket.gethostname(), "truncated": ctx.truncated,
                 "service": service, "interpreter": interpreter, "mounts": own_mounts, "roots": roots,
                 "packages": packages, "startup": startup, "server": server}
    measurements = {"collectorMs": round(elapsed() * 1000, 1), "startup": cost,
                    "starts": service_starts(config)}
    measurements["target"] = target_cost()
    return {"type": "result", "inventory": inventory, "measurements": measurements}


def target_cost():
    """What the collection cost the target: the CPU time of this process and of every process it started and
    waited for (walk workers, the interpreter's helpers, the compile of the blocked modules), and the peak
    resident memory of the largest of them (ru_maxrss: KiB on Linux). None where Python has no `resource`
    module (a minimal build, as in some container images)."""
    try:
        # Here, not in 00_protocol.py: the connection probe shares that file and measures nothing.
        import resource
    except ImportError:
        return None
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return {"cpuMs": round(cpu * 1000, 1), "peakBytes": max(own.ru_maxrss, children.ru_maxrss) * 1024}


def _program_file(lineno):
    """File and line within lib/collector/python/ (collector-program.ts prepends SOURCE_MAP)."""
    starts = globals().get("SOURCE_MAP") or []
    best = None
    for name, start in starts:
        if start <= lineno:
            best = (name, lineno - start + 1)
    return "%s:%d" % best if best else "line %d" % lineno


def summarize(exc):
    frames = traceback.extract_tb(exc.__traceback__)[-4:]
    where = " < ".join("%s %s" % (_program_file(f.lineno), f.name) for f in reversed(frames))
    return "%s: %s (at %s)" % (type(exc).__name__, str(exc)[:300], where)


def main():
    beat = threading.Thread(target=PROGRESS.heartbeat)
    beat.daemon = True
    try:
        if sys.version_info < (3, 7):
            raise CollectorError("collector-python-too-old", "the collector needs Python 3.7+, found %d.%d" % sys.version_info[:2])
        spec = read_spec(sys.argv)
        beat.start()
        event = collect(spec)
        code = 0
    except CollectorError as e:
        event, code = {"type": "error", "code": e.code, "message": str(e)}, 1
    except Exception as e:
        event, code = {"type": "error", "code": "internal", "message": summarize(e)}, 1
    PROGRESS.stopped = True
    try:
        emit(event, final=True)
    except BrokenPipeError:
        code = 1
    return code


if __name__ == "__main__":
    sys.exit(main())
