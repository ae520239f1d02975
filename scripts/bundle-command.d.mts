/** Bundle the `chokepoint` command and its worker from src/ into `outdir` (see bundle-command.mjs). */
export function bundleCommand(outdir: string): Promise<void>;
