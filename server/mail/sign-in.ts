import "server-only";
import { COMPANY, renderMail } from "./render";

/** The staff sign-in link email (staff pages are in English). */
export function signInMail(url: string) {
  return {
    subject: `Your sign-in link for ${COMPANY}`,
    ...renderMail({
      lang: "en",
      heading: `Sign in to ${COMPANY}`,
      blocks: [
        { paragraph: "Use the button below to sign in. The link works once and expires in 24 hours." },
        { button: { label: "Sign in", href: url } },
        { small: "If you did not ask for this, you can ignore this email." },
      ],
    }),
  };
}
