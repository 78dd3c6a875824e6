import "server-only";
import { notFound } from "next/navigation";
import { DomainError } from "@/server/errors";

/** For pages: a domain "not found" or "forbidden" becomes the 404 page (never confirm existence). */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden"))
      notFound();
    throw error;
  }
}
