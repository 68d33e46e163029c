import { z } from 'zod';

/** `serve`: who may use `leadsim serve`'s loopback port (see src/server/requestGate.ts). */
export const serveSection = {
  serve: z
    .strictObject({
      allowedHosts: z
        .array(z.string().min(1).regex(/^[^\s/:]+$|^\[[0-9a-fA-F:]+\]$/, 'a host name without scheme, port or path'))
        .default([])
        .describe('Host names besides loopback (localhost, 127.0.0.1, [::1]) that requests may name in Host or Origin, e.g. a container or tunnel forwarding to the port. --allow-host adds to them.'),
      intakeToken: z
        .string()
        .min(16, 'at least 16 characters')
        .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
        .optional()
        .describe('When set, the intake requires Authorization: Bearer <token> (or X-Leadsim-Intake-Token). --intake-token and LEADSIM_INTAKE_TOKEN override it. Off by default: serve listens on loopback only and refuses other hosts and browser origins.'),
    })
    .default({ allowedHosts: [] })
    .describe('Who may use leadsim serve: allowed host names and the intake token.'),
};
