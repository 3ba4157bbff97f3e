import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rule";
import { roleSchema } from "./roles";

export const userNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,62}$/, "use 1–63 letters, digits, '.', '_', '@' or '-'");
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `use at most ${PASSWORD_MAX_LENGTH} characters`);

export const userInputSchema = z.object({ name: userNameSchema, role: roleSchema, password: passwordSchema });
export type UserInput = z.infer<typeof userInputSchema>;
