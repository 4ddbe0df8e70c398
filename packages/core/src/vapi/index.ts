export { createVapiClient, isTransientVapiError, VapiClient, VapiError, vapiStatus } from "./client";
