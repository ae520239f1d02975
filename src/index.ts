// chokepoint: Monte Carlo simulation of supply-chain risk between countries.
// This entry runs in any JavaScript runtime (no Node built-ins); file loading and
// worker threads live in `chokepoint/node`.

// Scenarios: schema, validation, JSON Schema
export { parseScenario, parseScenarioAsync, safeParseScenario, safeParseScenarioAsync, type ParseScenarioOptions, type SafeParseScenarioResult } from "./schema/parse.js";
export { scenarioJsonSchema } from "./schema/json-schema.js";
export { estimateSummaryMemory, runSize, type RunSize, type SummaryMemoryOptions } from "./schema/run-size.js";
export { scenarioSchema, type ScenarioSchema, type StandardSchemaIssue, type StandardSchemaResult } from "./schema/standard-schema.js";
// every part of a scenario, as parsed (Scenario, World, ExportRestriction, ...) and as
// written (ScenarioInput, WorldInput, ExportRestrictionInput, ...): plain types, no zod
export type * from "./schema/scenario-types.js";

// Experiments
export { runExperiment, type ExperimentOptions, type ExperimentProgress } from "./experiment/run-experiment.js";
export { parseDesignCsv } from "./experiment/design-csv.js";
export { simulateOnce, type SimulateOnceOptions, type SingleRun } from "./experiment/simulate-once.js";
export { resultJsonSchema } from "./experiment/result-schema.js";
export type { PrecisionOptions, PrecisionReport, PrecisionTarget, PrecisionCheckpoint, PrecisionWorst } from "./experiment/precision.js";
export type {
  ExperimentResult,
  PolicyResult,
  OutcomeSummary,
  Histogram,
  SeriesSummary,
  PolicyComparison,
  OutcomeComparison,
} from "./experiment/result.js";

// Calibration: observation files, ABC-SMC, posteriors as scenarios
export { calibrate, type CalibrateOptions, type CalibrationResult, type PredictiveCheck, type PredictiveSeries } from "./calibrate/calibrate.js";
export { abcSmc, type AbcProblem, type AbcPosterior, type AbcSmcSettings, type AbcProgress, type AbcGeneration, type AbcStopReason, type ParameterSummary } from "./calibrate/abc.js";
export { applyPosterior, type ApplyPosteriorOptions } from "./calibrate/apply-posterior.js";
export { predict, type PredictOptions, type PredictionResult } from "./calibrate/predict.js";
export { renderCalibrationReport, renderPredictionReport } from "./report/calibration-report.js";
export {
  renderAnalysisReport,
  type AnalysisReportOptions,
  type AnalysisSensitivity,
  type AnalysisDiscovery,
  type AnalysisRobustness,
  type AnalysisGame,
} from "./report/analysis-report.js";
export { parseObservations, splitObservations, ObservationsError } from "./calibrate/observations.js";
export { observationsJsonSchema } from "./calibrate/observations-schema.js";
export type { Observations, ObservationsInput, ObservationSeries, ObservationSeriesInput, ObservationPoint, ObservationError, Measure, MeasureInput } from "./calibrate/observations-types.js";

// Exploratory analysis
export { robustness, type RobustnessOptions, type RobustnessResult, type PolicyRobustness } from "./analysis/robustness.js";
export { robustnessAnalysis, type RobustnessAnalysisOptions } from "./analysis/robustness-analysis.js";
export {
  sensitivityAnalysis,
  type SensitivityAnalysisOptions,
  type SensitivityResult,
  type SobolSensitivity,
  type MorrisSensitivity,
  type SensitivityCommon,
} from "./analysis/sensitivity-analysis.js";
export type { ScenarioFactor } from "./analysis/factors.js";
export { solveGame, type GameSolution, type PureEquilibrium, type MixedEquilibrium, type DominatedStrategy } from "./game/solve-game.js";
export type { Game, GamePlayer } from "./game/normal-form.js";
export {
  analyzeGame,
  sweepGameWeight,
  sweepGameUncertainty,
  type AnalyzeGameOptions,
  type GameUncertaintyPoint,
  type GameUncertaintySweep,
  type GameAnalysis,
  type GameProfile,
  type GameEquilibrium,
  type GameWeightPoint,
  type GameWeightSweep,
} from "./game/analyze-game.js";
export { solveSequential, type SequentialGame, type SequentialSolution, type SequentialMove, type NonCredibleThreat } from "./game/sequential.js";
export { prim, type PrimOptions, type PrimResult, type PrimBox, type PrimLimit } from "./analysis/prim.js";
export { discoverScenarios, type DiscoverScenariosOptions } from "./analysis/discover-scenarios.js";
export { morrisScreening, type MorrisOptions, type MorrisParameter } from "./analysis/morris.js";
export { sobolIndices, type SobolIndicesOptions, type SobolParameter, type Estimate } from "./analysis/sobol-indices.js";
export { qmcInterval, qmcMean, type QmcMeanOptions, type QmcMeanResult } from "./analysis/qmc-mean.js";
export { sweepLever, type SweepLeverOptions, type SweepResult, type SweepPoint, type SweepOutcome } from "./analysis/sweep-lever.js";

