"use server";

import { revalidatePath } from "next/cache";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zCreateUser, zUpdateUser } from "@/lib/validation/admin";
import { zCompanySettings } from "@/lib/validation/company-settings";
import { createUser, updateUser } from "@/server/admin/users";
import { updateCompanySettings } from "@/server/settings/update-company-settings";

export const createUserAction = formAction(staffEntry(zCreateUser, createUser), {
  done: () => {
    revalidatePath("/admin/users");
    return "Invited. They can sign in with their email address now.";
  },
});

export const updateUserAction = formAction(staffEntry(zUpdateUser, updateUser), {
  done: () => {
    revalidatePath("/admin/users");
    return "Saved. It applies from their next page.";
  },
});

export const updateSettingsAction = formAction(staffEntry(zCompanySettings, updateCompanySettings), {
  arrays: ["defaultLanguages"],
  done: () => {
    revalidatePath("/admin/settings");
    return "Saved.";
  },
});
