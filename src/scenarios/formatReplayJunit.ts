import { formatViolation } from '../invariants/index.ts';
import type { ReplayReport } from './replayScenarios.ts';

/** Escapes text for an XML attribute or element. */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/**
 * The replay report as JUnit XML for CI: one `<testsuite>` per scenario file, one `<testcase>` per expectation
 * check and per invariant, a `<failure>` with what was expected and found (or the violations) for each that failed;
 * a file that could not be loaded is a testsuite with one `<error>` testcase carrying the problems.
 */
export function formatReplayJunit(report: ReplayReport): string {
  const a = xmlEscape;
  const suites = report.scenarios.map((s) => {
    const cases = [
      ...s.checks.map((c) => testcase(s.file, `${c.person} ${c.what}`, c.ok ? undefined : { message: `expected ${c.expected}, got ${c.actual}`, body: `${c.person} ${c.what}: expected ${c.expected}, got ${c.actual}` })),
      ...s.invariants.map((r) => testcase(s.file, `invariant ${r.id}: ${r.title}`, r.ok ? undefined : { message: `${r.violations.length} violation(s)`, body: r.violations.map((v) => formatViolation(v)).join('\n\n') })),
    ];
    const failures = s.checks.filter((c) => !c.ok).length + s.invariants.filter((r) => !r.ok).length;
    return `  <testsuite name="${a(s.name)}" file="${a(s.file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n    <properties>\n      <property name="seed" value="${s.seed}"/>\n      <property name="graph" value="${a(s.graph)}"/>\n${s.graphFile ? `      <property name="graphFile" value="${a(s.graphFile)}"/>\n` : ''}      <property name="org" value="${a(s.org)}"/>\n    </properties>\n${cases.join('\n')}\n  </testsuite>`;
  });
  const broken = report.errors.map(
    (e) => `  <testsuite name="${a(e.file)}" file="${a(e.file)}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${a(e.file)}" name="load scenario">\n      <error message="${a(e.message.split('\n')[0] ?? e.code)}" type="${a(e.code)}">${a(e.message)}</error>\n    </testcase>\n  </testsuite>`,
  );
  const tests = report.scenarios.reduce((n, s) => n + s.checks.length + s.invariants.length, 0) + report.errors.length;
  const failures = report.counts.failedChecks + report.counts.failedInvariants;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="leadsim replay" tests="${tests}" failures="${failures}" errors="${report.errors.length}">\n${[...suites, ...broken].join('\n')}\n</testsuites>\n`;

  function testcase(file: string, name: string, failure: { message: string; body: string } | undefined): string {
    const open = `    <testcase classname="${a(file)}" name="${a(name)}"`;
    return failure ? `${open}>\n      <failure message="${a(failure.message)}">${a(failure.body)}</failure>\n    </testcase>` : `${open}/>`;
  }
}
