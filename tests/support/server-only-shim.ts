// `server-only` throws when imported outside a React Server environment; vitest runs plain Node,
// where the domain modules are exactly as server-side as they are under Next.
import { vi } from "vitest";

vi.mock("server-only", () => ({}));
