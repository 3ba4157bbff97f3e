# Batch work done by the TARGET interpreter (`-I -S -B -c HELPER mode`), one process per kind of job,
# never one per file: source hashes for hash-based pycs (keyed by its magic number), unmarshalling
# pyc bodies, and compiling non-fresh sources in memory to measure the startup cost. Paths travel
# NUL-separated on stdin as raw bytes, so any file name survives.

HELPER = r"""
import importlib.util, json, marshal, sys, time
mode = sys.argv[1]
paths = [p for p in sys.stdin.buffer.read().split(b"\0") if p]
def read(p):
    with open(p, "rb") as f:
        return f.read()
if mode == "hash":
    out = []
    for p in paths:
        try:
            out.append(importlib.util.source_hash(read(p)).hex())
        except OSError:
            out.append("-")
    sys.stdout.write("".join(line + "\n" for line in out))
elif mode == "marshal":
    out = []
    for p in paths:
        try:
            marshal.loads(read(p)[16:])
            out.append("1")
        except OSError:
            out.append("-")
        except Exception:
            out.append("0")
    sys.stdout.write("".join(line + "\n" for line in out))
elif mode == "compile":
    # Up to three passes over the same modules while the cap allows: their spread is the range reported.
    cap, optimize = float(sys.argv[2]), int(sys.argv[3])
    begin = time.perf_counter()
    runs, count, capped = [], 0, False
    while len(runs) < 3 and not capped and (not runs or time.perf_counter() - begin + runs[-1] / 1000 <= cap):
        start, done, over = time.perf_counter(), 0, False
        for p in paths:
            if time.perf_counter() - start > cap:
                over = True
                break
            try:
                compile(read(p), p.decode("utf-8", "surrogateescape"), "exec", dont_inherit=True, optimize=optimize)
            except OSError:
                continue
            except Exception:
                pass
            done += 1
        if runs and over:
            break
        count, capped = done, over
        runs.append(round((time.perf_counter() - start) * 1000, 1))
    print(json.dumps({"modules": count, "ms": runs[0], "capped": capped, "lowMs": min(runs), "highMs": max(runs)}))
"""


def run_helper(interp, mode, paths, args=(), timeout=600):
    data = b"\0".join(os.fsencode(p) for p in paths)
    proc = run_python(interp, ["-c", HELPER, mode] + list(args), data=data, timeout=timeout)
    if proc.returncode != 0:
        last = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise CollectorError("helper-failed", "%s helper (%s) failed: %s" % (interp, mode, last[:300]))
    return proc.stdout.decode("utf-8").splitlines()


def trusted(source, check_hash):
    """A hash pyc the importer uses without looking at the source (python-bytecode.md §2)."""
    if source["pyc"] == "unchecked-hash":
        return check_hash != "always"
    return source["pyc"] == "checked-hash" and check_hash == "never"


def settle_hashes(ctx, interp):
    """Hash pycs: stale (reason hash) when the source no longer hashes to the header's value. For a
    trusted pyc that means the importer runs the OLD code; otherwise it recompiles."""
    if not ctx.hash_jobs or not can_run(interp):
        return
    PROGRESS.set_phase("hash")
    lines = run_helper(interp, "hash", [path for _, _, path in ctx.hash_jobs])
    for (source, expected, _), line in zip(ctx.hash_jobs, lines):
        if line == "-":
            source.update(status="unreadable", reason=None)
        elif bytes.fromhex(line) != expected:
            source.update(status="stale", reason="hash")


def settle_bodies(ctx, interp):
    """Unmarshals fresh pycs when there are few; a body marshal cannot read fails the import."""
    if not can_run(interp) or ctx.marshal_jobs is None:
        return
    jobs = []
    for job in ctx.marshal_jobs:
        if job[0]["status"] == "fresh":
            jobs.append(job)
            if len(jobs) > MARSHAL_CHECK_MAX:
                return
    if not jobs:
        return
    PROGRESS.set_phase("pyc-bodies")
    for (source, _), line in zip(jobs, run_helper(interp, "marshal", [p for _, p in jobs])):
        if line == "0":
            source.update(status="stale", reason="truncated")
