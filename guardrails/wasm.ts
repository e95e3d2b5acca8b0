/**
 * hcl2json and the HCL formatter are Go compiled to WebAssembly (~10 MB each): V8 compiles
 * each with its baseline compiler and then again, optimizing, in the background, ~0.55 s per
 * process for a parse or a format that takes milliseconds. The baseline alone halves the
 * CLI's time on a `.tf` file. It applies to every WebAssembly module this process compiles
 * after it: the guardrails and the synth load no other.
 */
export function compileWasmQuickly(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("node:v8") as typeof import("node:v8")).setFlagsFromString("--liftoff-only");
}