// Reports
export { formatSummaryTable, type SummaryTableOptions } from "./report/summary-table.js";
export { formatInterval, formatValue, type FormattedInterval, type FormatValueOptions } from "./report/format-number.js";
export { renderHtmlReport, type HtmlReportOptions } from "./report/html-report.js";
export { formatRunsCsv } from "./report/runs-csv.js";
export { explainScenario } from "./report/explain.js";

// Charts: SVG strings (no DOM; the same input gives the same bytes) and Vega-Lite specs (plain JSON)
export { histogramSvg, type HistogramChartData, type HistogramChartOptions } from "./report/charts/histogram-svg.js";
export { fanChartSvg, type FanChartData, type FanChartOptions } from "./report/charts/fan-chart-svg.js";
export { comparisonSvg, type ComparisonChartData, type ComparisonChartOptions } from "./report/charts/comparison-svg.js";
export { tornadoSvg, type TornadoBar, type TornadoChartOptions } from "./report/charts/tornado-svg.js";
export { networkSvg, type NetworkChartOptions } from "./report/charts/network-svg.js";
export { outcomeSummarySvg, type OutcomeSummaryChartData, type OutcomeSummaryChartOptions } from "./report/charts/outcome-summary-svg.js";
export type { PoliciesChartData } from "./report/charts/outcome-summary-svg.js";
export { policyDistributionsSvg, type PolicyDistributionsChartData, type PolicyDistributionsChartOptions } from "./report/charts/policy-distributions-svg.js";
export { policySeriesSvg, type PolicySeriesChartData, type PolicySeriesChartOptions } from "./report/charts/policy-series-svg.js";
export { supplyMatrixSvg, type SupplyMatrixChartOptions } from "./report/charts/supply-matrix-svg.js";
export { predictiveSvg, type PredictiveChartData, type PredictiveChartOptions } from "./report/charts/predictive-svg.js";
export { priorPosteriorSvg, type PriorPosteriorChartData, type PriorPosteriorChartOptions } from "./report/charts/prior-posterior-svg.js";
export { histogramVegaLite, type HistogramVegaLiteOptions } from "./report/charts/histogram-vega-lite.js";
export { fanChartVegaLite, type FanChartVegaLiteOptions } from "./report/charts/fan-chart-vega-lite.js";
export { comparisonVegaLite, type ComparisonVegaLiteOptions } from "./report/charts/comparison-vega-lite.js";
export { tornadoVegaLite, type TornadoVegaLiteOptions } from "./report/charts/tornado-vega-lite.js";
export { indicesVegaLite, morrisVegaLite, primTradeoffVegaLite, sweepVegaLite, type AnalysisVegaLiteOptions, type SweepChartInput } from "./report/charts/analysis-vega-lite.js";
export type { IndicesRow, IntervalEstimate, MorrisRow, TradeoffBox } from "./report/charts/analysis-svg.js";
export type { VegaLiteSpec } from "./report/charts/vega-lite.js";

// Input-output toolkit (exact; plain arrays in and out)
export {
  technicalCoefficients,
  allocationCoefficients,
  leontiefInverse,
  totalOutput,
  outputMultipliers,
  valueAddedMultipliers,
  ghoshInverse,
  interdependencyMatrix,
  inoperability,
  dynamicInoperability,
  resilienceCoefficient,
  spectralRadius,
  type DynamicInoperabilityInput,
  type ResilienceCoefficientInput,
} from "./input-output/index.js";

// Randomness: streams, samplers, distributions
export {
  runStream,
  monteCarloSampler,
  latinHypercubeSampler,
  sobolSampler,
  createDistribution,
  describeDistribution,
  distributionProblems,
  type UniformSampler,
  type Distribution,
} from "./random/index.js";

// Statistics: summaries, quantiles, risk measures, exact mergeable sums and moments, the quantile sketch
export {
  summarizeOutcome,
  pairedDifference,
  quantileBands,
  quantile,
  quantileSorted,
  valueAtRisk,
  conditionalValueAtRisk,
  studentTQuantile,
  ExactSum,
  ExactMoments,
  LogSketch,
  type OutcomeStatistics,
  type SummarizeOptions,
  type PairedDifference,
  type QuantileBands,
  type ExactMomentsJSON,
  type LogSketchJSON,
  type LogSketchOptions,
} from "./stats/index.js";

// Errors
export { ScenarioError, InputError, NonFiniteOutcomeError, formatProblem, type InputProblem, type NonFiniteOutcome } from "./errors.js";
