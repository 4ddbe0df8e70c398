import { z } from "zod";

export const emailSchema = z
  .email("enter an email address like name@clinic.com")
  .max(254)
  .transform((e) => e.trim().toLowerCase());

export const passwordSchema = z.string().min(10, "use at least 10 characters").max(200, "use at most 200 characters");

export const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}, "choose a timezone like America/New_York");

/** The secret part of an emailed link (invitation, password reset). */
export const linkToken = z.string().min(20, "this link is incomplete; open the whole link from the email").max(200);

export const clinicNameSchema = z.string().trim().min(2, "enter the clinic's name").max(120);
