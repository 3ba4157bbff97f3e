import type { Command } from "./command";
import { baselineCommand } from "./commands/baseline";
import { exportCommand } from "./commands/export";
import { hostsEditCommand } from "./commands/hosts-edit";
import { hostsImportSshConfigCommand } from "./commands/hosts-import-ssh-config";
import { hostsRemoveCommand } from "./commands/hosts-remove";
import { hostsShowCommand } from "./commands/hosts-show";
import { observeCommand } from "./commands/observe";
import { pruneCommand } from "./commands/prune";
import { scheduleCommand } from "./commands/schedule";
import { snapshotsCommand } from "./commands/snapshots";

/** Commands for running DeployLens day to day (README "Operations"). */
export const operationsCommands: Command[] = [
  hostsEditCommand,
  hostsRemoveCommand,
  hostsShowCommand,
  hostsImportSshConfigCommand,
  snapshotsCommand,
  observeCommand,
  exportCommand,
  pruneCommand,
  scheduleCommand,
  baselineCommand,
];
