import type { OptionSpec } from "./command";

/** The options `hosts add`, `hosts edit` and `hosts import-ssh-config` share: what is collected, and how. */
export const hostSettingOptions = (unchanged: boolean): Record<string, OptionSpec> => {
  const or = (text: string) => (unchanged ? "unchanged" : text);
  return {
    "app-root": {
      type: "string",
      multiple: true,
      value: "PATH",
      description: "An absolute folder of the application's sources to scan.",
      default: or("none: at least one is required"),
    },
    service: {
      type: "string",
      value: "UNIT",
      description: "The systemd unit that runs the service (its interpreter, user and environment).",
      default: or("none"),
    },
    "unit-file": {
      type: "string",
      value: "PATH",
      description: "Read the unit from this file instead of asking systemd where it is.",
      default: or("none"),
    },
    python: {
      type: "string",
      value: "PATH",
      description: "The service's interpreter, when no unit says it.",
      default: or("from the unit, else python3"),
    },
    entry: {
      type: "string",
      multiple: true,
      value: "MODULE[:ATTR]",
      description: "An entry point added to those derived from ExecStart (e.g. wsgi:app).",
      default: or("none"),
    },
    "max-files": {
      type: "string",
      value: "N",
      description: "Stop the walk after N files and mark the snapshot truncated (100 to 5000000).",
      default: or("300000"),
    },
    timeout: {
      type: "string",
      value: "SECONDS",
      description: "Give up a collection after this many seconds (5 to 3600).",
      default: or("120"),
    },
    "no-startup-cost": {
      type: "boolean",
      description: "Do not measure what the blocked startup modules cost to compile.",
      default: or("measured"),
    },
    schedule: {
      type: "string",
      value: "CRON",
      description: 'Collect on this cron schedule while the dashboard runs ("0 * * * *" hourly).',
      default: or("no schedule"),
    },
  };
};

/** How an SSH host is reached and logs in: `hosts add` and `hosts edit`. */
export const sshConnectionOptions = (unchanged: boolean): Record<string, OptionSpec> => {
  const or = (text: string) => (unchanged ? "unchanged" : text);
  return {
    ssh: {
      type: "string",
      value: "TARGET",
      description: "USER@HOST[:PORT], or an alias of ~/.ssh/config.",
      default: or("none: --local or --ssh is required"),
    },
    "ssh-config": {
      type: "string",
      value: "FILE",
      description: "Read the --ssh alias from this ssh_config file.",
      default: "~/.ssh/config",
    },
    identity: {
      type: "string",
      value: "FILE",
      description: "Log in with this private key file.",
      default: or("the alias's IdentityFile, else the ssh-agent"),
    },
    "password-stdin": {
      type: "boolean",
      description: "Log in with a password read from stdin (stored encrypted).",
      default: or("off"),
    },
    jump: {
      type: "string",
      value: "TARGET",
      description: "Connect through this jump host, USER@HOST[:PORT] (replaces the alias's ProxyJump).",
      default: or("the alias's ProxyJump, else none"),
    },
    "jump-identity": {
      type: "string",
      value: "FILE",
      description: "The jump host logs in with this private key file.",
      default: or("the ssh-agent"),
    },
  };
};
