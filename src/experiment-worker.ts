// Worker-thread task of chokepoint/node's runExperiment (loaded by piscina; not part of the
// public API): simulate one contiguous range of runs and return what it recorded.
import { simulateRange, type RangeTask } from "./parallel/simulate-range.js";

export default function task(input: RangeTask) {
  return simulateRange(input);
}
