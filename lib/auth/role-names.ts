/**
 * Roles nest, lowest first: an operator may do all a viewer may, an admin all an operator may. Kept free of
 * zod so the browser's role menus read the same list.
 */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];
