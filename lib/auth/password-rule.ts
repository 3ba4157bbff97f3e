// The one password rule: the schema enforces it, the forms state it before the first try.
export const PASSWORD_MIN_LENGTH = 10;
// Long passphrases are welcome; the cap keeps one scrypt call bounded.
export const PASSWORD_MAX_LENGTH = 1024;
export const PASSWORD_RULE = `At least ${PASSWORD_MIN_LENGTH} characters; a passphrase of a few words is best.`;
