// The files a user reads beside the code agree with the package: CITATION.cff cites the
// version package.json gives, and CHANGELOG.md keeps the Keep a Changelog layout.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const pkg = JSON.parse(read("package.json")) as { version: string; license: string };

describe("CITATION.cff", () => {
  const citation = parse(read("CITATION.cff")) as Record<string, unknown>;

  it("is Citation File Format 1.2.0 with the fields GitHub and Zenodo read", () => {
    expect(citation["cff-version"]).toBe("1.2.0");
    for (const field of ["message", "title", "authors", "type", "abstract", "keywords"]) expect(citation, field).toHaveProperty(field);
    expect(citation["type"]).toBe("software");
  });

  it("cites the version and licence of package.json", () => {
    expect(String(citation["version"])).toBe(pkg.version);
    expect(citation["license"]).toBe(pkg.license);
  });
});

describe("CHANGELOG.md", () => {
  const changelog = read("CHANGELOG.md");

  it("has an Unreleased section first, and only Keep a Changelog's kinds of change", () => {
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
    expect(versions[0]).toBe("Unreleased");
    const kinds = [...changelog.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"]).toContain(kind);
  });

  it("names every released version of package.json", () => {
    // nothing is released yet; once it is, package.json's version has its own section
    if (!changelog.includes("Nothing has been published")) expect(changelog).toContain(`## [${pkg.version}]`);
  });
});
