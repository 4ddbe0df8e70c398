export { authorizeRealtimeChannel } from "./authorize-channel";
export { clinicChannel, clinicOfChannel } from "./channels";
export { createRealtime, type Realtime, type RealtimeConfig, type RealtimeEvent, realtimeConfigFrom } from "./realtime";
