// Outgoing email through nodemailer: SMTP when SMTP_URL is set; otherwise nodemailer's JSON
// transport, and the message (with its link) is printed to the log, which is how development
// and tests read sign-up, invitation and password-reset links.
import nodemailer from "nodemailer";

export type Email = { to: string; subject: string; text: string };
export type Mailer = { send(email: Email): Promise<void> };

const FROM = "Frontdesk <no-reply@frontdesk.app>";

export function createMailer(smtpUrl: string | undefined, log: (line: string) => void = console.log): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(email) {
      await transport.sendMail({ from: FROM, ...email });
      if (!smtpUrl) log(`[email] to ${email.to}: ${email.subject}\n${email.text}`);
    },
  };
}
