import { expect, test, type APIRequestContext } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { signedInAppForTests } from "../support/app-for-tests";
import { ADMIN, sessionHeaders, signIn, signInBrowser } from "../support/session";
import { tempDir } from "../support/temp-dir";
import { twoLayoutApps } from "../support/fixtures/two-layout-apps";

const temp = tempDir("deploylens-e2e-api-");
let app: RunningApp;
let request: APIRequestContext;

signedInAppForTests((running) => ({ app, request } = running), { after: () => temp.remove() });

/** Reads a job's Server-Sent Events to the end; returns the event names and the final data. */
async function followEvents(url: string) {
  const text = await (await fetch(url, { headers: sessionHeaders(app, await signIn(app, ADMIN)) })).text();
  const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map(([, name, data]) => ({
    name: name!,
    data: JSON.parse(data!) as Record<string, unknown>,
  }));
  return events;
}

test("collect through the API with Server-Sent Events, then compare two layouts of one app by relative path", async () => {
  const { laptopRoot, vpsRoot, python } = twoLayoutApps(temp.dir, ["a", "b"]);
  const snapshots: Record<string, { id: string }> = {};
  for (const [name, root] of [
    ["laptop", laptopRoot],
    ["vps", vpsRoot],
  ] as const) {
    const created = await request.post(`${app.url}/api/hosts`, {
      data: { transport: "local", name, appRoots: [root], python },
    });
    const { data: host } = (await created.json()) as { data: { id: string } };
    const started = await request.post(`${app.url}/api/hosts/${host.id}/snapshots`);
    expect(started.status()).toBe(202);
    const { data: job } = (await started.json()) as { data: { jobId: string; events: string } };
    const events = await followEvents(`${app.url}${job.events}`);
    const last = events.at(-1)!;
    expect(last.name).toBe("snapshot");
    expect(last.data).toMatchObject({ ok: true });
    const snapshot = (await (await request.get(`${app.url}/api/snapshots/${String(last.data.snapshotId)}`)).json()) as {
      data: Record<string, unknown>;
    };
    expect(Object.keys(snapshot.data)).toEqual(
      expect.arrayContaining([
        "id",
        "host",
        "takenAt",
        "status",
        "error",
        "truncated",
        "interpreter",
        "service",
        "coverage",
        "roots",
        "findings",
        "url",
      ]),
    );
    expect(snapshot.data).toMatchObject({
      host: name,
      status: "ok",
      error: null,
      truncated: false,
      interpreter: { path: python },
    });
    expect(String(snapshot.data.url)).toBe(`${app.url}/snapshots/${String(last.data.snapshotId)}`);
    snapshots[name] = snapshot.data as { id: string };
  }

  const compared = await request.get(`${app.url}/api/compare?left=laptop&right=vps`);
  const { data: comparison } = (await compared.json()) as {
    data: {
      url: string;
      files: { rows: { path: string; left: { status: string } | null; right: { status: string } | null }[] };
    };
  };
  expect(comparison.url).toBe(`${app.url}/compare/${snapshots.laptop!.id}/${snapshots.vps!.id}`);
  // Same relative paths on both sides: fresh on the laptop, missing on the VPS — never "only on one side".
  expect(comparison.files.rows.map((r) => [r.path, r.left?.status, r.right?.status]).sort()).toEqual([
    ["pkg/__init__.py", "fresh", "missing"],
    ["pkg/a.py", "fresh", "missing"],
    ["pkg/b.py", "fresh", "missing"],
  ]);

  const csv = await request.get(`${app.url}/api/compare/export?left=laptop&right=vps&format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\n").filter((line) => line.includes("pkg/a.py"))).toHaveLength(1);
  const markdown = await request.get(`${app.url}/api/compare/export?left=laptop&right=vps&format=markdown`);
  expect(await markdown.text()).toContain("|");
  const bad = await request.get(`${app.url}/api/compare/export?left=laptop&right=vps&format=pdf`);
  expect(bad.status()).toBe(422);
});

test("the permanent compare link renders both snapshots with no differences hidden behind errors", async ({ page }) => {
  await signInBrowser(page.context(), app);
  await page.goto(`${app.url}/compare?left=laptop&right=vps`);
  const permalink = page.getByTestId("permalink");
  await expect(permalink).toBeVisible();
  await permalink.click();
  await expect(page).toHaveURL(/\/compare\/[a-z0-9]+\/[a-z0-9]+$/);
  await expect(page.locator('[data-section="files"]')).toContainText("pkg/a.py");
  await expect(page.locator('[data-section="packages"]')).toContainText("No differences.");
});
