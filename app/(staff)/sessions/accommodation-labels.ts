/** Staff-facing names of the accommodations a customer can ask for. */
export const ACC_LABELS: Record<string, string> = {
  captions: "Captions",
  large_text: "Large text",
  sign_language: "Sign-language interpreter",
  spoken_interpreter: "Spoken-language interpreter",
  audio_only: "Audio only",
  breaks: "Breaks",
};
