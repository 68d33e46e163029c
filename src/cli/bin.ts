#!/usr/bin/env node
// The `leadsim` executable (built to dist/src/cli/bin.js): hands the arguments to the CLI and exits with its code.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
