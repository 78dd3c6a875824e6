import type { Locale } from "./config";

/** What an error page says: heading, sentence, the retry button and the links back. */
export type ErrorTexts = {
  title: string;
  body: string;
  retry: string;
  back: string;
  backToInvitation: string;
};

/**
 * The error texts for when the message files cannot be loaded: `global-error.tsx` replaces the
 * root layout (the translation setup included) when that fails. A copy of the `errors` keys of
 * messages/*.json, kept equal by fallback-error-texts.test.ts.
 */
export const FALLBACK_ERROR_TEXTS: Record<Locale, ErrorTexts> = {
  en: {
    title: "Sorry, something went wrong",
    body: "This page could not be shown. Nothing you entered was lost; please try again in a moment.",
    retry: "Try again",
    back: "Go to the start page",
    backToInvitation: "Back to your invitation",
  },
  zh: {
    title: "抱歉，出了点问题",
    body: "此页面暂时无法显示。您填写的内容没有丢失，请稍后再试一次。",
    retry: "再试一次",
    back: "前往首页",
    backToInvitation: "返回您的邀请",
  },
  vi: {
    title: "Xin lỗi, đã có lỗi xảy ra",
    body: "Không thể hiển thị trang này. Những gì bạn đã nhập không bị mất. Vui lòng thử lại sau giây lát.",
    retry: "Thử lại",
    back: "Về trang đầu",
    backToInvitation: "Quay lại thư mời của bạn",
  },
};
