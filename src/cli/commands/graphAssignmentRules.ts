import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { assignmentRuleToGraph } from '../../assignmentRules/assignmentRuleToGraph.ts';
import { declareOrgAdditions } from '../../assignmentRules/declareOrgAdditions.ts';
import { graphToAssignmentRule, type ExportedRule } from '../../assignmentRules/graphToAssignmentRule.ts';
import { renderAdditions } from '../../assignmentRules/orgAdditions.ts';
import { orgRuleDirectory } from '../../assignmentRules/orgRuleDirectory.ts';
import { readAssignmentRules } from '../../assignmentRules/readAssignmentRules.ts';
import { replaceRules } from '../../assignmentRules/replaceRules.ts';
import { writeAssignmentRules } from '../../assignmentRules/writeAssignmentRules.ts';
import { LeadsimError } from '../../core/errors.ts';
import { writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { loadOrgSpec } from '../../org/loadOrgSpec.ts';
import { orgSchemaExtension, type OrgSpec } from '../../org/orgSpec.ts';
import { loadGraph } from '../../routing/loadGraph.ts';
import { EXIT } from '../exitCodes.ts';
import { parseOptions } from '../options.ts';

const ImportOptionsSchema = z
  .strictObject({
    rule: z.string().min(1).optional(),
    org: z.string().min(1).optional(),
    out: z.string().min(1),
    all: z.boolean().optional(),
    declareMissing: z.string().min(1).optional(),
  })
  .refine((o) => !(o.all && o.rule), { message: '--all imports every rule; leave out --rule', path: ['rule'] });
const ExportOptionsSchema = z.strictObject({ to: z.literal('assignment-rules'), out: z.string().min(1).optional(), into: z.string().min(1).optional() });

/**
 * `leadsim graph import` and `leadsim graph export`: Salesforce lead assignment rules (Metadata API files) to routing
 * graphs and back.
 * - `graph import FILE.assignmentRules-meta.xml [--rule NAME | --all] [--org ORG] [--declare-missing ORG_OUT] --out OUT`:
 *   the active (or named) rule as a graph, or with `--all` every rule as `OUT/NN-<name>.json`; `--org` (an org spec
 *   or a scenario) resolves assignees and supplies the org's fields, picklist values and record types;
 *   `--declare-missing` writes the org spec extended with whatever the rules need that it lacks, then imports with it.
 *   Exit 2 with each problem.
 * - `graph export --to assignment-rules GRAPH... [--out FILE | --into FILE]`: one rule per graph, in order; `--into`
 *   writes them into an existing metadata file, keeping its other rules. Exit 2 with each node that does not fit.
 */
export function registerGraphAssignmentRules(graph: Command, setExit: (code: number) => void): void {
  graph
    .command('import')
    .description('Import a Salesforce lead assignment rule (Metadata API .assignmentRules-meta.xml) as a routing graph.')
    .argument('<file>', 'the metadata file, e.g. force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml')
    .option('--rule <name>', 'the rule to import (its fullName); default: the active rule')
    .option('--all', 'import every rule of the file, one graph each, into the folder --out names')
    .option('--org <file>', "resolve assignees and the org's own fields, values and record types against this org (an org spec JSON, or a scenario whose org to use)")
    .option('--declare-missing <file>', 'write the org spec (--org, or an empty one) extended with every field, value, record type, user and queue the rules need, then import with it')
    .requiredOption('--out <file>', 'where to write the graph JSON (with --all: a folder)')
    .action((file: string, raw: Record<string, unknown>) => {
      const o = parseOptions(ImportOptionsSchema, raw, 'graph import');
      const source = readAssignmentRules(file);
      const names = o.all ? source.rules.assignmentRule.map((r) => r.fullName) : [o.rule ?? source.rules.assignmentRule.find((r) => r.active)?.fullName ?? ''];
      let org: OrgSpec | undefined = o.org === undefined ? undefined : loadOrgSpec(o.org);
      if (o.declareMissing !== undefined) {
        const declared = declareOrgAdditions(source, o.org === undefined ? { users: [] } : orgJsonAt(o.org, o.declareMissing), o.org ?? 'the empty org', names.filter((n) => n !== ''));
        writeFileAtomic(o.declareMissing, `${JSON.stringify(declared.org, null, 2)}\n`);
        const lines = renderAdditions(declared.additions);
        process.stdout.write(`wrote ${o.declareMissing}: ${lines.length === 0 ? 'the org already has everything the rules name' : `the org spec with\n${lines.map((l) => `  ${l}`).join('\n')}`}\n`);
        org = loadOrgSpec(o.declareMissing);
      }
      const options = org === undefined ? {} : { directory: orgRuleDirectory(org), org: orgSchemaExtension(org) };
      const imported = names.map((name) => assignmentRuleToGraph(source, { ...options, ...(o.all || o.rule ? { rule: name } : {}) }));
      for (const warning of imported.flatMap((i) => i.warnings)) process.stderr.write(`${file}: ${warning}\n`);
      if (o.all) mkdirSync(o.out, { recursive: true });
      imported.forEach(({ graph: g }, i) => {
        const out = o.all ? join(o.out, `${String(i + 1).padStart(2, '0')}-${g.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'rule'}.json`) : o.out;
        writeFileAtomic(out, `${JSON.stringify(g, null, 2)}\n`);
        const entries = Object.keys(g.nodes).filter((id) => /^entry\d+$/.test(id)).length;
        process.stdout.write(`wrote ${out}: rule "${g.name}" (${g.assignmentRule?.active ? 'active' : 'inactive'}), ${entries} entries, ${Object.keys(g.nodes).length} nodes\n`);
      });
      setExit(EXIT.ok);
    });

  graph
    .command('export')
    .description('Write routing graphs as Salesforce lead assignment rules (Metadata API XML), or list the nodes that do not fit.')
    .argument('<files...>', 'the graph JSON files, one rule each, in file order')
    .requiredOption('--to <format>', 'the format to write: assignment-rules')
    .option('--out <file>', 'write the metadata file here instead of stdout')
    .option('--into <file>', 'write the rules into this existing metadata file, replacing rules of the same name and keeping the others')
    .action((files: string[], raw: Record<string, unknown>) => {
      const o = parseOptions(ExportOptionsSchema, raw, 'graph export');
      const rules: ExportedRule[] = [];
      const misfits: string[] = [];
      for (const file of files) {
        const result = graphToAssignmentRule(loadGraph(file));
        if (result.ok) rules.push(result.rule);
        else misfits.push(...result.misfits.map((m) => `${file} node "${m.node}": ${m.reason}`));
      }
      if (misfits.length > 0) {
        const n = misfits.length;
        process.stderr.write(`${misfits.join('\n')}\n${n} node${n === 1 ? '' : 's'} do not fit a lead assignment rule; nothing written\n`);
        setExit(EXIT.badInput);
        return;
      }
      const active = rules.filter((r) => r.active).map((r) => JSON.stringify(r.fullName));
      if (active.length > 1) throw new LeadsimError('INVALID_ARGUMENT', `Failed to export ${files.join(', ')}: rules ${active.join(' and ')} are all active, and Salesforce allows one active rule per object. Set "assignmentRule": {"active": false} in all graphs but one.`);
      const names = rules.map((r) => r.fullName);
      const repeated = names.find((n, i) => names.indexOf(n) !== i);
      if (repeated !== undefined) throw new LeadsimError('INVALID_ARGUMENT', `Failed to export ${files.join(', ')}: two graphs are rule ${JSON.stringify(repeated)}. Give each graph its own assignmentRule.fullName.`);
      let written = rules;
      if (o.into !== undefined) {
        const replaced = replaceRules(readAssignmentRules(o.into).rules.assignmentRule, rules);
        written = [...replaced.rules];
        for (const name of replaced.deactivated) process.stderr.write(`${o.into}: rule "${name}" deactivated: ${active.join('')} is the active rule now\n`);
      }
      const xml = writeAssignmentRules(written);
      const target = o.out ?? o.into;
      if (target === undefined) process.stdout.write(xml);
      else {
        writeFileAtomic(target, xml);
        process.stdout.write(`wrote ${target}: ${written.map((r) => `rule "${r.fullName}" (${r.active ? 'active' : 'inactive'}), ${r.ruleEntry.length} entries`).join('; ')}\n`);
      }
      setExit(EXIT.ok);
    });
}

/**
 * The org spec JSON of an org file (the `org` of a scenario), for writing beside `out`: a relative
 * `assignmentRules` path is rewritten so it still names the same file from `out`'s folder.
 */
function orgJsonAt(file: string, out: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LeadsimError('INVALID_INPUT', `Failed to read org "${file}": ${(error as Error).message}. Fix the file.`, { cause: error });
  }
  const scenario = typeof json === 'object' && json !== null && 'org' in json && 'version' in json;
  const org = (scenario ? (json as { org: unknown }).org : json) as Record<string, unknown>;
  const rules = org['assignmentRules'];
  return typeof rules === 'string' ? { ...org, assignmentRules: relative(dirname(resolve(out)), resolve(dirname(file), rules)) } : { ...org };
}
