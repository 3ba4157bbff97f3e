# Which interpreter the service runs and with which options: ExecStart's argv[0] when it is a python,
# a console script's shebang (also "#!/usr/bin/env python3" and pip's /bin/sh "exec" trampoline),
# or `env python3 …` in ExecStart. The words are parsed like CPython's getopt (Python/getopt.c).

SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
_PYTHON_NAME = re.compile(r"^(python|pypy)([0-9]+(\.[0-9]+)*)?[a-z]?$")
_SH_TRAMPOLINE = re.compile(rb"^'''exec' (\S+|\"[^\"]+\") \"\$0\" \"\$@\"", re.M)


def is_python_name(path):
    return bool(_PYTHON_NAME.match(os.path.basename(path)))


def which(name, search_path):
    if "/" in name:
        return name
    for d in (search_path or "").split(":"):
        candidate = os.path.join(d or ".", name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def _after_env(words):
    """The command `env [-i] [-u NAME] [-S 'STRING'] [VAR=value] cmd args` runs: (cmd, args)."""
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("-u", "--unset", "-C", "--chdir"):
            i += 2
        elif w in ("-S", "--split-string"):
            return _after_env((words[i + 1] if i + 1 < len(words) else "").split() + words[i + 2:])
        elif w.startswith("-S"):
            return _after_env(w[2:].split() + words[i + 1:])
        elif (w.startswith("-") and w != "-") or "=" in w:
            i += 1
        else:
            return w, words[i + 1:]
    return None, []


def _shebang(path):
    """(interpreter, [words]) from a script's first line, or None for a binary or no shebang."""
    head = read_bytes(path, 4096)
    if not head or not head.startswith(b"#!"):
        return None
    line = head[2:].split(b"\n", 1)[0].decode("utf-8", "surrogateescape").strip()
    interp, _, arg = line.partition(" ")
    arg = arg.strip()
    if os.path.basename(interp) == "sh":
        match = _SH_TRAMPOLINE.search(head)
        if match:
            return match.group(1).decode("utf-8", "surrogateescape").strip('"'), []
    # Linux passes everything after the interpreter as ONE argument; env -S splits it itself.
    return interp, ([arg] if arg else [])


def python_command(exec_argv, search_path):
    """{"interp", "origin", "shebangWords", "args", "script"} for the service's command, where args
    are the words CPython parses as options; None when argv[0] is not recognisably Python."""
    if not exec_argv:
        return None
    head, rest = which(exec_argv[0], SYSTEMD_PATH) or exec_argv[0], list(exec_argv[1:])
    if os.path.basename(head) == "env":
        cmd, rest = _after_env(rest)
        head = which(cmd, search_path) if cmd else None
        if head is None:
            return None
    if is_python_name(head):
        return {"interp": head, "origin": "exec-start", "shebang": None, "shebangWords": [], "args": rest}
    shebang = _shebang(head)
    if shebang is None:
        return None
    interp, words = shebang
    if os.path.basename(interp) == "env":
        words = words[0].split() if words and words[0].startswith("-S") else words
        cmd, words = _after_env(words)
        interp = which(cmd, search_path) if cmd else None
    if not interp or not is_python_name(interp):
        return None
    words = [w for part in words for w in part.split()]
    return {"interp": interp, "origin": "shebang", "shebang": head, "shebangWords": words, "args": words + [head] + rest}


def parse_python_options(words):
    """CPython's command-line options up to the script, -m, -c or '-'. -X pycache_prefix: the FIRST
    occurrence wins (_Py_get_xoption); --check-hash-based-pycs: the last one."""
    o = {"B": False, "O": 0, "E": False, "I": False, "s": False, "S": False,
         "xprefix": None, "checkHash": None, "script": None, "module": None, "warn": False}
    i = 0
    while i < len(words):
        w = words[i]
        if w == "--check-hash-based-pycs":
            o["checkHash"] = words[i + 1] if i + 1 < len(words) else None
            i += 2
            continue
        if w in ("-", "--") or not w.startswith("-"):
            o["script"] = words[i + 1] if w == "--" and i + 1 < len(words) else (w if w != "-" and w != "--" else None)
            return o
        if w.startswith("--"):
            i += 1
            continue
        j = 1
        while j < len(w):
            letter = w[j]
            if letter in "cmWX":
                value = w[j + 1:] or (words[i + 1] if i + 1 < len(words) else "")
                i += 0 if w[j + 1:] else 1
                if letter == "m":
                    o["module"] = value
                if letter in "cm":
                    return o
                if letter == "X" and value.split("=")[0] == "pycache_prefix" and o["xprefix"] is None:
                    o["xprefix"] = value
                o["warn"] = o["warn"] or letter == "W" or value == "dev"  # sys.warnoptions not empty
                break
            if letter in "BEIsS":
                o[letter] = True
            elif letter == "b":
                o["warn"] = True
            elif letter == "O":
                o["O"] += 1
            j += 1
        i += 1
    return o
