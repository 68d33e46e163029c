import net from 'node:net';
import { LeadsimError } from '../core/errors.ts';

/** Where a socket was asked to connect. */
export interface ConnectTarget {
  readonly host?: string;
  readonly port?: number;
  /** A Unix socket or Windows pipe path (always local). */
  readonly path?: string;
}

/**
 * A connection the guard refused: something in the process tried to open a socket to a host other than loopback
 * while a simulation was running, e.g. a client msw does not intercept (the `undici` package's `request`/`fetch`,
 * which jsforce 3.10.19 and later use) or a request msw let through.
 */
export class NetworkRefusedError extends LeadsimError {
  readonly target: ConnectTarget;

  constructor(target: ConnectTarget) {
    const where = `${target.host ?? 'localhost'}${target.port === undefined ? '' : `:${target.port}`}`;
    super(
      'UNHANDLED_REQUEST',
      `Failed to connect to "${where}": leadsim refuses every connection off loopback while a simulation runs, so no request (and no bearer token) leaves the process. ` +
        'A client msw cannot intercept made it: the undici package (jsforce >= 3.10.19 uses it) opens sockets itself. Use a client on fetch or node:http (e.g. jsforce 3.10.16), or point it at `leadsim serve` on 127.0.0.1.',
    );
    this.name = 'NetworkRefusedError';
    this.target = target;
  }
}

/** A hold on the guard; the guard stays on until every hold is released. */
export interface NetworkGuard {
  /** The connections refused since this hold was taken. */
  readonly refused: readonly ConnectTarget[];
  /** Releases this hold (again: no effect); the last release restores `net.Socket.prototype.connect`. */
  release(): void;
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i;

/** Whether a target stays on this machine: a socket path, or a loopback name or address. */
export function isLoopbackTarget(target: ConnectTarget): boolean {
  return target.path !== undefined || LOOPBACK_HOST.test(target.host ?? 'localhost');
}

/** The target of `socket.connect(...)` in each of its forms: options, `(port[, host])`, `(path)`, or net's normalized `[options, cb]`. */
function connectTarget(args: readonly unknown[]): ConnectTarget {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof o.path === 'string') return { path: o.path };
    return { host: typeof o.host === 'string' ? o.host : 'localhost', ...(o.port === undefined ? {} : { port: Number(o.port) }) };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
  if (typeof first === 'string') return { path: first };
  return { host: 'localhost' };
}

type Connect = typeof net.Socket.prototype.connect;
let original: Connect | undefined;
const holds = new Set<{ refused: ConnectTarget[] }>();

/**
 * Refuses every outgoing TCP/TLS connection to a host other than loopback, for as long as a hold is kept: the
 * connection fails (its socket emits {@link NetworkRefusedError}) before any DNS lookup or byte is sent. It sits
 * below every HTTP client (it patches `net.Socket.prototype.connect`, which `net.connect`, `tls.connect`, node:http's
 * agents and undici's connector all go through), so it also stops what msw cannot intercept (the `undici` package,
 * with its global dispatcher or its own `Agent`, as jsforce >= 3.10.24 has) and anything msw would let pass.
 * Loopback stays open (`leadsim serve`, the loopback transport, local databases). Not covered: worker threads and
 * child processes (their own `net`), native addons, UDP.
 */
export function guardNetwork(): NetworkGuard {
  if (original === undefined) {
    const connect = net.Socket.prototype.connect;
    original = connect;
    net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
      const target = connectTarget(args);
      if (isLoopbackTarget(target)) return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
      for (const hold of holds) hold.refused.push(target);
      process.nextTick(() => this.destroy(new NetworkRefusedError(target)));
      return this;
    } as Connect;
  }
  const hold = { refused: [] as ConnectTarget[] };
  holds.add(hold);
  return {
    refused: hold.refused,
    release() {
      if (!holds.delete(hold) || holds.size > 0 || original === undefined) return;
      net.Socket.prototype.connect = original;
      original = undefined;
    },
  };
}
