import { ROLES } from "@/lib/auth/role-names";

/** The <option>s of a role menu, lowest role first. */
export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {role}
    </option>
  ));
}
