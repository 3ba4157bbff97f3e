# Arming the watches and recording one start: per source, what the importer did to its files (PYC.md §11).


class Record(object):
    """What happened to one module's files during the start."""

    def __init__(self):
        self.source_opened = False
        self.pyc_opened = False
        self.pyc_written = False  # a temporary pyc created, or the final name moved into place


class Watches(object):
    """inotify for creates and renames, and for opens unless fanotify reports them with their PID."""

    def __init__(self, service_uid, service_unit):
        self.fan = open_fanotify(service_uid, service_unit)
        self.inotify = None

    def arm(self, layout):
        """Watches every source directory, every existing pyc directory and, where one is missing, the
        directories on its way that exist (a start creates the rest). Returns how many directories are watched."""
        every = layout.source_dirs | set(layout.pyc_dirs) | layout.ancestors | layout.alias_dirs
        dirs = [d for d in sorted(every) if os.path.isdir(d)]
        if self.fan is not None and not all(self.fan.watch(d) for d in dirs):
            self.fan.close()  # a mark refused (its limit): every open from inotify, attributed by time
            self.fan = None
        self.inotify = Inotify(opens=self.fan is None)
        for d in dirs:
            self.inotify.watch(d)
        return len(self.inotify.dirs)

    @property
    def attribution(self):
        """How opens are tied to the service: its unit's processes, its user's, or by time alone."""
        if self.fan is None:
            return "time"
        return "unit" if self.fan.unit is not None else "pid"

    @property
    def overflowed(self):
        return self.inotify.overflowed or (self.fan is not None and self.fan.overflowed)

    def watch(self, path):
        if self.fan is not None:
            self.fan.watch(path)
        return self.inotify.watch(path)

    def read(self, timeout):
        """Events within `timeout` seconds, each (directory, name, inotify mask); fanotify's opens as IN_OPEN."""
        fds = [self.inotify.fd] + ([self.fan.fd] if self.fan is not None else [])
        ready, _, _ = select.select(fds, [], [], max(0.0, timeout))
        events = self.inotify.read(0) if self.inotify.fd in ready else []
        if self.fan is not None and self.fan.fd in ready:
            events.extend((directory, name, IN_OPEN) for directory, name, _pid in self.fan.read())
        return events

    def close(self):
        if self.fan is not None:
            self.fan.close()
        if self.inotify is not None:
            self.inotify.close()


# A file already in a directory the start created was created, or renamed into place, during the start.
FOUND_IN_NEW_DIR = IN_CREATE | IN_MOVED_TO


def watch_new_dir(watches, layout, path):
    """A directory created during the start on the way to (or as) a pyc directory: watches it and whatever
    the start already made inside it before the watch was armed. Returns the files already in it (and in the
    directories it holds) as events (directory, name, FOUND_IN_NEW_DIR).

    The watch comes only once the directory's creation is read, and the importer writes on meanwhile: a pyc's
    create and rename before the inotify watch are lost to it, while fanotify, if marked just before, reports
    the open of the temporary pyc under the final name (15_fanotify), which alone reads as a load from cache.
    Listed once the watch is armed, every write is seen: as a file here, or as an event after."""
    if path not in layout.pyc_dirs and path not in layout.ancestors:
        return []
    if not watches.watch(path):
        return []
    try:
        names = os.listdir(path)
    except OSError:
        return []
    found = []
    for name in names:
        child = os.path.join(path, name)
        if os.path.isdir(child):
            found.extend(watch_new_dir(watches, layout, child))
        else:
            found.append((path, name, FOUND_IN_NEW_DIR))
    return found


def with_found_files(watches, layout, events):
    """The events, each creation of a directory followed by the files the start already wrote in it."""
    for directory, name, mask in events:
        yield directory, name, mask
        if mask & IN_CREATE and mask & IN_ISDIR:
            yield from watch_new_dir(watches, layout, os.path.join(directory, name))


def note(records, layout, directory, name, mask):
    """Records one event. Returns None when it concerns no module, else whether it concerns the service's own
    code (a source directory under an app root, or its main script)."""
    if mask & IN_ISDIR:
        return None
    alias = layout.aliases.get(os.path.join(directory, name))
    if alias is not None:
        directory, name = os.path.split(alias)
    if directory in layout.source_dirs and name.endswith(".py") and mask & IN_OPEN:
        source = os.path.join(directory, name)
        if source in layout.scripts:
            return True  # the main script is compiled at every start by design (PYC.md §1): not recorded
        records.setdefault(source, Record()).source_opened = True
        return directory in layout.own_dirs
    found = layout.source_of_pyc(directory, name)
    if found is None:
        return None
    source, temporary = found
    record = records.setdefault(source, Record())
    if temporary and mask & IN_CREATE or not temporary and mask & IN_MOVED_TO:
        record.pyc_written = True
    elif not temporary and mask & IN_OPEN:
        record.pyc_opened = True
    return os.path.dirname(source) in layout.own_dirs


def record_start(watches, layout, timeout, quiet):
    """Waits for the start, then records until `quiet` seconds pass without a module event, or `timeout`
    seconds after arming. Returns (records, first wall time, last wall time, timed out).

    Any Python process on the host opens the standard library, so events come in bursts (apart by `quiet`
    seconds or more). A burst is the service's start once it touches the service's own code (note); one that
    goes quiet before that is another process's and is dropped. Without an app root the first burst is it."""
    records = {}
    deadline = time.monotonic() + timeout
    first = last = last_mono = None
    confirmed = not layout.own_dirs
    while True:
        now = time.monotonic()
        if now >= deadline:
            return (records, first, last, True) if confirmed else ({}, None, None, True)
        quiet_ends = None if last_mono is None else last_mono + quiet
        if quiet_ends is not None and now >= quiet_ends:
            if confirmed:
                return records, first, last, False
            records = {}
            first = last = last_mono = None
            continue
        wait = deadline - now if quiet_ends is None else min(deadline - now, quiet_ends - now)
        for directory, name, mask in with_found_files(watches, layout, watches.read(wait)):
            own = note(records, layout, directory, name, mask)
            if own is None:
                continue
            confirmed = confirmed or own
            last = time.time()
            last_mono = time.monotonic()
            if first is None:
                first = last
