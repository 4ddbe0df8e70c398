"use client";

import type { ChangeEvent, ComponentProps, ReactElement, ReactNode } from "react";
import {
  type Control,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
  type Path,
  type UseFormReturn,
  useFormState,
} from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import { sentence, serverErrors } from "@/trpc/errors";

// Forms on react-hook-form + zod (the procedures' own schemas from @frontdesk/core/schemas):
// <MutationForm> submits valid values and puts a failed call's errors where they belong, the
// fields below are one line each on top of shadcn's Form set, and <SubmitButton> shows the
// submission in progress. Values follow the schemas: a blank optional field is null, a number
// input holds a number (NaN while blank, which the schema names).

type Bound<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint?: ReactNode;
  className?: string;
};

/** Label, control, hint and message for one field; `children` renders the control bound to it. */
function LabelledField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  className,
  children,
}: Bound<T> & { children: (field: ControllerRenderProps<T>) => ReactElement }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <FormControl>{children(field)}</FormControl>
          {hint ? <FormDescription>{hint}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

// What every bound control takes from its field; the value and onChange differ per control.
const bind = <T extends FieldValues>({ name, ref, onBlur }: ControllerRenderProps<T>) => ({ name, ref, onBlur });

/** A text control's binding: blank means "none" in an optional field, so null rather than "". */
const bindText = <T extends FieldValues>(field: ControllerRenderProps<T>, optional: boolean) => ({
  ...bind(field),
  value: field.value ?? "",
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    field.onChange(optional && event.target.value.trim() === "" ? null : event.target.value),
});

/** A number input's binding: the field holds a number, NaN while blank (which the schema names). */
const bindNumber = <T extends FieldValues>(field: ControllerRenderProps<T>) => ({
  ...bind(field),
  value: Number.isNaN(field.value) ? "" : (field.value ?? ""),
  onChange: (event: ChangeEvent<HTMLInputElement>) => field.onChange(event.target.valueAsNumber),
});

type Native<E extends "input" | "textarea" | "select"> = Omit<
  ComponentProps<E>,
  "name" | "value" | "defaultValue" | "onChange" | "className" | "children"
>;

/** The props every field takes, apart from those its control takes. */
const split = <T extends FieldValues, Rest>({ control, name, label, hint, className, ...rest }: Bound<T> & Rest) =>
  [{ control, name, label, hint, className }, rest] as const;

export function InputField<T extends FieldValues>({
  optional = false,
  type = "text",
  ...props
}: Bound<T> & Native<"input"> & { optional?: boolean }) {
  const [bound, input] = split(props);
  return (
    <LabelledField {...bound}>
      {(field) => (
        <Input {...input} type={type} {...(type === "number" ? bindNumber(field) : bindText(field, optional))} />
      )}
    </LabelledField>
  );
}

/** A password: a new one says how long it must be and lets password managers suggest one. */
export function PasswordField<T extends FieldValues>({ isNew, ...props }: Omit<Bound<T>, "hint"> & { isNew: boolean }) {
  return (
    <InputField
      {...props}
      type="password"
      autoComplete={isNew ? "new-password" : "current-password"}
      hint={isNew ? "At least 10 characters." : undefined}
    />
  );
}

export function TextareaField<T extends FieldValues>({
  optional = false,
  ...props
}: Bound<T> & Native<"textarea"> & { optional?: boolean }) {
  const [bound, textarea] = split(props);
  return (
    <LabelledField {...bound}>{(field) => <Textarea {...textarea} {...bindText(field, optional)} />}</LabelledField>
  );
}

/** `options` as [value, label] pairs; the value "" stands for null (e.g. "Whole clinic"). */
export function SelectField<T extends FieldValues>({
  options,
  ...props
}: Bound<T> & Native<"select"> & { options: readonly (readonly [value: string, label: string])[] }) {
  const [bound, select] = split(props);
  return (
    <LabelledField {...bound}>
      {(field) => (
        <Select
          {...select}
          {...bind(field)}
          value={field.value ?? ""}
          onChange={(event) => field.onChange(event.target.value === "" ? null : event.target.value)}
        >
          {options.map(([value, option]) => (
            <option key={value} value={value}>
              {option}
            </option>
          ))}
        </Select>
      )}
    </LabelledField>
  );
}

/** A checkbox with its label beside it (and a hint under both). */
export function CheckboxField<T extends FieldValues>({ control, name, label, hint, className }: Bound<T>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <div className="flex items-center gap-2">
            <FormControl>
              <Checkbox
                ref={field.ref}
                name={field.name}
                checked={field.value === true}
                onCheckedChange={(checked) => field.onChange(checked === true)}
                onBlur={field.onBlur}
              />
            </FormControl>
            <FormLabel className="font-normal">{label}</FormLabel>
          </div>
          {hint ? <FormDescription className="pl-6">{hint}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** Several checkboxes for one array-valued field, e.g. the appointment types a provider offers. */
export function CheckboxGroupField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  className,
  options,
  empty,
}: Bound<T> & {
  options: readonly (readonly [value: string, label: ReactNode])[];
  /** Shown instead of the boxes when there are no options. */
  empty?: ReactNode;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => {
        const chosen: string[] = field.value ?? [];
        return (
          <fieldset className={cn("grid gap-2", className)}>
            <legend className="mb-2 font-medium text-sm">{label}</legend>
            {options.length === 0
              ? empty
              : options.map(([value, text]) => (
                  <FormItem key={value}>
                    <div className="flex items-center gap-2">
                      <FormControl>
                        <Checkbox
                          checked={chosen.includes(value)}
                          onCheckedChange={(checked) =>
                            field.onChange(checked ? [...chosen, value] : chosen.filter((v) => v !== value))
                          }
                        />
                      </FormControl>
                      <FormLabel className="font-normal">{text}</FormLabel>
                    </div>
                  </FormItem>
                ))}
            {hint ? <p className="text-muted-foreground text-xs">{hint}</p> : null}
            <FieldError name={field.name} />
          </fieldset>
        );
      }}
    />
  );
}

