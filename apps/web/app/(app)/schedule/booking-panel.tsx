"use client";

import { patientInput, type Slot } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type Control, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Field } from "@/components/field";
import {
  FormAlert,
  InputField,
  RadioGroupField,
  SubmitButton,
  showServerErrors,
  TextareaField,
} from "@/components/forms";
import { Panel } from "@/components/panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatDay, formatTime, localDay } from "@/lib/clinic-time";
import { formatPhone, fullName } from "@/lib/format";
import { errorMessage } from "@/trpc/errors";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { ProviderAndDay, useSlotChoice } from "./provider-and-day";
import type { ScheduleContext } from "./schedule-board";
import { Alternatives, SlotPicker } from "./slot-picker";

// Who the booking is for: a new patient (their details, checked as patients.create checks
// them) or one already on file.
const notes = z.string().trim().max(2000);
const bookingFor = z.discriminatedUnion("mode", [
  patientInput.pick({ firstName: true, lastName: true, phone: true, email: true }).extend({
    mode: z.literal("new"),
    notes,
  }),
  z.object({
    mode: z.literal("existing"),
    patient: z.object({ id: z.uuid(), name: z.string(), phone: z.string() }, { error: "choose the patient first" }),
    notes,
  }),
]);
type BookingFor = z.output<typeof bookingFor>;
type Patient = { id: string; name: string; phone: string };

// Names one booking attempt, so retrying after a lost response returns the booking it made.
const newAttempt = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

