// The scenario's SHA-256 that results and shard files carry: a plain-TypeScript SHA-256
// (the main entry runs without Node built-ins), checked against the NIST example vectors
// and against node:crypto, of a canonical JSON that does not depend on key order, layout
// or defaults written out.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, runExperiment } from "../../src/index.js";
import { Sha256, sha256Hex } from "../../src/schema/_internals/sha256.js";
import { canonicalJson, scenarioSha256 } from "../../src/schema/scenario-hash.js";
import { CHOKEPOINT_VERSION } from "../../src/version.js";
import { tinyScenario } from "../cli/_scenarios.js";

const nodeSha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  // FIPS 180-4 examples (NIST CSRC "Examples with intermediate values", SHA-256)
  it("gives the NIST example digests", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")).toBe(
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with node:crypto on every length around the block boundaries, and on text that is not ASCII", () => {
    for (let n = 0; n <= 130; n++) expect(sha256Hex("x".repeat(n)), `${n} bytes`).toBe(nodeSha256("x".repeat(n)));
    for (const text of ["é", "€uro", "😀", "a😀b".repeat(7000), "日本".repeat(30_000), "\u{10ffff}\u0000\u007f\u0080\u07ff\u0800\uffff"]) {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it("encodes a lone surrogate as U+FFFD, as TextEncoder and node:crypto do, including one split across pieces", () => {
    for (const text of ["\ud800", "a\udc00b", "\ud83d", "x\ud83d\ud83d\ude00"]) expect(sha256Hex(text)).toBe(nodeSha256(text));
    // a pair split across two updates, and across the encoder's own steps
    expect(new Sha256().update("a\ud83d").update("\ude00b").hex()).toBe(nodeSha256("a😀b"));
    const long = `${"y".repeat((1 << 14) - 1)}😀z`;
    expect(sha256Hex(long)).toBe(nodeSha256(long));
    expect(new Sha256().update("\ud83d").hex()).toBe(nodeSha256("\ufffd"));
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and writes no spaces", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: "x y" }], "€": null, A: true })).toBe('{"A":true,"a":[{"c":"x y","d":2}],"b":1,"€":null}');
  });
});

describe("scenarioSha256", () => {
  const parsed = parseScenario(tinyScenario);
  const hash = scenarioSha256(parsed);

  it("is the SHA-256 of the parsed scenario's canonical JSON", () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(nodeSha256(canonicalJson(parsed)));
  });

  it("does not depend on key order or on defaults written out", () => {
    const reordered = Object.fromEntries(Object.entries(tinyScenario).reverse());
    expect(scenarioSha256(parseScenario(reordered))).toBe(hash);
    expect(scenarioSha256(parseScenario({ ...tinyScenario, currency: "USD", period: "month", maxEscalationDepth: 3 }))).toBe(hash);
    expect(scenarioSha256(parseScenario(JSON.stringify(tinyScenario, null, 4)))).toBe(hash);
  });

  it("changes with any number or text of the scenario", () => {
    expect(scenarioSha256(parseScenario({ ...tinyScenario, horizon: 4 }))).not.toBe(hash);
    expect(scenarioSha256(parseScenario({ ...tinyScenario, title: "Tiny ban." }))).not.toBe(hash);
  });

  it("is what an experiment's result carries, with the version of chokepoint", async () => {
    const result = await runExperiment(tinyScenario, { runs: 5, seed: 1 });
    expect(result.scenario.sha256).toBe(hash);
    expect(result.chokepointVersion).toBe(CHOKEPOINT_VERSION);
  });
});

describe("CHOKEPOINT_VERSION", () => {
  it("is the version in package.json", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(CHOKEPOINT_VERSION).toBe(manifest.version);
  });
});
