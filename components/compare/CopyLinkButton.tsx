"use client";

import { useState } from "react";

/** Copies the permanent link (absolute, as a teammate will paste it). */
export function CopyLinkButton({ path }: { path: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(`${window.location.origin}${path}`);
    setCopied(true);
  }
  return (
    <button type="button" onClick={copy} className="text-slate-600 hover:underline" data-testid="copy-link">
      {copied ? "Link copied" : "Copy link"}
    </button>
  );
}
