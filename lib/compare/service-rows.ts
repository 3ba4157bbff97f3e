import type { Service } from "@/lib/snapshot/schema";
import { show, type FieldEntry } from "./field-rows";

const FIELDS = [
  "unit",
  "source",
  "user",
  "group",
  "supplementaryGroups",
  "dynamicUser",
  "workingDirectory",
  "execStart",
  "protectSystem",
  "protectHome",
  "readOnlyPaths",
  "readWritePaths",
  "privateTmp",
  "cacheDirectory",
  "stateDirectory",
  "umask",
] as const satisfies readonly (keyof Service)[];

/** systemd's defaults, shown instead of "unset" so an unset User= reads as what it means. */
const UNSET: Partial<Record<(typeof FIELDS)[number], string>> = {
  user: "(root)",
  group: "(user's group)",
  umask: "0022",
};

const quoteWord = (word: string) => (/[\s"]/.test(word) ? JSON.stringify(word) : word);

/**
 * The service configuration key by key, each Environment= variable as its own `env.KEY` row. Two
 * redacted values compare as equal (neither left the target); redacted against a value as changed.
 */
export function serviceEntries(left: Service, right: Service): FieldEntry[] {
  const entries: FieldEntry[] = FIELDS.map((key) => {
    const value = (s: Service) =>
      (key === "execStart" ? show(s.execStart.map(quoteWord)) : show(s[key])) || (UNSET[key] ?? "(unset)");
    return { key, left: value(left), right: value(right) };
  });
  entries.push({ key: "identity", left: identity(left), right: identity(right) });
  const keys = [...new Set([...Object.keys(left.environment), ...Object.keys(right.environment)])].sort();
  for (const key of keys) {
    entries.push({ key: `env.${key}`, left: left.environment[key] ?? null, right: right.environment[key] ?? null });
  }
  return entries;
}

/** Uids differ between hosts for the same account, so the name and the capability are what compare. */
const identity = (s: Service) => `${s.identity.user}${s.identity.dacOverride ? " (CAP_DAC_OVERRIDE)" : ""}`;
