import type { Command } from 'commander';
import { registerBench } from './bench.ts';
import { registerCheck } from './check.ts';
import { registerDiff } from './diff.ts';
import { registerRecord } from './record.ts';
import { registerReplay } from './replay.ts';
import { registerGraphCommands } from './graph.ts';
import { registerServe } from './serve.ts';
import { registerSimulate } from './simulate.ts';

/** Adds one command (or a group) to the program; `setExit` records the exit code the command decided on. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

/** Every command of the CLI, in the order `leadsim --help` lists them. */
export const commands: RegisterCommand[] = [registerSimulate, registerCheck, registerReplay, registerDiff, registerRecord, registerServe, registerGraphCommands, registerBench];
