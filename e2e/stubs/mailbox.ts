// A test mailbox for browser tests: a minimal SMTP server the production build sends its email
// to (SMTP_URL, as a real deployment would; production refuses to start without one), and an
// HTTP endpoint where a test reads a person's inbox (GET /messages?to=<address>).
// Run: tsx e2e/stubs/mailbox.ts <smtp port> <http port>
import { createServer as createHttpServer } from "node:http";
import { createServer as createSmtpServer } from "node:net";

export type Message = { to: string[]; subject: string; text: string };

const smtpPort = Number(process.argv[2] ?? 2525);
const httpPort = Number(process.argv[3] ?? 2526);
const messages: Message[] = [];

/** Headers and decoded body of a single-part text message (what nodemailer sends us). */
function parse(raw: string, to: string[]): Message {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? Buffer.from(
            body
              .replace(/=\r\n/g, "")
              .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))),
            "latin1",
          ).toString("utf8")
        : body;
  const subject = header("Subject").replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, value: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(value, "base64").toString("utf8")
      : value
          .replace(/_/g, " ")
          .replace(/=([0-9A-F]{2})/gi, (_m, hex) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
  return { to, subject, text: text.replace(/\r\n/g, "\n") };
}

createSmtpServer((socket) => {
  let buffer = "";
  let data: string[] | null = null;
  let recipients: string[] = [];
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply("220 mailbox.test ESMTP");
  socket.on("data", (chunk) => {
    buffer += chunk.toString("latin1");
    for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (data) {
        if (line === ".") {
          messages.push(parse(Buffer.from(data.join("\r\n"), "latin1").toString("utf8"), recipients));
          data = null;
          recipients = [];
          reply("250 2.0.0 queued");
        } else data.push(line.startsWith(".") ? line.slice(1) : line);
        continue;
      }
      const command = line.slice(0, 4).toUpperCase();
      if (command === "EHLO") reply("250 mailbox.test");
      else if (command === "HELO") reply("250 mailbox.test");
      else if (command === "MAIL") reply("250 2.1.0 ok");
      else if (command === "RCPT") {
        recipients.push((line.match(/<([^>]*)>/)?.[1] ?? "").toLowerCase());
        reply("250 2.1.5 ok");
      } else if (command === "DATA") {
        data = [];
        reply("354 end with <CRLF>.<CRLF>");
      } else if (command === "RSET") {
        recipients = [];
        reply("250 2.0.0 ok");
      } else if (command === "NOOP") reply("250 2.0.0 ok");
      else if (command === "QUIT") {
        reply("221 2.0.0 bye");
        socket.end();
      } else reply("502 5.5.2 not implemented");
    }
  });
  socket.on("error", () => {});
}).listen(smtpPort, "127.0.0.1");

createHttpServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://127.0.0.1:${httpPort}`);
  if (url.pathname !== "/messages") {
    res.writeHead(404).end();
    return;
  }
  const to = url.searchParams.get("to")?.toLowerCase();
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
}).listen(httpPort, "127.0.0.1");
