import { trustedProxies } from "./trusted-proxies";

/** A mistyped DEPLOYLENS_TRUSTED_PROXIES stops the server at start, not every sign-in later. */
export function checkTrustedProxiesOnStart(): void {
  try {
    trustedProxies(process.env.DEPLOYLENS_TRUSTED_PROXIES);
  } catch (error) {
    console.error(`deploylens: refusing to start. ${(error as Error).message}`);
    process.exit(1);
  }
}
