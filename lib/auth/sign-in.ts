import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { clearLoginFailures } from "@/lib/db/queries/login-attempts";
import { findUserByName } from "@/lib/db/queries/users";
import { UnauthorizedError } from "./auth-errors";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { recordSignInAttempt } from "./throttle";

const credentialsSchema = z.object({ name: z.string().max(200), password: z.string().max(1024) });

/**
 * Checks a name and password (throttled per account and per address) and opens a session. `address` is
 * null when the caller's address is not known; only the account is throttled then.
 */
export async function signIn(input: unknown, address: string | null) {
  const { name, password } = credentialsSchema.parse(input);
  await recordSignInAttempt(name, address);
  const user = await findUserByName(name);
  const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password);
  if (!user || !ok) {
    await recordAudit({ actor: null, address, action: "sign-in-failed", object: { type: "user", id: name } });
    // One message for both cases: the answer does not tell which names exist.
    throw new UnauthorizedError("wrong name or password");
  }
  await clearLoginFailures(name);
  const session = await createSession(user, address);
  await recordAudit({ actor: user.name, address, action: "sign-in", object: { type: "user", id: user.name } });
  return { user: { name: user.name, role: user.role }, ...session };
}
