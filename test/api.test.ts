import { describe, expect, it } from "vitest";
import * as chokepoint from "../src/index.js";
import { scenarioJsonSchema } from "../src/index.js";

describe("public API", () => {
  it("exports exactly these names (a change here is a change to the public API: say why in the commit)", () => {
    expect(Object.keys(chokepoint).sort()).toMatchInlineSnapshot(`
      [
        "ExactMoments",
        "ExactSum",
        "InputError",
        "LogSketch",
        "NonFiniteOutcomeError",
        "ObservationsError",
        "ScenarioError",
        "abcSmc",
        "allocationCoefficients",
        "applyPosterior",
        "calibrate",
        "comparisonSvg",
        "comparisonVegaLite",
        "conditionalValueAtRisk",
        "createDistribution",
        "describeDistribution",
        "discoverScenarios",
        "distributionProblems",
        "dynamicInoperability",
        "estimateSummaryMemory",
        "explainScenario",
        "fanChartSvg",
        "fanChartVegaLite",
        "formatInterval",
        "formatProblem",
        "formatRunsCsv",
        "formatSummaryTable",
        "formatValue",
        "ghoshInverse",
        "histogramSvg",
        "histogramVegaLite",
        "indicesVegaLite",
        "inoperability",
        "interdependencyMatrix",
        "latinHypercubeSampler",
        "leontiefInverse",
        "monteCarloSampler",
        "morrisScreening",
        "morrisVegaLite",
        "networkSvg",
        "observationsJsonSchema",
        "outcomeSummarySvg",
        "outputMultipliers",
        "pairedDifference",
        "parseObservations",
        "parseScenario",
        "parseScenarioAsync",
        "policyDistributionsSvg",
        "policySeriesSvg",
        "predict",
        "predictiveSvg",
        "prim",
        "primTradeoffVegaLite",
        "priorPosteriorSvg",
        "quantile",
        "quantileBands",
        "quantileSorted",
        "renderAnalysisReport",
        "renderCalibrationReport",
        "renderHtmlReport",
        "renderPredictionReport",
        "resilienceCoefficient",
        "resultJsonSchema",
        "robustness",
        "robustnessAnalysis",
        "runExperiment",
        "runSize",
        "runStream",
        "safeParseScenario",
        "safeParseScenarioAsync",
        "scenarioJsonSchema",
        "scenarioSchema",
        "simulateOnce",
        "sobolIndices",
        "spectralRadius",
        "splitObservations",
        "studentTQuantile",
        "summarizeOutcome",
        "supplyMatrixSvg",
        "sweepLever",
        "sweepVegaLite",
        "technicalCoefficients",
        "tornadoSvg",
        "tornadoVegaLite",
        "totalOutput",
        "valueAddedMultipliers",
        "valueAtRisk",
      ]
    `);
  });

  it("ships a JSON Schema generated from the zod schemas, stable from call to call", () => {
    const schema = scenarioJsonSchema();
    expect(JSON.stringify(schema)).toBe(JSON.stringify(scenarioJsonSchema()));
    expect(schema.required).toEqual(["name", "horizon", "world", "policies"]);
    const properties = schema.properties as Record<string, unknown>;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(["world", "uncertainties", "rules", "policies", "outcomes"]));
    expect(schema.additionalProperties).toBe(false);
  });
});
