import { carriedJson } from '../core/inProcessBody.ts';
import type { World } from '../world/world.ts';

/**
 * Sends again, as a person or a browser does, when the answer is a network error, a 5xx or a rate limit: up to three
 * tries, a few simulated seconds apart. The last answer is returned whatever it is.
 */
export async function resubmit(world: World, send: () => Promise<Response>): Promise<Response> {
  let response = await send();
  for (let tries = 1; tries < 3 && (response.type === 'error' || response.status >= 500 || response.status === 429 || response.status === 403); tries++) {
    world.clock.advance(5_000);
    response = await send();
  }
  return response;
}

/** The JSON body of a response, or undefined for a network error or a body that is not JSON. */
export async function readBody(response: Response): Promise<unknown> {
  if (response.type === 'error') return undefined;
  const carried = carriedJson(response);
  if (carried) return carried.value;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
