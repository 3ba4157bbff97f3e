import type { Root, Writability } from "@/lib/snapshot/schema";

export type WritableSummary = {
  /** Source directories with a bytecode location (directories holding at least one source). */
  dirs: number;
  writable: number;
  notWritable: number;
  /** Not-writable directories by the kernel/systemd rule that decided it. */
  byCause: Partial<Record<Writability["cause"], number>>;
};

/** How many source directories' bytecode locations the service user can create or replace pycs in. */
export function writableSummary(roots: readonly Root[]): WritableSummary {
  const summary: WritableSummary = { dirs: 0, writable: 0, notWritable: 0, byCause: {} };
  for (const root of roots) {
    for (const dir of root.dirs) {
      if (!dir.bytecode) continue;
      summary.dirs++;
      if (dir.bytecode.access.writable) {
        summary.writable++;
      } else {
        summary.notWritable++;
        const cause = dir.bytecode.access.cause;
        summary.byCause[cause] = (summary.byCause[cause] ?? 0) + 1;
      }
    }
  }
  return summary;
}
