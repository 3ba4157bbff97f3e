# The conditions a module tests at import time, decided for the SERVICE's interpreter without running
# anything (PYC.md §11): `typing.TYPE_CHECKING` is False at run time, `__name__` is the module's own name
# ("__main__" only for the module run as the program), and sys.platform, os.name, sys.version_info and
# sys.implementation are the target's. A value that depends on anything else is UNKNOWN, and an `if` on it
# keeps both branches (the closure over-approximates rather than guess).
import ast

UNKNOWN = object()


class TargetFacts(object):
    """What a guard may ask of the service's interpreter. The collector runs on the target machine, so its
    own sys.platform and os.name are the target's; the version is the probed interpreter's."""

    def __init__(self, version=None, implementation="cpython", warnoptions=UNKNOWN):
        self.platform, self.os_name, self.implementation = sys.platform, os.name, implementation
        self.warnoptions = warnoptions  # [] when no -W, -b, -X dev, PYTHONWARNINGS or PYTHONDEVMODE
        parts = [int(p) for p in re.findall(r"\d+", version or "")[:3]]
        self.version = tuple(parts + [0] * (3 - len(parts))) + ("final", 0) if parts else None
        self.system = {"linux": "Linux", "darwin": "Darwin", "win32": "Windows"}.get(self.platform)
        self.providers = []  # dotted name -> value or UNKNOWN, from the hooks (Django's settings.X)

    def attribute(self, dotted):
        """The value of a dotted name the target decides (sys.platform, typing.TYPE_CHECKING, ...)."""
        if dotted == "TYPE_CHECKING" or dotted.endswith(".TYPE_CHECKING"):
            return False
        known = {"sys.platform": self.platform, "os.name": self.os_name, "sys.implementation.name": self.implementation,
                 "sys.warnoptions": self.warnoptions}
        if dotted in known and known[dotted] is not UNKNOWN:
            return known[dotted]
        if self.version is not None:
            if dotted == "sys.version_info":
                return self.version
            fields = {"sys.version_info.major": 0, "sys.version_info.minor": 1, "sys.version_info.micro": 2}
            if dotted in fields:
                return self.version[fields[dotted]]
        for provide in self.providers:
            value = provide(dotted)
            if value is not UNKNOWN:
                return value
        return UNKNOWN


TARGET = [TargetFacts()]  # replaced per collection by startup_closure (64_startup.py)


def literal(node):
    """A literal's value (ast.Constant, or 3.7's Str/Num/NameConstant/Bytes), else UNKNOWN."""
    kind = type(node).__name__
    if kind in ("Constant", "NameConstant"):
        return node.value
    if kind in ("Str", "Bytes"):
        return node.s
    if kind == "Num":
        return node.n
    return UNKNOWN


