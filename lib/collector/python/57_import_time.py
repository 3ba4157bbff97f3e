# What a module runs when it is imported (PYC.md §11), read with ast and never executed: its body in
# order, only the branches 57_import_guards.py cannot rule out for the target, the functions and methods
# that code calls (followed CALL_DEPTH calls deep, each once), and the calls that import by name
# (importlib.import_module, __import__, and the framework loaders the 6x_hook_*.py files describe).
# A function nobody calls at import time is skipped: its imports run later, if ever.

# A try body whose imports all resolve does not reach handlers of these (the fallback import).
_IMPORT_ERRORS = frozenset(("ImportError", "ModuleNotFoundError"))
# Modules read out of order (a call into a module not yet read) nest at most this deep.
NEST_MAX = 24


def _catches_only_import_errors(handler):
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return all(k is not None and (dotted_name(k) or "").rsplit(".", 1)[-1] in _IMPORT_ERRORS for k in kinds)


def _known_args(call, scope):
    """Positional arguments whose values are known at the call (small literals, target facts), by index."""
    out = {}
    for i, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            break
        value = evaluate(arg, scope.const)
        if value is not UNKNOWN and (not isinstance(value, (list, tuple, dict, str)) or len(value) <= 64):
            out[i] = value
    return out


def _calls(node):
    """Calls an expression makes when evaluated (a lambda's body runs later)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Lambda):
            continue
        if isinstance(n, ast.Call):
            yield n
        stack.extend(ast.iter_child_nodes(n))


class ImportTime(CallTargets):
    def __init__(self, closure):
        self.closure, self.finder = closure, closure.finder
        self.followed, self.infos, self.failures, self.passive, self.nesting = set(), {}, [], 0, 0
        # modules binding a module-level __getattr__, and names imported from modules that may lack them
        self.getattr_modules, self.attr_imports = set(), {}

    # -- modules -------------------------------------------------------------------------------------
    def walk_module(self, name, path, tree, is_package, is_main):
        """Reads a module's import-time code; its info is visible (partly filled) while it is read, as a
        module being imported is in sys.modules."""
        info = ModuleInfo(name, path, name if is_package else name.rpartition(".")[0], is_main)
        real = not name.startswith("<")
        if real:
            self.infos[name] = info
        saved, self.failures = self.failures, []
        self.nesting += 1
        try:
            self.block(tree.body, info.scope, 0)
        finally:
            self.nesting -= 1
            self.failures = saved
        info.release()
        info.done = True
        if real and (info.scope.names.get("__getattr__") or ("",))[0] == "def":
            self.getattr_modules.add(name)
        return info

    def info(self, name):
        """A module's bindings, for calls into it. A closure module not read yet is read now; any other
        is read passively (nothing added, nothing followed)."""
        if name in self.infos:
            return self.infos[name]
        if not self.passive and self.nesting < NEST_MAX and self.closure.walk_now(name):
            return self.infos.get(name)
        found = self.finder.resolve(name)
        tree = self.closure.parse(found[1]) if found and found[0] == "source" else None
        if tree is None:
            return None
        info = ModuleInfo(name, found[1], name if found[2] is not None else name.rpartition(".")[0], False)
        self.infos[name] = info
        saved, self.failures = self.failures, []
        self.passive += 1
        try:
            self.block(tree.body, info.scope, 0)
        finally:
            self.passive -= 1
            self.failures = saved
        info.release()
        info.done = True
        return info

    def add(self, name, module, required=True):
        """Adds an imported name to the closure; False when no path entry holds it. Only a required
        name that is missing makes the enclosing try's ImportError handlers run."""
        if self.passive:
            found = self.finder.resolve(name) is not None
        else:
            found = self.closure.add(name, required and not self.closure.quiet(module.path))
        if not found and required and self.failures:
            self.failures[-1] += 1
        return found

    # -- statements ----------------------------------------------------------------------------------
    def block(self, stmts, scope, depth):
        for node in stmts:
            self.stmt(node, scope, depth)

    def stmt(self, node, scope, depth):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.import_(node, scope)
        elif isinstance(node, ast.If):
            self.expr(node.test, scope, depth)
            verdict = decide(node.test, scope.const)
            if verdict is not False:
                self.block(node.body, scope, depth)
            if verdict is not True:
                self.block(node.orelse, scope, depth)
        elif type(node).__name__ in ("Try", "TryStar"):
            self.try_(node, scope, depth)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for e in node.decorator_list + node.args.defaults + [d for d in node.args.kw_defaults if d]:
                self.expr(e, scope, depth)
            scope.names[node.name] = ("def", scope.module.ref(node), scope.module, None)
        elif isinstance(node, ast.ClassDef):
            self.class_(node, scope, depth)
        elif isinstance(node, ast.While) and decide(node.test, scope.const) is False:
            self.block(node.orelse, scope, depth)
        elif isinstance(node, (ast.For, ast.AsyncFor)) and evaluate(node.iter, scope.const) in ([], ()):
            self.block(node.orelse, scope, depth)  # a loop over a known empty sequence (sys.warnoptions)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            self.expr(node.value, scope, depth)
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound = self.value_binding(node.value, scope)
            for t in targets:
                if isinstance(t, ast.Name):
                    scope.names[t.id] = bound
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.expr(child, scope, depth)
                elif isinstance(child, (ast.stmt, ast.excepthandler)) or type(child).__name__ == "match_case":
                    self.stmt(child, scope, depth) if isinstance(child, ast.stmt) else self.block(child.body, scope, depth)

    def import_(self, node, scope):
        module = scope.module
        if isinstance(node, ast.Import):
            for alias in node.names:
                self.add(alias.name, module)
                bound = alias.asname or alias.name.split(".")[0]
                scope.names[bound] = ("module", alias.name if alias.asname else bound)
            return
        base = self.closure.absolute(node.module or "", node.level, module.package, module.path)
        if base is None:
            return
        if base:
            self.add(base, module)
        real = self.closure.real_name(base) if base else base
        for alias in node.names:
            if alias.name == "*" or not base:
                continue
            # `from pkg import sub` of an aliased package imports under the module object's own name
            if not self.add(real + "." + alias.name, module, required=False) and not self.passive:
                self.attr_imports.setdefault(base, set()).add(alias.name)
            scope.names[alias.asname or alias.name] = ("from", base, alias.name)

    def try_(self, node, scope, depth):
        self.failures.append(0)
        try:
            self.block(node.body, scope, depth)
        finally:
            failed = self.failures.pop()
        if failed and self.failures:
            self.failures[-1] += failed
        for handler in node.handlers:
            if failed or not _catches_only_import_errors(handler):
                self.block(handler.body, scope, depth)
        self.block(node.orelse, scope, depth)
        self.block(node.finalbody, scope, depth)

    def class_(self, node, scope, depth):
        for e in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            self.expr(e, scope, depth)
        body = Scope(scope.module, parent=scope)
        self.block(node.body, body, depth)
        scope.names[node.name] = ("class", scope.module.ref(node), scope.module, body.names)

    def value_binding(self, value, scope):
        const = evaluate(value, scope.const)
        if const is not UNKNOWN:
            return const_binding(const)
        if isinstance(value, ast.Call):
            target = self.callee(value.func, scope)
            if target and target[0][0] == "class":
                return ("instance", target[0])
        return ("other",)

    # -- calls ---------------------------------------------------------------------------------------
    def expr(self, node, scope, depth):
        for call in _calls(node):
            self.call(call, scope, depth)

    def call(self, node, scope, depth):
        if self.passive:
            return
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name in ("import_module", "__import__"):
            self.dynamic_import(node, scope, name)
        elif name == "exec" and isinstance(func, ast.Name) and node.args:
            self.exec_literal(node.args[0], scope, depth)
        if isinstance(func, ast.Attribute) and name in HOOKS["methods"]:
            HOOKS["methods"][name](self, node, scope)
        if evaluate(node, scope.const) is not UNKNOWN:
            return  # a fact of the target (platform.system()), known without following the call
        target = self.callee(func, scope)
        if target is None:
            return
        binding, qualified = target
        for q in qualified:
            if q in HOOKS["calls"] and not HOOKS["calls"][q](self, node, scope):
                return
        args = _known_args(node, scope)
        if binding[0] == "def":
            self.follow(binding, depth + 1, None, args)
        elif binding[0] == "class":
            init = self.method(binding, "__init__")
            if init:
                self.follow(init, depth + 1, binding, args)
        elif binding[0] == "method":
            self.follow(binding[1], depth + 1, binding[2], binding[3] if len(binding) > 3 else args)

    def dynamic_import(self, node, scope, kind):
        """importlib.import_module("x" / f"…" / ".x", package) and __import__("x", …, fromlist)."""
        args = dict((k.arg, k.value) for k in node.keywords)
        first = node.args[0] if node.args else args.get("name")
        name = evaluate(first, scope.const) if first is not None else UNKNOWN
        if not isinstance(name, str) or not name:
            return
        if name.startswith("."):
            package = node.args[1] if kind == "import_module" and len(node.args) > 1 else args.get("package")
            package = evaluate(package, scope.const) if package is not None else UNKNOWN
            level = len(name) - len(name.lstrip("."))
            name = self.closure.absolute(name[level:], level, package, None) if isinstance(package, str) else None
            if not name:
                return
        self.add(name, scope.module, required=False)
        fromlist = node.args[3] if kind == "__import__" and len(node.args) > 3 else args.get("fromlist")
        items = evaluate(fromlist, scope.const) if fromlist is not None else UNKNOWN
        for item in items if isinstance(items, (list, tuple)) else ():
            if isinstance(item, str) and item != "*":
                self.add(name + "." + item, scope.module, required=False)

    def exec_literal(self, code, scope, depth):
        """exec("…") of a literal string is code like any other (a .pth line's try/import, for one)."""
        text = literal(code)
        if isinstance(text, str):
            try:
                self.block(ast.parse(text).body, scope, depth)
            except (SyntaxError, ValueError):
                pass

    def follow(self, binding, depth, cls, args=None):
        """Runs a function's body as a call would: its imports count, its calls are followed in turn.
        `args` are known positional arguments by index (after self): a __getattr__'s name."""
        _, ref, module, owner = binding
        key = (id(ref), id(cls[1]) if cls else None, repr(sorted((args or {}).items())))
        if depth > CALL_DEPTH or key in self.followed:
            return
        self.followed.add(key)
        node = ref.function()
        if node is None:
            return
        scope = Scope(module, parent=module.scope, cls=cls, owner=owner)
        params = node.args.posonlyargs if hasattr(node.args, "posonlyargs") else []
        params = params + node.args.args + node.args.kwonlyargs + [a for a in (node.args.vararg, node.args.kwarg) if a]
        method = bool(cls and owner is not None)
        for i, a in enumerate(params):
            known = (args or {}).get(i - 1 if method else i, UNKNOWN)
            scope.names[a.arg] = ("instance", cls) if i == 0 and method else ("const", known) if known is not UNKNOWN else ("other",)
        self.block(node.body, scope, depth)
        if module.done:
            module.release()  # functions it defined are kept without their trees, as the module's own

    def module_getattr(self):
        """`from m import name` of a name m does not bind runs m's module-level __getattr__(name)
        (PEP 562: concurrent.futures imports its executors this way). Returns True when it followed some."""
        followed = False
        for module in sorted(self.getattr_modules):
            names = self.attr_imports.pop(module, ())
            info = self.info(module) if names else None
            hook = info.scope.names.get("__getattr__") if info else None
            for name in sorted(names):
                if hook and hook[0] == "def" and name not in info.scope.names:
                    self.follow(hook, 1, None, {0: name})
                    followed = True
        return followed
