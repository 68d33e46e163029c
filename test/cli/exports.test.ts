import { describe, expect, it } from 'vitest';

describe('the package exports', () => {
  it('serve the core API, the MSW handlers and the test helpers through their subpaths', async () => {
    const core = await import('leadsim');
    const mocks = await import('leadsim/mocks');
    const testing = await import('leadsim/testing');
    for (const name of ['simulate', 'createWorld', 'createPipeline', 'route', 'lintGraph', 'checkInvariants', 'replayScenarios', 'standardizeCountry', 'runQuery'] as const) {
      expect(typeof core[name], name).toBe('function');
    }
    expect(typeof mocks.setupSimulation).toBe('function');
    expect(typeof mocks.createHandlers).toBe('function');
    expect(typeof testing.createHarness).toBe('function');
    expect(typeof testing.installLeadsimMatchers).toBe('function');
  });
});
