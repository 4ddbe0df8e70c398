import { handleTrpcRequest } from "@frontdesk/api";
import { sessionUserId } from "@/server/auth";
import { services } from "@/server/services";

const handler = (req: Request) =>
  handleTrpcRequest(req, services(), sessionUserId, {
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
