// Worker-thread task of chokepoint/node's runExperiment and calibrate (loaded by piscina;
// not part of the public API): simulate one contiguous range of runs and return what it
// recorded, or the distances of a part of a batch of calibration proposals.
import { evaluateCalibrationTask, isCalibrationTask, type CalibrationTask } from "./parallel/calibrate-batch.js";
import { simulateRange, type RangeTask } from "./parallel/simulate-range.js";

export default function task(input: RangeTask | CalibrationTask) {
  return isCalibrationTask(input) ? evaluateCalibrationTask(input) : simulateRange(input);
}
