import { z } from "zod";
import { ROLES, type Role } from "./role-names";

export { ROLES, type Role };
export const roleSchema = z.enum(ROLES);

export function hasRole(actual: string, needed: Role): boolean {
  return ROLES.indexOf(actual as Role) >= ROLES.indexOf(needed);
}
