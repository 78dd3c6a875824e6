import { redirect } from "next/navigation";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";

export default async function Home() {
  const actor = await requireStaffPage();
  redirect(can(actor, "dashboard.read") ? "/dashboard" : "/actions");
}
