import type { FixStep } from "../../types";
import type { Facts } from "./facts";
import { shellJoin } from "./shell-quote";

/** daemon-reload + restart, or a plain "restart the service" when there is no unit to name. */
export function applyStep(f: Facts): FixStep {
  const unit = f.service.unit;
  if (!unit) return { text: "Restart the service so its processes start with the new settings." };
  return {
    text: "Apply it: the running process keeps its old settings until it restarts.",
    code: `systemctl daemon-reload\nsystemctl restart ${shellJoin([unit])}`,
  };
}
