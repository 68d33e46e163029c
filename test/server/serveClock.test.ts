import { describe, expect, it } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { ServeClock } from '../../src/server/serveClock.ts';

function fakeWall(): { now: () => number; pass: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, pass: (ms) => void (t += ms) };
}

describe('ServeClock: wall time meets simulated time only at the edge', () => {
  it('wall mode moves simulated time by the wall time that passed, plus explicit advances', () => {
    const sim = new SimClock(0);
    const wall = fakeWall();
    const clock = new ServeClock('wall', () => sim, wall.now);
    wall.pass(1_500);
    expect(sim.now()).toBe(0); // nothing reads the wall clock until the edge syncs
    expect(clock.sync()).toBe(1_500);
    clock.advance(60_000);
    sim.advance(40); // the pipeline's own simulated latency
    wall.pass(500);
    expect(clock.sync()).toBe(62_040);
  });

  it('manual mode moves only when told; a wall clock that goes backwards never moves simulated time back', () => {
    const sim = new SimClock(0);
    const wall = fakeWall();
    const manual = new ServeClock('manual', () => sim, wall.now);
    wall.pass(10_000);
    expect(manual.sync()).toBe(0);
    expect(manual.advance(20_000)).toBe(20_000);
    expect(manual.advanceTo(5_000)).toBe(20_000);
    const walled = new ServeClock('wall', () => sim, wall.now);
    wall.pass(-5_000);
    expect(walled.sync()).toBe(20_000);
  });

  it('rebase starts counting afresh when a reset puts a new world (and clock) in place', () => {
    let sim = new SimClock(0);
    const wall = fakeWall();
    const clock = new ServeClock('wall', () => sim, wall.now);
    wall.pass(3_000);
    sim = new SimClock(0);
    clock.rebase();
    wall.pass(200);
    expect(clock.sync()).toBe(200);
  });
});
