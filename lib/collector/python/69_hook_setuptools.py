# setuptools and pkg_resources vendor their dependencies: `X.extern/__init__.py` runs
# `VendorImporter(__name__, names, vendor_pkg).install()`, a meta-path importer that serves
# `X.extern.packaging` as `X._vendor.packaging` (else the top-level `packaging`) after the path finders
# missed it; submodules then load from the vendored directory under their `X.extern.…` names.


def _vendor_importer(walker, call, scope):
    args = dict((k.arg, k.value) for k in call.keywords)
    values = [evaluate(a, scope.const) for a in call.args]
    root = values[0] if values else evaluate(args["root_name"], scope.const) if "root_name" in args else UNKNOWN
    vendor = values[2] if len(values) > 2 else evaluate(args["vendor_pkg"], scope.const) if "vendor_pkg" in args else None
    if not isinstance(root, str):
        return False
    if not isinstance(vendor, str):
        vendor = root.rpartition(".")[0] + "._vendor"
    walker.closure.vendor(root, [vendor + ".", ""])
    return False


register_hook(calls={"pkg_resources.extern.VendorImporter": _vendor_importer,
                     "setuptools.extern.VendorImporter": _vendor_importer})
