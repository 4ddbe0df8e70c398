export { authorizeRealtimeChannel } from "./authorize-channel";
export { createRealtime, type Realtime, type RealtimeConfig, type RealtimeEvent, realtimeConfigFrom } from "./realtime";
export { clinicChannel, clinicOfChannel } from "./schemas";
