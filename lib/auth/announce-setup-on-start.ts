import "server-only";
import { allowedOrigins } from "./request-guard";
import { announceSetupIfNeeded } from "./setup-token";

/** Start-up hook: with no users, print the one-time setup link under an origin the server answers. */
export async function announceSetupOnStart(): Promise<void> {
  const configured = process.env.DEPLOYLENS_URL ?? process.env.DEPLOYLENS_ORIGINS?.split(",")[0]?.trim();
  await announceSetupIfNeeded((configured || allowedOrigins()[0]!).replace(/\/+$/, ""));
}
