// Client-safe: the one channel name per clinic, so the server that publishes, the endpoint that
// authorizes and the browser that subscribes cannot disagree.
const CLINIC_CHANNEL = /^private-clinic-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const clinicChannel = (clinicId: string) => `private-clinic-${clinicId}`;

/** The clinic a channel name belongs to, or null for any other name. */
export const clinicOfChannel = (channel: string) => CLINIC_CHANNEL.exec(channel)?.[1] ?? null;
