import "server-only";
import { listHosts } from "@/lib/db/queries/hosts";
import { listSnapshots } from "@/lib/db/queries/snapshots";

export type PickerSnapshot = { id: string; label: string };
export type PickerHost = { name: string; snapshots: PickerSnapshot[] };

const PER_HOST = 20;

/** Every host with its recent successful snapshots, newest first: the first one is the host's "latest". */
export async function listPickerOptions(): Promise<PickerHost[]> {
  const hosts = await listHosts();
  const options = await Promise.all(
    hosts.map(async (host) => {
      const snapshots = (await listSnapshots(host.id, { take: PER_HOST * 2 }))
        .filter((s) => s.status === "ok")
        .slice(0, PER_HOST);
      return {
        name: host.name,
        snapshots: snapshots.map((s, i) => ({
          id: s.id,
          label: `${host.name} · ${i === 0 ? "latest, " : ""}${s.takenAt.toISOString().replace("T", " ").slice(0, 19)} UTC`,
        })),
      };
    }),
  );
  return options.filter((host) => host.snapshots.length > 0);
}
