import type { Service } from "@/lib/snapshot/schema";

/**
 * When nothing named the user the service runs as (no unit, no host --user), permissions were judged for
 * the collecting user: a root collection then calls every directory writable. Say so wherever blocked
 * counts are shown; null when a unit or the host setting named the user.
 */
export function identityNote(service: Pick<Service, "source" | "identity">): string | null {
  const source = service.identity.source ?? (service.source === "none" ? "collecting-user" : "unit");
  if (source !== "collecting-user") return null;
  return (
    `Blocked counts are for the collecting user (${service.identity.user}): no unit or --user names the user ` +
    "the service runs as."
  );
}
