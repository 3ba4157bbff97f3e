"use client";

import { useState } from "react";

/** Fetches the comparison as Markdown from the export API and puts it on the clipboard (for a ticket or a chat). */
export function CopyMarkdownButton({ href }: { href: string }) {
  const [state, setState] = useState<"idle" | "copying" | "copied" | "failed">("idle");
  async function copy() {
    setState("copying");
    try {
      const response = await fetch(href);
      if (!response.ok) throw new Error(`export answered ${response.status}`);
      await navigator.clipboard.writeText(await response.text());
      setState("copied");
    } catch {
      setState("failed"); // the export failed, or the clipboard needs a secure context (https or localhost)
    }
    setTimeout(() => setState("idle"), 2000);
  }
  const label = { idle: "Copy as Markdown", copying: "Copying…", copied: "Markdown copied", failed: "Copy failed" };
  return (
    <button type="button" onClick={copy} className="text-slate-700 hover:underline" data-testid="copy-markdown">
      {label[state]}
    </button>
  );
}
