import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type FrameProps = { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode };

/** Label, control, and the hint or the error under it (the error replaces the hint). */
function FieldFrame({ id, label, error, hint, children }: FrameProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>;

export function Field({ label, name, error, hint, id = name, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
} & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, name, error, hint, id = name, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

type TextAreaFieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
} & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({ label, name, error, hint, id = name, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...textarea}
      />
    </FieldFrame>
  );
}

type CheckboxFieldProps = { label: string; name: string; hint?: ReactNode } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type"
>;

/** A checkbox with its label beside it (and a hint under both). */
export function CheckboxField({ label, name, hint, id = name, ...input }: CheckboxFieldProps) {
  return (
    <div className="field checkbox-field">
      <label htmlFor={id}>
        <input id={id} name={name} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
        {label}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** The form-level message (not tied to one input). */
export function FormAlert({ message, children }: { message: string | null; children?: ReactNode }) {
  if (!message) return null;
  return (
    <p role="alert" className="alert">
      {message}
      {children ? <> {children}</> : null}
    </p>
  );
}

/** An error next to a control in a table row or toolbar. */
export function InlineAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <span role="alert" className="field-error">
      {message}
    </span>
  );
}
