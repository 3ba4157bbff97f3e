# Flask: `app.config.from_object("pkg.settings_prod")` imports the module a string names (werkzeug's
# import_string: "pkg.mod", "pkg.mod.attr" or "pkg.mod:attr"). The receiver's type is not known
# statically, so every `.from_object(<string>)` at import time counts.


def _from_object(walker, call, scope):
    value = evaluate(call.args[0], scope.const) if len(call.args) == 1 else UNKNOWN
    if isinstance(value, str) and value:
        walker.closure.dotted(value.replace(":", "."), required=False)


register_hook(methods={"from_object": _from_object})
