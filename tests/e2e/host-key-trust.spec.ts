import { expect, test, type APIRequestContext } from "@playwright/test";
import { startApp, type RunningApp } from "../support/app";
import { signInBrowser, signedInRequest } from "../support/session";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-e2e-hostkey-");
let app: RunningApp;
let sshd: Sshd;
let request: APIRequestContext;

test.beforeAll(async () => {
  [app, sshd] = await Promise.all([startApp(), startSshd()]);
  request = await signedInRequest(app);
});
test.afterAll(async () => {
  await request?.dispose();
  await Promise.all([app?.stop(), sshd?.stop()]);
  temp.remove();
});

test("the host page offers to trust the key the server recorded, and the API pins nothing else", async ({ page }) => {
  test.setTimeout(180_000);
  await signInBrowser(page.context(), app);
  const created = await request.post(`${app.url}/api/hosts`, {
    data: {
      transport: "ssh",
      name: "keyed",
      appRoots: [temp.dir],
      ssh: { user: sshd.user, host: sshd.host, port: sshd.port },
      auth: { method: "key-file", identityFile: sshd.privateKeyPath },
    },
  });
  const { data: host } = (await created.json()) as { data: { id: string } };
  const trust = (data: object) => request.post(`${app.url}/api/hosts/${host.id}/host-key`, { data });

  await test.step("a fingerprint the server never saw is refused", async () => {
    const refused = await trust({ fingerprint: sshd.hostKeyFingerprint });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("host-key-not-seen");
  });

  await test.step("a collection fails on the unknown key, and the page shows the recorded fingerprint", async () => {
    await page.goto(`${app.url}/hosts/${host.id}`);
    await page.getByRole("button", { name: "Collect now" }).click();
    await expect(page.getByText(sshd.hostKeyFingerprint, { exact: true })).toBeVisible({ timeout: 90_000 });
    // Its type once, beside it, and the server file that has the same fingerprint.
    await expect(page.getByTestId("key-type")).toHaveText("ssh-ed25519");
    await expect(page.getByText("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub", { exact: true })).toBeVisible();
  });

  await test.step("trusting it from the page pins exactly that key", async () => {
    await page.getByRole("button", { name: "Trust this key" }).click();
    await expect(page.getByRole("button", { name: "Trust this key" })).toHaveCount(0, { timeout: 30_000 });
    const shown = (await (await request.get(`${app.url}/api/hosts/${host.id}`)).json()) as {
      data: { hostKeySha256: string };
    };
    expect(shown.data.hostKeySha256).toBe(sshd.hostKeyFingerprint);
  });
});
