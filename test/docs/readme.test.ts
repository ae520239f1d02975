// The README's commands and programs run as written (test/docs/run-snippets.ts).
import { documentationTests } from "./run-snippets.js";

documentationTests("readme", ["README.md"]);
