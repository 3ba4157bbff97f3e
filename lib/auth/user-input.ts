import { z } from "zod";
import { roleSchema } from "./roles";

export const userNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,62}$/, "use 1–63 letters, digits, '.', '_', '@' or '-'");
// Long passphrases are welcome; the cap keeps one scrypt call bounded.
export const passwordSchema = z.string().min(10, "use at least 10 characters").max(1024, "use at most 1024 characters");

export const userInputSchema = z.object({ name: userNameSchema, role: roleSchema, password: passwordSchema });
export type UserInput = z.infer<typeof userInputSchema>;
