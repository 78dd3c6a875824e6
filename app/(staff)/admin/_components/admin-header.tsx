import Link from "next/link";

/** The way back to the admin area and the page's heading, on every admin page. */
export function AdminHeader({ title }: { title: string }) {
  return (
    <>
      <p>
        <Link href="/admin" className="text-sm font-medium text-blue-800 hover:underline">
          ← Admin
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
    </>
  );
}
