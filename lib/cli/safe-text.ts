/**
 * Characters a terminal would act on instead of showing: C0 controls (ESC starts colour and cursor
 * sequences) except tab and newline, DEL, C1 controls, and the Unicode bidi controls that make text read
 * differently from what it is (U+202E turns "evil\u202Etxt.py" around). File names and messages come from
 * the target, so every byte the CLI prints passes through here. A CR right before a newline (a CSV line
 * end) moves the cursor nowhere the newline would not: it stays.
 */
const UNSAFE =
  /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** Text for a terminal: unsafe characters shown as \xNN or \uNNNN, everything else unchanged. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * JSON for a terminal or a pipe: the same value, with every unsafe character written as a \uNNNN escape
 * (they can only occur inside strings, where JSON allows that), so `jq` reads what was sent.
 */
export function safeJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
