// Client-safe: zod and Prisma's generated enums only, so the web app's forms can use them.
import { z } from "zod";
import { Role } from "../generated/prisma/enums";

/** A member's (or API key's) role in a clinic; what each may do is in permissions.ts. */
export const roleSchema = z.enum(Role);
