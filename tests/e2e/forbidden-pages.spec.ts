import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { rawRequest } from "../support/raw-http";
import { ADMIN, sessionHeaders, signIn, signInBrowser, type TestUser } from "../support/session";

// A page the user's role does not open answers 403 with that page's own explanation, never a 500.
const VIEWER: TestUser = { name: "vera", role: "viewer", password: "vera's long password" };
const OPERATOR: TestUser = { name: "otto", role: "operator", password: "otto's long password" };
let app: RunningApp;
let hostId = "";
appForTests(
  async (started) => {
    app = started;
    const created = await rawRequest(`${app.url}/api/hosts`, {
      method: "POST",
      headers: { ...sessionHeaders(app, await signIn(app, ADMIN)), "content-type": "application/json" },
      body: JSON.stringify({ transport: "local", name: "web1", appRoots: ["/srv/app"] }),
    });
    expect(created.status).toBe(201);
    hostId = (JSON.parse(created.body) as { data: { id: string } }).data.id;
  },
  { users: [ADMIN, VIEWER, OPERATOR] },
);

const pages = () => [
  { path: "/settings", heading: "Settings needs the admin role" },
  { path: "/hosts/new", heading: "Adding a host needs the operator role" },
  { path: `/hosts/${hostId}/edit`, heading: "Editing a host needs the operator role" },
];

test("a viewer gets 403 and the page's own message on settings, new host and edit host", async () => {
  const headers = sessionHeaders(app, await signIn(app, VIEWER));
  for (const { path, heading } of pages()) {
    const response = await rawRequest(`${app.url}${path}`, { headers });
    expect(response.status, path).toBe(403);
    // Next renders a 403 in the browser from the payload, which carries the page's own heading.
    expect(response.body, path).toContain(heading);
  }
});

test("an operator gets 403 on settings only; an admin opens all three", async () => {
  const operator = sessionHeaders(app, await signIn(app, OPERATOR));
  const admin = sessionHeaders(app, await signIn(app, ADMIN));
  const [settings, ...hostPages] = pages();
  expect((await rawRequest(`${app.url}${settings!.path}`, { headers: operator })).status).toBe(403);
  for (const { path } of hostPages)
    expect((await rawRequest(`${app.url}${path}`, { headers: operator })).status).toBe(200);
  for (const { path } of pages()) expect((await rawRequest(`${app.url}${path}`, { headers: admin })).status).toBe(200);
});

test("in the browser the viewer sees each page's explanation inside the app's frame, with a way back", async ({
  page,
  context,
}) => {
  await signInBrowser(context, app, VIEWER);
  for (const { path, heading } of pages()) {
    const response = await page.goto(`${app.url}${path}`);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await expect(page.getByText("You are signed in as vera, with the viewer role.")).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveText("vera (viewer)");
  }
  await page.getByRole("link", { name: "Back to the hosts" }).click();
  await page.waitForURL(`${app.url}/`);
});
