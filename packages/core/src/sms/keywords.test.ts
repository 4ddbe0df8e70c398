import { describe, expect, it } from "vitest";
import { smsKeyword } from "./keywords";

describe("smsKeyword", () => {
  it("matches Twilio's keywords as the whole message, trimmed and case-insensitive", () => {
    for (const word of ["STOP", "stopall", " Unsubscribe ", "cancel", "END", "quit", "OptOut", "revoke", "stop."]) {
      expect(smsKeyword(word)).toBe("stop");
    }
    for (const word of ["START", "yes", "Unstop"]) expect(smsKeyword(word)).toBe("start");
    for (const word of ["HELP", "info\n"]) expect(smsKeyword(word)).toBe("help");
  });

  it("leaves sentences that merely begin with a keyword alone", () => {
    for (const body of ["Cancel my 3pm", "Yes thanks", "stop by at 4?", "Help me move my visit", "", "STOP STOP"]) {
      expect(smsKeyword(body)).toBeNull();
    }
  });

  it("honours Twilio Advanced Opt-Out's OptOutType over the text", () => {
    expect(smsKeyword("arrêt", "STOP")).toBe("stop");
    expect(smsKeyword("Cancel my 3pm", "START")).toBe("start");
    expect(smsKeyword("aide", "help")).toBe("help");
    expect(smsKeyword("STOP", "UNKNOWN")).toBe("stop");
  });
});