/** One of a few choices, as radio buttons (the platform's own, so arrow keys move between them). */
export function RadioGroupField<T extends FieldValues>({
  control,
  name,
  label,
  className,
  options,
  hideLabel = false,
}: Bound<T> & { options: readonly (readonly [value: string, label: string])[]; hideLabel?: boolean }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <fieldset className={cn("grid gap-2", className)}>
          <legend className={hideLabel ? "sr-only" : "mb-2 font-medium text-sm"}>{label}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {options.map(([value, text]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={field.name}
                  value={value}
                  className="size-4 accent-primary"
                  checked={field.value === value}
                  onChange={() => field.onChange(value)}
                />
                {text}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    />
  );
}

/** A field's error outside a FormItem (a group of controls). */
function FieldError({ name }: { name: string }) {
  const { errors } = useFormState({ name });
  const message = errors[name]?.message;
  return typeof message === "string" ? <p className="text-destructive text-xs">{sentence(message)}</p> : null;
}

/** The form-level message: what the server said that belongs to no single field. */
export function FormAlert({ children }: { children?: ReactNode }) {
  const { errors } = useFormState();
  const message = errors.root?.server?.message;
  if (!message) return null;
  return (
    <Alert variant="destructive">
      {message}
      {children ? <> {children}</> : null}
    </Alert>
  );
}

/**
 * A form that submits its valid values to `onSubmit` (a mutation's `mutateAsync`, say) and, when
 * that fails, shows the server's field messages on the fields and the rest in <FormAlert />.
 * `byCode` words a tRPC code for this form, e.g. `{ CONFLICT: "Another patient has this number." }`.
 */
export function MutationForm<TInput extends FieldValues, TOutput>({
  form,
  onSubmit,
  byCode,
  className,
  children,
}: {
  form: UseFormReturn<TInput, unknown, TOutput>;
  onSubmit: (values: TOutput) => Promise<unknown>;
  byCode?: Partial<Record<string, string>>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form {...form}>
      <form
        noValidate
        className={cn("grid gap-4", className)}
        onSubmit={form.handleSubmit(async (values) => {
          try {
            await onSubmit(values);
          } catch (error) {
            showServerErrors(form, error, byCode);
          }
        })}
      >
        {children}
      </form>
    </Form>
  );
}

/** The form's submit button: busy while the submission runs. */
export function SubmitButton({
  pendingLabel,
  className,
  children,
  ...props
}: ComponentProps<typeof Button> & { pendingLabel?: string }) {
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" pending={isSubmitting} className={cn("w-fit", className)} {...props}>
      {isSubmitting && pendingLabel ? pendingLabel : children}
    </Button>
  );
}

/**
 * Puts a failed mutation's errors where they belong: the server's field messages on the form's
 * fields (by name), the rest in <FormAlert />. `byCode` words a tRPC code for this form, e.g.
 * `{ CONFLICT: "Another patient already has this phone number." }`.
 */
export function showServerErrors<T extends FieldValues, TOutput>(
  form: UseFormReturn<T, unknown, TOutput>,
  error: unknown,
  byCode: Partial<Record<string, string>> = {},
) {
  const { fields, message, code } = serverErrors(error, Object.keys(form.getValues()));
  for (const [name, text] of Object.entries(fields)) form.setError(name as Path<T>, { type: "server", message: text });
  const worded = code ? byCode[code] : undefined;
  if (worded ?? message) form.setError("root.server", { type: "server", message: worded ?? message ?? undefined });
}
