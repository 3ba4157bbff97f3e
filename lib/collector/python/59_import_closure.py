# The import closure of the entry points, found the way the importer would find each module
# (PathFinder/FileFinder order: package __init__, extension, .py, .pyc, then namespace portions) over
# the service's sys.path, and followed by parsing sources with `ast`: nothing is imported or run.
# Conditional and function-level imports count (the closure may over-approximate); names built at
# run time cannot be seen, and required names that no path entry holds are listed as unresolved.
import ast

CLOSURE_MAX_MODULES = 50000
_DJANGO_LISTS = ("INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "WSGI_APPLICATION", "ASGI_APPLICATION",
                 "AUTHENTICATION_BACKENDS")
_STMT_LIKE = (ast.stmt, ast.excepthandler) + ((ast.match_case,) if hasattr(ast, "match_case") else ())
# A function's imports run when it is called, not at start.
_DEFERRED = (ast.FunctionDef, ast.AsyncFunctionDef)


class Finder(object):
    """Module name → (kind, file, search dirs); kind is source, sourceless, extension, namespace,
    builtin or frozen. Directory listings are read once."""

    def __init__(self, path, cache_tag, builtin, frozen):
        self.path, self.builtin, self.frozen = path, builtin, frozen
        self.ext_tags = ("", "abi3") + ((cache_tag,) if cache_tag else ())
        self.listings, self.memo = {}, {}

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

    def resolve(self, name):
        if name not in self.memo:
            self.memo[name] = self._resolve(name)
        return self.memo[name]

    def _resolve(self, name):
        if name in self.builtin:
            return "builtin", None, None
        if name in self.frozen:
            return "frozen", None, None
        parent, _, tail = name.rpartition(".")
        if not tail.isidentifier():
            return None
        if parent:
            found = self.resolve(parent)
            if found is None or not found[2]:
                return None
            return self._find(tail, found[2])
        return self._find(tail, self.path)


def _statements(tree):
    """Import statements of the module body, its classes and conditionals (not functions or expressions)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child
            elif isinstance(child, _STMT_LIKE) and not isinstance(child, _DEFERRED):
                stack.append(child)


def _const_str(node):
    value = getattr(node, "value", getattr(node, "s", None))
    return value if isinstance(value, str) else None


def _literal_calls(tree):
    """import_module("x") / __import__("x") and os.environ.setdefault("DJANGO_SETTINGS_MODULE", "x")."""
    modules, settings = [], []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        fname = getattr(func, "attr", None) or getattr(func, "id", None)
        first = _const_str(node.args[0])
        if fname in ("import_module", "__import__") and first and not first.startswith("."):
            modules.append(first)
        elif fname == "setdefault" and first == "DJANGO_SETTINGS_MODULE" and len(node.args) > 1:
            value = _const_str(node.args[1])
            if value:
                settings.append(value)
    return modules, settings


def _django_names(tree):
    """(setting, dotted name) in a settings module's INSTALLED_APPS, MIDDLEWARE, ROOT_URLCONF, … (static only)."""
    out = []
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
        keys = [getattr(t, "id", None) for t in targets if getattr(t, "id", None) in _DJANGO_LISTS]
        if not keys:
            continue
        values = node.value.elts if isinstance(node.value, (ast.List, ast.Tuple)) else [node.value]
        out.extend((keys[0], v) for v in (_const_str(e) for e in values) if v)
    return out


class Closure(object):
    """Breadth-first closure; `modules` maps a name to (kind, file)."""

    def __init__(self, finder, deadline, quiet_dirs=()):
        """Names the files under quiet_dirs (the stdlib) fail to import are platform alternatives, not news."""
        self.finder, self.deadline, self.quiet_dirs = finder, deadline, tuple(d.rstrip("/") + "/" for d in quiet_dirs)
        self.modules, self.queue, self.unresolved, self.unparsed, self.notes = {}, [], set(), [], []
        self.settings, self.settings_fixed, self.truncated = set(), False, None
        self.failed = set()

    def add(self, name, required=True):
        if name in self.modules or name in self.failed or not name:
            return
        found = self.finder.resolve(name)
        if found is None:
            self.failed.add(name)
            if required and name != "__main__":
                parts = name.split(".")
                first = next(".".join(parts[:i]) for i in range(1, len(parts) + 1) if self.finder.resolve(".".join(parts[:i])) is None)
                self.unresolved.add(first)
            return
        if len(self.modules) >= CLOSURE_MAX_MODULES:
            if self.truncated is None:
                self.truncated = {"reason": "max-modules", "limit": CLOSURE_MAX_MODULES}
            return
        self.modules[name] = found
        if "." in name:
            self.add(name.rpartition(".")[0])
        if found[0] == "source":
            self.queue.append((name, found[1], found[2] is not None))

    def dotted(self, name, required=True):
        """A dotted path that names a module or an attribute of one (Django's class paths)."""
        if self.finder.resolve(name) is not None:
            self.add(name)
        elif "." in name:
            self.add(name.rpartition(".")[0], required)
        elif required:
            self.add(name)

    def follow_file(self, name, path, is_package):
        try:
            with open(path, "rb") as f:
                data = f.read()
            tree = ast.parse(data, path)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            self.unparsed.append({"path": path, "error": "%s: %s" % (type(e).__name__, str(e)[:200])})
            return
        except OSError:
            return
        package = name if is_package else name.rpartition(".")[0]
        req = not path.startswith(self.quiet_dirs) if self.quiet_dirs else True
        for node in _statements(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.add(alias.name, req)
                continue
            base = node.module or ""
            if node.level:
                parts = package.split(".") if package else []
                if node.level - 1 > len(parts) or not package:
                    self.notes.append("%s: relative import beyond the top-level package" % path)
                    continue
                parts = parts[:len(parts) - (node.level - 1)]
                base = ".".join(parts + ([node.module] if node.module else []))
            if base:
                self.add(base, req)
            for alias in node.names:
                if alias.name != "*" and base:
                    self.add(base + "." + alias.name, required=False)
        if b"import_module" in data or b"__import__" in data or b"DJANGO_SETTINGS_MODULE" in data:
            modules, settings = _literal_calls(tree)
            for m in modules:
                self.add(m, required=False)
            for s in settings if not self.settings_fixed else []:
                self.settings_module(s)
        if name in self.settings:
            for key, value in _django_names(tree):
                self.dotted(value)
                if key == "INSTALLED_APPS":
                    self.django_app(value)

    def django_app(self, value):
        """An app's package ("blog", or "polls" of "polls.apps.PollsConfig"): Django imports its apps,
        models and (admin autodiscovery) admin submodules at start."""
        app = value
        if self.finder.resolve(value) is None:
            parent = value.rpartition(".")[0]
            app = parent.rpartition(".")[0] if parent.endswith(".apps") else parent
        for sub in ("apps", "models", "admin"):
            self.add(app + "." + sub, required=False)

    def settings_module(self, name):
        self.settings.add(name)
        self.add(name)

    def run(self):
        i = 0
        while i < len(self.queue):
            if i % 64 == 0 and elapsed() > self.deadline:
                self.truncated = {"reason": "max-seconds", "limit": round(self.deadline, 1)}
                break
            self.follow_file(*self.queue[i])
            PROGRESS.files += 1
            i += 1
