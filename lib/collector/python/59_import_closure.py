# The import closure of the entry points, found the way the importer would find each module
# (PathFinder/FileFinder order: package __init__, extension, .py, .pyc, then namespace portions) over
# the service's sys.path, and followed by parsing sources with `ast`: nothing is imported or run.
# Each module is read as the code it runs at import time (57_import_time.py); names built at run time
# that no guard or hook explains cannot be seen, and required names no path entry holds are unresolved.

CLOSURE_MAX_MODULES = 50000
# importlib/__init__.py installs the frozen bootstrap under these names: their sources are never loaded.
_FROZEN_ALIASES = {"importlib._bootstrap": "_frozen_importlib",
                   "importlib._bootstrap_external": "_frozen_importlib_external"}


class Finder(object):
    """Module name → (kind, file, search dirs); kind is source, sourceless, extension, namespace,
    builtin, frozen, or alias (a vendoring importer's: file is then the target module's name).
    Directory listings are read once."""

    def __init__(self, path, cache_tag, builtin, frozen):
        self.path, self.builtin, self.frozen = path, builtin, frozen
        self.ext_tags = ("", "abi3") + ((cache_tag,) if cache_tag else ())
        self.listings, self.memo = {}, {}
        # package -> prefixes a vendoring meta-path importer tries for its direct children (hooks)
        self.vendored = {}

    def listing(self, d):
        """(names, {stem: [extension file names]}) of a directory; None when it cannot be listed."""
        if d not in self.listings:
            try:
                names = frozenset(os.listdir(d))
            except OSError:
                names = None
            so = {}
            for n in names or ():
                if n.endswith(".so"):
                    so.setdefault(n.partition(".")[0], []).append(n)
            self.listings[d] = (names, so) if names is not None else None
        return self.listings[d]

    def _file(self, d, listing, stem):
        """(kind, path) of stem's file in d in the importer's suffix order, or None."""
        names, so = listing
        for name in so.get(stem, ()):
            middle = name[len(stem) + 1:-3]
            if name == stem + ".so" or middle in self.ext_tags or middle.startswith(self.ext_tags[-1] + "-"):
                return "extension", d + "/" + name
        for suffix, kind in ((".py", "source"), (".pyc", "sourceless")):
            if stem + suffix in names and os.path.isfile(d + "/" + stem + suffix):
                return kind, d + "/" + stem + suffix
        return None

    def _find(self, tail, dirs):
        portions = []
        for d in dirs:
            listing = self.listing(d)
            if not listing:
                continue
            d = d.rstrip("/") or ""
            sub = self.listing(d + "/" + tail) if tail in listing[0] else None
            if sub is not None:
                found = self._file(d + "/" + tail, sub, "__init__")
                if found:
                    return found[0], found[1], [d + "/" + tail]
            found = self._file(d, listing, tail)
            if found:
                return found[0], found[1], None
            if sub is not None:
                portions.append(d + "/" + tail)
        return ("namespace", None, portions) if portions else None

    def unfrozen(self, name):
        """Where a frozen module's source lies on the path (None when the stdlib does not ship it)."""
        parent, _, tail = name.rpartition(".")
        dirs = self.path
        if parent:
            found = self.unfrozen(parent) if parent in self.frozen else self.resolve(parent)
            dirs = found[2] if found else None
        return self._find(tail, dirs) if dirs and tail.isidentifier() else None

    def resolve(self, name):
        if name not in self.memo:
            self.memo[name] = self._resolve(name)
        return self.memo[name]

    def _resolve(self, name):
        if name in self.builtin:
            return "builtin", None, None
        if name in self.frozen or _FROZEN_ALIASES.get(name) in self.frozen:
            return "frozen", None, None
        parent, _, tail = name.rpartition(".")
        if not tail.isidentifier():
            return None
        if parent in self.vendored:
            # Found by the vendoring importer after PathFinder missed: the module object IS the target.
            for prefix in self.vendored[parent]:
                found = self.resolve(prefix + tail)
                if found:
                    return "alias", prefix + tail, found[2]
        if parent:
            found = self.resolve(parent)
            if found is None or not found[2]:
                return None
            return self._find(tail, found[2])
        return self._find(tail, self.path)


