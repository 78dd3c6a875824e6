/** Where a listening-log note was heard outside a session. */
export const LISTENING_CHANNELS = [
  "phone",
  "email",
  "chat",
  "advisor",
  "social",
  "in_person",
  "other",
] as const;
export type ListeningChannel = (typeof LISTENING_CHANNELS)[number];

export const LISTENING_CHANNEL_LABELS: Record<ListeningChannel, string> = {
  phone: "Phone call listened to",
  email: "Email",
  chat: "Chat",
  advisor: "Reported by an advisor",
  social: "Social media",
  in_person: "In person",
  other: "Other",
};
