import { expect, test } from "vitest";
import { hostInputSchema, LEADING_DASH_MESSAGE } from "@/lib/hosts/host-input";

// Every host field that reaches a command line refuses a leading '-', with its own message on its own path;
// the same text elsewhere in the value stays allowed.

const ssh = {
  transport: "ssh",
  name: "web",
  appRoots: ["/srv/app"],
  ssh: { user: "deploy", host: "web.example", port: 22 },
  auth: { method: "agent" },
};
const hop = { user: "hop", host: "hop.example", port: 22 };

const cases: { field: string; input: object; path: (string | number)[] }[] = [
  { field: "serviceUnit", input: { ...ssh, serviceUnit: "-Hroot@127.0.0.1" }, path: ["serviceUnit"] },
  {
    field: "serviceUnit (local)",
    input: { transport: "local", name: "me", appRoots: ["/srv/app"], serviceUnit: "--host=x" },
    path: ["serviceUnit"],
  },
  { field: "ssh.user", input: { ...ssh, ssh: { ...ssh.ssh, user: "-oProxyCommand=x" } }, path: ["ssh", "user"] },
  { field: "ssh.host", input: { ...ssh, ssh: { ...ssh.ssh, host: "-oProxyCommand" } }, path: ["ssh", "host"] },
  { field: "jump.user", input: { ...ssh, jump: { ...hop, user: "-l" } }, path: ["jump", "user"] },
  { field: "jump.host", input: { ...ssh, jump: { ...hop, host: "-J" } }, path: ["jump", "host"] },
  {
    field: "jumpChain.user",
    input: { ...ssh, jump: hop, jumpChain: [{ ...hop, user: "-x" }] },
    path: ["jumpChain", 0, "user"],
  },
  {
    field: "jumpChain.host",
    input: { ...ssh, jump: hop, jumpChain: [{ ...hop, host: "-x.example" }] },
    path: ["jumpChain", 0, "host"],
  },
];

for (const { field, input, path } of cases) {
  test(`a leading '-' in ${field} is refused with its own message`, () => {
    const parsed = hostInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.filter((issue) => issue.message === LEADING_DASH_MESSAGE);
    expect(issues.map((issue) => issue.path)).toEqual([path]);
  });
}

test("a '-' after the first character stays allowed in every such field", () => {
  const parsed = hostInputSchema.safeParse({
    ...ssh,
    serviceUnit: "web-app@blue-1.service",
    ssh: { user: "deploy-bot", host: "web-1.example", port: 22 },
    jump: { user: "jump-user", host: "bastion-1.example", port: 22 },
    jumpChain: [{ user: "hop-2", host: "hop-2.example", port: 22 }],
  });
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
});
