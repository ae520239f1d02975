// The commands and programs of docs/*.md run as written (test/docs/run-snippets.ts).
import { documentationTests, guides } from "./run-snippets.js";

documentationTests("guides", guides());
