# Arming the watches and recording one start: per source, what the importer did to its files (PYC.md §11).


class Record(object):
    """What happened to one module's files during the start."""

    def __init__(self):
        self.source_opened = False
        self.pyc_opened = False
        self.pyc_written = False  # a temporary pyc created, or the final name moved into place


def arm(inotify, layout):
    """Watches every source directory, every existing pyc directory and, where one is missing, the
    directories on its way that exist (a start creates the rest). Returns how many directories are watched."""
    for d in sorted(layout.source_dirs | set(layout.pyc_dirs) | layout.ancestors):
        if os.path.isdir(d):
            inotify.watch(d)
    return len(inotify.dirs)


def watch_new_dir(inotify, layout, path):
    """A directory created during the start on the way to (or as) a pyc directory: watch it and whatever
    the start already made inside it before the watch was armed."""
    if path not in layout.pyc_dirs and path not in layout.ancestors:
        return
    if not inotify.watch(path):
        return
    try:
        names = os.listdir(path)
    except OSError:
        return
    for name in names:
        child = os.path.join(path, name)
        if os.path.isdir(child):
            watch_new_dir(inotify, layout, child)


def note(records, layout, directory, name, mask):
    """Records one event; True when it concerns a module (the start is active)."""
    if mask & IN_ISDIR:
        return False
    if directory in layout.source_dirs and name.endswith(".py") and mask & IN_OPEN:
        source = os.path.join(directory, name)
        if source in layout.scripts:
            return False  # the main script is compiled at every start by design (PYC.md §1)
        records.setdefault(source, Record()).source_opened = True
        return True
    found = layout.source_of_pyc(directory, name)
    if found is None:
        return False
    source, temporary = found
    record = records.setdefault(source, Record())
    if temporary and mask & IN_CREATE or not temporary and mask & IN_MOVED_TO:
        record.pyc_written = True
    elif not temporary and mask & IN_OPEN:
        record.pyc_opened = True
    return True


def record_start(inotify, layout, timeout, quiet):
    """Waits for the first module event (the start), then records until `quiet` seconds pass without one,
    or `timeout` seconds after arming. Returns (records, first wall time, last wall time, timed out)."""
    records = {}
    deadline = time.monotonic() + timeout
    first = last = None
    last_mono = None
    while True:
        now = time.monotonic()
        if now >= deadline:
            return records, first, last, True
        wait = deadline - now if last_mono is None else min(deadline - now, last_mono + quiet - now)
        if last_mono is not None and wait <= 0:
            return records, first, last, False
        for directory, name, mask in inotify.read(wait):
            if mask & IN_CREATE and mask & IN_ISDIR:
                watch_new_dir(inotify, layout, os.path.join(directory, name))
            if note(records, layout, directory, name, mask):
                last = time.time()
                last_mono = time.monotonic()
                if first is None:
                    first = last
