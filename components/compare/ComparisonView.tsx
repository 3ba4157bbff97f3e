import Link from "next/link";
import type { Comparison } from "@/lib/compare/types";
import type { PickerHost } from "@/lib/compare/picker-options";
import { compareQuery, type CompareView } from "@/lib/compare/view-state";
import { ShareDialog } from "@/components/shares/ShareDialog";
import { CopyLinkButton } from "./CopyLinkButton";
import { CopyMarkdownButton } from "./CopyMarkdownButton";
import { FieldTable } from "./FieldTable";
import { FileTable } from "./FileTable";
import { FindingsDiff } from "./FindingsDiff";
import { HeadlineTable } from "./HeadlineTable";
import { OnlyDifferencesToggle } from "./OnlyDifferencesToggle";
import { PackagesDiff } from "./PackagesDiff";
import { PermissionTable } from "./PermissionTable";
import { Section } from "./Section";
import { SidePicker } from "./SidePicker";

type Props = {
  comparison: Comparison;
  /** Null on a public share: then there are no links, actions or URL state, only the comparison. */
  permalink: string | null;
  view?: CompareView;
  /** Hosts and snapshots for the side picker; omitted where the sides cannot change. */
  picker?: PickerHost[];
};

const DEFAULT_VIEW: CompareView = { all: false, closed: [] };

/** Every section of a comparison, left and right side by side; the view (toggles, collapsed sections) from the URL. */
export function ComparisonView({ comparison: c, permalink, view = DEFAULT_VIEW, picker }: Props) {
  const exportLink = (format: string) => `/api/compare/export?left=${c.left.id}&right=${c.right.id}&format=${format}`;
  const query = compareQuery(view);
  const names = { left: c.left.host, right: c.right.host };
  const section = (id: string, title: string, differences: number, children: React.ReactNode) => (
    <Section
      id={id}
      title={title}
      differences={differences}
      closed={view.closed.includes(id)}
      remember={permalink !== null}
      showSame={view.all}
    >
      {children}
    </Section>
  );
  return (
    <div className="space-y-4">
      {permalink && (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <Link
              href={`${permalink}${query}`}
              className="font-medium text-slate-900 underline"
              data-testid="permalink"
            >
              Permanent link
            </Link>
            <CopyLinkButton path={`${permalink}${query}`} />
            <CopyMarkdownButton href={exportLink("markdown")} />
            <a href={exportLink("csv")} download className="text-slate-700 hover:underline" data-testid="download-csv">
              Download CSV
            </a>
            <ShareDialog left={c.left.id} right={c.right.id} />
            <Link
              href={`/compare/${c.right.id}/${c.left.id}${query}`}
              className="text-slate-700 hover:underline"
              data-testid="swap"
            >
              Swap sides
            </Link>
            <OnlyDifferencesToggle key={String(view.all)} all={view.all} />
          </div>
          {picker && (
            <SidePicker key={`${c.left.id}/${c.right.id}`} hosts={picker} left={c.left.id} right={c.right.id} />
          )}
        </div>
      )}
      {section(
        "headline",
        "Headline",
        c.headline.differences,
        <HeadlineTable rows={c.headline.rows} showAll={view.all} names={names} />,
      )}
      {section(
        "findings",
        "Findings",
        c.findings.differences,
        <FindingsDiff findings={c.findings} showAll={view.all} names={names} />,
      )}
      {section(
        "service",
        "Service configuration",
        c.service.differences,
        <FieldTable rows={c.service.rows} showAll={view.all} names={names} />,
      )}
      {section(
        "interpreter",
        "Interpreter",
        c.interpreter.differences,
        <FieldTable rows={c.interpreter.rows} showAll={view.all} names={names} />,
      )}
      {section(
        "permissions",
        "Permissions along the roots",
        c.permissions.differences,
        <PermissionTable section={c.permissions} names={names} />,
      )}
      {section(
        "files",
        "Files",
        c.files.differences,
        <FileTable section={c.files} rootPairs={c.rootPairs} names={names} />,
      )}
      {section("packages", "Packages", c.packages.differences, <PackagesDiff packages={c.packages} names={names} />)}
    </div>
  );
}
