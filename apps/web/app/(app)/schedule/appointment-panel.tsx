"use client";

import type { Slot } from "@frontdesk/core/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { AppointmentStatusBadge } from "@/components/appointment-status";
import { slotTakenAlternatives } from "@/components/slot-taken";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatDay, formatTime, localDay } from "@/lib/clinic-time";
import { formatPhone } from "@/lib/format";
import type { PlacedAppointment } from "@/schedule/calendar";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { ProviderChoice } from "./provider-choice";
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
  const queryClient = useQueryClient();
  const offering = context.providers.filter((p) => p.typeIds.includes(appointment.appointmentType.id));
  const [providerChoice, setProviderChoice] = useState(appointment.provider.id);
  const providerId = offering.some((p) => p.id === providerChoice) ? providerChoice : "";
  const [day, setDay] = useState(appointment.day < today ? today : appointment.day);
  const [target, setTarget] = useState<Slot | null>(null);
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);
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
      onError: (error) => {
        const offered = slotTakenAlternatives(error);
        if (!offered) return;
        setAlternatives(offered);
        setTarget(null);
        void queryClient.invalidateQueries(trpc.appointments.availability.pathFilter());
      },
    }),
  );
  const moveTo = (slot: Slot) =>
    move.mutate({ appointmentId: appointment.id, startsAt: slot.startsAt, providerId: slot.providerId });

  return (
    <div className="grid gap-3">
      <div className="grid grid-cols-2 gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="move-day">New day</Label>
          <Input
            id="move-day"
            type="date"
            min={today}
            value={day}
            onChange={(event) => {
              setDay(event.target.value);
              setTarget(null);
            }}
          />
        </div>
        <ProviderChoice
          label="With"
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
        timeZone={timeZone}
        appointmentTypeId={appointment.appointmentType.id}
        providerId={providerId || null}
        movingAppointmentId={appointment.id}
        day={day}
        selected={target}
        onSelect={(slot) => {
          setTarget(slot);
          setAlternatives(null);
          move.reset();
        }}
      />
      {alternatives ? (
        <Alternatives
          alternatives={alternatives}
          timeZone={timeZone}
          pending={move.isPending}
          onChoose={(alt) => {
            setTarget(alt);
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
    <Card aria-labelledby="appointment-heading">
      <CardHeader className="flex-row items-start justify-between">
        <CardTitle id="appointment-heading">{who}</CardTitle>
        <Button variant="ghost" size="icon" className="-mt-2 -mr-2 size-8" onClick={onClose} aria-label="Close">
          <X aria-hidden />
        </Button>
      </CardHeader>
      <CardContent className="gap-5">
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
            <div className="grid gap-1.5">
              <Label htmlFor="cancel-reason">Reason (optional)</Label>
              <Input
                id="cancel-reason"
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                placeholder="e.g. Patient is unwell"
              />
            </div>
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
      </CardContent>
    </Card>
  );
}
