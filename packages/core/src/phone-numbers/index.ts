// The clinic's phone numbers: brought from its own Twilio account or bought in a Frontdesk-made
// subaccount, imported into Vapi so every call asks our webhook who answers, and kept in
// agreement with Vapi. Twilio and Vapi work happens in the worker (provision, release).
export { assignAssistant } from "./assign-assistant";
export { buyPhoneNumber } from "./buy-phone-number";
export { connectPhoneNumber } from "./connect-phone-number";
export { callbackUrls, type TelephonyDeps } from "./deps";
export { finishRelease } from "./finish-release";
export { labelPhoneNumber } from "./label-phone-number";
export { listAssistantChoices } from "./list-assistant-choices";
export { listPhoneNumbers } from "./list-phone-numbers";
export { listTwilioNumbers } from "./list-twilio-numbers";
export { placeTestCall } from "./place-test-call";
export { provisionPhoneNumber } from "./provision-phone-number";
export { type NumberReconcileResult, reconcilePhoneNumbers } from "./reconcile-phone-numbers";
export { releasePhoneNumber } from "./release-phone-number";
export { searchAvailableNumbers } from "./search-available-numbers";
export { setPhoneNumberActive } from "./set-phone-number-active";
