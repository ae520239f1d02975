// Worker-thread task of chokepoint/node's calibrate: the distances of a contiguous part of
// a batch of proposals. The simulator is built once per fit and worker.
import { CalibrationSimulator, type SimulatorSpec } from "../calibrate/simulator.js";
import { serializeError, type RangeFailure } from "./worker-errors.js";

/** One worker task: proposals `[firstIndex, firstIndex + count)` of a population. */
export interface CalibrationTask {
  readonly calibration: string;
  readonly spec: SimulatorSpec;
  readonly generation: number;
  readonly firstIndex: number;
  readonly count: number;
  readonly values: Float64Array;
}

let cached: { calibration: string; simulator: CalibrationSimulator } | undefined;

/** The distances of the task's proposals, or the failure as data. */
export function evaluateCalibrationTask(task: CalibrationTask): Float64Array | RangeFailure {
  try {
    if (cached?.calibration !== task.calibration) cached = { calibration: task.calibration, simulator: new CalibrationSimulator(task.spec) };
    return cached.simulator.distances(task.generation, task.firstIndex, task.count, task.values);
  } catch (error) {
    return { failure: serializeError(error) };
  }
}

/** Whether a worker task is a calibration's. */
export function isCalibrationTask(task: object): task is CalibrationTask {
  return "calibration" in task;
}
