import { useId } from "react";

export const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

type Props = {
  label: string;
  /** Shown under the control; its id is the control's aria-describedby, with the error's. */
  hint?: string;
  error?: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => React.ReactNode;
};

/** A labelled control with its hint and its validation error next to it, both tied to it for screen readers. */
export function FormField({ label, hint, error, children }: Props) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-describedby": described, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
