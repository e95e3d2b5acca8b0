// For a child process a test starts to run the project's TypeScript in a fresh module
// registry (`node --import ./__tests__/child-typescript.mjs -e "..."`): its .ts files come
// from the run's one build (compile-typescript.mjs, written by global-setup.mjs), and tsx is
// loaded only for a file the build does not serve. A cold start through tsx took ~0.85 s,
// most of it compiling the same files again one by one.
import { registerCompiledTypescript } from "./compile-typescript.mjs";

registerCompiledTypescript();
