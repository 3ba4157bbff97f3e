import "server-only";
import { allowedOrigins } from "./request-guard";
import { announceSetupIfNeeded } from "./setup-token";

/**
 * The origin `next start` printed as "Local:" (it sets this before the instrumentation hook runs). The
 * setup link must use that same host: a link on localhost after a banner on 127.0.0.1 signs the admin
 * in under one host, and the browser asks again under the other.
 */
function printedOrigin(): string | undefined {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN?.replace(/\/+$/, "");
  return origin && allowedOrigins().includes(origin) ? origin : undefined;
}

/** Start-up hook: with no users, print the one-time setup link under an origin the server answers. */
export async function announceSetupOnStart(): Promise<void> {
  const configured = process.env.DEPLOYLENS_URL ?? process.env.DEPLOYLENS_ORIGINS?.split(",")[0]?.trim();
  await announceSetupIfNeeded((configured || printedOrigin() || allowedOrigins()[0]!).replace(/\/+$/, ""));
}
