import { fileQuerySchema, listSnapshotFiles } from "@/lib/snapshot-reads/snapshot-files";
import { FileExplorer } from "./FileExplorer";
import { SERVER_ROWS, fileTableFilter, statusesOf, type FirstFilePage } from "./file-table-filter";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The file table with its first rows read here, for the filters in the URL, so they are in the HTML before the
 * scripts run. Filters the API would refuse are left to the table, which shows the API's answer.
 */
export async function SnapshotFiles({ id, searchParams }: { id: string; searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filter = fileTableFilter(
    first(params.q) ?? "",
    statusesOf(first(params.status)),
    first(params.blocked) === "1",
  );
  const query = fileQuerySchema.safeParse({
    ...Object.fromEntries(new URLSearchParams(filter)),
    offset: "0",
    limit: String(SERVER_ROWS),
  });
  const firstPage: FirstFilePage | undefined = query.success
    ? { filter, ...(await listSnapshotFiles(id, query.data)) }
    : undefined;
  return <FileExplorer snapshotId={id} firstPage={firstPage} />;
}
