import { hashPassword } from "../auth/password";
import type { RootDb } from "../db";
import { seedDemoHistory } from "./demo-history";

export const demoLogin = { email: "demo@frontdesk.test", password: "frontdesk-demo" } as const;
const DEMO_SLUG = "bright-smile-dental";

const weekdays = [1, 2, 3, 4, 5];

/**
 * Creates the demo clinic and its past nine weeks of calls once; later runs find them and
 * change nothing, so `npm run dev` can seed on every start. A demo clinic seeded before it had
 * a history gets one on the next run.
 */
export async function seedDemoClinic(db: RootDb, now = new Date()) {
  const existing = await db.clinic.findUnique({ where: { slug: DEMO_SLUG } });
  if (existing) {
    const history = await seedDemoHistory(db, existing.id, now);
    return { clinicId: existing.id, created: false, history, ...demoLogin };
  }

  const passwordHash = await hashPassword(demoLogin.password);
  const clinic = await db.$transaction(async (tx) => {
    const clinic = await tx.clinic.create({
      data: {
        name: "Bright Smile Dental",
        slug: DEMO_SLUG,
        timezone: "America/New_York",
        plan: "growth",
        phone: "+15555550123",
        email: "frontdesk@brightsmile.test",
        addressLine1: "120 Main Street",
        city: "Springfield",
        region: "MA",
        postalCode: "01103",
        country: "US",
      },
    });
    const user = await tx.user.upsert({
      where: { email: demoLogin.email },
      update: {},
      create: { email: demoLogin.email, name: "Dana Demo", passwordHash, emailVerifiedAt: new Date() },
    });
    await tx.membership.create({ data: { clinicId: clinic.id, userId: user.id, role: "owner" } });

    const types = await Promise.all(
      [
        { name: "Cleaning", durationMinutes: 60, bufferAfterMinutes: 10, description: "Routine hygiene visit" },
        { name: "Check-up", durationMinutes: 30, description: "Exam with the dentist" },
        { name: "Emergency visit", durationMinutes: 45, bufferBeforeMinutes: 5, description: "Pain or broken tooth" },
      ].map((data) => tx.appointmentType.create({ data: { ...data, clinicId: clinic.id } })),
    );
    const providers = [
      { name: "Dr. Maya Patel", title: "DDS", color: "#2563eb", start: 9 * 60, end: 17 * 60 },
      { name: "Sam Rivera", title: "Hygienist", color: "#16a34a", start: 8 * 60, end: 16 * 60 },
    ];
    for (const { start, end, ...data } of providers) {
      const provider = await tx.provider.create({ data: { ...data, clinicId: clinic.id } });
      await tx.providerAppointmentType.createMany({
        data: types.map((type) => ({ clinicId: clinic.id, providerId: provider.id, appointmentTypeId: type.id })),
      });
      await tx.workingHours.createMany({
        data: weekdays.map((weekday) => ({
          clinicId: clinic.id,
          providerId: provider.id,
          weekday,
          startMinute: start,
          endMinute: end,
        })),
      });
    }

    const assistant = await tx.assistant.create({
      data: {
        clinicId: clinic.id,
        name: "Bright Smile receptionist",
        firstMessage: "Thank you for calling Bright Smile Dental, this is Ava. How can I help you today?",
        systemPrompt: [
          "You are Ava, the friendly receptionist of Bright Smile Dental in Springfield.",
          "Help callers book, move or cancel appointments using your tools; only offer times the tools return.",
          "Never give medical advice. For emergencies with severe pain, swelling or bleeding, offer the earliest emergency visit and transfer to a human if asked.",
        ].join("\n"),
        transferNumber: "+15555550123",
      },
    });
    await tx.phoneNumber.create({
      data: {
        clinicId: clinic.id,
        e164: "+15555550100",
        label: "Main line",
        source: "managed",
        assistantId: assistant.id,
        status: "active",
      },
    });
    return clinic;
  });
  const history = await seedDemoHistory(db, clinic.id, now);
  return { clinicId: clinic.id, created: true, history, ...demoLogin };
}
