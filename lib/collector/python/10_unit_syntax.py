# systemd syntax, as systemd.unit(5) and systemd.exec(5) (v252) define it: unit file lines,
# word splitting with quotes and C escapes, specifiers, and EnvironmentFile= contents.

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_C_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
              "\\": "\\", '"': '"', "'": "'", "s": " "}


def parse_unit_text(text):
    """[(section, key, value)] in file order. A trailing backslash joins the next line with a space;
    comment lines inside such a continuation are dropped, as systemd's config parser does."""
    out = []
    section = None
    pending = None
    for raw in text.splitlines():
        line = raw.strip()
        if pending is not None:
            if line[:1] in ("#", ";"):
                continue
            line = pending + line
            pending = None
        elif not line or line[:1] in ("#", ";"):
            continue
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif "=" in line:
            key, _, value = line.partition("=")
            out.append((section, key.strip(), value.strip()))
    if pending is not None and "=" in pending:
        key, _, value = pending.partition("=")
        out.append((section, key.strip(), value.strip()))
    return out


def _unescape_at(s, i):
    """C escape starting after the backslash at s[i-1]; returns (text, next index)."""
    c = s[i] if i < len(s) else ""
    if c in _C_ESCAPES:
        return _C_ESCAPES[c], i + 1
    if c == "x" and re.match(r"[0-9a-fA-F]{2}", s[i + 1:i + 3]):
        return chr(int(s[i + 1:i + 3], 16)), i + 3
    if re.match(r"[0-7]{3}", s[i:i + 3]):
        return chr(int(s[i:i + 3], 8)), i + 3
    return ("\\" + c), i + 1


def split_words(s):
    """extract_first_word(EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE) repeated: whitespace separates words,
    '…' and "…" may quote any part of a word, backslash escapes work in and out of quotes.
    Returns [(word, was_quoted_or_escaped)] so a bare ';' can be told from a literal one."""
    words = []
    i, n = 0, len(s)
    while True:
        while i < n and s[i] in " \t\n\r":
            i += 1
        if i >= n:
            return words
        word, quote, literal = [], None, False
        while i < n:
            c = s[i]
            if c == "\\":
                text, i = _unescape_at(s, i + 1)
                word.append(text)
                literal = True
                continue
            if quote:
                if c == quote:
                    quote = None
                else:
                    word.append(c)
            elif c in "\"'":
                quote, literal = c, True
            elif c in " \t\n\r":
                break
            else:
                word.append(c)
            i += 1
        words.append(("".join(word), literal))


def unit_unescape(s):
    """systemd's unit-name unescaping (%I, %P): '-' is '/', \\xHH is a byte."""
    s = s.replace("-", "/")
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), s)


def specifier_table(unit, fragment):
    """Specifiers of the system manager. %h and %u are root's, not User='s (systemd.unit(5))."""
    name = unit or ""
    stem, _, _ = name.rpartition(".") if "." in name else (name, "", "")
    prefix, at, instance = stem.partition("@")
    os_id = ""
    release = read_text("/etc/os-release") or read_text("/usr/lib/os-release") or ""
    match = re.search(r"^ID=\"?([^\"\n]*)\"?$", release, re.M)
    if match:
        os_id = match.group(1)
    host = socket.gethostname()
    table = {
        "n": name, "N": stem, "p": prefix, "P": unit_unescape(prefix), "i": instance, "I": unit_unescape(instance),
        "j": prefix.rpartition("-")[2], "J": unit_unescape(prefix.rpartition("-")[2]),
        "f": "/" + unit_unescape(instance or prefix).lstrip("/"),
        "C": "/var/cache", "S": "/var/lib", "L": "/var/log", "E": "/etc", "t": "/run", "T": "/tmp", "V": "/var/tmp",
        "h": "/root", "u": "root", "U": "0", "g": "root", "G": "0", "s": "/bin/sh",
        "H": host, "l": host.split(".")[0], "v": os.uname().release, "o": os_id,
        "m": (read_text("/etc/machine-id") or "").strip(),
        "b": (read_text("/proc/sys/kernel/random/boot_id") or "").strip().replace("-", ""),
        "y": fragment or "", "Y": os.path.dirname(fragment) if fragment else "", "%": "%",
    }
    return table


def expand_specifiers(s, table):
    """%X → its value; an unknown specifier is kept as written (systemd would reject the line)."""
    if "%" not in s:
        return s
    return re.sub(r"%(.)", lambda m: table.get(m.group(1), m.group(0)), s)


class _EnvFile(object):
    """systemd's env-file.c state machine, one method per state; each takes one character."""

    def __init__(self):
        self.env, self.state = {}, self.pre_key
        self.key, self.value, self.trail = [], [], None  # trail: where trailing blanks of a bare value start

    def pre_key(self, c):
        if c in "#;":
            self.state = self.comment
        elif c not in " \t\n\r":
            self.key, self.value, self.trail, self.state = [c], [], None, self.in_key

    def in_key(self, c):
        if c in "\n\r":
            self.state = self.pre_key
        elif c == "=":
            self.state = self.pre_value
        else:
            self.key.append(c)

    def end_line(self):
        if self.state == self.value_bare and self.trail is not None:
            del self.value[self.trail:]
        name = "".join(self.key).strip()
        if _ENV_NAME.match(name):
            self.env[name] = "".join(self.value)
        self.state = self.pre_key

    def pre_value(self, c):
        if c in "'\"":
            self.state = self.single if c == "'" else self.double
        elif c not in " \t":
            self.value_bare(c)

    def value_bare(self, c):
        if c in "\n\r":
            self.end_line()
        elif c == "\\":
            self.state, self.trail = self.escape, None
        else:
            self.trail = (len(self.value) if self.trail is None else self.trail) if c in " \t" else None
            self.value.append(c)
            self.state = self.value_bare

    def escape(self, c):
        if c not in "\n\r":
            self.value.append(c)
        self.state = self.value_bare

    def single(self, c):
        if c == "'":
            self.state = self.pre_value
        else:
            self.value.append(c)

    def double(self, c):
        if c == '"':
            self.state = self.pre_value
        elif c == "\\":
            self.state = self.double_escape
        else:
            self.value.append(c)

    def double_escape(self, c):
        if c in "\"\\`$":
            self.value.append(c)
        elif c != "\n":
            self.value.extend(("\\", c))
        self.state = self.double

    def comment(self, c):
        if c == "\\":
            self.state = self.comment_escape
        elif c in "\n\r":
            self.state = self.pre_key

    def comment_escape(self, c):
        self.state = self.pre_key if c in "\n\r" else self.comment


def parse_env_file(text):
    """EnvironmentFile= contents, following systemd's env-file.c: KEY=VALUE lines, #/; comments,
    '…' and "…" quoting, backslash escapes and continuations. Later keys win."""
    parser = _EnvFile()
    for c in text + "\n":
        if c in "\n\r" and parser.state == parser.pre_value:
            parser.end_line()
        else:
            parser.state(c)
    return parser.env
