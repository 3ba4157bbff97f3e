# Can the service identity reach, list, and write bytecode into a directory (python-bytecode.md §7–§8)? Every
# answer is memoized per directory: the walk asks once per source directory, never per file.


def writable(cause="ok", reason=None):
    return {"writable": cause == "ok", "reason": reason, "cause": cause}


class Access(object):
    def __init__(self, ident, sandbox):
        self.ident = ident
        self.sandbox = sandbox
        self.search_memo = {"/": None}
        self.write_memo = {}

    def search_block(self, path):
        """None when every directory from / down to path (inclusive) grants x; else a reason."""
        if path in self.search_memo:
            return self.search_memo[path]
        parent = os.path.dirname(path)
        answer = self.search_block(parent) if parent != path else None
        if answer is None:
            node = node_of(path)
            if node is None:
                answer = "%s does not exist" % path
            elif self.sandbox.hidden(path):
                answer = "%s is inaccessible to the service (%s)" % (path, self.sandbox.rule_for(path)[2])
            elif not allows(node, self.ident, 1):
                answer = denial(path, node, self.ident, 1)
        self.search_memo[path] = answer
        return answer

    def dir_readable(self, path):
        """The importer can list it: x on every ancestor, r+x on the directory (python-bytecode.md §8.3)."""
        node = node_of(path)
        if node is None or self.search_block(path) is not None:
            return False
        return allows(node, self.ident, 5)

    def file_readable(self, dir_path, st):
        """r on the file (mode bits) and x on every directory down to it."""
        if self.search_block(dir_path) is not None:
            return False
        return can_read_file(st, self.ident)

    def can_write(self, path):
        """May the service create and rename entries in the existing directory path?"""
        if path in self.write_memo:
            return self.write_memo[path]
        node = node_of(path)
        block = self.sandbox.write_block(path)
        parent_block = self.search_block(os.path.dirname(path)) if path != "/" else None
        if block:
            answer = writable(*block)
        elif node is None or not node.isdir:
            answer = writable("missing-parent", "%s is not a directory" % path)
        elif node.attrs & FS_IMMUTABLE_FL:
            answer = writable("immutable", "%s has the immutable attribute (chattr +i): no new entries, even for root" % path)
        elif parent_block:
            answer = writable("no-search", parent_block)
        elif not allows(node, self.ident, 3):
            # Without x the directory cannot even be entered; that is the more basic refusal.
            cause = "no-search" if not class_bits(node, self.ident, 3)[1] & 1 else "no-write"
            answer = writable(cause, denial(path, node, self.ident, 3))
        else:
            answer = writable()
        self.write_memo[path] = answer
        return answer

    def bytecode_access(self, bc_path, nearest_path):
        """Writability of a bytecode directory; when it does not exist yet, of its nearest ancestor,
        where the importer's mkdir needs w+x."""
        managed = self.sandbox.managed_dir(bc_path)
        if bc_path != nearest_path and managed and node_of(managed) is None:
            return writable()
        answer = self.can_write(nearest_path)
        if bc_path == nearest_path or answer["writable"]:
            return answer
        reason = "%s does not exist; creating it needs w+x on %s: %s" % (bc_path, nearest_path, answer["reason"])
        return writable(answer["cause"], reason)

    def replace_block(self, bc_path, stale_owners):
        """Stale pycs the service must replace in a sticky or append-only directory (python-bytecode.md §3, §8)."""
        node = node_of(bc_path)
        if not stale_owners or node is None:
            return None
        if node.attrs & FS_APPEND_FL:
            return writable("immutable", "%s is append-only (chattr +a): stale pycs cannot be replaced" % bc_path)
        uid = self.ident["uid"]
        if node.mode & stat.S_ISVTX and uid != 0 and node.uid != uid and any(o != uid for o in stale_owners):
            return writable("sticky", "%s is sticky (+t) and owned by %s: user %s cannot replace pycs owned by others" % (
                bc_path, user_name(node.uid) or node.uid, self.ident["user"]))
        return None


def nearest_existing(path):
    """(nearest existing ancestor or path itself, exists)."""
    current = path
    while node_of(current) is None and current != "/":
        current = os.path.dirname(current)
    return current, current == path
