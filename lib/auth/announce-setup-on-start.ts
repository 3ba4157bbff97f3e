import "server-only";
import { serverPublicUrl } from "@/lib/base-url";
import { announceSetupIfNeeded } from "./setup-token";

/**
 * Start-up hook: with no users, print the one-time setup link under the address the server printed (or
 * DEPLOYLENS_URL). A link on localhost after a banner on 127.0.0.1 signs the admin in under one host, and the
 * browser asks again under the other.
 */
export async function announceSetupOnStart(): Promise<void> {
  await announceSetupIfNeeded(serverPublicUrl());
}
