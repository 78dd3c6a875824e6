"use server";

import { revalidatePath } from "next/cache";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zDigestSubscription } from "@/lib/validation/digest";
import { setDigestSubscription } from "@/server/analytics/digest/subscription";

export const setDigestAction = formAction(staffEntry(zDigestSubscription, setDigestSubscription), {
  done: ({ subscribed }) => {
    revalidatePath("/dashboard");
    revalidatePath("/");
    return subscribed ? "You will get the digest on Monday mornings." : "The weekly digest is off.";
  },
});
