export { applyCallFacts } from "./apply-call-facts";
export { type CallFacts, factsFromMessage, factsFromVapiCall, mergeCall, outcomeOf, type Turn } from "./call-facts";
export { getCall } from "./get-call";
export { listCallFilters } from "./list-call-filters";
export { listCalls } from "./list-calls";
export { createVapiClient, RECONCILE_AFTER_MS, type ReconcileDeps, reconcileCalls } from "./reconcile-calls";
export { type CallEventDeps, type CallEventOutcome, recordCallEvent } from "./record-call-event";
