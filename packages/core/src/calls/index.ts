export { getCall } from "./get-call";
export { listCallFilters } from "./list-call-filters";
export { listCalls } from "./list-calls";
export { listLiveCalls } from "./list-live-calls";
export { type ReconcileDeps, reconcileCalls } from "./reconcile-calls";
export { type CallEventDeps, type CallEventOutcome, recordCallEvent } from "./record-call-event";
