# What a name in import-time code refers to, for following its calls (57_import_time.py): a function or
# class of this module, one imported from another module (re-exports chased ALIAS_HOPS deep), a module,
# an instance made at import time, or a method found along the class's bases. Other modules are read
# passively for this (their bindings only). Anything else is unknown and its call is not followed.


def _qualname(binding):
    """module.func or module.Class.method of a def/class binding."""
    owner = binding[3] if binding[0] == "def" else None
    middle = owner[1].name + "." if owner and owner[0] == "class" else ""
    return "%s.%s%s" % (binding[2].name, middle, binding[1].name)


class CallTargets(object):
    def lookup(self, module, attr, hops=None):
        """The binding `attr` has in `module` (a submodule when the module does not bind it)."""
        hops = ALIAS_HOPS if hops is None else hops
        sub = module + "." + attr
        info = self.info(module)
        found = info.scope.names.get(attr) if info else None
        if found is None or found[0] == "from" and self.finder.resolve(found[1] + "." + found[2]):
            if found is not None:
                return ("module", found[1] + "." + found[2])
            return ("module", sub) if self.finder.resolve(sub) else None
        if found[0] == "from":
            return self.lookup(found[1], found[2], hops - 1) if hops > 0 else None
        return found

    def holder(self, node, scope):
        """What an expression names: a module, class or instance binding, else None."""
        if isinstance(node, ast.Name):
            found = scope.get(node.id)
            if found and found[0] == "from":
                return self.lookup(found[1], found[2])
            return found
        if isinstance(node, ast.Attribute):
            outer = self.holder(node.value, scope)
            if outer and outer[0] == "module":
                return self.lookup(outer[1], node.attr)
            return None
        if isinstance(node, ast.Call) and not self.passive:
            target = self.callee(node.func, scope)
            if target and target[0][0] == "class":
                return ("instance", target[0])
        return None

    def method(self, cls, name, skip_own=False, hops=3):
        """The def binding of cls.name along the class's bases (each base as its module binds it)."""
        _, node, module, names = cls
        found = names.get(name) if not skip_own else None
        if found and found[0] == "def":
            return ("def", found[1], found[2], cls)
        for base in node.bases if hops > 0 else ():
            parent = self.holder(base, module.scope)
            if parent and parent[0] == "class":
                found = self.method(parent, name, False, hops - 1)
                if found:
                    return found
        return None

    def callee(self, func, scope):
        """(binding, qualified names for the hooks) of what a call calls: a def, a class, or
        ("method", def binding, instance class); None when unknown."""
        if isinstance(func, ast.Name):
            found = scope.get(func.id)
            if self.passive:
                return (found, []) if found and found[0] == "class" else None
            names = ["%s.%s" % found[1:3]] if found and found[0] == "from" else []
            if found and found[0] == "from":
                found = self.lookup(found[1], found[2])
            return self._target(found, names)
        if not isinstance(func, ast.Attribute) or self.passive:
            return None
        receiver = func.value
        if isinstance(receiver, ast.Call) and getattr(receiver.func, "id", None) == "super" and scope.owner:
            found = self.method(scope.owner, func.attr, skip_own=True)
            return (("method", found, scope.cls), []) if found else None
        outer = self.holder(receiver, scope)
        if outer is None:
            return None
        if outer[0] == "module":
            return self._target(self.lookup(outer[1], func.attr), [outer[1] + "." + func.attr])
        if outer[0] in ("class", "instance"):
            cls = outer if outer[0] == "class" else outer[1]
            found = self.method(cls, func.attr)
            if found:
                return ("method", found, cls), [_qualname(found)]
            # an attribute the class lacks goes through its __getattr__ (Django's lazy translation)
            fallback = self.method(cls, "__getattr__") if outer[0] == "instance" else None
            return (("method", fallback, cls, {0: func.attr}), []) if fallback else None
        return None

    def _target(self, found, names):
        if not found or found[0] not in ("def", "class"):
            return (("unknown",), names) if names else None
        return found, names + [_qualname(found)]
