#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so it imports the app's SQL from src/lib as is.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/oversight.ts');
process.exitCode = await runCli(process.argv.slice(2));
