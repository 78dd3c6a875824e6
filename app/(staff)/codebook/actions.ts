"use server";

import { revalidatePath } from "next/cache";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zProposeReasonCode, zSaveReasonCode, zSetReasonCodeState } from "@/lib/validation/reason-codes";
import { proposeReasonCode, saveReasonCode } from "@/server/reason-codes/save-reason-code";
import { setReasonCodeState } from "@/server/reason-codes/set-reason-code-state";

export const saveReasonCodeAction = formAction(staffEntry(zSaveReasonCode, saveReasonCode), {
  done: (_, input) => {
    revalidatePath("/codebook");
    return input.id ? "Saved." : "Code added.";
  },
});

export const proposeReasonCodeAction = formAction(staffEntry(zProposeReasonCode, proposeReasonCode), {
  done: () => {
    revalidatePath("/codebook");
    return "Proposed. An admin will review it.";
  },
});

export const setReasonCodeStateAction = formAction(staffEntry(zSetReasonCodeState, setReasonCodeState), {
  done: ({ activeCount }, input) => {
    revalidatePath("/codebook");
    return `${input.to === "retired" ? "Retired" : "Active"}. ${activeCount} codes are active now.`;
  },
});
