import { TranslatedNotFound } from "./translated-not-found";

// A customer page that calls notFound() (e.g. an invitation that no longer exists).
export default function CustomerNotFound() {
  return <TranslatedNotFound />;
}
