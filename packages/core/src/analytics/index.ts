export { getCallAnalytics } from "./get-call-analytics";
