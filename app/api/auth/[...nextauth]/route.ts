import { authGet, authPost } from "@/server/auth/auth-routes";

// Auth.js behind two guards (server/auth/auth-routes.ts): an emailed link's GET never signs in,
// and every redirect Auth.js builds is on APP_URL.
export const GET = authGet;
export const POST = authPost;
