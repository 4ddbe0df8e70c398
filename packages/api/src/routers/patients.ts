import { createPatient, getPatient, listPatients, updatePatient } from "@frontdesk/core/patients";
import {
  listPatientsInput,
  patientIdInput,
  patientInput,
  patientPage,
  patientRow,
  updatePatientInput,
} from "@frontdesk/core/schemas";
import { clinicProcedureWith, router } from "../trpc";

const reader = clinicProcedureWith("patients:read");
/** Whoever books may add and correct the patients they book for. */
const booker = clinicProcedureWith("appointments:manage");

export const patientsRouter = router({
  list: reader
    .input(listPatientsInput)
    .output(patientPage)
    .query(({ ctx, input }) => listPatients(ctx.db, input)),
  get: reader
    .input(patientIdInput)
    .output(patientRow)
    .query(({ ctx, input }) => getPatient(ctx.db, ctx.origin, input)),
  create: booker
    .input(patientInput)
    .output(patientRow)
    .mutation(({ ctx, input }) => createPatient(ctx.db, ctx.origin, input)),
  update: booker
    .input(updatePatientInput)
    .output(patientRow)
    .mutation(({ ctx, input }) => updatePatient(ctx.db, ctx.origin, input)),
});
