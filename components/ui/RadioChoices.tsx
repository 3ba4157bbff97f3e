type Props<T extends string> = {
  /** The radio group's form field name. */
  name: string;
  choices: readonly { value: T; label: string }[];
  value: string;
  onChange: (value: T) => void;
  /** The space between a radio and its label (a Tailwind gap class). */
  gap: "gap-1" | "gap-2";
};

/** One labelled radio per choice, the one equal to `value` checked; the caller's <fieldset> names the group. */
export function RadioChoices<T extends string>({ name, choices, value, onChange, gap }: Props<T>) {
  return choices.map((choice) => (
    <label key={choice.value} className={`flex items-center ${gap}`}>
      <input
        type="radio"
        name={name}
        value={choice.value}
        checked={value === choice.value}
        onChange={() => onChange(choice.value)}
      />
      {choice.label}
    </label>
  ));
}
