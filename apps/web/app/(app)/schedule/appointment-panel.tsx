"use client";

import type { Slot } from "@frontdesk/core/schemas";
import { useMutation } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { AppointmentStatusBadge } from "@/components/appointment-status";
import { Field } from "@/components/field";
import { Panel } from "@/components/panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { formatDay, formatTime, localDay } from "@/lib/clinic-time";
import { formatPhone } from "@/lib/format";
import type { PlacedAppointment } from "@/schedule/calendar";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { ProviderAndDay, useSlotChoice } from "./provider-and-day";
import type { ScheduleContext } from "./schedule-board";
import { Alternatives, SlotPicker } from "./slot-picker";

const sourceLabels: Record<PlacedAppointment["source"], string> = {
  agent: "the AI receptionist",
  dashboard: "staff",
  api: "an integration (API)",
};

type Done = (message: string, day: string | null) => void;

function MoveAppointment({
  appointment,
  context,
  onMoved,
}: {
  appointment: PlacedAppointment;
  context: ScheduleContext;
  onMoved: Done;
}) {
  const { timeZone, today } = context;
  const trpc = useTRPC();
  const offering = context.providers.filter((p) => p.typeIds.includes(appointment.appointmentType.id));
  const choice = useSlotChoice({
    offering,
    provider: appointment.provider.id,
    day: appointment.day < today ? today : appointment.day,
  });
  const who = appointment.patient?.name ?? "The appointment";

  const move = useMutation(
    trpc.appointments.reschedule.mutationOptions({
      onSuccess: (moved) => {
        const movedDay = localDay(moved.startsAt, timeZone);
        onMoved(
          `Moved ${who} to ${formatDay(movedDay)} at ${formatTime(moved.startsAt, timeZone)} with ${moved.provider.name}.`,
          movedDay,
        );
      },
      onError: (error) => choice.lostRace(error),
    }),
  );
  const moveTo = (slot: Slot) =>
    move.mutate({ appointmentId: appointment.id, startsAt: slot.startsAt, providerId: slot.providerId });
  const target = choice.slot;

  return (
    <div className="grid gap-3">
      <ProviderAndDay
        id="move"
        className="grid grid-cols-2 gap-3"
        labels={{ provider: "With", day: "New day" }}
        choice={choice}
        offering={offering}
        today={today}
      />
      <SlotPicker
        timeZone={timeZone}
        appointmentTypeId={appointment.appointmentType.id}
        providerId={choice.providerId || null}
        movingAppointmentId={appointment.id}
        day={choice.day}
        selected={target}
        onSelect={(slot) => {
          choice.pick(slot);
          move.reset();
        }}
      />
      {choice.alternatives ? (
        <Alternatives
          alternatives={choice.alternatives}
          timeZone={timeZone}
          pending={move.isPending}
          onChoose={(alt) => {
            choice.pick(alt);
            moveTo(alt);
          }}
        />
      ) : move.isError ? (
        <Alert variant="destructive">{errorMessage(move.error)}</Alert>
      ) : null}
      {target ? (
        <Button pending={move.isPending} onClick={() => moveTo(target)}>
          {move.isPending
            ? "Moving…"
            : `Move to ${formatDay(localDay(target.startsAt, timeZone), "weekday")}, ${formatTime(target.startsAt, timeZone)}`}
        </Button>
      ) : null}
    </div>
  );
}

/** One appointment: its details, and moving or cancelling it. */
export function AppointmentPanel({
  appointment,
  context,
  onClose,
  onDone,
}: {
  appointment: PlacedAppointment;
  context: ScheduleContext;
  onClose: () => void;
  onDone: Done;
}) {
  const trpc = useTRPC();
  const [moving, setMoving] = useState(false);
  const [reason, setReason] = useState("");
  const who = appointment.patient?.name ?? "Held time";
  const cancel = useMutation(
    trpc.appointments.cancel.mutationOptions({
      onSuccess: () =>
        onDone(
          `Cancelled ${appointment.patient ? `${appointment.patient.name}'s` : "the held"} ${appointment.appointmentType.name} on ${appointment.whenLabel}.`,
          null,
        ),
    }),
  );
  const live = appointment.status === "booked" || appointment.status === "held";

  return (
    <Panel
      title={who}
      action={
        <Button variant="ghost" size="icon" className="size-8" onClick={onClose} aria-label="Close">
          <X aria-hidden />
        </Button>
      }
    >
      <div className="grid gap-5">
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 text-sm [&_dt]:text-muted-foreground">
          <dt>When</dt>
          <dd>{appointment.whenLabel}</dd>
          <dt>What</dt>
          <dd>{appointment.appointmentType.name}</dd>
          <dt>With</dt>
          <dd>{appointment.provider.name}</dd>
          <dt>Status</dt>
          <dd>
            <AppointmentStatusBadge status={appointment.status} />
          </dd>
          {appointment.patient ? (
            <>
              <dt>Patient</dt>
              <dd>
                {context.canSeePatients ? (
                  <Link href={`/patients/${appointment.patient.id}`}>{appointment.patient.name}</Link>
                ) : (
                  appointment.patient.name
                )}
                <span className="block text-muted-foreground">{formatPhone(appointment.patient.phone)}</span>
              </dd>
            </>
          ) : null}
          {appointment.notes ? (
            <>
              <dt>Notes</dt>
              <dd className="whitespace-pre-line">{appointment.notes}</dd>
            </>
          ) : null}
          <dt>Booked by</dt>
          <dd>{sourceLabels[appointment.source]}</dd>
        </dl>

        {appointment.status === "booked" ? (
          <section className="grid gap-2 border-t pt-4" aria-labelledby="move-heading">
            <h3 id="move-heading" className="font-semibold text-sm">
              Move
            </h3>
            {moving ? (
              <MoveAppointment appointment={appointment} context={context} onMoved={onDone} />
            ) : (
              <Button variant="outline" className="w-fit" onClick={() => setMoving(true)}>
                Choose a new time
              </Button>
            )}
          </section>
        ) : null}

        {live ? (
          <section className="grid gap-2 border-t pt-4" aria-labelledby="cancel-heading">
            <h3 id="cancel-heading" className="font-semibold text-sm">
              Cancel
            </h3>
            <Field id="cancel-reason" label="Reason (optional)">
              <Input
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                placeholder="e.g. Patient is unwell"
              />
            </Field>
            <div>
              <ConfirmDialog
                label="Cancel appointment"
                question={`Cancel ${who === "Held time" ? "this held time" : `${who}'s appointment`}?`}
                description="The time opens up for others."
                confirmLabel="Yes, cancel it"
                dismissLabel="Keep it"
                size="default"
                onConfirm={() =>
                  cancel.mutateAsync({ appointmentId: appointment.id, reason: reason.trim() || undefined })
                }
              />
            </div>
          </section>
        ) : null}
      </div>
    </Panel>
  );
}
