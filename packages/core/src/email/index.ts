// Outgoing email through nodemailer: SMTP when SMTP_URL is set. In development and tests,
// without SMTP_URL, messages go to nodemailer's JSON transport and are printed to the log,
// which is how a developer reads sign-up, invitation and password-reset links. In production
// there is no such fallback: those links sign people in, and logs are read by more people and
// systems than an inbox (the web app also refuses to start without SMTP_URL there).
import nodemailer from "nodemailer";

export type Email = { to: string; subject: string; text: string };
export type Mailer = { send(email: Email): Promise<void> };

const FROM = "Frontdesk <no-reply@frontdesk.app>";

export function createMailer(
  smtpUrl: string | undefined,
  log: (line: string) => void = console.log,
  environment: "development" | "test" | "production" = "development",
): Mailer {
  if (!smtpUrl && environment === "production") {
    throw new Error("SMTP_URL is required in production: emailed links must never be printed to a log");
  }
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(email) {
      await transport.sendMail({ from: FROM, ...email });
      if (!smtpUrl) log(`[email] to ${email.to}: ${email.subject}\n${email.text}`);
    },
  };
}
