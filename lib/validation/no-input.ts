import { z } from "zod";

/** The input of a command that takes none (a form with only a button): any field is refused. */
export const zNoInput = z.strictObject({});
