import { describe, expect, it } from 'vitest';
import { auditToMarkdown } from '../../src/audit/auditToMarkdown.ts';
import { leadFlowAudit } from '../../src/audit/leadFlowAudit.ts';
import { countryAsTyped, formatCountryAsTyped } from '../../src/report/countryAsTyped.ts';
import { formatSimulationReport } from '../../src/report/formatSimulationReport.ts';
import { summarize } from '../../src/report/simulationSummary.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import { standardizeCountry } from '../../src/standardize/country.ts';

describe('the raw country beside the code it became', () => {
  it('is in the summary, the text report and the audit, and agrees with standardizeCountry', async () => {
    const run = await simulate({ seed: 1, leads: 120 });
    const summary = summarize(run);
    const lines = Object.keys(summary.countries);
    expect(lines.length).toBeGreaterThan(5);
    for (const trace of run.traces) {
      const country = countryAsTyped(trace);
      if (!country) continue;
      const expected = standardizeCountry(country.raw);
      expect(country.code).toBe(expected.ok ? expected.code : undefined);
      expect(lines).toContain(formatCountryAsTyped(country));
    }
    expect(lines.some((l) => / → unmapped \(.+\)$/.test(l))).toBe(true);
    const text = formatSimulationReport(summary, [], { replayCommand: 'leadsim simulate --seed 1' });
    expect(text).toMatch(/\nCountries as typed → ISO code \(\d+ spellings, \d+ unmapped\)\n/);
    const unmapped = lines.find((l) => / → unmapped/.test(l))!;
    expect(text).toContain(`  ${String(summary.countries[unmapped]).padStart(6)}  ${unmapped}\n`);
    const markdown = auditToMarkdown(leadFlowAudit(run), { seed: 1, start: run.startedAt });
    expect(markdown).toMatch(/Country as typed: ".+" → ([A-Z]{2}|unmapped)/);
  }, 60_000);
});
