import "server-only";
import { processSingleton } from "@/lib/process-singleton";
import { timingSafeEqual } from "node:crypto";
import { countUsers } from "@/lib/db/queries/users";
import { hashToken, newSecretToken } from "./secret-token";

// One per server process, kept in memory only: it is printed once and dies with the process.
const setup = processSingleton<{ tokenHash?: string }>("deploylensSetupToken", () => ({}));

/** With no users yet: makes the one-time setup token and prints the link on the server's console. */
export async function announceSetupIfNeeded(baseUrl: string): Promise<void> {
  if ((await countUsers()) > 0) return;
  const token = newSecretToken();
  setup.tokenHash = hashToken(token);
  console.log(`deploylens: no users yet. Create the first admin at ${baseUrl}/setup?token=${token}`);
  console.log("deploylens: (or from a terminal: deploylens users add NAME --role admin --password-stdin)");
}

export function isSetupToken(token: string | undefined | null): boolean {
  const expected = setup.tokenHash;
  if (!token || !expected) return false;
  return timingSafeEqual(Buffer.from(hashToken(token)), Buffer.from(expected));
}

/** Used once: the link stops working as soon as it made the first admin. */
export function forgetSetupToken(): void {
  delete setup.tokenHash;
}
