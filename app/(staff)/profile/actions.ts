"use server";

import { revalidatePath } from "next/cache";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zOwnProfile } from "@/lib/validation/admin";
import { updateOwnProfile } from "@/server/staff/own-profile";

export const updateOwnProfileAction = formAction(staffEntry(zOwnProfile, updateOwnProfile), {
  done: () => {
    revalidatePath("/", "layout");
    return "Saved. Dates are shown in your zone and language from now on.";
  },
});
