import { expect, test } from "vitest";
import { ZodError } from "zod";
import { describeZodError } from "@/lib/cli/flag-of-issue";
import { commandLine, shellQuote } from "@/lib/cli/shell-quote";
import { hostInputSchema } from "@/lib/hosts/host-input";

const errorOf = (input: unknown): ZodError => {
  const parsed = hostInputSchema.safeParse(input);
  if (parsed.success) throw new Error("expected a validation error");
  return parsed.error;
};
const local = { transport: "local", name: "web", appRoots: ["/srv/app"] };
const ssh = { ...local, transport: "ssh", ssh: { user: "deploy", host: "vps", port: 22 }, auth: { method: "agent" } };

test("a host input's validation error names the CLI flag, not the field path", () => {
  const cases: [unknown, string][] = [
    [{ ...local, appRoots: ["/srv/app", "relative"] }, "--app-root must be an absolute path"],
    [{ ...local, appRoots: [] }, "name at least one --app-root"],
    [{ ...local, unitFile: "app.service" }, "--unit-file must be an absolute path"],
    [{ ...local, entryPoints: ["not a module"] }, "--entry: MODULE[:ATTR], e.g. wsgi:app"],
    [{ ...local, timeoutSeconds: 1 }, "--timeout: Too small: expected number to be >=5"],
    [{ ...local, name: "-bad" }, "NAME: use 1–63 letters, digits, '.', '_' or '-', starting with a letter or digit"],
    [{ ...ssh, ssh: { user: "de ploy", host: "vps", port: 22 } }, "--ssh USER: no spaces, '@' or ':'"],
    [{ ...ssh, auth: { method: "key-file", identityFile: "id" } }, "--identity must be an absolute path"],
    [
      { ...ssh, jump: { user: "me", host: "gate", port: 22 }, jumpAuth: { method: "key-file", identityFile: "k" } },
      "--jump-identity must be an absolute path",
    ],
  ];
  for (const [input, message] of cases) expect(describeZodError(errorOf(input))).toBe(message);
});

test("commands in hints can be pasted into a shell as they are", () => {
  const cases: [string, string][] = [
    ["web-1.prod", "web-1.prod"],
    ["SHA256:uT0e+/abc=", "SHA256:uT0e+/abc="],
    ["two words", "'two words'"],
    ["it's", "'it'\\''s'"],
    ["$(reboot)", "'$(reboot)'"],
  ];
  for (const [word, quoted] of cases) expect(shellQuote(word)).toBe(quoted);
  expect(commandLine(["hosts", "trust", "web", "SHA256:x", "--hop", "2"])).toBe(
    "deploylens hosts trust web SHA256:x --hop 2",
  );
});
