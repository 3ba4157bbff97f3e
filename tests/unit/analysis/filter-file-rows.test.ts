import { expect, test } from "vitest";
import type { FileRow } from "@/lib/analysis/file-rows";
import { filterFileRows, lowerPathsOf } from "@/lib/analysis/filter-file-rows";

const row = (root: string, path: string): FileRow => ({
  root,
  path,
  status: "fresh",
  blocked: false,
  pycPath: null,
  reason: null,
});
const rows = [row("/Opt/App", "Pkg/Views.py"), row("/opt/app", "pkg/models.py"), row("/srv/other", "app/pkg.py")];

test.each([
  ["a name in any case", "VIEWS", ["Pkg/Views.py"]],
  ["the root alone matches all its rows", "/opt/app", ["Pkg/Views.py", "pkg/models.py"]],
  ["across the root and the path", "app/pkg/m", ["pkg/models.py"]],
  ["the slash between them", "other/app", ["app/pkg.py"]],
  ["the end of the root and a whole path", "app/pkg/views.py", ["Pkg/Views.py"]],
  ["surrounding blanks are ignored", "  models ", ["pkg/models.py"]],
  ["no row", "app/pkg/x", []],
])("%s: %s", (_, query, paths) => {
  const filter = { query, statuses: new Set<FileRow["status"]>(), blockedOnly: false };
  expect(filterFileRows(rows, filter).map((r) => r.path)).toEqual(paths);
  expect(filterFileRows(rows, filter, lowerPathsOf(rows)).map((r) => r.path)).toEqual(paths);
});
