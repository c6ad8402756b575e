import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (controlProps: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

// Label, control and validation message wired together for screen readers.
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': message ? messageId : undefined })}
      {message && (
        <p id={messageId} className={error ? 'field-error' : 'field-hint'}>
          {message}
        </p>
      )}
    </div>
  );
}

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input className="input" {...props} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className="input select" {...props} />;
}

interface RadioButtonsProps<T extends string> {
  options: readonly T[];
  value: T;
  onChange(value: T): void;
  // The group's accessible name: the id of a visible label, or a text.
  labelledBy?: string;
  label?: string;
  // The look: the group's and each option's class ("segmented" / "segmented-option", "chips" / "chip").
  className: string;
  optionClassName: string;
  testId(option: T): string;
  children(option: T): ReactNode;
}

// One choice out of a few, shown as buttons (a radio group for assistive technology).
export function RadioButtons<T extends string>({ options, value, onChange, labelledBy, label, className, optionClassName, testId, children }: RadioButtonsProps<T>) {
  return (
    <div className={className} role="radiogroup" aria-labelledby={labelledBy} aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={value === option}
          className={optionClassName}
          onClick={() => onChange(option)}
          data-testid={testId(option)}
        >
          {children(option)}
        </button>
      ))}
    </div>
  );
}
