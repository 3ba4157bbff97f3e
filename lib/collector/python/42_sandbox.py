# What the service's mount namespace makes read-only, even for root: read-only mounts (from the
# service process's mountinfo when readable, else the collector's own) and systemd's sandboxing
# (python-bytecode.md §7: ProtectSystem=, ProtectHome=, ReadOnlyPaths=/ReadWritePaths=/InaccessiblePaths=,
# *Directory=, PrivateTmp=, DynamicUser=). The longest matching path rule wins.


def _unescape_mount(s):
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), s)


def read_mounts(pid):
    """{mount point: (fs type, read-only)}; the last line for a mount point is the one on top."""
    text = (read_text("/proc/%d/mountinfo" % pid) if pid else None) or read_text("/proc/self/mountinfo") or ""
    mounts = {}
    for line in text.splitlines():
        fields = line.split(" ")
        if "-" not in fields[6:]:
            continue
        sep = fields.index("-", 6)
        options = fields[5].split(",")
        super_options = fields[sep + 3].split(",") if len(fields) > sep + 3 else []
        mounts[_unescape_mount(fields[4])] = (fields[sep + 1], "ro" in options or "ro" in super_options)
    return mounts


def _under(path, base):
    return path == base or base == "/" or path.startswith(base + "/")


def _longest(path, keys):
    best = None
    for key in keys:
        if _under(path, key) and (best is None or len(key) >= len(best)):
            best = key
    return best


def _strip_path(word):
    return os.path.normpath(word.lstrip("-+")) if word.lstrip("-+").startswith("/") else None


def sandbox_rules(config):
    """[(path, effect, cause, setting)] with effect rw / ro / hidden, in application order."""
    if config is None:
        return []
    rules = []
    system, dynamic = config["protectSystem"], config["dynamicUser"]
    if system == "strict" or dynamic:
        cause, setting = ("protect-system", "ProtectSystem=strict") if system == "strict" else \
            ("dynamic-user", "DynamicUser=yes (implies ProtectSystem=strict)")
        rules.append(("/", "ro", cause, setting))
        rules.extend((p, "rw", "ok", setting) for p in ("/dev", "/proc", "/sys"))
        if config["privateTmp"] or dynamic:
            rules.extend((p, "rw", "ok", "PrivateTmp=yes") for p in ("/tmp", "/var/tmp"))
    elif system in ("yes", "full"):
        paths = ("/usr", "/boot", "/efi") + (("/etc",) if system == "full" else ())
        rules.extend((p, "ro", "protect-system", "ProtectSystem=%s" % system) for p in paths)
    home = config["protectHome"] if not (dynamic and config["protectHome"] == "no") else "read-only"
    if home != "no":
        effect = "ro" if home == "read-only" else "hidden"
        rules.extend((p, effect, "protect-home", "ProtectHome=%s" % home) for p in ("/home", "/root", "/run/user"))
    for key, effect, cause in (("readOnlyPaths", "ro", "read-only-paths"), ("inaccessiblePaths", "hidden", "read-only-paths"),
                               ("readWritePaths", "rw", "ok")):
        setting = key[0].upper() + key[1:] + "="
        rules.extend((p, effect, cause, setting) for p in filter(None, map(_strip_path, config[key])))
    for key, base in (("cacheDirectory", "/var/cache"), ("stateDirectory", "/var/lib"), ("logsDirectory", "/var/log"),
                      ("runtimeDirectory", "/run")):
        setting = key[0].upper() + key[1:] + "="
        rules.extend((os.path.normpath(os.path.join(base, d)), "rw", "ok", setting) for d in config[key])
    return rules


class Sandbox(object):
    """Memoized 'what does the namespace do to this path' answers."""

    def __init__(self, config, mounts):
        self.rules = sandbox_rules(config)
        self.mounts = mounts
        self.memo = {}
        # CacheDirectory= & co.: systemd creates them at start, owned by the service user.
        self.managed = [r[0] for r in self.rules if r[3].endswith("Directory=")]

    def managed_dir(self, path):
        """The *Directory= path that path lies in, or None."""
        return _longest(path, self.managed)

    def rule_for(self, path):
        """(effect, cause, setting) of the longest matching rule, or None."""
        best = None
        for rule in self.rules:
            if _under(path, rule[0]) and (best is None or len(rule[0]) >= len(best[0])):
                best = rule
        return best[1:] if best else None

    def read_only_mount(self, path):
        point = _longest(path, self.mounts)
        if point is not None and self.mounts[point][1]:
            return point, self.mounts[point][0]
        return None

    def write_block(self, path):
        """(cause, reason) when the namespace refuses writes under path, else None."""
        if path in self.memo:
            return self.memo[path]
        answer = None
        rule = self.rule_for(path)
        mount = self.read_only_mount(path)
        if rule and rule[0] != "rw":
            what = "read-only" if rule[0] == "ro" else "inaccessible"
            answer = (rule[1], "%s makes %s %s for the service" % (rule[2], path, what))
        elif mount:
            answer = ("read-only-mount", "%s is on the read-only %s mount %s" % (path, mount[1], mount[0]))
        self.memo[path] = answer
        return answer

    def hidden(self, path):
        rule = self.rule_for(path)
        return rule is not None and rule[0] == "hidden"


def public_mounts(mounts, paths):
    """The mounts the snapshot's folders (`paths`: the roots, the pycache prefix) live on or hold: each mount point
    at or above one of them (the longest is the one it is on) or below one. The rest of the machine's table (a
    login's /run/user/UID, a container's overlay) says nothing about this service and changes from one collection
    to the next: stored, it would make an unchanged host a new snapshot every time."""
    paths = [p for p in paths if p]
    return [{"mountPoint": p, "fsType": mounts[p][0], "readOnly": mounts[p][1]} for p in sorted(mounts)
            if any(_under(path, p) or _under(p, path) for path in paths)]
