import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

// A staff page that does not exist or that this person may not see: the same page for both,
// so nobody learns that someone else's record exists.
export default function StaffNotFound() {
  return (
    <StatusPage
      main={false}
      title="We cannot find this page"
      actions={
        <>
          <Link href="/" className={buttonClass()}>
            Go to the start page
          </Link>
          <Link href="/sessions" className={buttonClass("secondary")}>
            Sessions
          </Link>
        </>
      }
    >
      <p>The address may be mistyped, or the page is not there for your role.</p>
    </StatusPage>
  );
}
