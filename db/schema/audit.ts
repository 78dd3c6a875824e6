import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";

/** Who read or changed what. Holds ids only, never personal data or tokens. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    actorType: text("actor_type", { enum: ["staff", "customer", "system"] }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_resource_idx").on(t.resourceType, t.resourceId),
    index("audit_created_idx").on(t.createdAt),
  ],
);
