// The `chokepoint` command line: commands, their options and help (commander), and the
// one place where every error becomes a message and an exit code. Nothing below prints a
// stack trace: a failure the code anticipates is one line (or one line per problem);
// anything else is a bug, reported as "internal error" with exit code 70. Each command's
// module is loaded when it runs, so that help, version and usage errors need not load
// the engine.
import { Command, CommanderError, Option } from "commander";
import type { InputProblem } from "../errors.js";
import type { CliEnvironment } from "./environment.js";
import { CommandFailure, EXIT, Interrupted, UsageError } from "./errors.js";
import { MAX_RUNS, parseIndex, parseNameList, parseNumber, parseOpenShare, parsePolicyList, parsePositive, parseRuns, parseSeed, parseShardCount, parseShare, parseSweepValues, parseWhole, parseWorkers } from "./options.js";
import { problemLines } from "./problem-lines.js";
import { terminalText } from "./terminal-text.js";
import { CHOKEPOINT_VERSION as version } from "../version.js";
import type { CalibrateCommandOptions } from "./calibrate-command.js";
import type { PredictCommandOptions } from "./predict-command.js";
import type { RobustnessCommandOptions } from "./robustness-command.js";
import type { DiscoverCommandOptions } from "./discover-command.js";
import type { SweepCommandOptions } from "./sweep-command.js";
import type { SensitivityCommandOptions } from "./sensitivity-command.js";
import type { GameCommandOptions } from "./game-command.js";
import type { CompareCommandOptions } from "./compare-command.js";
import type { MergeCommandOptions } from "./merge-command.js";
import type { RunOptions } from "./run-command.js";
import type { ShardCommandOptions } from "./shard-command.js";

const PROGRAM_HELP = `
Examples:
  chokepoint list
  chokepoint run illustrative-standoff --runs 20000 --seed 1 --json result.json
  chokepoint run illustrative-standoff --runs 5000 --html report.html --csv runs.csv
  chokepoint compare illustrative-standoff --policies us-alone,aligned
  chokepoint explain illustrative-standoff
  chokepoint validate my-scenario.yaml

Exit codes: 0 done, 1 invalid scenario or failed command, 2 bad command line,
130 interrupted (Ctrl-C), 70 internal error.`;

const RUN_HELP = `
The table goes to stdout; with --json the full result (every statistic of every
outcome and policy, and the comparisons with the baseline policy) goes to FILE,
byte-identical for the same scenario, seed, runs, sampler and policies. Its JSON
Schema: \`chokepoint schema --result\`.
--csv writes one row per run and policy (the sampled parameters, then the outcomes);
--html a self-contained report (charts, tables, assumptions and sources; no scripts,
no network) that a browser opens and prints. Files are written atomically: complete or
not at all (Ctrl-C writes none).
--policy and --outcome take several names: put them after the scenario.

--precision adds runs until the intervals of the headline means and paired differences
are within target, checking only at fixed run counts so the result is the one a run of
that many runs gives, whatever --workers; it prints how many runs it took and why it stopped.

Examples:
  chokepoint run illustrative-standoff --runs 20000 --seed 1
  chokepoint run illustrative-standoff --precision 0.01 --precision-statistics differences --max-runs 16384
  chokepoint run my-scenario.yaml --policy us-alone aligned --outcome gdpLoss:JP
  chokepoint run illustrative-standoff --json result.json --html report.html --csv runs.csv`;

const DISCOVER_HELP = `
Each box of the trajectory: coverage (share of all cases of interest inside it), density
(share of its runs that are cases) and mass (share of all runs inside it). Peeling trades
coverage for density; the box described is the last of the trajectory (EMA Workbench's
default), or the one --box picks after reading the trade-off. A quasi-p-value per
restricted input: a large one marks a restriction that adds little.

Examples:
  chokepoint discover illustrative-standoff --outcome gdpLoss:JP --policy aligned --above 4e9
  chokepoint discover illustrative-standoff --outcome gdpLoss:JP --above 4e9 --box 10 --json boxes.json`;

const SWEEP_HELP = `
Each grid value makes a copy of the policy with the lever's number set to it (a fixed
number in place of an uncertainty, if the number was drawn); all copies run on the same
draws, so differences are paired, run by run. A value the scenario's checks refuse (a
severity above 1) is reported with its path. The lever's numbers are listed when --field
names none of them.

Examples:
  chokepoint sweep illustrative-standoff --policy aligned --lever exportRestriction:JP --field severity --values 0:1:0.25
  chokepoint sweep illustrative-standoff --policy aligned --lever 2 --field severity --values 0,0.5,1 --outcome gdpLoss:JP,gdpLoss:CN --json sweep.json`;

