import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import {
  linkOpenLimit,
  linkRedirect,
  readLinkToken,
  toLinkInvalid,
  zLinkToken,
} from "@/app/_lib/personal-link";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { INVITE_COOKIE, linkCookieOptions } from "@/server/auth/invitee";
import { notFound } from "@/server/errors";
import { resolveInvitationToken } from "@/server/invitations/resolve-invitation";

// GET /i/:token — exchanges a personal invitation link for an HttpOnly cookie and moves the
// token out of the address bar. Opening the link changes nothing else (mail scanners open links).
export const GET = routeHandler(
  entry({
    actor: "none",
    input: zLinkToken,
    limit: linkOpenLimit,
    run: async ({ input }) => {
      const row = await resolveInvitationToken(input.token);
      if (!row) throw notFound();
      return row;
    },
  }),
  {
    label: "invite-link",
    body: "none",
    read: readLinkToken,
    reply: (row, { token }) => {
      const response = linkRedirect("/invite");
      response.cookies.set(INVITE_COOKIE, token, linkCookieOptions);
      response.cookies.set(LOCALE_COOKIE, row.customer.language, { ...linkCookieOptions, httpOnly: false });
      return response;
    },
    rescue: toLinkInvalid,
  },
);
