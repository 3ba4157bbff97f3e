import { ScrollBox } from "./ScrollBox";

type Props = {
  /** The scroller's name for screen readers. */
  label: string;
  testId: string;
  /** A Tailwind min-width class: below it the table scrolls rather than squeezes its columns. */
  minWidth: string;
  headings: string[];
  /** The rows (<tr>), each ending with its actions' cell. */
  children: React.ReactNode;
};

/** A table in its own scroller whose last column holds each row's actions, its heading for screen readers only. */
export function ActionTable({ label, testId, minWidth, headings, children }: Props) {
  return (
    <ScrollBox label={label}>
      <table className={`w-full ${minWidth} text-left text-sm`} data-testid={testId}>
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            {headings.map((heading, index) => (
              <th key={heading} className={index === 0 ? "py-1" : undefined}>
                {heading}
              </th>
            ))}
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}