function ExistingPatientSearch({ onChoose }: { onChoose: (patient: Patient) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const term = search.trim();
  const found = useQuery(trpc.patients.list.queryOptions({ search: term, limit: 8 }, { enabled: term.length >= 2 }));
  return (
    <div className="grid gap-2">
      <Field
        id="book-patient-search"
        label="Find patient"
        hint="Type part of their name, or at least three digits of their phone."
      >
        <Input type="search" autoComplete="off" value={search} onChange={(event) => setSearch(event.target.value)} />
      </Field>
      {term.length < 2 ? null : found.isPending ? (
        <p className="text-muted-foreground text-sm">Searching…</p>
      ) : found.isError ? (
        <Alert variant="destructive">{errorMessage(found.error)}</Alert>
      ) : found.data.items.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          Nobody matches “{term}”. Check the spelling, or enter them as a new patient.
        </p>
      ) : (
        <ul className="grid gap-1 text-sm" aria-label="Matching patients">
          {found.data.items.map((p) => (
            <li key={p.id} className="flex items-center gap-2">
              <Button variant="link" onClick={() => onChoose({ id: p.id, name: fullName(p), phone: p.phone })}>
                {fullName(p)}
              </Button>
              <span className="text-muted-foreground">{formatPhone(p.phone)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** New patient or existing: the choice, and then their details or the search for them. */
function PatientFields({
  control,
  canSeePatients,
}: {
  control: Control<z.input<typeof bookingFor>>;
  canSeePatients: boolean;
}) {
  const mode = useWatch({ control, name: "mode" });
  return (
    <>
      {canSeePatients ? (
        <RadioGroupField
          control={control}
          name="mode"
          label="Who is it for?"
          hideLabel
          options={[
            ["new", "New patient"],
            ["existing", "Existing patient"],
          ]}
        />
      ) : null}
      {mode === "existing" ? (
        <FormField
          control={control}
          name="patient"
          render={({ field }) => (
            <FormItem>
              {field.value ? (
                <p className="text-sm">
                  For <strong>{field.value.name}</strong>{" "}
                  <span className="text-muted-foreground">{formatPhone(field.value.phone)}</span>{" "}
                  <Button variant="link" onClick={() => field.onChange(undefined)}>
                    Change
                  </Button>
                </p>
              ) : (
                <ExistingPatientSearch onChoose={field.onChange} />
              )}
              <FormMessage />
            </FormItem>
          )}
        />
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3">
            <InputField control={control} name="firstName" label="First name" autoComplete="off" />
            <InputField control={control} name="lastName" label="Last name" autoComplete="off" />
          </div>
          <InputField
            control={control}
            name="phone"
            label="Phone"
            type="tel"
            autoComplete="off"
            hint="Confirmations and reminders are texted here. A known number books its existing patient."
          />
          <InputField
            control={control}
            name="email"
            label="Email (optional)"
            type="email"
            autoComplete="off"
            optional
          />
        </>
      )}
    </>
  );
}

/** Type, provider and day → an open time → the patient → booked. */
export function BookingPanel({
  context,
  setUpHint,
  onBooked,
}: {
  context: ScheduleContext;
  setUpHint: string;
  onBooked: (message: string, day: string) => void;
}) {
  const { timeZone, types, providers } = context;
  const client = useTRPCClient();
  const [typeId, setTypeId] = useState(types[0]?.id ?? "");
  const offering = providers.filter((p) => p.typeIds.includes(typeId));
  const choice = useSlotChoice({ offering, provider: context.providerParam ?? "", day: context.bookingDay });
  const slot = choice.slot;
  const attempt = useRef(newAttempt());
  // A new patient is created once, then reused if the first time was lost and another is picked.
  const created = useRef<{ phone: string; id: string } | null>(null);
  const form = useForm({
    resolver: zodResolver(bookingFor),
    defaultValues: { mode: "new", firstName: "", lastName: "", phone: "", email: null, notes: "" },
  });
  const type = types.find((t) => t.id === typeId);

  const book = useMutation({
    mutationFn: async ({ target, who }: { target: Slot; who: BookingFor }) => {
      let patientId: string;
      if (who.mode === "existing") patientId = who.patient.id;
      else {
        if (created.current?.phone !== who.phone) {
          const { mode: _, notes: __, ...details } = who;
          const patient = await client.patients.create.mutate(details);
          created.current = { phone: who.phone, id: patient.id };
        }
        patientId = created.current.id;
      }
      return client.appointments.book.mutate({
        appointmentTypeId: typeId,
        providerId: target.providerId,
        startsAt: target.startsAt,
        patientId,
        notes: who.notes || undefined,
        idempotencyKey: `${attempt.current}:${target.providerId}:${target.startsAt.toISOString()}:${patientId}`,
      });
    },
    onSuccess: (booked) => {
      const bookedDay = localDay(booked.startsAt, timeZone);
      onBooked(
        `Booked ${booked.patient ? fullName(booked.patient) : "the patient"} for ${booked.appointmentType.name} with ${booked.provider.name} on ${formatDay(bookedDay)} at ${formatTime(booked.startsAt, timeZone)}.`,
        bookedDay,
      );
      choice.pick(null);
      form.reset();
      created.current = null;
      attempt.current = newAttempt();
    },
  });

  /** Books `target` for whoever the form names; a lost race offers the nearest open times instead. */
  const bookAt = (target: Slot) =>
    form.handleSubmit(async (who) => {
      try {
        await book.mutateAsync({ target, who });
      } catch (error) {
        if (!choice.lostRace(error)) showServerErrors(form, error);
      }
    });

  if (types.length === 0) {
    return (
      <Panel title="Book an appointment">
        <p className="text-muted-foreground text-sm">{setUpHint}</p>
      </Panel>
    );
  }

  return (
    <Panel title="Book an appointment">
      <Form {...form}>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => (slot ? bookAt(slot)(event) : event.preventDefault())}
        >
          <Field id="book-type" label="Appointment type">
            <Select
              value={typeId}
              onChange={(event) => {
                setTypeId(event.target.value);
                choice.pick(null);
              }}
            >
              {types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.durationMinutes} min)
                </option>
              ))}
            </Select>
          </Field>
          <ProviderAndDay
            id="book"
            className="grid gap-4"
            labels={{ provider: "Provider", day: "Day" }}
            choice={choice}
            offering={offering}
            today={context.today}
          />

          <section className="grid gap-2" aria-labelledby="open-times-heading">
            <h3 id="open-times-heading" className="font-semibold text-sm">
              Open times
            </h3>
            <SlotPicker
              timeZone={timeZone}
              appointmentTypeId={typeId}
              providerId={choice.providerId || null}
              day={choice.day}
              selected={slot}
              onSelect={(next) => {
                choice.pick(next);
                form.clearErrors("root");
              }}
            />
          </section>
          {choice.alternatives ? (
            <Alternatives
              alternatives={choice.alternatives}
              timeZone={timeZone}
              pending={book.isPending}
              onChoose={(alt) => {
                choice.pick(alt);
                void bookAt(alt)();
              }}
            />
          ) : null}

          {slot ? (
            <>
              <Alert variant="info">
                {type?.name} with {slot.providerName}, {formatDay(localDay(slot.startsAt, timeZone))} at{" "}
                {formatTime(slot.startsAt, timeZone)}.
              </Alert>
              <h3 className="font-semibold text-sm">Patient</h3>
              <PatientFields control={form.control} canSeePatients={context.canSeePatients} />
              <TextareaField control={form.control} name="notes" label="Notes (optional)" rows={2} maxLength={2000} />
              <FormAlert />
              <SubmitButton pendingLabel="Booking…">Book appointment</SubmitButton>
            </>
          ) : null}
        </form>
      </Form>
    </Panel>
  );
}
