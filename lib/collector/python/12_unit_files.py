# Reading a unit the way systemd would load it when systemctl cannot be asked (no systemd running,
# or a unit file named explicitly): fragment, drop-ins, then the settings the collector needs.

UNIT_DIRS = ("/etc/systemd/system", "/run/systemd/system", "/usr/local/lib/systemd/system",
             "/usr/lib/systemd/system", "/lib/systemd/system")
LIST_KEYS = ("SupplementaryGroups", "ReadOnlyPaths", "ReadWritePaths", "InaccessiblePaths", "CacheDirectory",
             "StateDirectory", "LogsDirectory", "RuntimeDirectory", "Environment", "EnvironmentFile", "ExecStart",
             "UnsetEnvironment")
SCALAR_KEYS = ("User", "Group", "DynamicUser", "WorkingDirectory", "ProtectSystem", "ProtectHome", "PrivateTmp",
               "UMask", "CapabilityBoundingSet")


UNIT_TYPES = ("service", "socket", "device", "mount", "automount", "swap", "target", "path", "timer", "slice", "scope")


def unit_name(name):
    """The unit a name means, as systemctl reads it: no unit-type suffix means '.service'
    ('lernmanager' → 'lernmanager.service', 'app@1' → 'app@1.service')."""
    return name if name.rpartition(".")[2] in UNIT_TYPES and "." in name else name + ".service"


def unit_dirs(spec):
    """The unit search path: systemd's system directories, or the spec's own (tests, other roots)."""
    return tuple(spec.get("unitDirs") or UNIT_DIRS)


def _template_of(unit):
    """'app@blue.service' → 'app@.service'; None for a unit that is not an instance."""
    stem, dot, kind = unit.rpartition(".")
    if "@" not in stem or stem.endswith("@"):
        return None
    return stem.partition("@")[0] + "@" + dot + kind


def find_fragment(unit, explicit, dirs):
    """The unit's own file in any directory, else its template's ('app@1.service' → 'app@.service')."""
    if explicit:
        return explicit
    names = [unit] + ([_template_of(unit)] if _template_of(unit) else [])
    for name in names:
        for d in dirs:
            path = os.path.join(d, name)
            if os.path.isfile(path):
                return path
    return None


def _dropin_dir_names(unit):
    """Most specific first, as systemd's unit_file_find_dirs() lists them: the unit, its template,
    then each dash prefix the same way ('a-b@1.service' → 'a-@1.service', 'a-@.service'), then the
    type-wide 'service.d'."""
    stem, _, kind = unit.rpartition(".")
    prefix, at, instance = stem.partition("@")
    names = []

    def add(p):
        if at and instance:
            names.append("%s@%s.%s.d" % (p, instance, kind))
        names.append(("%s@.%s.d" if at else "%s.%s.d") % (p, kind))

    add(prefix)
    parts = prefix.split("-")
    for i in range(len(parts) - 1, 0, -1):
        if "-".join(parts[:i]):
            add("-".join(parts[:i]) + "-")
    names.append(kind + ".d")
    seen = set()
    return [n for n in names if not (n in seen or seen.add(n))]


def find_dropins(unit, explicit, dirs):
    """Drop-in *.conf files in application order: sorted by file name across every directory; of
    several files with one name, the first found wins (higher-priority directory, then the more
    specific drop-in directory: an instance's over its template's). With an explicit unit file, the
    directory beside it comes first."""
    bases = ([os.path.dirname(explicit)] if explicit else []) + list(dirs)
    chosen = {}
    for base in bases:
        for dname in _dropin_dir_names(unit):
            d = os.path.join(base, dname)
            try:
                names = os.listdir(d)
            except OSError:
                continue
            for name in names:
                if name.endswith(".conf") and name not in chosen:
                    chosen[name] = os.path.join(d, name)
    return [chosen[name] for name in sorted(chosen)]


def merge_assignments(files):
    """Applies [Service] assignments in order: later scalars win, list settings append, and an empty
    assignment resets (systemd.unit(5))."""
    settings = dict((k, []) for k in LIST_KEYS)
    for path in files:
        text = read_text(path)
        if text is None:
            continue
        for section, key, value in parse_unit_text(text):
            if section != "Service":
                continue
            if key in LIST_KEYS:
                settings[key] = [] if value == "" else settings[key] + [value]
            elif key in SCALAR_KEYS:
                settings[key] = value if value != "" else None
    return settings


def parse_bool(value, default=False):
    if value is None:
        return default
    v = value.strip().lower()
    if v in ("1", "yes", "y", "true", "t", "on"):
        return True
    if v in ("0", "no", "n", "false", "f", "off"):
        return False
    return default


def protect_value(value, allowed, default="no"):
    """ProtectSystem=/ProtectHome=: a boolean or one of the named modes."""
    if value is None:
        return default
    v = value.strip().lower()
    if v in allowed:
        return v
    return "yes" if parse_bool(v) else "no"


def exec_argv(lines, table):
    """argv of the first command of ExecStart=, with the prefixes -@:+! removed. With '@', the second
    word is only argv[0]; the executed path (first word) is reported instead."""
    for line in lines:
        words = split_words(line)
        if not words:
            continue
        first = words[0][0]
        stripped = first.lstrip("-@:+!")
        at = "@" in first[:len(first) - len(stripped)]
        argv = [stripped] + [w for w, _ in words[1:]]
        end = next((i for i, (w, lit) in enumerate(words) if w == ";" and not lit), None)
        if end is not None:
            argv = argv[:end]
        if at and len(argv) >= 2:
            argv = [argv[0]] + argv[2:]
        return [expand_specifiers(w, table) for w in argv if w != ""]
    return []


def environment_assignments(lines, table):
    """Environment= lines → ordered dict; several assignments per line, later ones win."""
    env = {}
    for line in lines:
        for word, _ in split_words(line):
            word = expand_specifiers(word, table)
            name, eq, value = word.partition("=")
            if eq and _ENV_NAME.match(name):
                env[name] = value
    return env


def path_words(lines, table):
    """Space-separated path lists (ReadWritePaths= …); prefixes like '-' stay on the word."""
    out = []
    for line in lines:
        out.extend(expand_specifiers(w, table) for w, _ in split_words(line))
    return out
