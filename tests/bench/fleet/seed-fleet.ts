import type { BenchTarget } from "../e2e/worker-protocol";
import { compressedHourlySchedule } from "./fleet-schedule";

export type FleetSeed = {
  hosts: number;
  /** The real sshd targets; every other host of a cycle of targets + 1 is the local machine. */
  targets: BenchTarget[];
  root: string;
  python: string;
  hourSeconds: number;
};

const BATCH = 500;
const name = (index: number) => `fleet-${String(index).padStart(5, "0")}`;

/**
 * Saves `hosts` hosts into the database this process opened (DATABASE_URL): one real host per target (an SSH host
 * per sshd with its key pinned, and a local one), the rest copies of those rows under their own names, all with
 * the same small tree and each with its own offset in the compressed hour. Hosts are only rows: thousands of them
 * share a few real targets, as a fleet of identical servers does. Returns their ids in index order.
 */
export async function seedFleet(seed: FleetSeed): Promise<string[]> {
  const { prisma } = await import("@/lib/db/client");
  const { encodeAppRoots, encodeEntryPoints, encodeJumpChain } = await import("@/lib/db/host-columns");
  const { createHost } = await import("@/lib/hosts/create-host");
  const { createBenchHost } = await import("../e2e/bench-host");
  const limits = { measureStartup: false, maxFiles: 100_000, timeoutSeconds: 120 };
  const templates = [];
  for (const [i, target] of seed.targets.entries())
    templates.push(await createBenchHost(name(i), seed.root, target, seed.python));
  templates.push(
    await createHost({
      transport: "local",
      name: name(seed.targets.length),
      appRoots: [seed.root],
      python: seed.python,
      ...limits,
    }),
  );
  const schedule = (index: number) => compressedHourlySchedule(index, seed.hosts, seed.hourSeconds);
  for (const [i, template] of templates.entries())
    await prisma.host.update({ where: { id: template.id }, data: { ...limits, schedule: schedule(i) } });
  for (let from = templates.length; from < seed.hosts; from += BATCH) {
    const rows = [];
    for (let index = from; index < Math.min(seed.hosts, from + BATCH); index++) {
      const {
        id: _id,
        createdAt: _created,
        appRoots,
        entryPoints,
        jumpChain,
        ...row
      } = templates[index % templates.length]!;
      // Written straight to the table, so its JSON columns are encoded as lib/db's writes encode them.
      const columns = {
        appRoots: encodeAppRoots(appRoots),
        entryPoints: encodeEntryPoints(entryPoints),
        jumpChain: encodeJumpChain(jumpChain),
      };
      rows.push({ ...row, ...columns, ...limits, name: name(index), schedule: schedule(index) });
    }
    await prisma.host.createMany({ data: rows });
  }
  const ids = await prisma.host.findMany({ select: { id: true }, orderBy: { name: "asc" } });
  return ids.map((row) => row.id);
}
