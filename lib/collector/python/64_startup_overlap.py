# The startup closure's plan (parsing the entry points and every module they import) needs nothing the walk
# finds, and on a target with more than one core it is worked out in a forked process while the walk runs:
# after the walk, only judging its modules against the walk's records is left. A fork that fails in any way
# leaves the plan to this process, exactly as it would be worked out here.
import pickle
import warnings


def start_closure_plan(plan, ctx):
    """Starts plan() (closure_plan with its arguments bound) beside the walk; returns a function that gives its
    result once the walk is done. On one core, or without fork, plan() runs when the result is asked for."""
    if ctx.workers < 2 or not hasattr(os, "fork"):
        return plan
    try:
        reader, writer = os.pipe()
    except OSError:
        return plan
    with warnings.catch_warnings():
        # Python 3.12+ warns about forking a process with threads (the heartbeat): the child below touches
        # no lock the heartbeat holds (it never writes an event) and leaves through os._exit.
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return plan
    if pid == 0:
        _closure_child(reader, writer, plan)
    os.close(writer)
    return lambda: _closure_result(reader, pid, plan)


def _closure_child(reader, writer, plan):
    """The forked process: the plan, pickled to the pipe, then out without running anything of the parent's
    (no atexit, no flush of a stdout buffer it shares)."""
    try:
        os.close(reader)
        # Only the parent writes events; the child's output descriptor goes nowhere, so neither it nor a helper it
        # starts can write into them, and it does not hold the session's output open should the parent end first.
        sys.stdout = None
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
        try:
            data = pickle.dumps(("plan", plan()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            data = pickle.dumps(("failed", None))
        view = memoryview(data)
        while view:
            view = view[os.write(writer, view):]
    finally:
        os._exit(0)


def _closure_result(reader, pid, plan):
    """The child's plan, or plan() worked out here when the child failed or said nothing whole."""
    chunks = []
    try:
        while True:
            chunk = os.read(reader, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    except OSError:
        chunks = []
    finally:
        os.close(reader)
        try:
            os.waitpid(pid, 0)
        except OSError:
            pass
    try:
        kind, result = pickle.loads(b"".join(chunks))
    except Exception:
        kind, result = "failed", None
    return result if kind == "plan" else plan()
