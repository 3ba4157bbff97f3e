// Type-only: the bench signs in with these helpers too, outside the Playwright runner.
import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { startApp, type RunningApp } from "./app";
import { runCli } from "./run-cli";

export type TestUser = { name: string; role: "admin" | "operator" | "viewer"; password: string };
export const ADMIN: TestUser = { name: "admin", role: "admin", password: "correct horse battery staple" };
export const SESSION_COOKIE = "deploylens_session";

/** Adds a user the way an operator would: the real CLI against the app's database. */
export async function addUser(app: Pick<RunningApp, "databaseFile">, user: TestUser): Promise<void> {
  const result = await runCli(["users", "add", user.name, "--role", user.role, "--password-stdin"], {
    databaseFile: app.databaseFile,
    stdin: `${user.password}\n`,
  });
  if (result.code !== 0) throw new Error(`users add ${user.name} failed: ${result.stderr}`);
}

/** Signs in over real HTTP (POST /api/session) and returns the session cookie's value. */
export async function signIn(
  app: Pick<RunningApp, "url">,
  user: Pick<TestUser, "name" | "password"> = ADMIN,
): Promise<string> {
  const response = await fetch(`${app.url}/api/session`, {
    method: "POST",
    headers: { origin: app.url, "content-type": "application/json" },
    body: JSON.stringify({ name: user.name, password: user.password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${user.name} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie.split(";")[0]!.slice(SESSION_COOKIE.length + 1);
}

/** Headers a same-origin browser script would send with a session: the cookie and its Origin. */
export function sessionHeaders(app: Pick<RunningApp, "url">, token: string): Record<string, string> {
  return { origin: app.url, cookie: `${SESSION_COOKIE}=${token}` };
}

/** An API client signed in as `user` (created first unless `create: false`). */
export async function signedInRequest(
  app: RunningApp,
  user: TestUser = ADMIN,
  options: { create?: boolean } = {},
): Promise<APIRequestContext> {
  if (options.create !== false) await addUser(app, user);
  const token = await signIn(app, user);
  // The dashboard's own scripts send JSON with every write; so does this client.
  const { request: playwrightRequest } = await import("@playwright/test");
  return playwrightRequest.newContext({
    extraHTTPHeaders: { ...sessionHeaders(app, token), "content-type": "application/json" },
  });
}

/** Puts a session for `user` into a browser context (the user must exist). */
export async function signInBrowser(context: BrowserContext, app: RunningApp, user: TestUser = ADMIN): Promise<void> {
  const token = await signIn(app, user);
  const { hostname } = new URL(app.url);
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, domain: hostname, path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
}

/** Starts the app and signs the admin in, as a person would: the app and the session's headers. */
export async function startSignedInApp(
  options: Parameters<typeof startApp>[0] = {},
): Promise<{ app: RunningApp; headers: Record<string, string> }> {
  const app = await startApp(options);
  await addUser(app, ADMIN);
  return { app, headers: sessionHeaders(app, await signIn(app)) };
}
