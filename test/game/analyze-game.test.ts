// analyzeGame and sweepGameWeight on a two-country world whose answers follow by hand, and
// the game's scenario checks.
import { describe, expect, it } from "vitest";
import { analyzeGame, InputError, parseScenario, runExperiment, safeParseScenario, sweepGameUncertainty, sweepGameWeight, type ScenarioInput } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

// A can ban its exports of x to B; B can stop importing x from A. Either hurts both.
const world = (game: Record<string, unknown> = {}): ScenarioInput =>
  twoCountryWorld({
    uncertainties: [{ name: "denialValue", distribution: { type: "uniform", min: 0, max: 0.2 }, assumption: "test" }],
    game: {
      players: [
        {
          country: "A",
          options: [{ name: "trade" }, { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"] }] }],
          objective: [{ outcome: "gdpLoss:A" }, { outcome: "gdpLoss:B", weight: { param: "denialValue" } }],
        },
        {
          country: "B",
          options: [{ name: "buy" }, { name: "boycott", levers: [{ type: "importRestriction", actor: "B", sources: ["A"], goods: ["x"] }] }],
          objective: [{ outcome: "gdpLoss:B" }],
        },
      ],
      order: ["A", "B"],
      ...game,
    },
  } as Partial<ScenarioInput>);

describe("analyzeGame", () => {
  it("simulates every profile on common draws: trade is the strict equilibrium, the mutual restriction a weak one", async () => {
    const game = await analyzeGame(world(), { runs: 60, seed: 1 });
    expect(game.players).toEqual([
      { name: "A", options: ["trade", "ban"] },
      { name: "B", options: ["buy", "boycott"] },
    ]);
    expect(game.profiles.map((p) => p.profile)).toEqual([["trade", "buy"], ["trade", "boycott"], ["ban", "buy"], ["ban", "boycott"]]);
    const free = game.profiles[0]!;
    // nothing restricted: no loss for anyone, in every run, and an equilibrium in every run
    expect(free.meanLoss).toEqual([0, 0]);
    expect(free.probabilityEquilibrium).toBe(1);
    // either restriction stops the trade, so (ban, boycott) is an equilibrium too, but a weak one: each is indifferent to lifting its own
    expect(game.pureEquilibria).toEqual([
      { profile: ["trade", "buy"], meanLoss: [0, 0], strict: true },
      { profile: ["ban", "boycott"], meanLoss: game.profiles[3]!.meanLoss, strict: false },
    ]);
    expect(game.sequential?.path).toEqual([
      { player: "A", strategy: "trade" },
      { player: "B", strategy: "buy" },
    ]);
    // A's ban costs B: B's loss under (ban, buy) is positive, with an interval around it
    const ban = game.profiles[2]!;
    expect(ban.meanLoss[1]).toBeGreaterThan(0);
    expect(ban.ci95[1]![0]).toBeLessThanOrEqual(ban.meanLoss[1]!);
    expect(ban.ci95[1]![1]).toBeGreaterThanOrEqual(ban.meanLoss[1]!);
    // A's loss there is its own loss less the value it puts on B's, run by run: its mean is the terms' combination
    const [own, denial] = game.terms[2]![0]!;
    expect(ban.meanLoss[0]).toBeCloseTo(own!.weighted + denial!.weighted, 6);
  });

  it("answers the threshold question: A bans once it gains enough from B's loss", async () => {
    const game = await analyzeGame(world(), { runs: 60, seed: 1 });
    const [own, denial] = game.terms[2]![0]!;
    // with weight w on B's loss, A's loss from banning is own + w x B's loss: A bans once w < -own / B's loss
    const threshold = own!.mean / denial!.mean;
    const sweep = sweepGameWeight(game, { player: "A", outcome: "gdpLoss:B", values: [0, -threshold / 2, -threshold * 2] });
    expect(sweep.points[0]!.path?.[0]).toEqual({ player: "A", strategy: "trade" });
    expect(sweep.points[2]!.path?.[0]).toEqual({ player: "A", strategy: "ban" });
    expect(sweep.changes.length).toBeGreaterThan(0);
    expect(() => sweepGameWeight(game, { player: "C", outcome: "gdpLoss:B", values: [1] })).toThrow(/options\.player: unknown player "C"/);
    expect(() => sweepGameWeight(game, { player: "B", outcome: "gdpLoss:A", values: [1] })).toThrow(/"gdpLoss:A" is not in B's objective/);
  });

  it("refuses a scenario without a game", async () => {
    const { game: _game, ...plain } = world() as ScenarioInput & { game?: unknown };
    await expect(analyzeGame(plain, { runs: 10, seed: 1 })).rejects.toThrow(InputError);
  });
});

// A's ban as a rule that fires in the first period: what an option's rules are for (a conditional move)
const banRule = {
  name: "a-bans",
  agent: "A",
  when: [{ kind: "period", until: 3 }],
  action: { type: "exportRestriction", targets: ["B"], goods: ["x"] },
};
const withRuleOption = (): ScenarioInput => {
  const scenario = world();
  const players = (scenario.game as { players: Record<string, unknown>[] }).players;
  return { ...scenario, game: { ...scenario.game!, players: [{ ...players[0], options: [{ name: "trade" }, { name: "ban-by-rule", rules: [banRule] }] }, players[1]] } } as ScenarioInput;
};
// the same game with its objective weight's uncertainty declared by the game instead of the scenario
const withGameUncertainty = (): ScenarioInput => {
  const scenario = world();
  return { ...scenario, uncertainties: [], game: { ...scenario.game!, uncertainties: scenario.uncertainties } } as ScenarioInput;
};

describe("a game's own rules and uncertainties", () => {
  it("applies an option's rules only under that option, as a policy's rules would apply", async () => {
    const game = await analyzeGame(withRuleOption(), { runs: 20, seed: 2 });
    const [free, , banned] = game.profiles;
    expect(free!.meanLoss).toEqual([0, 0]);
    const policy = await runExperiment({ ...world(), game: undefined, policies: [{ name: "ruled", rules: [banRule] }] } as unknown as ScenarioInput, { runs: 20, seed: 2 });
    const mean = (name: string) => policy.policies[0]!.outcomes.find((o) => o.name === name)!.mean;
    expect(mean("gdpLoss:B")).toBeGreaterThan(0);
    expect(banned!.meanLoss[1]).toBeCloseTo(mean("gdpLoss:B"), 6);
    expect(game.terms[2]![0]![0]!.mean).toBeCloseTo(mean("gdpLoss:A"), 6);
  });

  it("gives an option's rule one draw per run whatever the profile, and counts it in outcomes under every profile", async () => {
    // A bans by chance (probability 0.5 per run); B's two options are the same: every run must give both the same losses
    const byChance = { ...banRule, name: "a-bans-by-chance", probability: 0.5 };
    const scenario = world();
    const players = (scenario.game as { players: Record<string, unknown>[] }).players;
    const twins = {
      ...scenario,
      outcomes: [...scenario.outcomes!, { name: "banned", kind: "ruleFired", rules: ["a-bans-by-chance"] }],
      game: {
        ...scenario.game!,
        players: [
          { ...players[0], options: [{ name: "trade" }, { name: "ban-by-chance", rules: [byChance] }] },
          { ...players[1], options: [{ name: "buy" }, { name: "buy-too" }], objective: [{ outcome: "gdpLoss:B" }, { outcome: "banned", weight: 0 }] },
        ],
      },
    } as ScenarioInput;
    const game = await analyzeGame(twins, { runs: 64, seed: 9 });
    const [, , chance, chanceToo] = game.profiles;
    expect(chanceToo!.meanLoss).toEqual(chance!.meanLoss);
    expect(game.terms[3]).toEqual(game.terms[2]);
    // B is indifferent between its twins in every run, so neither profile's equilibrium share is split by the rule's draw
    expect(chanceToo!.probabilityEquilibrium).toBe(chance!.probabilityEquilibrium);
    const fired = (q: number) => game.terms[q]![1]![1]!.mean;
    expect(fired(0)).toBe(0);
    expect(fired(2)).toBeGreaterThan(0.2);
    expect(fired(2)).toBeLessThan(0.8);
    // in the scenario's own experiments, a game option's rule never applies
    const plain = await runExperiment(twins, { runs: 16, seed: 9 });
    for (const policy of plain.policies) expect(policy.outcomes.find((o) => o.name === "banned")!.mean).toBe(0);
  });

  it("draws a game's uncertainties after the scenario's, and leaves the scenario's experiments unchanged", async () => {
    // nothing else is uncertain here, so the game's draws are the scenario's: the same analysis
    const [declaredByScenario, declaredByGame] = await Promise.all([analyzeGame(world(), { runs: 30, seed: 3 }), analyzeGame(withGameUncertainty(), { runs: 30, seed: 3 })]);
    expect(JSON.stringify(declaredByGame)).toBe(JSON.stringify(declaredByScenario));
    const plain = { ...world(), uncertainties: [{ name: "elasticity", distribution: { type: "uniform", min: 0.3, max: 0.7 }, assumption: "test" }] } as ScenarioInput;
    const withGame = { ...plain, game: { ...withGameUncertainty().game! } } as ScenarioInput;
    const [a, b] = await Promise.all([runExperiment({ ...plain, game: undefined } as unknown as ScenarioInput, { runs: 10, seed: 5 }), runExperiment(withGame, { runs: 10, seed: 5 })]);
    expect(JSON.stringify(b.policies)).toBe(JSON.stringify(a.policies));
  });

  it("holds an uncertainty fixed, and sweeps it to find where the answer turns", async () => {
    const game = await analyzeGame(world(), { runs: 40, seed: 1, fixed: { denialValue: 0.1 } });
    const [own, denial] = game.terms[2]![0]!;
    expect(denial!.weighted).toBeCloseTo(0.1 * denial!.mean, 9);
    // A's loss from banning with weight w on B's loss: own + w x B's; it bans once w < -own / B's, which the range [0, 0.2] does not reach
    expect(own!.mean).toBeGreaterThan(0);
    const sweep = await sweepGameUncertainty(world(), { uncertainty: "denialValue", values: [0, 0.1, 0.2], runs: 40, seed: 1 });
    expect(sweep.points.map((p) => p.value)).toEqual([0, 0.1, 0.2]);
    expect(sweep.points[1]!.profiles).toEqual(game.profiles);
    expect(sweep.points.every((p) => p.path?.[0]?.strategy === "trade")).toBe(true);
    expect(sweep.changes).toEqual([]);
    await expect(sweepGameUncertainty(world(), { uncertainty: "denial", values: [0], runs: 10, seed: 1 })).rejects.toThrow(/options\.uncertainty: unknown uncertainty "denial"/);
    await expect(sweepGameUncertainty(world(), { uncertainty: "denialValue", values: [], runs: 10, seed: 1 })).rejects.toThrow(/options\.values: expected a non-empty list/);
    // every value is checked before anything is simulated, and named where it was given
    await expect(sweepGameUncertainty(world(), { uncertainty: "denialValue", values: [0, 0.5], runs: 10, seed: 1 })).rejects.toThrow(
      /options\.values\[1\]: 0\.5 is outside what "denialValue" can take/,
    );
    await expect(sweepGameUncertainty(world(), { uncertainty: "denialValue", values: [0, 0.1, 0], runs: 10, seed: 1 })).rejects.toThrow(/options\.values\[2\]: 0 is given twice/);
    await expect(analyzeGame(world(), { runs: 10, seed: 1, fixed: { denialValue: Number.NaN } })).rejects.toThrow(/options\.fixed\.denialValue: expected a finite number/);
    await expect(analyzeGame(world(), { runs: 10, seed: 1, fixed: { denialValu: 0.1 } })).rejects.toThrow(/options\.fixed\.denialValu: unknown uncertainty "denialValu"; did you mean "denialValue"/);
    await expect(analyzeGame(world(), { runs: 10, seed: 1, fixed: { denialValue: -1 } })).rejects.toThrow(/options\.fixed\.denialValue: -1 is outside what "denialValue" can take/);
    expect(() => sweepGameWeight(game, { player: "A", outcome: "gdpLoss:B", values: [1, 1] })).toThrow(/options\.values\[1\]: 1 is given twice/);
  });

  it("sweeps a game's uncertainty over workers with the same numbers (chokepoint/node)", async () => {
    const { sweepGameUncertainty: overWorkers } = await import("../../src/node.js");
    const options = { uncertainty: "denialValue", values: [0, 0.2], runs: 30, seed: 6 };
    const [one, two] = await Promise.all([sweepGameUncertainty(withGameUncertainty(), options), overWorkers(withGameUncertainty(), { ...options, workers: 2 })]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});

describe("a game's scenario checks", () => {
  const problems = (game: Record<string, unknown>) => {
    const result = safeParseScenario(world(game));
    return result.success ? [] : result.error.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it("accepts the game above", () => {
    expect(parseScenario(world()).game?.players).toHaveLength(2);
  });

  it("names unknown countries, outcomes, uncertainties, policies and a bad order", () => {
    const players = (world().game as { players: Record<string, unknown>[] }).players;
    expect(problems({ players: [{ ...players[0], country: "Z" }, players[1]] })).toContainEqual(expect.stringMatching(/^game\.players\[0\]\.country: unknown country "Z"/));
    expect(problems({ players: [players[0], { ...players[1], country: "A" }] })).toContainEqual(expect.stringMatching(/^game\.players\[1\]\.country: duplicate player "A"/));
    expect(problems({ players: [{ ...players[0], objective: [{ outcome: "gdpLoss:C" }] }, players[1]] })).toContainEqual(expect.stringMatching(/^game\.players\[0\]\.objective\[0\]\.outcome: unknown outcome "gdpLoss:C"/));
    expect(problems({ players: [{ ...players[0], objective: [{ outcome: "gdpLoss:A", weight: { param: "denial" } }] }, players[1]] })).toContainEqual(
      expect.stringMatching(/^game\.players\[0\]\.objective\[0\]\.weight\.param: unknown uncertainty "denial"/),
    );
    expect(problems({ base: "nothing" })).toContainEqual(expect.stringMatching(/^game\.base: unknown policy "nothing"/));
    expect(problems({ order: ["A"] })).toEqual(["game.order: expected every player once; missing: B"]);
    expect(problems({ order: ["A", "C"] })).toContainEqual(expect.stringMatching(/^game\.order\[1\]: "C" is not a player's country/));
    const badLever = { ...players[0], options: [{ name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["Q"], goods: ["x"] }] }] };
    expect(problems({ players: [badLever, players[1]] })).toContainEqual(expect.stringMatching(/^game\.players\[0\]\.options\[0\]\.levers\[0\]\.targets\[0\]: unknown country "Q"/));
  });

  it("checks the options' rules and the game's uncertainties where they are written", () => {
    const players = (world().game as { players: Record<string, unknown>[] }).players;
    const withRules = (...rules: Record<string, unknown>[]) => ({ players: [{ ...players[0], options: [{ name: "trade" }, { name: "ban", rules }] }, players[1]] });
    expect(problems(withRules({ ...banRule, agent: "Q" }))).toContainEqual(expect.stringMatching(/^game\.players\[0\]\.options\[1\]\.rules\[0\]\.agent: unknown country "Q"/));
    expect(problems(withRules(banRule, banRule))).toContainEqual(expect.stringMatching(/^game\.players\[0\]\.options\[1\]\.rules\[1\]\.name: duplicate rule "a-bans"/));
    const uncertain = { name: "weight", distribution: { type: "uniform", min: 1, max: 0 }, assumption: "test" };
    expect(problems({ uncertainties: [uncertain] })).toContainEqual(expect.stringMatching(/^game\.uncertainties\[0\]\.distribution/));
    expect(problems({ uncertainties: [{ ...uncertain, name: "denialValue", distribution: { type: "uniform", min: 0, max: 1 } }] })).toContainEqual(
      expect.stringMatching(/^game\.uncertainties\[0\]\.name: "denialValue" is already an uncertainty of the scenario/),
    );
    // a game's uncertainty is for objectives only: a lever that names it is told it is unknown
    const gameOnly = { ...uncertain, name: "gameOnly", distribution: { type: "uniform", min: 0, max: 1 } };
    const leverNamingIt = { ...players[0], options: [{ name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: { param: "gameOnly" } }] }] };
    expect(problems({ uncertainties: [gameOnly], players: [leverNamingIt, players[1]] })).toContainEqual(
      expect.stringMatching(/^game\.players\[0\]\.options\[0\]\.levers\[0\]\.severity\.param: unknown uncertainty "gameOnly"/),
    );
    expect(problems({ uncertainties: [gameOnly], players: [{ ...players[0], objective: [{ outcome: "gdpLoss:A", weight: { param: "gameOnly" } }] }, players[1]] })).toEqual([]);
    // an option's rule named as a policy's rule, an outcome twice in an objective
    const clash = safeParseScenario({ ...world(withRules({ ...banRule, name: "b-rule" })), policies: [{ name: "none" }, { name: "ruled", rules: [{ ...banRule, name: "b-rule" }] }] } as ScenarioInput);
    expect(clash.success ? [] : clash.error.problems.map((p) => `${p.path}: ${p.message}`)).toContainEqual(
      expect.stringMatching(/^game\.players\[0\]\.options\[1\]\.rules\[0\]\.name: rule "b-rule" is already a rule of policy "ruled"/),
    );
    expect(problems({ players: [{ ...players[0], objective: [{ outcome: "gdpLoss:A" }, { outcome: "gdpLoss:A", weight: 2 }] }, players[1]] })).toContainEqual(
      expect.stringMatching(/^game\.players\[0\]\.objective\[1\]\.outcome: "gdpLoss:A" is already in the objective/),
    );
  });
});

describe("analyzeGame over workers (chokepoint/node)", () => {
  it("gives the same analysis on one thread and two workers", async () => {
    const { analyzeGame: overWorkers } = await import("../../src/node.js");
    const [one, two] = await Promise.all([overWorkers(world(), { runs: 80, seed: 4, workers: 1 }), overWorkers(world(), { runs: 80, seed: 4, workers: 2 })]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
