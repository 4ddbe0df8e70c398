export { addOverride } from "./add-override";
export { createProvider } from "./create-provider";
export { listOverrides } from "./list-overrides";
export { listProviders } from "./list-providers";
export { removeOverride } from "./remove-override";
export { setWeeklyHours } from "./set-weekly-hours";
export { updateProvider } from "./update-provider";
