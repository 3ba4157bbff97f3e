import type { Finding } from "../../types";
import type { Facts } from "./facts";
import { shellJoin } from "./shell-quote";

const bare = (id: string) => id.replace(/^sha256:/, "");

/**
 * restart-pending for a container: its tag now names another image than the one it runs, so a re-created
 * container (compose up, a deploy script) would start different code and bytecode. A restart keeps the old
 * image: only re-creating it applies the new one.
 */
export function imageMoved(f: Facts): Finding | null {
  const c = f.service.container;
  if (!c?.imageId || !c.tagImageId || !c.image) return null;
  if (bare(c.imageId) === bare(c.tagImageId)) return null;
  return {
    id: "restart-pending",
    severity: "warning",
    title: "The running container predates its image tag",
    detail:
      `${c.image} now names another image than the one this container was created from. What this snapshot ` +
      "reports is the old image; a re-created container would run the new one, with its own files and pycs.",
    evidence: [
      { label: "Running image", value: bare(c.imageId).slice(0, 12) },
      { label: `${c.image} now`, value: bare(c.tagImageId).slice(0, 12) },
    ],
    fix: [
      {
        text: "Re-create the container from the tag (a restart keeps the old image), keeping its other run options.",
        code: [
          `${c.engine} rm -f ${shellJoin([c.name])}`,
          `${c.engine} run -d --name ${shellJoin([c.name])} … ${shellJoin([c.image])}`,
        ].join("\n"),
      },
    ],
  };
}
