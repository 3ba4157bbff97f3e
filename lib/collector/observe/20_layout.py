# Where the importer looks for each watched source's pyc (PYC.md §1): `__pycache__` beside the source, or the
# prefix mirror (the source directory's absolute path under the prefix, no `__pycache__`), and the module
# name a source path has on the service's sys.path.


def read_spec(text):
    try:
        spec = json.loads(base64.b64decode(text.encode("ascii"), validate=True).decode("utf-8"))
    except (ValueError, UnicodeError) as e:
        raise ObserveError("bad-spec", "the spec is not base64 of UTF-8 JSON (%s)" % str(e)[:120])
    checks = (("sourceDirs", list), ("ownDirs", list), ("sysPath", list), ("names", dict), ("scripts", list), ("cacheTag", str),
              ("optimize", int), ("timeoutSeconds", (int, float)), ("quietSeconds", (int, float)))
    for key, kind in checks:
        if not isinstance(spec.get(key), kind):
            raise ObserveError("bad-spec", "spec.%s is missing or has the wrong type" % key)
    if spec.get("serviceUid") is not None and not isinstance(spec["serviceUid"], int):
        raise ObserveError("bad-spec", "spec.serviceUid must be an integer or null")
    if spec.get("serviceUnit") is not None and not isinstance(spec["serviceUnit"], str):
        raise ObserveError("bad-spec", "spec.serviceUnit must be a string or null")
    if spec.get("prefix") is not None and not isinstance(spec["prefix"], str):
        raise ObserveError("bad-spec", "spec.prefix must be a string or null")
    return spec


def symlinked_sources(source_dirs):
    """{real path: path the importer uses} for sources that are symlinks into other directories (Debian's
    sitecustomize.py points into /etc): opening one opens its target, so the event comes from the target's
    directory, under its name. A target in a watched directory is a module of its own name: not an alias."""
    aliases = {}
    for d in sorted(source_dirs):
        try:
            entries = list(os.scandir(d))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.name.endswith(".py") and entry.is_symlink():
                    real = os.path.realpath(entry.path)
                    if os.path.dirname(real) not in source_dirs:
                        aliases.setdefault(real, entry.path)
            except OSError:
                continue
    return aliases


class Layout(object):
    """Source directories, their pyc directories, and the way back from a pyc name to its source."""

    def __init__(self, spec):
        self.prefix = spec["prefix"]
        self.suffix = ".%s%s.pyc" % (spec["cacheTag"], ".opt-%d" % spec["optimize"] if spec["optimize"] else "")
        self.source_dirs = set(os.path.normpath(d) for d in spec["sourceDirs"])
        self.pyc_dirs = dict((self.pyc_dir(d), d) for d in self.source_dirs)
        self.names = spec["names"]
        self.sys_path = sorted((os.path.normpath(p) for p in spec["sysPath"] if p.startswith("/")), key=len, reverse=True)
        self.scripts = set(spec["scripts"])
        self.own_dirs = set(os.path.normpath(d) for d in spec["ownDirs"])
        self.aliases = symlinked_sources(self.source_dirs)
        self.alias_dirs = set(os.path.dirname(real) for real in self.aliases) - self.source_dirs
        # Directories a start may create on the way to a pyc directory (the prefix tree): watched so the
        # new ones are watched in turn.
        self.ancestors = set()
        for pyc_dir in self.pyc_dirs:
            floor = os.path.dirname(self.prefix) if self.prefix else os.path.dirname(pyc_dir)
            parent = os.path.dirname(pyc_dir)
            while parent.startswith(floor) and parent not in self.ancestors and parent != "/":
                self.ancestors.add(parent)
                parent = os.path.dirname(parent)

    def pyc_dir(self, source_dir):
        if self.prefix:
            return os.path.join(self.prefix, source_dir.lstrip("/"))
        return os.path.join(source_dir, "__pycache__")

    def pyc_path(self, source):
        base = os.path.basename(source)[:-3]
        return os.path.join(self.pyc_dir(os.path.dirname(source)), base + self.suffix)

    def source_of_pyc(self, pyc_dir, name):
        """(source path, temporary) for a pyc file name in a pyc directory; None for anything else."""
        source_dir = self.pyc_dirs.get(pyc_dir)
        if source_dir is None:
            return None
        base, sep, rest = name.partition(self.suffix)
        if not sep or not base:
            return None
        if rest and not (rest.startswith(".") and rest[1:].isdigit()):
            return None
        return os.path.join(source_dir, base + ".py"), bool(rest)

    def module_name(self, source):
        if source in self.names:
            return self.names[source]
        for entry in self.sys_path:
            if source.startswith(entry.rstrip("/") + "/"):
                parts = source[len(entry.rstrip("/")) + 1:-3].split("/")
                if parts[-1] == "__init__":
                    parts.pop()
                # A module's own name need not be an identifier: `__import__("_sysconfigdata__x86_64-linux-gnu")`
                # (sysconfig) imports one. Its packages' names must be.
                if parts and parts[-1] and all(p.isidentifier() for p in parts[:-1]):
                    return ".".join(parts)
        return None