const COMPARE_HELP = `
For each outcome (the headline outcomes by default), each policy minus the first of
--policies (default: the baseline policy), run by run on the same draws: the mean
difference, its 95% interval, and the share of runs in which the policy gives the lower
value (for a loss: better) or the higher one.

Examples:
  chokepoint compare illustrative-standoff
  chokepoint compare illustrative-standoff --policies us-alone,aligned --runs 20000`;

/** Commander's messages on one line: its "(Did you mean x?)" joins the line it follows. */
function oneLine(message: string): string {
  return `${message
    .trim()
    .replace(/\s*\n\(Did you mean (.+)\?\)$/, "; did you mean $1?")
    .replace(/\s*\n\s*/g, " ")}\n`;
}

function createProgram(env: CliEnvironment): Command {
  const program = new Command("chokepoint")
    .description("Monte Carlo simulation of supply-chain risk between countries: run scenarios, validate them, list the bundled ones.")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "print this help")
    .helpCommand(false)
    .addHelpText("after", PROGRAM_HELP)
    .configureOutput({ writeOut: env.out, writeErr: env.err, outputError: (message, write) => write(oneLine(message)) })
    .exitOverride();

  // Subcommands inherit the output and exit settings above; each gets --version too.
  const command = (name: string) => program.command(name).version(version, "-V, --version", "print the version").helpOption("-h, --help", "print this help");

  command("run")
    .description("Run an experiment on a scenario and print a summary table per outcome: each policy's mean, p05, p50, p95 and its paired difference to the baseline policy.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario (see `chokepoint list`)")
    .option("--runs <n>", "number of runs (draws of the uncertainties; each policy is simulated on every draw); default 10,000; with --precision, the first checkpoint (default 256)", parseRuns)
    .option("--seed <seed>", "seed: the same seed gives the same results", parseSeed, "1")
    .option("--precision <share>", "add runs until every 95% interval half-width is within this share of its |mean| (0.01: 1%), checking at --runs, twice as many, ... up to --max-runs", (value: string) => parsePositive("--precision", value))
    .option("--precision-absolute <x>", "or within this many of the outcome's unit (a statistic is on target when within the larger of the two)", (value: string) => parsePositive("--precision-absolute", value))
    .option("--precision-outcome <name>", "with a precision target: count this outcome's intervals only (default: the headline outcomes)")
    .addOption(new Option("--precision-statistics <which>", "with a precision target: which intervals count (default: both)").choices(["both", "means", "differences"]))
    .option("--max-runs <n>", "with a precision target: the most runs, the last checkpoint (default 65,536)", (value: string) => parseWhole("--max-runs", value, 2, MAX_RUNS))
    .option("--policy <names...>", "simulate only these policies, in this order (all by default)")
    .option("--workers <n>", "worker threads to spread the runs over (default and most: the available cores); results do not depend on it", parseWorkers)
    .addOption(
      new Option("--summaries <kind>", "exact quantiles from every run, or streaming summaries in constant memory (default: exact up to 100,000 runs)").choices(["exact", "streaming"]),
    )
    .addOption(new Option("--sampler <kind>", "how the uncertainties are sampled").choices(["monte-carlo", "latin-hypercube", "sobol"]).default("monte-carlo"))
    .option("--design <file>", "take some uncertainties' values per run from FILE (CSV: a header of uncertainty names, a row per run, e.g. from SALib or EMA Workbench); --runs defaults to its rows")
    .option("--outcome <names...>", "show these outcomes in the table (default: the scenario's headline outcomes; the JSON file has all)")
    .option("--all-outcomes", "show every outcome in the table")
    .option("--json <file>", "write the full result as JSON to FILE (atomically: complete or not at all)")
    .option("--csv <file>", "write every run under every policy to FILE as CSV: sampled parameters and outcomes, with a header")
    .option("--html <file>", "write a self-contained HTML report with charts to FILE")
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .option("--no-progress", "show no progress, even on a terminal")
    .option("-q, --quiet", "print nothing on stderr but errors: no progress, no notes")
    .addHelpText("after", RUN_HELP)
    .action(async (scenario: string, options: RunOptions) => (await import("./run-command.js")).runCommand(scenario, options, env));

  command("shard")
    .description("Run one shard of an experiment and write its mergeable summaries to a file; `chokepoint merge` combines the shards into the result one process would give.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .option("--index <i>", "which shard, from 0 (default: the JOB_COMPLETION_INDEX environment variable, as set by Kubernetes Indexed Jobs)", parseIndex)
    .requiredOption("--of <k>", "how many shards the runs are split into", parseShardCount)
    .option("--runs <n>", "runs of the whole experiment (all shards together)", parseRuns, 10_000)
    .option("--seed <seed>", "seed: the same seed gives the same results", parseSeed, "1")
    .option("--policy <names...>", "simulate only these policies, in this order (all by default)")
    .addOption(new Option("--sampler <kind>", "how the uncertainties are sampled").choices(["monte-carlo", "latin-hypercube", "sobol"]).default("monte-carlo"))
    .option("--workers <n>", "worker threads for this shard (default and most: the available cores); results do not depend on it", parseWorkers)
    .requiredOption("--out <file>", "the shard file to write (atomically)")
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .option("--no-progress", "show no progress, even on a terminal")
    .option("-q, --quiet", "print nothing on stderr but errors: no progress, no notes")
    .action(async (scenario: string, options: ShardCommandOptions) => (await import("./shard-command.js")).shardCommand(scenario, options, env));

  command("merge")
    .description("Combine the shard files of one experiment into its result: the summary table, and the full result with --json.")
    .argument("<files...>", "every shard file of the experiment")
    .option("--json <file>", "write the full result as JSON to FILE (atomically)")
    .option("--html <file>", "write a self-contained HTML report with charts to FILE")
    .option("--outcome <names...>", "show these outcomes in the table (default: the scenario's headline outcomes)")
    .option("--all-outcomes", "show every outcome in the table")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .action(async (files: string[], options: MergeCommandOptions) => (await import("./merge-command.js")).mergeCommand(files, options, env));

  command("compare")
    .description("Compare policies run by run on the same draws: per outcome, each policy minus the first, with the mean difference, its 95% interval and the probability that it is lower or higher.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .option("--policies <names>", "policies to compare, separated by commas; the first is the reference (default: the baseline policy, then the others)", parsePolicyList)
    .option("--runs <n>", "number of runs", parseRuns, 10_000)
    .option("--seed <seed>", "seed: the same seed gives the same results", parseSeed, "1")
    .option("--workers <n>", "worker threads (default and most: the available cores); results do not depend on it", parseWorkers)
    .addOption(new Option("--sampler <kind>", "how the uncertainties are sampled").choices(["monte-carlo", "latin-hypercube", "sobol"]).default("monte-carlo"))
    .option("--outcome <names...>", "compare these outcomes (default: the scenario's headline outcomes)")
    .option("--all-outcomes", "compare every outcome")
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .option("--no-progress", "show no progress, even on a terminal")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .addHelpText("after", COMPARE_HELP)
    .action(async (scenario: string, options: CompareCommandOptions) => (await import("./compare-command.js")).compareCommand(scenario, options, env));

  command("calibrate")
    .description("Fit a scenario's free uncertainties to observed series (ABC-SMC): print each parameter's posterior beside its prior, and how well the fitted model covers the observations.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .argument("<observations>", "an observation file (.json, .yaml) for this scenario (docs/calibration.md), or the name of a bundled scenario whose observations ship with it")
    .option("--free <names>", "uncertainties to fit, separated by commas (default: the observation file's `free`)", (value: string) => parseNameList("--free", value))
    .option("--seed <seed>", "seed: the same seed gives the same fit", parseSeed, "1")
    .option("--particles <n>", "particles per population, 10 to 10,000 (default 1000)", (value: string) => parseWhole("--particles", value, 10, 10_000))
    .option("--generations <n>", "most populations after the prior's (default 12)", (value: string) => parseWhole("--generations", value, 1, 1000))
    .option("--max-simulations <n>", "simulation budget (default 200,000)", (value: string) => parseWhole("--max-simulations", value, 100, 100_000_000))
    .option("--quantile <share>", "each tolerance is this quantile of the previous population's distances (default 0.5)", (value: string) => parseShare("--quantile", value))
    .option("--min-acceptance <share>", "stop after a population accepts fewer than this share of proposals (default 0.02)", (value: string) => parseShare("--min-acceptance", value))
    .option("--predictive-runs <n>", "runs of each predictive check (default 500)", (value: string) => parseWhole("--predictive-runs", value, 10, 100_000))
    .option("--workers <n>", "worker threads (default and most: the available cores); the fit does not depend on it", parseWorkers)
    .option("--json <file>", "write the calibration (posterior draws, summaries, diagnostics, predictive check) as JSON to FILE")
    .option("--html <file>", "write a self-contained HTML report to FILE")
    .option("--calibrated <file>", "write the calibrated scenario to FILE: the posterior's joint draws in its `posterior` field")
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .option("--no-progress", "show no progress, even on a terminal")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .action(async (scenario: string, observations: string, options: CalibrateCommandOptions) => (await import("./calibrate-command.js")).calibrateCommand(scenario, observations, options, env));

  command("predict")
    .description("Set observed series beside a scenario's simulations and say how many its 90% bands cover; with --posterior, first apply a fit from another episode (an out-of-sample check).")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .argument("<observations>", "an observation file (.json, .yaml) for this scenario, or the name of a bundled scenario whose observations ship with it")
    .option("--posterior <file>", "a calibration file (chokepoint calibrate --json) whose posterior to apply to the scenario first")
    .option("--parameters <names>", "apply only these parameters of the posterior, separated by commas (those the episodes share)", (value: string) => parseNameList("--parameters", value))
    .option("--runs <n>", "runs of each simulation (default 1000)", (value: string) => parseWhole("--runs", value, 10, 100_000))
    .option("--seed <seed>", "seed: the same seed gives the same result", parseSeed, "1")
    .option("--json <file>", "write the result as JSON to FILE")
    .option("--html <file>", "write a self-contained HTML report to FILE")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .action(async (scenario: string, observations: string, options: PredictCommandOptions) => (await import("./predict-command.js")).predictCommand(scenario, observations, options, env));

  command("sensitivity")
    .description("Which uncertainties and rule draws drive an outcome (or the paired difference of two policies with --versus): Sobol' indices with 95% intervals, or Morris screening.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .addOption(new Option("--method <method>", "sobol: variance shares (first order and total); morris: cheap screening by elementary effects").choices(["sobol", "morris"]).default("sobol"))
    .option("--outcome <name>", "the outcome analysed (default: the first headline outcome)")
    .option("--policy <name>", "the policy whose outcome is analysed (default: the baseline policy)")
    .option("--versus <name>", "analyse the difference policy minus this policy, run by run on the same draws")
    .option("--samples <n>", "Sobol': base samples N, costing N x (factors + 2) runs (default 256); Morris: trajectories, costing trajectories x (factors + 1) runs (default 20)", (value: string) => parseWhole("--samples", value, 2, 10_000_000))
    .option("--levels <p>", "Morris: grid levels, even (default 4)", (value: string) => parseWhole("--levels", value, 2, 1000))
    .option("--seed <seed>", "seed: the same seed gives the same result", parseSeed, "1")
    .option("--workers <n>", "worker threads (default and most: the available cores); results do not depend on it", parseWorkers)
    .option("--json <file>", "write the result as JSON to FILE")
    .option("--html <file>", "write a self-contained HTML report (the indices with their intervals) to FILE")
    .option("--vega-lite <file>", "write the chart as a Vega-Lite v5 specification (JSON, data inline) to FILE")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .action(async (scenario: string, options: SensitivityCommandOptions) => (await import("./sensitivity-command.js")).sensitivityCommand(scenario, options, env));

  command("robustness")
    .description("Compare policies on one outcome over the same draws: mean, 90th percentile, regret against the best policy of each run (mean, maximum, 90th percentile), the share of runs each is best, and with --threshold the share that satisfices.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .option("--outcome <name>", "the loss to compare on (default: the first headline outcome)")
    .option("--threshold <value>", "satisficing: report the share of runs with the outcome at or below this", (value: string) => parseNumber("--threshold", value))
    .option("--policies <names>", "policies to compare, separated by commas (default: all)", parsePolicyList)
    .option("--runs <n>", "number of runs", parseRuns, 10_000)
    .option("--seed <seed>", "seed: the same seed gives the same result", parseSeed, "1")
    .option("--json <file>", "write the table as JSON to FILE")
    .option("--html <file>", "write a self-contained HTML report (charts and tables) to FILE")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .action(async (scenario: string, options: RobustnessCommandOptions) => (await import("./robustness-command.js")).robustnessCommand(scenario, options, env));

  command("discover")
    .description("Scenario discovery (PRIM): find boxes of the uncertainties in which a policy's outcome is above (or below) a threshold; print the peeling trajectory (coverage, density, mass) and the chosen box's limits with quasi-p-values.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .option("--outcome <name>", "the outcome whose runs are classified (required)")
    .option("--above <value>", "a run is a case of interest when the outcome is above this", (value: string) => parseNumber("--above", value))
    .option("--below <value>", "... or below this", (value: string) => parseNumber("--below", value))
    .option("--policy <name>", "the policy whose runs are classified (default: the baseline policy)")
    .option("--versus <name>", "classify runs by the difference policy minus this policy, run by run on the same draws")
    .option("--runs <n>", "number of runs", parseRuns, 5_000)
    .option("--seed <seed>", "seed: the same seed gives the same result", parseSeed, "1")
    .option("--alpha <share>", "share of the box's runs each peel removes (default 0.05)", (value: string) => parseOpenShare("--alpha", value, 0.5))
    .option("--min-mass <share>", "stop peeling before the box holds less than this share of the runs (default 0.05)", (value: string) => parseOpenShare("--min-mass", value, 1))
    .option("--box <i>", "the box of the trajectory to describe (default: the last, as in EMA Workbench)", (value: string) => parseWhole("--box", value, 0, 1_000_000))
    .option("--json <file>", "write the trajectory and the chosen box as JSON to FILE")
    .option("--html <file>", "write a self-contained HTML report (charts and tables) to FILE")
    .option("--vega-lite <file>", "write the chart as a Vega-Lite v5 specification (JSON, data inline) to FILE")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .addHelpText("after", DISCOVER_HELP)
    .action(async (scenario: string, options: DiscoverCommandOptions) => (await import("./discover-command.js")).discoverCommand(scenario, options, env));

  command("sweep")
    .description("Sweep one number of one lever of a policy over a grid (a severity, months of cover, a capacity, a tariff rate), every grid point on the same draws: per value and outcome the mean with its 95% interval, p05, p50, p95 and the difference against the policy as written, run by run.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .option("--policy <name>", "the policy whose lever is swept (required)")
    .option("--lever <lever>", "the lever: its index in the policy's levers (from 0) or type[:actor[:good]], e.g. exportRestriction:JP (required)")
    .option("--field <name>", "the lever's number to sweep, e.g. severity, coverMonths, capacity, rate (required)")
    .option("--values <grid>", "the grid: numbers separated by commas (0,0.5,1) or a range start:stop:step (0:1:0.25) (required)", parseSweepValues)
    .option("--outcome <names>", "outcomes, separated by commas (default: the headline outcomes)", (value: string) => parseNameList("--outcome", value))
    .option("--versus <policy>", "compare each grid point with this policy instead of the swept policy as written")
    .option("--runs <n>", "number of runs", parseRuns, 2_000)
    .option("--seed <seed>", "seed: the same seed gives the same result", parseSeed, "1")
    .option("--workers <n>", "worker threads (default and most: the available cores); the result does not depend on it", parseWorkers)
    .option("--json <file>", "write the sweep as JSON to FILE")
    .option("--html <file>", "write a self-contained HTML report (charts and tables) to FILE")
    .option("--vega-lite <file>", "write the chart as a Vega-Lite v5 specification (JSON, data inline) to FILE")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .addHelpText("after", SWEEP_HELP)
    .action(async (scenario: string, options: SweepCommandOptions) => (await import("./sweep-command.js")).sweepCommand(scenario, options, env));

  command("game")
    .description("Solve the game a scenario declares (`game`): every profile of the players' options on the same draws, each player's mean loss, the equilibria and how often each holds run by run, play in turns with what each mover would do at each of its turns and the threats that are not credible, and with --sweep (an objective weight) or --sweep-uncertainty (an input) where the answer turns.")
    .argument("<scenario>", "a scenario file (.json, .yaml) with a `game`, or the name of a bundled one")
    .option("--runs <n>", "number of runs", parseRuns, 1_000)
    .option("--seed <seed>", "seed: the same seed gives the same result", parseSeed, "1")
    .option("--order <countries>", "the order of play, separated by commas (default: the game's `order`)", (value: string) => parseNameList("--order", value))
    .option("--sweep <player:outcome>", "sweep the weight of this outcome in this player's objective (with --sweep-values)")
    .option("--sweep-uncertainty <name>", "hold this uncertainty (the scenario's or the game's) at each of --sweep-values in turn and simulate again, on the same draws of the others")
    .option("--sweep-values <grid>", "the weights or values: numbers separated by commas or a range start:stop:step", (value: string) => parseSweepValues(value, "--sweep-values"))
    .option("--workers <n>", "worker threads (default and most: the available cores); the result does not depend on it", parseWorkers)
    .option("--json <file>", "write the analysis as JSON to FILE")
    .option("--html <file>", "write a self-contained HTML report (payoff matrix, game tree, credibility) to FILE")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .action(async (scenario: string, options: GameCommandOptions) => (await import("./game-command.js")).gameCommand(scenario, options, env));

  command("explain")
    .description("Describe a scenario in words: countries, goods, the dependency chain from primary inputs to final goods, each importer's supply from countries that may restrict it, supply concentration (HHI), rules and policies.")
    .argument("<scenario>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .action(async (scenario: string) => (await import("./explain-command.js")).explainCommand(scenario, env));

  command("validate")
    .description("Check a scenario: one line when it is valid; otherwise every problem with its path and line:column, and exit code 1.")
    .argument("<file>", "a scenario file (.json, .yaml) or the name of a bundled scenario")
    .action(async (file: string) => (await import("./validate-command.js")).validateCommand(file, env));

  command("list")
    .description("List the bundled scenarios, with their titles.")
    .action(async () => (await import("./list-command.js")).listCommand(env));

  command("schema")
    .description("Print the JSON Schema of scenario files (or of result files, with --result; of observation files, with --observations).")
    .option("--result", "the JSON Schema of the files `chokepoint run --json` writes")
    .option("--observations", "the JSON Schema of observation files (chokepoint calibrate)")
    .action(async (options: { result?: boolean; observations?: boolean }) => (await import("./schema-command.js")).schemaCommand(options, env));

  return program;
}

/** Lines of a message, each made safe for a terminal (text from scenarios and files may hold escape sequences), one per line. */
function printableLines(lines: readonly string[]): string {
  return `${lines.map((line) => terminalText(line, { oneLine: true })).join("\n")}\n`;
}

/** Print `error` as the user should see it and give the exit code. */
function report(error: unknown, env: CliEnvironment): number {
  // Commander printed its own message (or the help, or the version) already.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof UsageError) {
    env.err(`error: ${terminalText(error.message, { oneLine: true })}\n`);
    return EXIT.usage;
  }
  if (error instanceof CommandFailure) {
    env.err(printableLines(error.lines));
    return EXIT.failure;
  }
  // The commands turn the library's errors into the two above; these are a safety net,
  // recognised by name so that this module does not load the library.
  if (error instanceof Error && error.name === "InputError") {
    env.err(`error: ${terminalText(error.message, { oneLine: true })}\n`);
    return EXIT.usage;
  }
  if (error instanceof Error && /^(Scenario|NonFiniteOutcome)Error$/.test(error.name) && Array.isArray((error as { problems?: unknown }).problems)) {
    env.err(printableLines(problemLines("scenario", (error as Error & { problems: InputProblem[] }).problems)));
    return EXIT.failure;
  }
  if (error instanceof Interrupted) {
    env.err(`${terminalText(error.message, { oneLine: true })}\n`);
    return EXIT.interrupted;
  }
  return reportInternalError(error, env);
}

/** A bug: one line with its message, and where to report it; the stack only with CHOKEPOINT_DEBUG=1. */
export function reportInternalError(error: unknown, env: Pick<CliEnvironment, "err">): number {
  const message = error instanceof Error ? error.message : String(error);
  const debug = typeof process !== "undefined" && process.env.CHOKEPOINT_DEBUG === "1";
  try {
    env.err(`internal error: ${terminalText(message.split("\n")[0] ?? "", { oneLine: true })}\n`);
    env.err(
      debug && error instanceof Error && error.stack !== undefined
        ? `${error.stack}\n`
        : `please report it, with the command that caused it (CHOKEPOINT_DEBUG=1 adds the stack trace)\n`,
    );
  } catch {
    // stderr itself failed: the exit code is all that is left
  }
  return EXIT.internal;
}

/**
 * Run the `chokepoint` command line.
 *
 * @param argv - the arguments after the program's name.
 * @param env - output streams and Ctrl-C (`processEnvironment()` for the real process).
 * @returns the exit code: 0 done, 1 invalid scenario or failed command, 2 bad command
 *   line, 70 internal error, 130 interrupted.
 */
export async function main(argv: readonly string[], env: CliEnvironment): Promise<number> {
  try {
    await createProgram(env).parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    return report(error, env);
  }
}
