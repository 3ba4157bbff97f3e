import { z } from "zod";

/** Roles nest: an operator may do all a viewer may, an admin all an operator may. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export function hasRole(actual: string, needed: Role): boolean {
  return ROLES.indexOf(actual as Role) >= ROLES.indexOf(needed);
}
