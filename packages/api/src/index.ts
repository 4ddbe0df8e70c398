export { type AppRouter, appRouter } from "./root";
export { type Context, createCallerFactory, createContext } from "./trpc";
