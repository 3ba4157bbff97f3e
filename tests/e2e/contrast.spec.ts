import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { signedInAppForTests } from "../support/app-for-tests";
import { ADMIN, sessionHeaders, signIn, signInBrowser } from "../support/session";
import { tempDir } from "../support/temp-dir";
import { twoLayoutApps } from "../support/fixtures/two-layout-apps";

// WCAG 2.1 AA, 1.4.3: text needs 4.5:1 against what is behind it, large text (24px, or 18.66px bold) 3:1.
const temp = tempDir("deploylens-e2e-contrast-");
let app: RunningApp;
let request: APIRequestContext;
let snapshotId = "";
let hostId = "";

signedInAppForTests(
  async (running) => {
    ({ app, request } = running);
    const { laptopRoot, python } = twoLayoutApps(temp.dir, ["a", "b"]);
    const created = await request.post(`${app.url}/api/hosts`, {
      data: { transport: "local", name: "laptop", appRoots: [laptopRoot], python },
    });
    hostId = ((await created.json()) as { data: { id: string } }).data.id;
    const started = await request.post(`${app.url}/api/hosts/${hostId}/snapshots`);
    const { data: job } = (await started.json()) as { data: { events: string } };
    const events = await (
      await fetch(`${app.url}${job.events}`, { headers: sessionHeaders(app, await signIn(app, ADMIN)) })
    ).text();
    snapshotId = /"snapshotId":"([^"]+)"/.exec(events)?.[1] ?? "";
    expect(snapshotId).not.toBe("");
  },
  {
    after: () => temp.remove(),
  },
);

/** Every visible text whose contrast with its painted background is below AA, as "ratio text (color on bg)". */
function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Tailwind 4's palette computes to lab()/oklch(): let a canvas turn any CSS colour into sRGB bytes.
    const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgba = (css: string) => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = css;
      canvas.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, alpha = 255] = canvas.getImageData(0, 0, 1, 1).data;
      // Unpremultiplied channels, so r/g/b are the colour itself and a its opacity.
      return { r, g, b, a: alpha / 255 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    // The first opaque background up the tree (the page's own when none is set).
    const background = (el: Element | null) => {
      for (let node = el; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color.a >= 0.99) return color;
      }
      return { r: 255, g: 255, b: 255, a: 1 }; // the browser's canvas
    };
    const failures: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest("[aria-hidden=true], svg, .recharts-wrapper, :disabled")) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden" || Number(style.opacity) < 0.1) continue;
      const fg = rgba(style.color);
      const bg = background(el);
      // A translucent text colour shows the background through it.
      const seen = {
        r: fg.r * fg.a + bg.r * (1 - fg.a),
        g: fg.g * fg.a + bg.g * (1 - fg.a),
        b: fg.b * fg.a + bg.b * (1 - fg.a),
      };
      const [light, dark] = [luminance(seen), luminance(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        failures.push(
          `${ratio.toFixed(2)} ${JSON.stringify(text.slice(0, 40))} (${style.color} on ${JSON.stringify(bg)})`,
        );
      }
    }
    return failures;
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`every text on the main pages meets WCAG AA contrast in ${scheme} mode`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const signedOut = await context.newPage();
    await signedOut.goto(`${app.url}/login`);
    expect(await lowContrastTexts(signedOut), "/login").toEqual([]);
    await signInBrowser(context, app);
    const page = await context.newPage();
    for (const path of [
      "/",
      "/hosts/new?transport=ssh",
      `/hosts/${hostId}`,
      `/snapshots/${snapshotId}`,
      `/compare/${snapshotId}/${snapshotId}?all=1`,
      "/settings",
    ]) {
      await page.goto(`${app.url}${path}`);
      await page.waitForLoadState("networkidle");
      expect(await lowContrastTexts(page), path).toEqual([]);
    }
    await context.close();
  });
}
