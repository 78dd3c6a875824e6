import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pageWindow, parseSort, zListQuery } from "./paging";

const zQuery = zListQuery(["deadline", "title"], "deadline");

describe("list query (?page=&sort=)", () => {
  it("accepts only whitelisted sort keys, ascending or descending", () => {
    expect(zQuery.parse({ page: "3", sort: "-title" })).toEqual({ page: 3, sort: "-title" });
    expect(zQuery.parse({ sort: "title" })).toEqual({ page: 1, sort: "title" });
    expect(zQuery.parse({ sort: "password" }).sort).toBe("deadline");
    expect(zQuery.parse({ sort: "--title" }).sort).toBe("deadline");
  });

  it("falls back to the first page for anything that is not a page number", () => {
    for (const page of ["0", "-2", "1.5", "abc", undefined, "1e9"])
      expect(zQuery.parse({ page }).page).toBe(1);
  });

  it("turns a sort into a key and a direction, and a page into a window", () => {
    expect(parseSort<"title">("-title")).toEqual({ key: "title", descending: true });
    expect(parseSort<"title">("title")).toEqual({ key: "title", descending: false });
    expect(pageWindow(1)).toEqual({ limit: PAGE_SIZE, offset: 0 });
    expect(pageWindow(3)).toEqual({ limit: PAGE_SIZE, offset: 2 * PAGE_SIZE });
  });
});
