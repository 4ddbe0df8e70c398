export { authenticateWithPassword } from "./authenticate-with-password";
export { getAccount } from "./get-account";
export { requestPasswordReset } from "./request-password-reset";
export { resetPassword } from "./reset-password";
export { signUp } from "./sign-up";
