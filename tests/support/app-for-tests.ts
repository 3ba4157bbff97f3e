import { test, type APIRequestContext } from "@playwright/test";
import { startApp, type RunningApp } from "./app";
import { addUser, signedInRequest, type TestUser } from "./session";

type AppForTestsOptions = {
  /** Runs first, in the same hook: what must exist before the app starts (its database, fixture files). */
  before?: () => void | Promise<void>;
  /** How the app starts (its database file, its environment). */
  start?: Parameters<typeof startApp>[0];
  /** Users added once it answers, in this order. */
  users?: TestUser[];
  /** Runs after the app has stopped: a temporary folder removed, a fixture cleaned up. */
  after?: () => void | Promise<void>;
};

/** Starts the app before the tests and stops it after them, running first what `ready` asked to run before. */
function hooks(
  ready: (app: RunningApp, beforeStop: (step: () => Promise<void>) => void) => Promise<void>,
  options: AppForTestsOptions,
): void {
  let app: RunningApp | undefined;
  let stopping: (() => Promise<void>) | undefined;
  test.beforeAll(async () => {
    await options.before?.();
    app = await startApp(options.start);
    for (const user of options.users ?? []) await addUser(app, user);
    await ready(app, (step) => (stopping = step));
  });
  test.afterAll(async () => {
    await stopping?.();
    await app?.stop();
    await options.after?.();
  });
}

/**
 * One dashboard for the tests of this spec file (or of the describe block it is called in): started before
 * them with `users` added, then handed to `started`, which keeps it (and may set up more inside the same
 * hook), and stopped after them.
 */
export function appForTests(started: (app: RunningApp) => unknown, options: AppForTestsOptions = {}): void {
  hooks(async (app) => {
    await started(app);
  }, options);
}

/**
 * appForTests with an API client signed in as the admin (created for it): the client is disposed before the
 * app stops.
 */
export function signedInAppForTests(
  started: (running: { app: RunningApp; request: APIRequestContext }) => unknown,
  options: Omit<AppForTestsOptions, "users"> = {},
): void {
  hooks(async (app, beforeStop) => {
    const request = await signedInRequest(app);
    beforeStop(() => request.dispose());
    await started({ app, request });
  }, options);
}
