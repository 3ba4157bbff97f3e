# From what the importer did to a module's files to a verdict (PYC.md §2, §11):
#   pyc opened, source not opened              loaded from cache
#   a pyc written (its temporary file created, compiled and cached, whatever was opened
#   its final name renamed into place, or
#   found in a pyc directory the start made)
#   source opened, nothing written             compiled, blocked: unless the pyc was opened too and the
#                                              importer accepts it (PYC.md §2), then loaded from cache
# The source of a module loaded from cache is opened too when the importer hashes it (a checked-hash pyc)
# or when code reads it: linecache for a traceback or a stack summary (pyparsing's decorators call
# traceback.extract_stack at import time, which reads the decorated module's source). Nothing was written,
# so the pyc the importer read is the one on disk: if it is valid for the source, the importer loaded it.
# A write no watch saw (a new pyc directory that could not be watched and listed, watch_new_dir): the pyc
# found on disk afterwards, written since the start and matching its source, says it happened.

try:
    from importlib.util import MAGIC_NUMBER, source_hash
except ImportError:  # 3.7 has both; a stripped interpreter may not
    MAGIC_NUMBER, source_hash = None, None


def _header(path):
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return None, None
    try:
        st = os.fstat(fd)
        data = os.read(fd, 16)
        return (data if len(data) == 16 else None), st
    except OSError:
        return None, None
    finally:
        os.close(fd)


def _read_source(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _matches(header, source, source_stat):
    """Would the importer accept this pyc for this source? None when this interpreter cannot tell (a hash
    pyc of another Python version)."""
    flags = struct.unpack("<I", header[4:8])[0]
    if flags & 1:
        if MAGIC_NUMBER is None or header[:4] != MAGIC_NUMBER:
            return None
        data = _read_source(source)
        return data is not None and source_hash(data) == header[8:16]
    mtime, size = struct.unpack("<II", header[8:16])
    return mtime == int(source_stat.st_mtime) & 0xFFFFFFFF and size == source_stat.st_size & 0xFFFFFFFF


def _accepted(header, source, source_stat):
    """Does the importer load this pyc instead of compiling (default --check-hash-based-pycs)?"""
    flags = struct.unpack("<I", header[4:8])[0]
    if flags & 3 == 1:
        return True  # an unchecked-hash pyc is loaded whatever the source says
    return _matches(header, source, source_stat) is not False


def _written_since(layout, source, source_stat, started):
    header, st = _header(layout.pyc_path(source))
    return header is not None and st.st_mtime >= started - 1 and _matches(header, source, source_stat) is not False


def verdict(layout, source, record, started):
    """(loaded, blocked) for one module, or None when nothing says it was imported."""
    try:
        source_stat = os.stat(source)
    except OSError:
        source_stat = None
    if not (record.source_opened or record.pyc_opened):
        return None  # only written: another process compiled it (with fanotify, opens are the service's own)
    if record.pyc_written:
        return "compiled", False
    if record.pyc_opened and not record.source_opened:
        return "cache", False
    if not record.source_opened or source_stat is None:
        return None
    if record.pyc_opened:
        header, _ = _header(layout.pyc_path(source))
        if header is not None and _accepted(header, source, source_stat):
            return "cache", False
    return "compiled", not _written_since(layout, source, source_stat, started)


def modules_of(layout, records, started):
    out = []
    for source in sorted(records):
        judged = verdict(layout, source, records[source], started)
        name = layout.module_name(source)
        if judged is None or name is None:
            continue
        try:
            st = os.stat(source)
            size, mtime = st.st_size, st.st_mtime
        except OSError:
            size, mtime = None, None
        out.append({"name": name, "path": source, "loaded": judged[0], "blocked": judged[1],
                    "size": size, "mtime": mtime})
    return out
