import Link from "next/link";

/** A page's title, under a link back to the page it belongs to. */
export function PageHeading({ back, title }: { back: { href: string; label: string }; title: string }) {
  return (
    <>
      <p>
        <Link href={back.href} className="text-sm font-medium text-blue-800 hover:underline">
          ← {back.label}
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
    </>
  );
}
