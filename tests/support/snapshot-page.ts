import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { startApp, type RunningApp } from "./app";
import { signInBrowser, signedInRequest } from "./session";

/**
 * A snapshot-page spec's lifecycle: before its tests, `setUp` (the files the host will serve), then the app
 * and an admin's API context, handed to `started`; after them, both stopped and `temp` removed.
 */
export function useSignedInApp(
  temp: { remove: () => void },
  setUp: () => void,
  started: (app: RunningApp, request: APIRequestContext) => void,
): void {
  let app: RunningApp | undefined;
  let request: APIRequestContext | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    setUp();
    app = await startApp();
    request = await signedInRequest(app);
    started(app, request);
  });
  test.afterAll(async () => {
    await request?.dispose();
    await app?.stop();
    temp.remove();
  });
}

/** Saves a host (the body of POST /api/hosts), collects it and waits until its snapshot is stored: its id. */
async function collectedSnapshot(
  app: RunningApp,
  request: APIRequestContext,
  host: Record<string, unknown>,
): Promise<string> {
  const created = await request.post(`${app.url}/api/hosts`, { data: host });
  const { data: saved } = (await created.json()) as { data: { id: string } };
  await request.post(`${app.url}/api/hosts/${saved.id}/snapshots`, { data: {} });
  let snapshotId = "";
  await expect(async () => {
    const list = (await (await request.get(`${app.url}/api/hosts/${saved.id}/snapshots`)).json()) as {
      data: { id: string; status: string }[];
    };
    expect(list.data[0]?.status).toBe("ok");
    snapshotId = list.data[0]!.id;
  }).toPass({ timeout: 120_000 });
  return snapshotId;
}

/** Signs the browser in, saves and collects the host, and opens its snapshot's page. */
export async function openCollectedSnapshot(
  page: Page,
  app: RunningApp,
  request: APIRequestContext,
  host: Record<string, unknown>,
): Promise<void> {
  await signInBrowser(page.context(), app);
  const snapshotId = await collectedSnapshot(app, request, host);
  await page.goto(`${app.url}/snapshots/${snapshotId}`);
}
