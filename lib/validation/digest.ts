import { z } from "zod";

export const zDigestSubscription = z.strictObject({ subscribe: z.enum(["yes", "no"]) });
export type DigestSubscriptionInput = z.input<typeof zDigestSubscription>;
