# Command lines (ExecStart= and the live process's argv) leave the target redacted, like environment
# values: `--db=postgresql://lm:secret@db/lm` and `--token abc` are how secrets get passed. Kept: the
# interpreter and its own options (the analysis reads -B, -O, -E/-I, -X pycache_prefix=…), `-m MODULE`,
# the script path, WSGI/ASGI app specs (`pkg.mod:app`), positional words, and the values of options
# known to be harmless. Replaced: the value of any other option (`--opt=VALUE`, `--opt VALUE`,
# `-oVALUE`), the value of a KEY=VALUE word whose key is not allowlisted, `python -c`'s code, and
# the password (or a lone token) in a URL's userinfo, which allowlisted environment values lose too.
# Configured and live command lines go through the same rules, so they still line up word for word.

HARMLESS_OPTIONS = frozenset((
    "--workers", "--threads", "--bind", "--listen", "--host", "--port", "--chdir", "--pythonpath", "--module",
    "--wsgi-file", "--app", "--settings", "--worker-class", "--worker-connections", "--timeout",
    "--graceful-timeout", "--keep-alive", "--log-level", "--loglevel", "--access-logfile", "--error-logfile",
    "--log-file", "--logfile", "--pid", "--pidfile", "--name", "--user", "--group", "--uds", "--root-path",
    "--app-dir", "--interface", "--concurrency", "--queues", "--pool", "--processes", "--http", "--socket",
    "--callable", "--venv", "--virtualenv", "--home", "--config", "--max-requests", "--backlog",
    "-w", "-b", "-k", "-t", "-A", "-Q", "-l", "-n",
))
_APP_SPEC = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_.]*(\(\))?$")
# The userinfo ends at the authority's LAST '@' (the greedy run backs off to it): an unencoded '@' in a
# password ("redis://:p@ss-word@host") must not leave the password's tail in clear.
_URL_USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\s]*)@")
_FLAG_CLUSTER = re.compile(r"^-[A-Za-z]{1,2}$")


def redact_url_userinfo(word):
    """scheme://user:password@host → scheme://user:[redacted]@host; a userinfo without ':' is
    usually a token (https://TOKEN@host) and is replaced whole."""
    def replace(m):
        user, colon, _ = m.group(2).partition(":")
        return m.group(1) + (user + ":" + REDACTED if colon else REDACTED) + "@"
    return _URL_USERINFO.sub(replace, word)


def _assignment(word, allowed):
    name, _, value = word.partition("=")
    return word if allowed(name) or value == "" else name + "=" + REDACTED


def redact_app_args(words, allowed):
    """The words after the program (or after python's script or -m module)."""
    out, value_next, positional = [], False, False
    for w in words:
        if positional or not w.startswith("-") or w == "-":
            if value_next and not _APP_SPEC.match(w):
                out.append(REDACTED)
            else:
                out.append(_assignment(w, allowed) if "=" in w and not _APP_SPEC.match(w) else w)
            value_next = False
            continue
        value_next = False
        if w == "--":
            positional = True
            out.append(w)
        elif w.startswith("--"):
            name, eq, _ = w.partition("=")
            out.append(w if name in HARMLESS_OPTIONS or not eq else name + "=" + REDACTED)
            value_next = not eq and name not in HARMLESS_OPTIONS
        elif w[:2] in HARMLESS_OPTIONS:
            out.append(w)
        elif len(w) == 2 or _FLAG_CLUSTER.match(w):
            out.append(w)
            value_next = True
        else:
            out.append(w[:2] + REDACTED)
    return out


def _python_args(words, allowed):
    """CPython's own options kept (as parse_python_options reads them); -c's code redacted; the
    script or -m module kept; what follows is the program's."""
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if w == "--check-hash-based-pycs":
            out.extend(words[i:i + 2])
            i += 2
            continue
        if w == "--":
            return out + words[i:i + 2] + redact_app_args(words[i + 2:], allowed)
        if w == "-" or not w.startswith("-"):
            return out + [w] + redact_app_args(words[i + 1:], allowed)
        if w.startswith("--"):
            out.append(w)
            i += 1
            continue
        for j in range(1, len(w)):
            if w[j] in "cmWX":
                inline = w[j + 1:]
                taken = [w] if inline else words[i:i + 2]
                if w[j] == "c":
                    taken = [w[:j + 1] + REDACTED] if inline else [w] + [REDACTED] * (len(taken) - 1)
                if w[j] in "cm":
                    return out + taken + redact_app_args(words[i + len(taken):], allowed)
                out.extend(taken)
                i += len(taken) - 1
                break
        else:
            out.append(w)
        i += 1
    return out


def _env_args(words, allowed):
    """`env [-i] [-u NAME] [-C DIR] [NAME=VALUE…] COMMAND…`; -S strings are replaced whole."""
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if w in ("-u", "--unset", "-C", "--chdir"):
            out.extend(words[i:i + 2])
            i += 2
        elif w in ("-S", "--split-string"):
            return out + [w] + ([REDACTED] if i + 1 < len(words) else []) + redact_app_args(words[i + 2:], allowed)
        elif w.startswith("-S"):
            return out + ["-S" + REDACTED] + redact_app_args(words[i + 1:], allowed)
        elif w.startswith("-") and w != "-":
            out.append(w)
            i += 1
        elif "=" in w:
            out.append(_assignment(w, allowed))
            i += 1
        else:
            return out + redact_argv(words[i:], allowed)
    return out


def redact_argv(argv, allowed):
    """A command line as it may leave the target."""
    if not argv:
        return []
    head, rest = argv[0], list(argv[1:])
    if is_python_name(head):
        words = [head] + _python_args(rest, allowed)
    elif os.path.basename(head) == "env":
        words = [head] + _env_args(rest, allowed)
    else:
        words = [head] + redact_app_args(rest, allowed)
    return [redact_url_userinfo(w) for w in words]
