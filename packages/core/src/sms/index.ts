export { listSms, listSmsInput, smsSelect, smsStatuses } from "./messages";
