export const LANGUAGE_LABELS: Record<string, string> = {
  en: "English",
  zh: "Chinese (简体中文)",
  vi: "Vietnamese (Tiếng Việt)",
};

export const CONTACT_LABELS: Record<string, string> = {
  email: "Email",
  phone: "Phone",
  none: "Do not contact",
};