def dotted_name(node):
    """"a.b.c" of a Name/Attribute chain, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


_COMPARE = {"Eq": operator.eq, "NotEq": operator.ne, "Lt": operator.lt, "LtE": operator.le, "Gt": operator.gt, "GtE": operator.ge,
            "In": lambda a, b: a in b, "NotIn": lambda a, b: a not in b, "Is": operator.is_, "IsNot": operator.is_not}
_PLATFORM_CALLS = {"platform.system": "system", "platform.python_implementation": "implementation"}


def evaluate(node, lookup):
    """The value of an expression built from literals, names lookup(name) knows and target facts."""
    value = literal(node)
    if value is not UNKNOWN:
        return value
    if isinstance(node, ast.Name):
        value = lookup(node.id)
        return TARGET[0].attribute(node.id) if value is UNKNOWN else value
    if isinstance(node, ast.Attribute):
        name = dotted_name(node)
        return TARGET[0].attribute(name) if name else UNKNOWN
    if isinstance(node, (ast.Tuple, ast.List)):
        items = []
        for e in node.elts:
            value = evaluate(e.value if isinstance(e, ast.Starred) else e, lookup)
            if value is UNKNOWN or isinstance(e, ast.Starred) and not isinstance(value, (list, tuple)):
                return UNKNOWN
            items.extend(value) if isinstance(e, ast.Starred) else items.append(value)
        return tuple(items) if isinstance(node, ast.Tuple) else items
    if isinstance(node, ast.Dict):
        # Partial: keys known, values left out where unknown (DATABASES' NAME may be computed, its ENGINE not).
        keys = [evaluate(k, lookup) if k is not None else UNKNOWN for k in node.keys]
        if not all(k is not UNKNOWN and isinstance(k, (str, int)) for k in keys):
            return UNKNOWN
        pairs = ((k, evaluate(v, lookup)) for k, v in zip(keys, node.values))
        return dict((k, v) for k, v in pairs if v is not UNKNOWN)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        value = evaluate(node.operand, lookup)
        return UNKNOWN if value is UNKNOWN else not value
    if isinstance(node, ast.BoolOp):
        return _bool_op(node, lookup)
    if isinstance(node, ast.Compare):
        return _compare(node, lookup)
    if isinstance(node, ast.Subscript):
        return _subscript(node, lookup)
    if isinstance(node, ast.Call):
        return _call(node, lookup)
    if isinstance(node, ast.BinOp):
        return _bin_op(node, lookup)
    if isinstance(node, ast.JoinedStr):
        parts = [evaluate(v.value if isinstance(v, ast.FormattedValue) else v, lookup) for v in node.values]
        return "".join(str(p) for p in parts) if all(isinstance(p, (str, int)) for p in parts) else UNKNOWN
    return UNKNOWN


def _bool_op(node, lookup):
    """and/or in three-valued logic: a known False decides `and`, a known True decides `or`."""
    is_and = isinstance(node.op, ast.And)
    value, unknown = None, False
    for operand in node.values:
        value = evaluate(operand, lookup)
        if value is UNKNOWN:
            unknown = True
        elif bool(value) is not is_and:
            return value
    return UNKNOWN if unknown else value


def _compare(node, lookup):
    left = evaluate(node.left, lookup)
    for op, right_node in zip(node.ops, node.comparators):
        right = evaluate(right_node, lookup)
        if left is UNKNOWN or right is UNKNOWN:
            return UNKNOWN
        try:
            if not _COMPARE[type(op).__name__](left, right):
                return False
        except (TypeError, KeyError):
            return UNKNOWN
        left = right
    return True


def _subscript(node, lookup):
    value = evaluate(node.value, lookup)
    index = node.slice
    if type(index).__name__ == "Index":  # 3.7/3.8 wrap the index
        index = index.value
    if isinstance(index, ast.Slice):
        bounds = [evaluate(b, lookup) if b is not None else None for b in (index.lower, index.upper, index.step)]
        key = UNKNOWN if any(b is UNKNOWN for b in bounds) else slice(*bounds)
    else:
        key = evaluate(index, lookup)
    if value is UNKNOWN or key is UNKNOWN or not isinstance(value, (tuple, list, str, dict)):
        return UNKNOWN
    try:
        return value[key]
    except (IndexError, KeyError, TypeError, ValueError):
        return UNKNOWN


def _call(node, lookup):
    """sys.platform.startswith("win") and friends; platform.system(); nothing with side effects."""
    func = node.func
    if not isinstance(func, ast.Attribute):
        return UNKNOWN
    name = dotted_name(func)
    if name in _PLATFORM_CALLS and not node.args:
        return getattr(TARGET[0], _PLATFORM_CALLS[name]) or UNKNOWN
    if func.attr not in ("startswith", "endswith", "lower", "upper") or node.keywords:
        return UNKNOWN
    receiver = evaluate(func.value, lookup)
    args = [evaluate(a, lookup) for a in node.args]
    if not isinstance(receiver, str) or any(a is UNKNOWN for a in args):
        return UNKNOWN
    try:
        return getattr(receiver, func.attr)(*args)
    except TypeError:
        return UNKNOWN


def _bin_op(node, lookup):
    left, right = evaluate(node.left, lookup), evaluate(node.right, lookup)
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    try:
        if isinstance(node.op, ast.Add) and type(left) is type(right) and isinstance(left, (str, list, tuple)):
            return left + right
        if isinstance(node.op, ast.Mod) and isinstance(left, str):
            return left % right
    except Exception:  # a format that does not fit its values: unknown, as at run time it would raise
        pass
    return UNKNOWN


def decide(test, lookup):
    """True or False when the target decides the condition, else None (both branches may run)."""
    value = evaluate(test, lookup)
    return None if value is UNKNOWN else bool(value)