class Closure(object):
    """Breadth-first closure; `modules` maps a name to (kind, file). `main_names` are run as __main__;
    `entries` and `env` are the service's, for the hooks; `hook_state` is theirs to keep."""

    def __init__(self, finder, deadline, quiet_dirs=()):
        """Names the files under quiet_dirs (the stdlib) fail to import are platform alternatives, not news."""
        self.finder, self.deadline, self.quiet_dirs = finder, deadline, tuple(d.rstrip("/") + "/" for d in quiet_dirs)
        self.modules, self.queue, self.unresolved, self.unparsed, self.notes = {}, [], set(), [], []
        self.settings, self.settings_fixed, self.truncated = set(), False, None
        self.failed, self.unparsed_paths, self.main_names, self.done = set(), set(), set(), 0
        self.entries, self.env, self.hook_state, self.waiting = None, {}, {}, {}
        self.walker = ImportTime(self)

    def quiet(self, path):
        return bool(self.quiet_dirs) and bool(path) and path.startswith(self.quiet_dirs)

    def add(self, name, required=True):
        """Adds a module (and its parents) by name; False when no sys.path entry holds it."""
        if name in self.modules:
            return True
        if name in self.failed or not name:
            return False
        found = self.finder.resolve(name)
        if found is None:
            self.failed.add(name)
            if required and name != "__main__":
                parts = name.split(".")
                first = next(".".join(parts[:i]) for i in range(1, len(parts) + 1) if self.finder.resolve(".".join(parts[:i])) is None)
                self.unresolved.add(first)
            return False
        if len(self.modules) >= CLOSURE_MAX_MODULES:
            if self.truncated is None:
                self.truncated = {"reason": "max-modules", "limit": CLOSURE_MAX_MODULES}
            return True
        self.modules[name] = found
        if "." in name:
            self.add(name.rpartition(".")[0])
        if found[0] == "alias":
            self.add(found[1])
        frozen = found[0] == "frozen"
        if frozen:
            # Frozen (3.11+: os, site, runpy, importlib.util…) never uses a pyc, but what it imports does:
            # its source, where the stdlib still ships it, says what that is (unparsable by an older
            # collector Python is no news: the module itself is not compiled from it).
            found = self.finder.unfrozen(name)
        if found and found[0] == "source":
            self.queue.append((name, found[1], found[2] is not None, name in self.main_names, not frozen))
            self.waiting[name] = self.queue[-1]
        return True

    def real_name(self, name):
        """The name a module object carries (a vendored alias's target), else the name itself."""
        found = self.finder.resolve(name)
        return found[1] if found and found[0] == "alias" else name

    def dotted(self, name, required=True):
        """A dotted path that names a module or an attribute of one (Django's and Flask's strings)."""
        if self.finder.resolve(name) is not None:
            self.add(name)
        elif "." in name:
            self.add(name.rpartition(".")[0], required)
        elif required:
            self.add(name)

    def absolute(self, module, level, package, path):
        """The absolute name of a (relative) import, or None when it climbs out of the top package."""
        if not level:
            return module
        parts = package.split(".") if package else []
        if level - 1 > len(parts) or not package:
            if path:
                self.notes.append("%s: relative import beyond the top-level package" % path)
            return None
        return ".".join(parts[:len(parts) - (level - 1)] + ([module] if module else []))

    def parse(self, path, report=True):
        """The module's tree, or None (unreadable; a syntax error is listed as unparsed when reported)."""
        try:
            with open(path, "rb") as f:
                return ast.parse(f.read(), path)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            if report and path not in self.unparsed_paths:
                self.unparsed_paths.add(path)
                self.unparsed.append({"path": path, "error": "%s: %s" % (type(e).__name__, str(e)[:200])})
        except OSError:
            pass
        return None

    def follow_code(self, name, path, text):
        """Code that is not a module file (a .pth line), run at start as part of module `name`."""
        try:
            tree = ast.parse(text, path)
        except (SyntaxError, ValueError):
            return
        self.walker.walk_module(name, path, tree, False, False)

    def follow_file(self, name, path, is_package, is_main=False, report=True):
        """Walks a module's import-time code; its bindings (None when it cannot be parsed)."""
        tree = self.parse(path, report)
        return self.walker.walk_module(name, path, tree, is_package, is_main) if tree is not None else None

    def vendor(self, package, prefixes):
        """A meta-path importer serves package's missing children from prefixes: names that failed
        under it are looked up again."""
        self.finder.vendored[package] = list(prefixes)
        for name in [n for n in self.finder.memo if n.startswith(package + ".")]:
            del self.finder.memo[name]
        for name in sorted(n for n in self.failed if n.startswith(package + ".")):
            self.failed.discard(name)
            self.unresolved.discard(name)
            self.add(name, required=False)

    def run(self):
        """Follows the queue; then the frameworks' finishing hooks, again while they add modules."""
        while True:
            self._drain()
            self.walker.module_getattr()
            for finish in HOOKS["finish"]:
                finish(self)
            if self.done >= len(self.queue) or self.truncated:
                return

    def walk_now(self, name):
        """Reads a queued module before its turn (a call reaches into it); False when none waits."""
        entry = self.waiting.pop(name, None)
        if entry is None:
            return False
        self.follow_file(*entry)
        PROGRESS.files += 1
        return True

    def _drain(self):
        while self.done < len(self.queue):
            if self.done % 64 == 0 and elapsed() > self.deadline:
                self.truncated = {"reason": "max-seconds", "limit": round(self.deadline, 1)}
                return
            self.walk_now(self.queue[self.done][0])
            self.done += 1
