/**
 * Acme's lead pipeline, as leadsim checks it: `handle(delivery, env)` takes one webhook delivery from any of our
 * lead sources (web form, chat, ad vendor, event list, sales-created lead, partner portal, trial sign-up) and takes
 * it into Salesforce (jsforce), Marketo and Impartner (fetch).
 *
 *   npx leadsim check --pipeline examples/lead-pipeline/pipeline.ts --runs 200
 */
import { makeHandle } from './src/makeHandle.ts';

export const handle = makeHandle();
