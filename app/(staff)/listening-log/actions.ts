"use server";

import { revalidatePath } from "next/cache";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zAddListeningNote } from "@/lib/validation/notes";
import { addListeningNote } from "@/server/notes/add-listening-note";

export const addListeningNoteAction = formAction(staffEntry(zAddListeningNote, addListeningNote), {
  arrays: ["reasonCodeIds"],
  done: () => {
    revalidatePath("/listening-log");
    return "Logged.";
  },
});
