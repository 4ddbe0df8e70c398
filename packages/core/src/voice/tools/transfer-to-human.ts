// transferToHuman: whether a person can take the call now (and where), or a message instead.
import { transferDecision } from "../answer-transfer-destination";
import type { ToolAnswer, ToolContext } from "./context";

export async function transferToHuman(ctx: ToolContext): Promise<ToolAnswer> {
  return transferDecision(ctx.line, ctx.now);
}
