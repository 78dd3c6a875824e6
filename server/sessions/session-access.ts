import "server-only";

// Transitional: authorizeSession lives in server/auth/authorize-session.ts. server/rooms/* still
// imports it from here until the room slices move onto the entry kit; delete this file then.
export { authorizeSession } from "@/server/auth/authorize-session";
