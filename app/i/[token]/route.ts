import { linkExchange } from "@/app/_lib/personal-link";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { INVITE_COOKIE, linkCookieOptions } from "@/server/auth/invitee";
import { resolveInvitationToken } from "@/server/invitations/resolve-invitation";

// GET /i/:token — exchanges a personal invitation link for an HttpOnly cookie and moves the
// token out of the address bar; the page then speaks the customer's language.
export const GET = linkExchange({
  label: "invite-link",
  resolve: resolveInvitationToken,
  to: "/invite",
  setCookies: (response, row, token) => {
    response.cookies.set(INVITE_COOKIE, token, linkCookieOptions);
    response.cookies.set(LOCALE_COOKIE, row.customer.language, { ...linkCookieOptions, httpOnly: false });
  },
});
