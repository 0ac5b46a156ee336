#!/usr/bin/env node
// The `plugboard` command: see `plugboard --help`.
import { main } from '../dist/index.js';

process.exitCode = await main(process.argv.slice(2));
