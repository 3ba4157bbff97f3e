/**
 * Whether a private key's text says it is encrypted, read from the key format itself (never from a
 * parser's error message): PEM marks it in a header, OpenSSH names its cipher right after the magic.
 */
export function isEncryptedKey(privateKey: string | Buffer): boolean {
  const text = privateKey.toString();
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /^Proc-Type:\s*4,ENCRYPTED/m.test(text)) return true;
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text)?.[1];
  if (body === undefined) return false;
  const bytes = Buffer.from(body.replace(/\s+/g, ""), "base64");
  const magic = "openssh-key-v1\0";
  if (bytes.subarray(0, magic.length).toString("latin1") !== magic || bytes.length < magic.length + 4) return false;
  const length = bytes.readUInt32BE(magic.length);
  const cipher = bytes.subarray(magic.length + 4, magic.length + 4 + length).toString("latin1");
  return cipher !== "none";
}
