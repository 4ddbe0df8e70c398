// CSV exports of calls and appointments for a range of the clinic's days, streamed; audited as
// a read of patient data. A member with the permission (or an API key) only.
import { handleExportRequest } from "@frontdesk/api";
import { sessionUserId } from "@/server/auth";
import { services } from "@/server/services";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  return handleExportRequest(request, services(), sessionUserId, (await params).kind);
}
