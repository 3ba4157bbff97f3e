/**
 * A plausible module of an application: imports, a constant, a class and functions, between
 * about 0.5 and 3 KB depending on its index, so the real interpreter has real code to compile.
 */
export function moduleText(index: number): string {
  const methods = 1 + (index % 7);
  const functions = 1 + (index % 11);
  const lines = [
    `"""Module ${index} of the DeployLens benchmark deployment."""`,
    "import os",
    "from typing import Any, Optional",
    "",
    `CONSTANT_${index} = ${index}`,
    `SETTINGS = {"name": "module-${index}", "debug": ${index % 2 === 0 ? "True" : "False"}, "path": os.sep}`,
    "",
    "",
    `class Model${index}:`,
    `    def __init__(self, value: int = ${index}, label: Optional[str] = None) -> None:`,
    "        self.value = value",
    `        self.label = label or "model-${index}"`,
  ];
  for (let m = 0; m < methods; m++) {
    lines.push("", `    def method_${m}(self, x: int) -> int:`, `        return self.value * ${m + 1} + x`);
  }
  for (let f = 0; f < functions; f++) {
    lines.push(
      "",
      "",
      `def function_${f}(items: Any, factor: int = ${f + 1}) -> int:`,
      "    total = 0",
      "    for i, item in enumerate(items):",
      "        if i % 2:",
      "            total += len(str(item)) * factor",
      "        else:",
      "            total -= factor",
      "    return total",
    );
  }
  return `${lines.join("\n")}\n`;
}
