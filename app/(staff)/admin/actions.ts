"use server";

import { revalidatePath } from "next/cache";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import {
  zCompanySettingsForm,
  zCreateUser,
  zDepartmentMember,
  zSaveDepartment,
  zUpdateUser,
} from "@/lib/validation/admin";
import { saveDepartment, setDepartmentMember } from "@/server/admin/departments";
import { createUser, updateUser } from "@/server/admin/users";
import { createConsentVersion, zConsentVersion } from "@/server/consent/consent-versions";
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

export const updateSettingsAction = formAction(staffEntry(zCompanySettingsForm, updateCompanySettings), {
  arrays: ["defaultLanguages"],
  done: () => {
    revalidatePath("/admin/settings");
    return "Saved.";
  },
});

export const saveDepartmentAction = formAction(staffEntry(zSaveDepartment, saveDepartment), {
  done: () => {
    revalidatePath("/admin/departments");
    return "Saved. Overdue actions escalate to the head from now on.";
  },
});

export const setDepartmentMemberAction = formAction(staffEntry(zDepartmentMember, setDepartmentMember), {
  done: () => {
    revalidatePath("/admin/departments");
    return "Saved. It applies from their next page.";
  },
});

export const createConsentVersionAction = formAction(staffEntry(zConsentVersion, createConsentVersion), {
  done: () => {
    revalidatePath("/admin/consent");
    return "Published. Invitations sent from now on show this version.";
  },
});
