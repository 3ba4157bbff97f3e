import "server-only";
import { countUsers, listUsers, toUserView } from "@/lib/db/queries/users";

/** The accounts as the settings page shows them (never a password hash). */
export async function listUserViews(): Promise<ReturnType<typeof toUserView>[]> {
  return (await listUsers()).map(toUserView);
}

/** No account exists yet: the sign-in page points to the setup link instead. */
export async function isFirstRun(): Promise<boolean> {
  return (await countUsers()) === 0;
}
