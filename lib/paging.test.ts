import { describe, expect, it } from "vitest";
import { pageNumbers, pageWindow, sortParam, zListQuery } from "./paging";

const q = zListQuery(["name", "created"], "-created");

describe("list query", () => {
  it("reads page and a whitelisted sort, either direction", () => {
    expect(q.parse({ page: "3", sort: "name" })).toEqual({ page: 3, sort: { key: "name", desc: false } });
    expect(q.parse({ page: "1", sort: "-name" })).toEqual({ page: 1, sort: { key: "name", desc: true } });
  });

  it("falls back instead of failing on anything else", () => {
    const fallback = { page: 1, sort: { key: "created", desc: true } };
    expect(q.parse({})).toEqual(fallback);
    expect(q.parse({ page: "0", sort: "email" })).toEqual(fallback);
    expect(q.parse({ page: "2.5", sort: "name; drop table" })).toEqual(fallback);
    expect(q.parse({ page: "-4", sort: "--name" })).toEqual(fallback);
  });

  it("writes a sort back as it is read", () => {
    for (const s of ["name", "-name", "created", "-created"])
      expect(sortParam(q.parse({ sort: s }).sort)).toBe(s);
  });
});

describe("page window", () => {
  it("clamps to the pages that exist, with at least one page", () => {
    expect(pageWindow(0, 5, 50)).toEqual({ page: 1, pageCount: 1, offset: 0, pageSize: 50 });
    expect(pageWindow(101, 2, 50)).toEqual({ page: 2, pageCount: 3, offset: 50, pageSize: 50 });
    expect(pageWindow(101, 9, 50)).toEqual({ page: 3, pageCount: 3, offset: 100, pageSize: 50 });
    expect(pageWindow(100, 2, 50).pageCount).toBe(2);
  });
});

describe("page numbers", () => {
  it("shows the ends and two either side of the current page, a gap only for two or more", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageNumbers(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pageNumbers(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageNumbers(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
    expect(pageNumbers(10, 10)).toEqual([1, null, 8, 9, 10]);
  });
});
