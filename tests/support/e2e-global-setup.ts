// Builds the dashboard once per test run (only when sources changed since the last build).
import { ensureBuilt } from "../../scripts/ensure-built.mjs";

export default function globalSetup() {
  ensureBuilt();
}
