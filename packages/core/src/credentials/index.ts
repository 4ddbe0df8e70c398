// Clinics' own third-party credentials (their Twilio account), encrypted with the clinic id as
// associated data: a ciphertext copied into another clinic's row does not decrypt. Only the
// non-secret part (which account) is ever returned.
export { listCredentials } from "./list-credentials";
export { readTwilioCredentials } from "./read-twilio-credentials";
export { removeCredential } from "./remove-credential";
export { setTwilioCredentials } from "./set-twilio-credentials";
