import type { FixStep } from "../../types";
import type { Facts } from "./facts";
import { shellJoin } from "./shell-quote";
import { systemdManages } from "./systemd-manages";

/** daemon-reload + restart, or a plain "restart the service" when systemd does not start it. */
export function applyStep(f: Facts): FixStep {
  const unit = f.service.unit;
  if (!unit || !systemdManages(f)) {
    const how = f.service.process?.readable ? ` (it runs as ${shellJoin(f.service.process.argv)})` : "";
    return { text: `Restart the service the way it is started${how}, so its processes start with the new settings.` };
  }
  return {
    text: "Apply it: the running process keeps its old settings until it restarts.",
    code: `systemctl daemon-reload\nsystemctl restart ${shellJoin([unit])}`,
  };
}
