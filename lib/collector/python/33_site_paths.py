# What `site` would add to sys.path when the SERVICE starts, rebuilt from the -I -S probe's facts
# without running site (Lib/site.py main(): venv(), user site, then the prefixes' site directories,
# each followed by the directories its .pth files name). Files are only read: a .pth line that starts
# with "import" is code and is never run (what it would do to sys.path is unknowable here).


def _makepath(*parts):
    return os.path.abspath(os.path.join(*parts))


def find_venv(executable):
    """(venv prefix, include-system-site-packages) from pyvenv.cfg beside sys.executable or one level
    up, as site.venv() reads it; (None, True) outside a virtual environment."""
    exe_dir = os.path.dirname(os.path.abspath(executable))
    for conf in (os.path.join(exe_dir, "pyvenv.cfg"), os.path.join(os.path.dirname(exe_dir), "pyvenv.cfg")):
        if not os.path.isfile(conf):
            continue
        system_site = "true"
        for line in (read_text(conf) or "").splitlines():
            key, eq, value = line.partition("=")
            if eq and key.strip().lower() == "include-system-site-packages":
                system_site = value.strip().lower()
        return os.path.dirname(exe_dir), system_site == "true"
    return None, True


def site_candidates(info, prefixes, virtual):
    """site.getsitepackages(prefixes) of this interpreter: lib/pythonX.Y/site-packages under each
    prefix (and platlibdir), or Debian's patched layout (dist-packages; site-packages only in a venv)."""
    version = "python%d.%d" % (info["major"], info["minor"])
    libdirs = [info["platlibdir"]] + (["lib"] if info["platlibdir"] != "lib" else [])
    out, seen = [], set()
    for prefix in prefixes:
        if not prefix or prefix in seen:
            continue
        seen.add(prefix)
        if info["debianSite"]:
            if virtual:
                out.append(os.path.join(prefix, "lib", version, "site-packages"))
            out.append(os.path.join(prefix, "local/lib", version, "dist-packages"))
            out.append(os.path.join(prefix, "lib", "python3", "dist-packages"))
            out.extend(os.path.join(prefix, d, version, "dist-packages") for d in libdirs)
        else:
            thread = "t" if info.get("freeThreaded") else ""
            out.extend(os.path.join(prefix, d, version + thread, "site-packages") for d in libdirs)
    return out


def pth_lines(sitedir, skip_hidden):
    """The path lines of the directory's .pth files in the order site reads them."""
    try:
        names = sorted(n for n in os.listdir(sitedir) if n.endswith(".pth") and not (skip_hidden and n.startswith(".")))
    except OSError:
        return []
    out = []
    for name in names:
        for line in re.split(r"\r\n|\r|\n", read_text(os.path.join(sitedir, name)) or ""):
            if line.startswith("#") or not line.strip() or line.startswith(("import ", "import\t")):
                continue
            out.append(line.rstrip())
    return out


def pth_import_lines(site_dirs, version):
    """(file, line) of each .pth line that `site` executes (one starting with "import"), in site's order:
    only read here; the startup closure parses them as the code the service runs at start."""
    skip_hidden = tuple(int(p) for p in re.findall(r"\d+", version or "")[:2]) >= (3, 13)
    out = []
    for sitedir in site_dirs:
        try:
            names = sorted(n for n in os.listdir(sitedir) if n.endswith(".pth") and not (skip_hidden and n.startswith(".")))
        except OSError:
            continue
        for name in names:
            path = os.path.join(sitedir, name)
            for line in re.split(r"\r\n|\r|\n", read_text(path) or ""):
                if line.startswith(("import ", "import\t")):
                    out.append((path, line.rstrip()))
    return out


class _SysPath(object):
    """sys.path being extended the way site.addsitedir() does it, with site's known_paths."""

    def __init__(self, start, skip_hidden):
        self.path = list(start)
        self.known = set(_makepath(p) for p in start)
        self.site_dirs = []
        self.skip_hidden = skip_hidden

    def add_site_dir(self, sitedir):
        if not os.path.isdir(sitedir):
            return
        sitedir = _makepath(sitedir)
        self.site_dirs.append(sitedir)
        if sitedir not in self.known:
            self.path.append(sitedir)
            self.known.add(sitedir)
        for line in pth_lines(sitedir, self.skip_hidden):
            entry = _makepath(sitedir, line)
            if entry not in self.known and os.path.exists(entry):
                self.path.append(entry)
                self.known.add(entry)


def user_site(info, opts, env, ident):
    """The user site directory the service would add (site.ENABLE_USER_SITE), or None: off under
    -s/-I and non-empty PYTHONNOUSERSITE (unless -E); PYTHONUSERBASE is read even under -E."""
    if opts["s"] or opts["I"] or (env.get("PYTHONNOUSERSITE") and not opts["E"]):
        return None
    home = env.get("HOME")
    if home is None:
        try:
            home = pwd.getpwuid(ident["uid"]).pw_dir
        except (KeyError, OverflowError):
            return None
    base = env.get("PYTHONUSERBASE") or os.path.join(home.rstrip("/") or "/", ".local")
    thread = "t" if info.get("freeThreaded") else ""
    return os.path.join(base, "lib", "python%d.%d%s" % (info["major"], info["minor"], thread), "site-packages")


def site_paths(info, opts, env, ident):
    """(site directories in the order site adds them, sys.path at the service's start without the
    script directory and PYTHONPATH). The probe's sys.path (-I -S) holds the stdlib entries."""
    sys_path = _SysPath(info["path"], (info["major"], info["minor"]) >= (3, 13))
    if opts["S"]:
        return [], sys_path.path
    venv, system_site = find_venv(info["executable"])
    prefixes = [info["prefix"], info["execPrefix"]]
    if venv is not None:
        for sitedir in site_candidates(info, [venv], True):
            sys_path.add_site_dir(sitedir)
        prefixes = [venv] + prefixes if system_site else [venv]
    usersite = user_site(info, opts, env, ident) if system_site else None
    if usersite:
        sys_path.add_site_dir(usersite)
    for sitedir in site_candidates(info, prefixes, venv is not None):
        sys_path.add_site_dir(sitedir)
    seen = set()
    ordered = [d for d in sys_path.site_dirs if not (d in seen or seen.add(d))]
    return ordered, sys_path.path
