"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { type FormEvent, useRef, useState } from "react";
import { formatDay, formatTime, localDay } from "@/components/clinic-time";
import { Field, FormAlert, SelectField, TextAreaField } from "@/components/field";
import { formatPhone, fullName } from "@/components/format";
import { slotTakenAlternatives } from "@/components/slot-taken";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import { ProviderChoice } from "./provider-choice";
import { Alternatives, availabilityKey, type Slot, SlotPicker } from "./slot-picker";
import type { Calendar } from "./types";

type Patient = { id: string; name: string; phone: string };
type NewPatient = { firstName: string; lastName: string; phone: string; email: string };

const BLANK: NewPatient = { firstName: "", lastName: "", phone: "", email: "" };
const PATIENT_FIELDS = ["firstName", "lastName", "phone", "email"] as const;

// Names one booking attempt, so retrying after a lost response returns the booking it made.
const newAttempt = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

function ExistingPatientSearch({ clinicId, onChoose }: { clinicId: string; onChoose: (patient: Patient) => void }) {
  const [search, setSearch] = useState("");
  const term = search.trim();
  const found = useQuery({
    queryKey: ["patients", clinicId, term],
    queryFn: () => trpc.patients.list.query({ search: term, limit: 8 }),
    enabled: term.length >= 2,
  });
  return (
    <>
      <Field
        label="Find patient"
        name="patientSearch"
        id="book-patient-search"
        type="search"
        autoComplete="off"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        hint="Type part of their name, or at least three digits of their phone."
      />
      {term.length < 2 ? null : found.isPending ? (
        <p className="muted">Searching…</p>
      ) : found.isError ? (
        <FormAlert message={formErrors(found.error).message} />
      ) : found.data.items.length === 0 ? (
        <p className="muted">Nobody matches “{term}”. Check the spelling, or enter them as a new patient.</p>
      ) : (
        <ul className="pick-list" aria-label="Matching patients">
          {found.data.items.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => onChoose({ id: p.id, name: fullName(p), phone: p.phone })}
              >
                {fullName(p)}
              </button>{" "}
              <span className="muted">{formatPhone(p.phone)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Type, provider and day → an open time → the patient → booked. */
export function BookingPanel({
  calendar,
  setUpHint,
  onBooked,
}: {
  calendar: Calendar;
  setUpHint: string;
  onBooked: (message: string, day: string) => void;
}) {
  const { clinicId, timeZone, types, providers } = calendar;
  const queryClient = useQueryClient();
  const [typeId, setTypeId] = useState(types[0]?.id ?? "");
  const offering = providers.filter((p) => p.typeIds.includes(typeId));
  const [providerChoice, setProviderChoice] = useState(calendar.providerParam ?? "");
  // A provider who doesn't offer the chosen type falls back to "any provider".
  const providerId = offering.some((p) => p.id === providerChoice) ? providerChoice : "";
  const [day, setDay] = useState(calendar.bookingDay);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [mode, setMode] = useState<"new" | "existing">("new");
  const [existing, setExisting] = useState<Patient | null>(null);
  const [details, setDetails] = useState<NewPatient>(BLANK);
  const [notes, setNotes] = useState("");
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);
  const attempt = useRef(newAttempt());
  // A new patient is created once, then reused if the first time was lost and another is picked.
  const created = useRef<{ phone: string; id: string } | null>(null);

  const type = types.find((t) => t.id === typeId);
  const book = useMutation({
    mutationFn: async (target: Slot) => {
      let patientId = mode === "existing" ? existing?.id : undefined;
      if (mode === "new") {
        if (created.current?.phone !== details.phone) {
          const patient = await trpc.patients.create.mutate({
            firstName: details.firstName.trim(),
            lastName: details.lastName.trim(),
            phone: details.phone.trim(),
            email: details.email.trim() || null,
          });
          created.current = { phone: details.phone, id: patient.id };
        }
        patientId = created.current?.id;
      }
      if (!patientId) throw new Error("Choose the patient first.");
      return trpc.appointments.book.mutate({
        appointmentTypeId: typeId,
        providerId: target.providerId,
        startsAt: target.startsAt,
        patientId,
        notes: notes.trim() || undefined,
        idempotencyKey: `${attempt.current}:${target.providerId}:${target.startsAt.toISOString()}:${patientId}`,
      });
    },
    onSuccess: (booked) => {
      const who = booked.patient ? fullName(booked.patient) : "The patient";
      const bookedDay = localDay(booked.startsAt, timeZone);
      onBooked(
        `Booked ${who} for ${booked.appointmentType.name} with ${booked.provider.name} on ${formatDay(bookedDay)} at ${formatTime(booked.startsAt, timeZone)}.`,
        bookedDay,
      );
      setSlot(null);
      setAlternatives(null);
      setExisting(null);
      setDetails(BLANK);
      setNotes("");
      created.current = null;
      attempt.current = newAttempt();
      void queryClient.invalidateQueries({ queryKey: availabilityKey });
    },
    onError: (error) => {
      const offered = slotTakenAlternatives(error);
      if (offered) {
        setAlternatives(offered);
        setSlot(null);
        void queryClient.invalidateQueries({ queryKey: availabilityKey });
      }
    },
  });
  const lostRace = book.isError && alternatives !== null;
  const errors = formErrors(lostRace ? null : book.error, PATIENT_FIELDS);
  // Our own "choose the patient" error is not a server one; everything else goes through formErrors.
  const message =
    book.error instanceof Error && !(book.error instanceof TRPCClientError) ? book.error.message : errors.message;

  function pickSlot(next: Slot) {
    setSlot(next);
    setAlternatives(null);
    if (book.isError) book.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (slot) book.mutate(slot);
  }

  if (types.length === 0) {
    return (
      <section className="panel side-panel">
        <h2>Book an appointment</h2>
        <p className="muted">{setUpHint}</p>
      </section>
    );
  }

  return (
    <section className="panel side-panel" aria-labelledby="book-heading">
      <h2 id="book-heading">Book an appointment</h2>
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          label="Appointment type"
          name="appointmentTypeId"
          id="book-type"
          value={typeId}
          onChange={(event) => {
            setTypeId(event.target.value);
            setSlot(null);
          }}
        >
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.durationMinutes} min)
            </option>
          ))}
        </SelectField>
        <ProviderChoice
          label="Provider"
          name="providerId"
          id="book-provider"
          value={providerId}
          offering={offering}
          onChange={(choice) => {
            setProviderChoice(choice);
            setSlot(null);
          }}
        />
        <Field
          label="Day"
          name="day"
          id="book-day"
          type="date"
          min={calendar.today}
          value={day}
          onChange={(event) => {
            setDay(event.target.value);
            setSlot(null);
          }}
        />

        <h3>Open times</h3>
        <SlotPicker
          clinicId={clinicId}
          timeZone={timeZone}
          appointmentTypeId={typeId}
          providerId={providerId || null}
          day={day}
          selected={slot}
          onSelect={pickSlot}
        />
        {alternatives ? (
          <Alternatives
            alternatives={alternatives}
            timeZone={timeZone}
            pending={book.isPending}
            onChoose={(alt) => {
              setSlot(alt);
              book.mutate(alt);
            }}
          />
        ) : null}

        {slot ? (
          <>
            <p className="notice">
              {type?.name} with {slot.providerName}, {formatDay(localDay(slot.startsAt, timeZone))} at{" "}
              {formatTime(slot.startsAt, timeZone)}.
            </p>
            <h3>Patient</h3>
            {calendar.canSeePatients ? (
              <fieldset className="radio-group">
                <legend className="visually-hidden">Who is it for?</legend>
                <label>
                  <input type="radio" name="mode" checked={mode === "new"} onChange={() => setMode("new")} />
                  New patient
                </label>
                <label>
                  <input type="radio" name="mode" checked={mode === "existing"} onChange={() => setMode("existing")} />
                  Existing patient
                </label>
              </fieldset>
            ) : null}
            {mode === "existing" ? (
              existing ? (
                <p>
                  For <strong>{existing.name}</strong> <span className="muted">{formatPhone(existing.phone)}</span>{" "}
                  <button type="button" className="link-button" onClick={() => setExisting(null)}>
                    Change
                  </button>
                </p>
              ) : (
                <ExistingPatientSearch clinicId={clinicId} onChoose={setExisting} />
              )
            ) : (
              <>
                <div className="columns">
                  <Field
                    label="First name"
                    name="firstName"
                    id="book-first-name"
                    autoComplete="off"
                    value={details.firstName}
                    onChange={(event) => setDetails({ ...details, firstName: event.target.value })}
                    error={errors.fields.firstName}
                  />
                  <Field
                    label="Last name"
                    name="lastName"
                    id="book-last-name"
                    autoComplete="off"
                    value={details.lastName}
                    onChange={(event) => setDetails({ ...details, lastName: event.target.value })}
                    error={errors.fields.lastName}
                  />
                </div>
                <Field
                  label="Phone"
                  name="phone"
                  id="book-phone"
                  type="tel"
                  autoComplete="off"
                  value={details.phone}
                  onChange={(event) => setDetails({ ...details, phone: event.target.value })}
                  hint="Confirmations and reminders are texted here. A known number books its existing patient."
                  error={errors.fields.phone}
                />
                <Field
                  label="Email (optional)"
                  name="email"
                  id="book-email"
                  type="email"
                  autoComplete="off"
                  value={details.email}
                  onChange={(event) => setDetails({ ...details, email: event.target.value })}
                  error={errors.fields.email}
                />
              </>
            )}
            <TextAreaField
              label="Notes (optional)"
              name="notes"
              id="book-notes"
              rows={2}
              maxLength={2000}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
            />
            <FormAlert message={message} />
            <button className="button" type="submit" disabled={book.isPending || (mode === "existing" && !existing)}>
              {book.isPending ? "Booking…" : "Book appointment"}
            </button>
          </>
        ) : null}
      </form>
    </section>
  );
}
