// Runs once when the Next server starts: apply migrations, then (in development, or when
// WORKER_IN_PROCESS is on) run the job worker inside the app process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startApp } = await import("./server/boot");
  await startApp();
}
