# What the import-time reading (57_import_time.py) keeps of each module: its scope's bindings, and for
# functions and classes a CodeRef that drops its syntax tree once the module is read, so a closure of
# thousands of modules stays small (a tree takes ~30 times its source); a function's body is parsed
# again from its own lines when a call follows it. Also the registry of the framework hooks.

CALL_DEPTH = 4
ALIAS_HOPS = 4
# Bigger literals are not kept as known values (unicode tables, word lists): no guard needs them.
CONST_MAX_ITEMS = 2000
_CODING = re.compile(br"^[ \t\f]*#.*?coding[:=]")

# Framework knowledge, one file per framework (65_hook_*.py…):
#   calls:   qualified function name -> handler(walker, call, scope); True = follow the body as well
#   methods: method name -> handler(walker, call, scope), for receivers whose type is not known
#   finish:  handler(closure), run whenever nothing is left to follow (it may add modules)
#   values:  handler(closure, dotted name) -> value or UNKNOWN, for guards and import_module arguments
HOOKS = {"calls": {}, "methods": {}, "finish": [], "values": []}


def register_hook(calls=None, methods=None, finish=None, values=None):
    HOOKS["calls"].update(calls or {})
    HOOKS["methods"].update(methods or {})
    HOOKS["finish"].extend(finish or [])
    HOOKS["values"].extend(values or [])


class CodeRef(object):
    """A function or class of a module: name, place, parameters or bases; its node until released."""
    __slots__ = ("name", "path", "lineno", "end", "col", "args", "bases", "node")

    def __init__(self, node, path):
        self.name, self.path, self.node = node.name, path, node
        self.lineno, self.col, self.end = node.lineno, node.col_offset, getattr(node, "end_lineno", None)
        self.args, self.bases = getattr(node, "args", None), getattr(node, "bases", [])

    def release(self):
        if self.end is not None:  # without end_lineno (3.7) its lines could not be found again
            self.node = None

    def function(self):
        """The function's node, parsed again from its lines (and the file's coding line) once released."""
        if self.node is not None:
            return self.node
        try:
            with open(self.path, "rb") as f:
                lines = f.read().splitlines(True)
        except OSError:
            return None
        head = [line for line in lines[:2] if _CODING.match(line)]
        text = b"".join(head + ([b"if 1:\n"] if self.col else []) + lines[self.lineno - 1:self.end])
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == self.name:
                return node
        return None


class ModuleInfo(object):
    def __init__(self, name, path, package, is_main):
        self.name, self.path, self.package, self.refs, self.done = name, path, package, [], False
        self.scope = Scope(self)
        self.scope.names["__name__"] = ("const", "__main__" if is_main else name)
        self.scope.names["__package__"] = ("const", package)

    def ref(self, node):
        ref = CodeRef(node, self.path)
        self.refs.append(ref)
        return ref

    def release(self):
        for ref in self.refs:
            ref.release()
        self.refs = []


class Scope(object):
    """Names bound in a module, class body or followed function. Bindings: ("const", value),
    ("module", name), ("from", module, attr), ("def", CodeRef, ModuleInfo, owner class binding or None),
    ("class", CodeRef, ModuleInfo, class body names), ("instance", class binding), ("other",).
    `cls` is the instance class a followed method runs for, `owner` the class that defines it."""

    def __init__(self, module, parent=None, cls=None, owner=None):
        self.module, self.parent, self.cls, self.owner, self.names = module, parent, cls, owner, {}

    def get(self, name):
        scope = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None

    def const(self, name):
        found = self.get(name)
        return found[1] if found and found[0] == "const" else UNKNOWN


def const_binding(value):
    if isinstance(value, (list, tuple, dict, str)) and len(value) > CONST_MAX_ITEMS:
        return ("other",)
    return ("const", value)
