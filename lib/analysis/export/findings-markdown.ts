import type { Finding } from "../types";
import { predictionText } from "../impact/impact-lines";
import { codeBlock, mdLine, mdText } from "./markdown-text";

/** One finding with its evidence and numbered fix steps, ready to paste into a ticket. */
export function findingMarkdown(f: Finding, level = "###"): string {
  const out = [
    `${level} ${mdText(f.severity.toUpperCase())} ${mdText(f.id)}: ${mdText(f.title)}`,
    "",
    mdLine(f.detail),
  ];
  if (f.startupCost) out.push("", `Startup cost: ${mdText(f.startupCost)}`);
  if (f.evidence.length) out.push("", ...f.evidence.map((e) => `- ${mdText(e.label)}: ${mdText(e.value)}`));
  if (f.fix.length) {
    out.push("", "Fix:", "");
    f.fix.forEach((step, i) => {
      out.push(`${i + 1}. ${mdText(step.text)}`);
      if (step.code)
        out.push(
          "",
          ...codeBlock(step.code)
            .split("\n")
            .map((line) => `   ${line}`),
          "",
        );
    });
  }
  const predicted = f.fix[0]?.predicted;
  if (predicted) out.push("", `Fix ${mdText(predictionText(predicted))}`);
  return out.join("\n").trimEnd();
}
