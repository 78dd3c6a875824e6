// `npm run mail-catcher`: the development SMTP catcher on its own (npm run dev starts it too).
// Mail sent to SMTP_URL lands in data/mailbox/ and on the /mailbox page.
import { env } from "@/env";
import { startMailCatcher } from "@/mail-catcher/smtp-server";

const smtp = new URL(env.SMTP_URL);
const catcher = await startMailCatcher({
  port: Number(smtp.port || 1025),
  host: smtp.hostname === "localhost" ? "127.0.0.1" : smtp.hostname,
  dir: "data/mailbox",
});
console.log(`[mail-catcher] listening on smtp://127.0.0.1:${catcher.port}, storing in data/mailbox/`);

const stop = async () => {
  await catcher.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
