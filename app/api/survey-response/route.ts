import { type NextRequest, NextResponse } from "next/server";
import { ZodError } from "zod";
import { isCrossSiteBrowserPost } from "@/app/_lib/same-origin";
import { isLocale } from "@/lib/i18n/config";
import { zSurveyAnswer } from "@/lib/validation/surveys";
import { DomainError, HTTP_STATUS } from "@/server/errors";
import { consumeRateLimit } from "@/server/security/rate-limit";
import { currentRespondent } from "@/server/surveys/resolve-survey";
import { submitSurveyResponse } from "@/server/surveys/submit-response";

const MAX_BODY = 16 * 1024;

// POST /api/survey-response — the survey answer as JSON, for clients without the form (and the
// benchmark). The respondent comes from the survey cookie; a repeat keeps the first answer.
export async function POST(request: NextRequest) {
  if (isCrossSiteBrowserPost(request.headers))
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY) return NextResponse.json({ error: "too_large" }, { status: 413 });
  const found = await currentRespondent();
  if (!found) return NextResponse.json({ error: "not_found" }, { status: 404 });
  if (!(await consumeRateLimit(`survey:${found.actor.surveyId}`, 20, 600))) {
    return NextResponse.json({ error: "rate_limited" }, { status: 429 });
  }
  try {
    const body = zSurveyAnswer.parse(await request.json());
    const lang = request.cookies.get("im_lang")?.value;
    const { created } = await submitSurveyResponse(found.actor, body, isLocale(lang) ? lang : "en");
    return NextResponse.json({ saved: true }, { status: created ? 201 : 200 });
  } catch (error) {
    if (error instanceof ZodError || error instanceof SyntaxError) {
      return NextResponse.json(
        {
          error: "invalid",
          issues: error instanceof ZodError ? error.issues.map((i) => i.path.join(".")) : [],
        },
        { status: 400 },
      );
    }
    if (error instanceof DomainError)
      return NextResponse.json({ error: error.code }, { status: HTTP_STATUS[error.code] });
    console.error("[survey-response] failed", error instanceof Error ? error.message : error);
    return NextResponse.json({ error: "unavailable" }, { status: 503 });
  }
}
