import "server-only";
// Demo survey templates (three languages, a conditional follow-up, every kind of question), the
// format defaults, and the frequency-cap marks of the surveys the demo history already sent.
import { sql } from "drizzle-orm";
import type { SessionFormat } from "@/lib/domain/sessions";
import type { SurveyQuestion } from "@/lib/domain/surveys";
import type { Tx } from "./index";
import { surveyCaps, surveyFormatDefaults, surveyTemplates, surveyTemplateVersions } from "./schema";

const AFTER_SESSION: SurveyQuestion[] = [
  {
    id: "csat",
    type: "csat",
    required: true,
    text: {
      en: "Overall, how satisfied are you with today's session?",
      zh: "总体而言，您对今天的交流活动满意吗？",
      vi: "Nhìn chung, bạn hài lòng với buổi trò chuyện hôm nay ở mức nào?",
    },
  },
  {
    id: "wrong",
    type: "text",
    required: true,
    text: {
      en: "We are sorry. What went wrong?",
      zh: "很抱歉。哪里让您不满意？",
      vi: "Chúng tôi rất tiếc. Điều gì chưa tốt?",
    },
    showIf: { questionId: "csat", op: "lte", value: 2 },
  },
  {
    id: "heard",
    type: "ces",
    required: true,
    text: {
      en: "How easy was it to say what you wanted to say?",
      zh: "您表达自己想法的难易程度如何？",
      vi: "Bạn thấy việc nói lên điều mình muốn nói dễ hay khó?",
    },
  },
  {
    id: "nps",
    type: "nps",
    required: true,
    text: {
      en: "How likely are you to recommend Northwind to a friend or relative?",
      zh: "您有多大可能向亲友推荐 Northwind？",
      vi: "Bạn có sẵn lòng giới thiệu Northwind cho bạn bè hoặc người thân không?",
    },
  },
  {
    id: "again",
    type: "single",
    required: false,
    text: {
      en: "Would you take part in another session?",
      zh: "您愿意再参加一次交流活动吗？",
      vi: "Bạn có muốn tham gia một buổi khác không?",
    },
    options: [
      { id: "yes", text: { en: "Yes", zh: "愿意", vi: "Có" } },
      { id: "maybe", text: { en: "Maybe", zh: "也许", vi: "Có thể" } },
      { id: "no", text: { en: "No", zh: "不愿意", vi: "Không" } },
    ],
  },
  {
    id: "comment",
    type: "text",
    required: false,
    text: {
      en: "Anything else you would like us to know?",
      zh: "还有什么想告诉我们的吗？",
      vi: "Bạn có điều gì muốn chia sẻ thêm không?",
    },
  },
];

const SPEED_DATING: SurveyQuestion[] = [
  {
    id: "csat",
    type: "csat",
    required: true,
    text: {
      en: "How satisfied are you with the conversations at the tables?",
      zh: "您对各桌的交谈满意吗？",
      vi: "Bạn hài lòng với các cuộc trò chuyện tại bàn ở mức nào?",
    },
  },
  {
    id: "topics",
    type: "multiple",
    required: false,
    text: {
      en: "Which topics mattered most to you?",
      zh: "哪些话题对您最重要？",
      vi: "Những chủ đề nào quan trọng nhất với bạn?",
    },
    options: [
      { id: "bills", text: { en: "Bills and payments", zh: "账单和付款", vi: "Hóa đơn và thanh toán" } },
      { id: "app", text: { en: "The app", zh: "应用程序", vi: "Ứng dụng" } },
      { id: "waiting", text: { en: "Waiting on the phone", zh: "电话等待", vi: "Chờ máy khi gọi điện" } },
      {
        id: "staff",
        text: { en: "How staff treated me", zh: "员工对待我的方式", vi: "Cách nhân viên đối xử với tôi" },
      },
      { id: "other", text: { en: "Something else", zh: "其他", vi: "Điều khác" } },
    ],
  },
  {
    id: "other",
    type: "text",
    required: false,
    text: { en: "What else?", zh: "还有什么？", vi: "Điều gì khác?" },
    showIf: { questionId: "topics", op: "includes", value: "other" },
  },
  {
    id: "effort",
    type: "ces",
    required: false,
    text: {
      en: "How easy was it to move between the tables?",
      zh: "在各桌之间轮换容易吗？",
      vi: "Việc chuyển giữa các bàn có dễ không?",
    },
  },
];

// Written by a facilitator who has not had the Vietnamese checked yet: the builder marks it.
const CALLBACK_PULSE: SurveyQuestion[] = [
  {
    id: "nps",
    type: "nps",
    required: true,
    text: {
      en: "After today, how likely are you to recommend us?",
      zh: "经过今天，您有多大可能推荐我们？",
    },
  },
  {
    id: "why",
    type: "text",
    required: false,
    text: { en: "What is the main reason for your score?", zh: "您打这个分数的主要原因是什么？" },
  },
];

const TEMPLATES: { name: string; questions: SurveyQuestion[]; defaultFor: SessionFormat[] }[] = [
  {
    name: "After a session: satisfaction, effort, what went wrong",
    questions: AFTER_SESSION,
    defaultFor: ["story_circle", "panel"],
  },
  { name: "Speed dating round-up", questions: SPEED_DATING, defaultFor: ["speed_dating"] },
  { name: "Quick pulse (mass immersion)", questions: CALLBACK_PULSE, defaultFor: ["mass_online"] },
];

export async function seedSurveys(
  tx: Tx,
  p: {
    createdById: string;
    createdAt: Date;
    sent: { invitationId?: string | null; sentAt: Date }[];
    customerOf: Map<string, string>;
  },
) {
  for (const t of TEMPLATES) {
    const id = crypto.randomUUID();
    await tx
      .insert(surveyTemplates)
      .values({ id, name: t.name, createdById: p.createdById, createdAt: p.createdAt });
    await tx
      .insert(surveyTemplateVersions)
      .values({ templateId: id, version: 1, questions: t.questions, createdAt: p.createdAt });
    for (const format of t.defaultFor)
      await tx.insert(surveyFormatDefaults).values({ format, templateId: id });
  }
  // The cap knows the history: each customer's latest survey.
  const latest = new Map<string, Date>();
  for (const s of p.sent) {
    const customerId = s.invitationId ? p.customerOf.get(s.invitationId) : undefined;
    if (!customerId) continue;
    const seen = latest.get(customerId);
    if (!seen || seen < s.sentAt) latest.set(customerId, s.sentAt);
  }
  const rows = [...latest].map(([customerId, lastSentAt]) => ({ customerId, lastSentAt }));
  if (rows.length)
    await tx
      .insert(surveyCaps)
      .values(rows)
      .onConflictDoUpdate({ target: surveyCaps.customerId, set: { lastSentAt: sql`excluded.last_sent_at` } });
}
