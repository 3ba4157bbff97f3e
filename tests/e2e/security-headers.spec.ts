import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { signedInAppForTests } from "../support/app-for-tests";
import { collectLocalHost } from "../support/collect-local";
import { twoLayoutApps } from "../support/fixtures/two-layout-apps";
import { rawRequest, type RawResponse } from "../support/raw-http";
import { ADMIN, sessionHeaders, signIn, signInBrowser } from "../support/session";
import { tempDir } from "../support/temp-dir";

// Every page and every API answer carries the security headers, and every page still works under its
// Content-Security-Policy: the browser reports no violation and no script error.
const temp = tempDir("deploylens-e2e-headers-");
let app: RunningApp;
let admin: APIRequestContext;
const ids = { host: "", snapshot: "", share: "" };
test.describe.configure({ mode: "serial" });
// In a dark system theme the inline theme script (allowed only by its nonce) marks <html> dark before
// hydration, and the theme toggle reads that mark once hydrated.
test.use({ colorScheme: "dark" });

signedInAppForTests(
  async (running) => {
    ({ app, request: admin } = running);
    const { laptopRoot, python } = twoLayoutApps(temp.dir, ["models"]);
    const collected = await collectLocalHost(app, admin, { name: "laptop", appRoot: laptopRoot, python });
    ids.host = collected.hostId;
    ids.snapshot = collected.snapshotId;
    const share = await admin.post(`${app.url}/api/shares`, { data: { left: ids.snapshot, right: ids.snapshot } });
    expect(share.status()).toBe(201);
    ids.share = ((await share.json()) as { data: { url: string } }).data.url;
  },
  {
    before: () => test.setTimeout(120_000),
    after: () => temp.remove(),
  },
);

function expectCommonHeaders(response: Pick<RawResponse, "headers">, what: string) {
  expect(response.headers["x-frame-options"], what).toBe("DENY");
  expect(response.headers["x-content-type-options"], what).toBe("nosniff");
  expect(response.headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
}

function expectPagePolicy(policy: string | undefined, what: string) {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  expect(nonce, what).toBeTruthy();
  expect(policy, what).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(policy, what).not.toContain("unsafe-eval");
  expect(policy, what).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(policy, what).toContain("object-src 'none'");
  expect(policy, what).toContain("base-uri 'none'");
}

/** Loads a page in Chromium, collecting console errors and CSP violations, and returns its response. */
async function visit(page: Page, path: string) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto(`${app.url}${path}`);
  await page.waitForLoadState("networkidle");
  return { response: response!, problems };
}

const signedInPages = () => [
  "/",
  "/hosts/new",
  `/hosts/${ids.host}`,
  `/hosts/${ids.host}/edit`,
  `/snapshots/${ids.snapshot}`,
  "/compare",
  `/compare?left=laptop&right=laptop`,
  `/compare/${ids.snapshot}/${ids.snapshot}`,
  "/settings",
];

test("every signed-in page sends the headers and runs with no CSP violation or script error", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signInBrowser(context, app, ADMIN);
  for (const path of signedInPages()) {
    await test.step(path, async () => {
      const { response, problems } = await visit(page, path);
      expect(response.status(), path).toBe(200);
      const headers = await response.allHeaders();
      expectCommonHeaders({ headers }, path);
      expectPagePolicy(headers["content-security-policy"], path);
      expect(headers["referrer-policy"], path).toBe("same-origin");
      await expect(page.locator("html"), path).toHaveClass(/\bdark\b/);
      await expect(page.getByRole("button", { name: "Light mode" }), path).toHaveAttribute("aria-pressed", "true");
      expect(problems, path).toEqual([]);
      page.removeAllListeners("console");
      page.removeAllListeners("pageerror");
    });
  }
});

test("a collection's live progress still streams on the host page", async ({ page, context }) => {
  await signInBrowser(context, app, ADMIN);
  const { problems } = await visit(page, `/hosts/${ids.host}`);
  await page
    .getByRole("button", { name: /collect/i })
    .first()
    .click();
  await expect(page.getByText(/coverage|snapshot/i).first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("the share page sends no Referer anywhere, and runs under the same policy", async ({ page }) => {
  const { response, problems } = await visit(page, ids.share);
  expect(response.status()).toBe(200);
  const headers = await response.allHeaders();
  expectCommonHeaders({ headers }, "share");
  expectPagePolicy(headers["content-security-policy"], "share");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(problems).toEqual([]);
});

test("the open pages, a missing page, redirects and refusals carry the headers too", async ({ page }) => {
  for (const path of ["/login", "/setup"]) {
    const { response, problems } = await visit(page, path);
    const headers = await response.allHeaders();
    expectCommonHeaders({ headers }, path);
    expectPagePolicy(headers["content-security-policy"], path);
    expect(problems, path).toEqual([]);
  }
  const port = new URL(app.url).port;
  const answers: [string, RawResponse][] = [
    ["redirect to sign-in", await rawRequest(`${app.url}/settings`)],
    ["missing page", await rawRequest(`${app.url}/no/such/page`, { headers: sessionHeaders(app, await signIn(app)) })],
    ["wrong Host", await rawRequest(`${app.url}/`, { headers: { host: `evil.example:${port}` } })],
    ["public file", await rawRequest(`${app.url}/robots.txt`)],
  ];
  for (const [what, response] of answers) expectCommonHeaders(response, what);
  expect(answers[0]![1].status).toBe(307);
  expect(answers[2]![1].status).toBe(421);
});

test("API answers carry a policy that lets nothing load or run", async () => {
  const session = sessionHeaders(app, await signIn(app));
  const answers: [string, RawResponse][] = [
    ["list", await rawRequest(`${app.url}/api/hosts`, { headers: session })],
    ["no session", await rawRequest(`${app.url}/api/hosts`)],
    [
      "not JSON",
      await rawRequest(`${app.url}/api/hosts`, {
        method: "POST",
        headers: { ...session, "content-type": "text/plain" },
      }),
    ],
    [
      "export",
      await rawRequest(`${app.url}/api/compare/export?left=laptop&right=laptop&format=csv`, { headers: session }),
    ],
  ];
  for (const [what, response] of answers) {
    expectCommonHeaders(response, what);
    expect(response.headers["content-security-policy"], what).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers["referrer-policy"], what).toBe("same-origin");
  }
  expect(answers.map(([, r]) => r.status)).toEqual([200, 401, 415, 200]);
});
