// What the server page hands the schedule's client components: plain data, with every label
// already formatted in the clinic's zone.

export type View = "day" | "week";

export type Column = {
  key: string;
  /** The clinic's calendar day this column shows. */
  day: string;
  providerId: string;
  title: string;
  subtitle: string | null;
  today: boolean;
  /** Working intervals in minutes from local midnight (weekly hours, or that day's override). */
  hours: { startMinute: number; endMinute: number }[];
  /** Why the hours differ from a plain working day: "Off", "Closed: Holiday", "Special hours". */
  note: string | null;
};

export type CalendarAppointment = {
  id: string;
  columnKey: string;
  startMinute: number;
  endMinute: number;
  status: "held" | "booked" | "cancelled" | "completed" | "no_show";
  color: string;
  timeLabel: string;
  whenLabel: string;
  day: string;
  patient: { id: string; name: string; phone: string } | null;
  appointmentType: { id: string; name: string };
  provider: { id: string; name: string };
  notes: string | null;
  source: "agent" | "dashboard" | "api";
};

export type BookableType = { id: string; name: string; durationMinutes: number };
export type BookableProvider = { id: string; name: string; typeIds: string[] };

export type Calendar = {
  clinicId: string;
  timeZone: string;
  view: View;
  /** The provider in the URL (always one in week view), kept when the calendar moves. */
  providerParam: string | null;
  /** The day the booking form starts on: the calendar's day, or today if that has passed. */
  bookingDay: string;
  today: string;
  rangeStart: number;
  rangeEnd: number;
  hourLabels: { minute: number; label: string }[];
  columns: Column[];
  appointments: CalendarAppointment[];
  types: BookableType[];
  providers: BookableProvider[];
  canSeePatients: boolean;
};
