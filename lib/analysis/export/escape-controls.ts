/**
 * Characters a terminal, editor or spreadsheet acts on instead of showing: C0 controls (ESC starts colour
 * and cursor sequences) except tab and newline, DEL, C1 controls, and the Unicode bidi controls that make
 * text read differently from what it is (U+202E turns "evil\u202Etxt.py" around), plus the line and
 * paragraph separators. File names and messages come from the target, so every export escapes them.
 */
export const UNSAFE_CHARS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** Text with every unsafe character shown as \xNN or \uNNNN, everything else unchanged. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_CHARS, escapeOne);
}

/**
 * JSON text with every unsafe character written as a \uNNNN escape: they can only occur inside strings,
 * where JSON allows that, so a parser reads exactly the value that was encoded.
 */
export function escapeControlsInJson(json: string): string {
  return json.replace(UNSAFE_CHARS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
