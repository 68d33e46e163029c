import { test } from 'vitest';
import { simulate } from '../../src/simulation/simulate.ts';
import { roundRobinAssignments, traceSegments, stepOf } from '../../src/invariants/index.ts';

test('scratch', async () => {
  for (const seed of [1, 2]) {
    const run = await simulate({ seed, leads: 150 });
    const owners: Record<string, number> = {};
    const rules: Record<string, number> = {};
    for (const t of run.traces) for (const seg of traceSegments(t)) {
      const r = stepOf(seg, 'route');
      const o = (r?.output as any)?.owner;
      if (o) owners[o.name] = (owners[o.name] ?? 0) + 1;
      const inp = r?.input as any;
      if (inp) { const k = `${inp.trigger}|pa=${!!inp.person.Impartner_Partner_Account__c}|src=${inp.person.Lead_Acquisition_Source__c}|camp=${!!inp.campaign}`; rules[k] = (rules[k] ?? 0) + 1; }
    }
    const pools: Record<string, number> = {};
    for (const a of roundRobinAssignments(run)) pools[a.pool] = (pools[a.pool] ?? 0) + 1;
    console.log(seed, { owners: Object.keys(owners).length, pq: owners['Partner Queue'], iq: owners['Inquiry Queue'] }, pools, rules, 'prospects', run.world.impartner.records('Prospect').length, 'redelivered', run.redelivered.length, 'blocked', run.blocked);
    const camps = [...run.world.crm.records('Campaign')].map(c => [c['Name'], c['MDF_Funding__c'], c['Channel_Partner_Involved__c'], c['Partner_Account__c']]);
    console.log(camps);
  }
}, 120_000);
