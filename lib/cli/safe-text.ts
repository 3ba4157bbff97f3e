import { escapeControls, escapeControlsInJson, UNSAFE_CHARS } from "@/lib/analysis/export/escape-controls";

/**
 * Text for a terminal: the characters a terminal would act on instead of showing (C0 and C1 controls but tab
 * and newline, DEL, bidi controls; see escape-controls.ts) shown as \xNN or \uNNNN, everything else unchanged.
 * File names and messages come from the target, so every byte the CLI prints passes through here.
 */
export function safeText(text: string): string {
  return escapeControls(text);
}

/**
 * JSON for a terminal or a pipe: the same value, with every unsafe character written as a \uNNNN escape
 * (they can only occur inside strings, where JSON allows that), so `jq` reads what was sent.
 */
export function safeJson(value: unknown): string {
  return escapeControlsInJson(JSON.stringify(value, null, 2));
}

/**
 * An export (lib/analysis/export), which escaped the target's text itself: printed as the API serves it,
 * byte for byte. Its own CRLF row separators (CSV) stay; any other unsafe character is still escaped, so
 * a text that missed the export's escaping cannot drive the terminal either.
 */
export function safeDocument(text: string): string {
  return text.replace(UNSAFE_CHARS, (ch, offset: number) =>
    ch === "\r" && text[offset + 1] === "\n" ? ch : escapeControls(ch),
  );
}
