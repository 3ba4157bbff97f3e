import { expect, test } from "vitest";
import { impactSection } from "@/lib/compare/impact-section";
import type { Finding, SnapshotInput } from "@/lib/analysis/types";
import { InventoryBuilder } from "@/tests/support/inventory-builder";

// The compare page's "what would make the right side like the left": the right side's fixes, largest predicted
// saving first, and findings without a prediction left out.
const snapshot = (): SnapshotInput =>
  new InventoryBuilder({ user: "app", unit: "app.service" }).root("/srv/app").snapshot();

const finding = (id: string, high: number | null): Finding => ({
  id,
  severity: "warning",
  title: id,
  detail: "",
  evidence: [],
  fix: [
    {
      text: "do it",
      predicted: { blocked: 0, startupCoverage: 100, cpuSecondsPerDay: high === null ? null : { low: high / 2, high } },
    },
  ],
});

test("fixes are ordered by predicted saving, largest first; unknown savings last", () => {
  const section = impactSection(snapshot(), snapshot(), [
    finding("gunicorn-preload-off", 0.4),
    finding("pycache-not-writable", 1.2),
    finding("autoreload-in-production", null),
  ]);
  expect(section.fixes.map((f) => f.id)).toEqual([
    "pycache-not-writable",
    "gunicorn-preload-off",
    "autoreload-in-production",
  ]);
});

test("a finding without a prediction is not a fix to list", () => {
  const bare: Finding = { ...finding("orphan-bytecode", 1), fix: [{ text: "delete" }] };
  expect(impactSection(snapshot(), snapshot(), [bare]).fixes).toEqual([]);
});
