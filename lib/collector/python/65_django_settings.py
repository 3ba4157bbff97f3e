# Django settings as Django reads them (PYC.md §10–11): a settings module's module-level assignments in
# order, star-imports (`from .base import *`) copying another module's public names, `from .base import
# NAME` of upper-case settings, `+=`, `+`, `[*A, …]`, `.append/.extend/.insert`, and `if`/`try` as the
# target decides them. A value that depends on the run-time environment is unknown and left out.

SETTINGS_DEPTH = 8


class SettingsReader(object):
    def __init__(self, closure):
        self.closure, self.cache = closure, {}

    def values(self, name, depth=0):
        """A settings module's names (a dict of known values; a cycle or an unreadable module is empty)."""
        if name in self.cache:
            return self.cache[name]
        self.cache[name] = {}
        found = self.closure.finder.resolve(name)
        tree = self.closure.parse(found[1]) if found and found[0] == "source" and depth < SETTINGS_DEPTH else None
        ns = {"__name__": name}
        if tree is not None:
            self._block(tree.body, ns, name if found[2] is not None else name.rpartition(".")[0], depth)
        self.cache[name] = ns
        return ns

    def _block(self, stmts, ns, package, depth):
        """Runs statements into ns; False when an import in them would fail (a try's handlers run)."""
        ok = True
        for node in stmts:
            ok = self._stmt(node, ns, package, depth) and ok
        return ok

    def _stmt(self, node, ns, package, depth):
        def lookup(n):
            return ns.get(n, UNKNOWN)
        if isinstance(node, ast.ImportFrom):
            return self._import_from(node, ns, package, depth)
        if isinstance(node, ast.Import):
            for alias in node.names:
                ns.pop(alias.asname or alias.name.split(".")[0], None)
            return all(self.closure.finder.resolve(a.name) for a in node.names)
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            value = evaluate(node.value, lookup)
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Name):
                    _store(ns, target.id, value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            name, value = node.target.id, evaluate(node.value, lookup)
            current = ns.get(name, UNKNOWN)
            if isinstance(node.op, ast.Add) and isinstance(current, list) and isinstance(value, (list, tuple)):
                ns[name] = current + list(value)  # list += tuple extends
            else:
                _store(ns, name, evaluate(ast.BinOp(left=node.target, op=node.op, right=node.value), lookup))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            _list_call(node.value, ns, lookup)
        elif isinstance(node, ast.If):
            verdict = decide(node.test, lookup)
            ok = self._block(node.body, ns, package, depth) if verdict is not False else True
            return (self._block(node.orelse, ns, package, depth) if verdict is not True else True) and ok
        elif type(node).__name__ in ("Try", "TryStar"):
            if not self._block(node.body, ns, package, depth):
                for handler in node.handlers:
                    self._block(handler.body, ns, package, depth)
            self._block(node.orelse, ns, package, depth)
            self._block(node.finalbody, ns, package, depth)
        return True

    def _import_from(self, node, ns, package, depth):
        base = self.closure.absolute(node.module or "", node.level, package, None)
        if not base or self.closure.finder.resolve(base) is None:
            return False
        for alias in node.names:
            bound = alias.asname or alias.name
            if alias.name == "*":
                other = self.values(base, depth + 1)
                public = other.get("__all__")
                for key, value in other.items():
                    if (key in public) if isinstance(public, (list, tuple)) else not key.startswith("_"):
                        ns[key] = value
            elif alias.name.isupper():
                _store(ns, bound, self.values(base, depth + 1).get(alias.name, UNKNOWN))
            else:
                ns.pop(bound, None)
        return True


def _store(ns, name, value):
    if value is UNKNOWN:
        ns.pop(name, None)
    else:
        ns[name] = list(value) if isinstance(value, list) else value


def _list_call(call, ns, lookup):
    """INSTALLED_APPS.append("x") / .extend([...]) / .insert(i, "x") on a known list."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return
    current = ns.get(func.value.id)
    args = [evaluate(a, lookup) for a in call.args]
    if not isinstance(current, list) or UNKNOWN in args or call.keywords:
        if func.attr in ("append", "extend", "insert", "remove"):
            ns.pop(func.value.id, None)
        return
    try:
        if func.attr == "append" and len(args) == 1:
            current.append(args[0])
        elif func.attr == "extend" and len(args) == 1:
            current.extend(args[0])
        elif func.attr == "insert" and len(args) == 2:
            current.insert(args[0], args[1])
        elif func.attr == "remove" and len(args) == 1:
            current.remove(args[0])
    except (TypeError, ValueError):
        ns.pop(func.value.id, None)
