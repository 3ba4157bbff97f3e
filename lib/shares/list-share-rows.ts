import "server-only";
import { listSnapshotLabels } from "@/lib/db/queries/snapshots";
import { listShareViews } from "./shares";

/** Every public link for the settings list, each naming its comparison ("web · … vs db · …") and creator. */
export async function listShareRows() {
  const shares = await listShareViews();
  const labels = await listSnapshotLabels(shares.flatMap((s) => [s.left, s.right]));
  return shares.map((share) => ({
    ...share,
    comparison: `${labels.get(share.left) ?? "deleted snapshot"} vs ${labels.get(share.right) ?? "deleted snapshot"}`,
  }));
}

export type ShareRowView = Awaited<ReturnType<typeof listShareRows>>[number];
