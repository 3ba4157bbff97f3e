"use client";

import { useState } from "react";

/** Copies a fixed text to the clipboard and says so; the label names what is copied for screen readers. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed"); // clipboard access needs a secure context (https or localhost)
    }
    setTimeout(() => setState("idle"), 2000);
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      className="rounded border border-slate-500 bg-slate-800 px-2 py-0.5 text-xs text-slate-100 hover:bg-slate-700"
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
    </button>
  );
}
