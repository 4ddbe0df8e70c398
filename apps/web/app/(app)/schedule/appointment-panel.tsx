"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/badge";
import { formatDay, formatTime, localDay } from "@/components/clinic-time";
import { ConfirmButton } from "@/components/confirm-button";
import { Field, FormAlert } from "@/components/field";
import { formatPhone } from "@/components/format";
import { slotTakenAlternatives } from "@/components/slot-taken";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import { ProviderChoice } from "./provider-choice";
import { Alternatives, availabilityKey, type Slot, SlotPicker } from "./slot-picker";
import type { Calendar, CalendarAppointment } from "./types";

const statusLabels: Record<CalendarAppointment["status"], string> = {
  held: "Held (not yet confirmed)",
  booked: "Booked",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "No-show",
};

const sourceLabels: Record<CalendarAppointment["source"], string> = {
  agent: "the AI receptionist",
  dashboard: "staff",
  api: "an integration (API)",
};

function MoveAppointment({
  appointment,
  calendar,
  onMoved,
}: {
  appointment: CalendarAppointment;
  calendar: Calendar;
  onMoved: (message: string, day: string) => void;
}) {
  const { clinicId, timeZone } = calendar;
  const queryClient = useQueryClient();
  const offering = calendar.providers.filter((p) => p.typeIds.includes(appointment.appointmentType.id));
  const [providerChoice, setProviderChoice] = useState(appointment.provider.id);
  const providerId = offering.some((p) => p.id === providerChoice) ? providerChoice : "";
  const [day, setDay] = useState(appointment.day < calendar.today ? calendar.today : appointment.day);
  const [target, setTarget] = useState<Slot | null>(null);
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);
  const who = appointment.patient?.name ?? "The appointment";

  const move = useMutation({
    mutationFn: (to: Slot) =>
      trpc.appointments.reschedule.mutate({
        appointmentId: appointment.id,
        startsAt: to.startsAt,
        providerId: to.providerId,
      }),
    onSuccess: (moved) => {
      const movedDay = localDay(moved.startsAt, timeZone);
      void queryClient.invalidateQueries({ queryKey: availabilityKey });
      onMoved(
        `Moved ${who} to ${formatDay(movedDay)} at ${formatTime(moved.startsAt, timeZone)} with ${moved.provider.name}.`,
        movedDay,
      );
    },
    onError: (error) => {
      const offered = slotTakenAlternatives(error);
      if (offered) {
        setAlternatives(offered);
        setTarget(null);
        void queryClient.invalidateQueries({ queryKey: availabilityKey });
      }
    },
  });
  const lostRace = move.isError && alternatives !== null;

  return (
    <>
      <div className="columns">
        <Field
          label="New day"
          name="moveDay"
          id="move-day"
          type="date"
          min={calendar.today}
          value={day}
          onChange={(event) => {
            setDay(event.target.value);
            setTarget(null);
          }}
        />
        <ProviderChoice
          label="With"
          name="moveProvider"
          id="move-provider"
          value={providerId}
          offering={offering}
          onChange={(choice) => {
            setProviderChoice(choice);
            setTarget(null);
          }}
        />
      </div>
      <SlotPicker
        clinicId={clinicId}
        timeZone={timeZone}
        appointmentTypeId={appointment.appointmentType.id}
        providerId={providerId || null}
        movingAppointmentId={appointment.id}
        day={day}
        selected={target}
        onSelect={(slot) => {
          setTarget(slot);
          setAlternatives(null);
          if (move.isError) move.reset();
        }}
      />
      {alternatives ? (
        <Alternatives
          alternatives={alternatives}
          timeZone={timeZone}
          pending={move.isPending}
          onChoose={(alt) => {
            setTarget(alt);
            move.mutate(alt);
          }}
        />
      ) : null}
      <FormAlert message={lostRace ? null : formErrors(move.error).message} />
      {target ? (
        <button className="button" type="button" disabled={move.isPending} onClick={() => move.mutate(target)}>
          {move.isPending
            ? "Moving…"
            : `Move to ${formatDay(localDay(target.startsAt, timeZone), "weekday")}, ${formatTime(target.startsAt, timeZone)}`}
        </button>
      ) : null}
    </>
  );
}

/** One appointment: its details, and moving or cancelling it. */
export function AppointmentPanel({
  appointment,
  calendar,
  onClose,
  onDone,
}: {
  appointment: CalendarAppointment;
  calendar: Calendar;
  onClose: () => void;
  onDone: (message: string, day: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const [moving, setMoving] = useState(false);
  const [reason, setReason] = useState("");
  const who = appointment.patient?.name ?? "Held time";
  const cancel = useMutation({
    mutationFn: () =>
      trpc.appointments.cancel.mutate({ appointmentId: appointment.id, reason: reason.trim() || undefined }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: availabilityKey });
      onDone(
        `Cancelled ${appointment.patient ? `${appointment.patient.name}'s` : "the held"} ${appointment.appointmentType.name} on ${appointment.whenLabel}.`,
        null,
      );
    },
  });
  const live = appointment.status === "booked" || appointment.status === "held";

  return (
    <section className="panel side-panel" aria-labelledby="appointment-heading">
      <div className="side-panel-head">
        <h2 id="appointment-heading">{who}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="details">
        <dt>When</dt>
        <dd>{appointment.whenLabel}</dd>
        <dt>What</dt>
        <dd>{appointment.appointmentType.name}</dd>
        <dt>With</dt>
        <dd>{appointment.provider.name}</dd>
        <dt>Status</dt>
        <dd>
          <Badge tone={appointment.status === "booked" ? "info" : "neutral"}>{statusLabels[appointment.status]}</Badge>
        </dd>
        {appointment.patient ? (
          <>
            <dt>Patient</dt>
            <dd>
              {calendar.canSeePatients ? (
                <Link href={`/patients/${appointment.patient.id}`}>{appointment.patient.name}</Link>
              ) : (
                appointment.patient.name
              )}
              <br />
              <span className="muted">{formatPhone(appointment.patient.phone)}</span>
            </dd>
          </>
        ) : null}
        {appointment.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre-line">{appointment.notes}</dd>
          </>
        ) : null}
        <dt>Booked by</dt>
        <dd>{sourceLabels[appointment.source]}</dd>
      </dl>

      {appointment.status === "booked" ? (
        <>
          <h3>Move</h3>
          {moving ? (
            <MoveAppointment
              appointment={appointment}
              calendar={calendar}
              onMoved={(message, day) => onDone(message, day)}
            />
          ) : (
            <button type="button" className="button inline secondary" onClick={() => setMoving(true)}>
              Choose a new time
            </button>
          )}
        </>
      ) : null}

      {live ? (
        <>
          <h3>Cancel</h3>
          <Field
            label="Reason (optional)"
            name="reason"
            id="cancel-reason"
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="e.g. Patient is unwell"
          />
          <ConfirmButton
            label="Cancel appointment"
            question={`Cancel ${who === "Held time" ? "this held time" : `${who}'s appointment`}? The time opens up for others.`}
            confirmLabel="Yes, cancel it"
            dismissLabel="Keep it"
            pending={cancel.isPending}
            onConfirm={() => cancel.mutate()}
          />
          <FormAlert message={formErrors(cancel.error).message} />
        </>
      ) : null}
    </section>
  );
}
