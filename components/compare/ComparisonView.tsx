import Link from "next/link";
import type { Comparison } from "@/lib/analysis/compare/types";
import { ShareDialog } from "@/components/shares/ShareDialog";
import { CopyLinkButton } from "./CopyLinkButton";
import { FieldTable } from "./FieldTable";
import { FileTable } from "./FileTable";
import { FindingsDiff } from "./FindingsDiff";
import { HeadlineTable } from "./HeadlineTable";
import { PackagesDiff } from "./PackagesDiff";
import { PermissionTable } from "./PermissionTable";
import { Section } from "./Section";

type Props = { comparison: Comparison; permalink: string | null; showAll: boolean };

/**
 * Every section of a comparison; `showAll` (query `?fields=all`) lists unchanged settings too.
 * Without a permalink (a public share) there are no links or actions, only the comparison.
 */
export function ComparisonView({ comparison: c, permalink, showAll }: Props) {
  const exportLink = (format: string) => `/api/compare/export?left=${c.left.id}&right=${c.right.id}&format=${format}`;
  return (
    <div className="space-y-4">
      {permalink && (
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <Link href={permalink} className="font-medium text-slate-900 underline" data-testid="permalink">
            Permanent link
          </Link>
          <Link href={`${permalink}${showAll ? "" : "?fields=all"}`} className="text-slate-600 hover:underline">
            {showAll ? "Only differences" : "Show unchanged settings"}
          </Link>
          <CopyLinkButton path={permalink} />
          <ShareDialog left={c.left.id} right={c.right.id} />
          {["markdown", "csv", "json"].map((format) => (
            <a key={format} href={exportLink(format)} className="text-slate-600 hover:underline">
              Export {format}
            </a>
          ))}
        </div>
      )}
      <Section id="headline" title="Headline" differences={c.headline.differences}>
        <HeadlineTable rows={c.headline.rows} />
      </Section>
      <Section id="findings" title="Findings" differences={c.findings.differences}>
        <FindingsDiff findings={c.findings} />
      </Section>
      <Section id="service" title="Service configuration" differences={c.service.differences}>
        <FieldTable rows={c.service.rows} showAll={showAll} />
      </Section>
      <Section id="interpreter" title="Interpreter" differences={c.interpreter.differences}>
        <FieldTable rows={c.interpreter.rows} showAll={showAll} />
      </Section>
      <Section id="permissions" title="Permissions along the roots" differences={c.permissions.differences}>
        <PermissionTable section={c.permissions} />
      </Section>
      <Section id="files" title="Files" differences={c.files.differences}>
        <FileTable section={c.files} />
      </Section>
      <Section id="packages" title="Packages" differences={c.packages.differences}>
        <PackagesDiff packages={c.packages} />
      </Section>
    </div>
  );
}
