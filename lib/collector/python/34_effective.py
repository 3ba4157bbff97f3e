# Effective bytecode settings of the service (python-bytecode.md §1 prefix, §2 hash checking, §3 writing, §4 -O),
# from its interpreter options (command line or shebang) and its environment. Internally the real
# PYTHON* values are used; `explain` shows values redacted by the same allowlist as the output.


class ServiceEnv(object):
    """The environment the service's interpreter sees, where it came from, and how to show a value."""

    def __init__(self, values, origin, show):
        self.values = values
        self.origin = origin
        self.show = show

    def get(self, key):
        return self.values.get(key)

    def phrase(self, key):
        return "%s in %s" % (self.show(key, self.values[key]), self.origin)


def _prefix_setting(opts, env, ignore_env, info, where):
    """(prefix or None, why) before a relative value is resolved."""
    value = env.get("PYTHONPYCACHEPREFIX")
    if not info["prefixSupported"]:
        wanted = opts["xprefix"] is not None or (value and not ignore_env)
        return None, "Python %s has no pycache prefix (3.8+)%s" % (info["version"], "; the requested prefix is ignored" if wanted else "")
    if opts["xprefix"] is not None:
        x = opts["xprefix"].partition("=")[2]
        if not x:
            return None, "-X pycache_prefix without a value in %s: no prefix, PYTHONPYCACHEPREFIX is ignored too" % where
        return x, "-X pycache_prefix=%s in %s (beats PYTHONPYCACHEPREFIX)" % (x, where)
    if value and not ignore_env:
        return value, env.phrase("PYTHONPYCACHEPREFIX")
    if value:
        return None, "PYTHONPYCACHEPREFIX is ignored under -E/-I: pycs go to __pycache__"
    return None, "no PYTHONPYCACHEPREFIX or -X pycache_prefix: pycs go to each directory's __pycache__"


def _env_level(name, env, ignore_env, unset_text):
    """(level, why) of a PYTHON* flag variable."""
    value = env.get(name)
    if value is None or value == "":
        return 0, unset_text
    if ignore_env:
        return 0, "%s is ignored under -E/-I" % name
    level = env_flag(value)
    if level == 0:
        return 0, "%s is the integer 0, which sets nothing (python-bytecode.md §3)" % env.phrase(name)
    return level, env.phrase(name)


def _optimize(opts, env, ignore_env, where):
    env_level, why = _env_level("PYTHONOPTIMIZE", env, ignore_env, "no -O or PYTHONOPTIMIZE: level 0")
    level = max(opts["O"], env_level)
    if opts["O"] and opts["O"] >= env_level:
        why = "%s in %s" % ("-" + "O" * opts["O"], where)
    return level, why + ("" if level == 0 else "; the service reads and writes .opt-%d.pyc" % level)


def _check_hash(opts, where):
    check = opts["checkHash"]
    if check is None:
        return "default", "default: checked-hash pycs are verified against the source, unchecked ones are trusted"
    if check not in ("default", "always", "never"):
        return "default", "--check-hash-based-pycs %s is invalid: the interpreter refuses to start" % check
    return check, "--check-hash-based-pycs %s in %s" % (check, where)


def effective_settings(opts, env, info, where, base_dir):
    """The interpreter fields optimize … checkHashPycs plus their explanations."""
    ignore_env = opts["E"] or opts["I"]
    explain = {}
    if ignore_env:
        explain["ignoresEnvironment"] = "%s in %s: every PYTHON* variable is ignored" % ("-I" if opts["I"] else "-E", where)
    if opts["B"]:
        dont, explain["dontWriteBytecode"] = 1, "-B in %s" % where
    else:
        dont, explain["dontWriteBytecode"] = _env_level("PYTHONDONTWRITEBYTECODE", env, ignore_env,
                                                        "bytecode writing is on (no -B, no PYTHONDONTWRITEBYTECODE)")
    optimize, explain["optimize"] = _optimize(opts, env, ignore_env, where)
    prefix, why = _prefix_setting(opts, env, ignore_env, info, where)
    if prefix and not prefix.startswith("/"):
        resolved = os.path.normpath(os.path.join(base_dir, prefix))
        why += "; relative, so it resolves against the working directory %s: %s" % (base_dir, resolved)
        prefix = resolved
    elif prefix:
        prefix = os.path.normpath(prefix)
    explain["pycachePrefix"] = why
    check, explain["checkHashPycs"] = _check_hash(opts, where)
    return {"optimize": optimize, "pycachePrefix": prefix, "dontWriteBytecode": bool(dont),
            "ignoresEnvironment": bool(ignore_env), "checkHashPycs": check}, explain
