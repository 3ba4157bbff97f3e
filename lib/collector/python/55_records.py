# The per-file records leave while the walk runs, so that their transfer, validation, hashing and
# compression on the dashboard overlap the walk instead of following it.
#
# Where lines are cut depends only on counts (RECORD_BATCH items of one root's field, the rest when the
# root ends), so identical trees give identical lines in an identical order: the stored blob's hash,
# and with it deduplication, does not depend on timing. When a line leaves depends on whether its items
# are final, and lines always leave in the order they were cut.

# The per-file arrays of a root; lib/snapshot/inventory-records.ts reads them.
RECORD_FIELDS = ("dirs", "extraPycs", "skipped", "sources")
# A source travels as a row of its values in this order, not as an object: sources are ~95 % of the output,
# and without their seven key names each is ~40 % shorter to encode, send, decrypt and parse.
SOURCE_ROW = ("path", "size", "mtime", "status", "reason", "pyc", "pycUid")
_source_row = operator.itemgetter(*SOURCE_ROW)
# Items per "records" line: small lines keep the dashboard's memory flat whatever the tree's size.
RECORD_BATCH = 1000
_HASH_PYCS = frozenset(("checked-hash", "unchecked-hash"))


class RecordStream(object):
    """Cuts the roots' per-file arrays into "records" lines as the walk appends to them, and sends a line
    once every item in it (and in every line before it) is final. A record is final once the directory
    that holds it is inspected, except a FRESH source, which can still change after the walk:
    - behind a hash pyc, settle_hashes compares its source hash (one helper run after the walk);
    - behind any pyc, settle_bodies unmarshals it when the whole tree has at most MARSHAL_CHECK_MAX
      fresh pycs. Fresh timestamp pycs stay fresh until then, so once the walk has found more than
      MARSHAL_CHECK_MAX of them, that check can no longer run: its jobs are gone (ctx.marshal_jobs is None,
      keep_marshal_jobs in 50_pyc.py).
    A small tree therefore sends everything after the walk, as before; so does everything after a hash pyc.
    """

    def __init__(self):
        # [root, field, items, waits on: None, "marshal" or "hash", the root's array, items' start in it],
        # cut, not yet sent
        self.lines = []
        self.sent = 0  # lines[:sent] have left
        self.cut = {}  # (root, field) → items of that array already cut into lines
        self.settled = False

    def _cut(self, index, root, field, whole):
        items = root[field]
        start = self.cut.get((index, field), 0)
        while len(items) - start >= RECORD_BATCH or (whole and len(items) > start):
            batch = items[start:start + RECORD_BATCH]
            self.lines.append([index, field, batch, self._waits_on(field, batch), items, start])
            start += len(batch)
        self.cut[(index, field)] = start

    def _waits_on(self, field, batch):
        if field != "sources":
            return None
        waits = None
        for source in batch:
            if source["status"] == "fresh":
                if source["pyc"] in _HASH_PYCS:
                    waits = "hash"
                else:
                    waits = waits or "marshal"
        return waits

    def _ready(self, waits, ctx):
        return waits is None or self.settled or (waits == "marshal" and ctx.marshal_jobs is None)

    def _send(self, ctx):
        lines = self.lines
        while self.sent < len(lines) and self._ready(lines[self.sent][3], ctx):
            index, field, items, _, array, start = lines[self.sent]
            lines[self.sent] = None
            self.sent += 1
            if field == "sources":
                items = [_source_row(source) for source in items]
                # A sent source is final, so the root keeps nothing of it but its place: the startup closure
                # judges a sent file's directory again when it needs the file (64_startup.py). Kept, the
                # sources would hold memory on the target in proportion to the tree.
                array[start:start + len(items)] = [None] * len(items)
            emit({"type": "records", "root": index, "field": field, "items": items})

    def walked(self, index, root, ctx):
        """After each directory: cuts the full lines and sends what is final."""
        for field in RECORD_FIELDS:
            self._cut(index, root, field, False)
        self._send(ctx)

    def root_done(self, index, root, ctx):
        """After each root: cuts the rest of its arrays, field by field."""
        for field in RECORD_FIELDS:
            self._cut(index, root, field, True)
        self._send(ctx)

    def finish(self, roots):
        """After settle_hashes and settle_bodies: sends every line still held and empties the roots'
        arrays, so the result event carries the rest of the inventory."""
        self.settled = True
        self._send(None)
        for root in roots:
            for field in RECORD_FIELDS:
                root[field] = []


RECORDS = RecordStream()
