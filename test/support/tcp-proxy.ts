import net from 'node:net';
import { once } from 'node:events';

export interface TcpProxy {
  /** The target's URL with the proxy's host and port (scheme and path kept). */
  url: string;
  port: number;
  /** Stop listening and cut every live connection: the target becomes unreachable. */
  block(): Promise<void>;
  /** Listen again on the same port. */
  unblock(): Promise<void>;
  close(): Promise<void>;
}

type Target = URL | { host: string; port: number };

/** A TCP proxy on 127.0.0.1 that end-to-end tests switch off to make a server go away. */
export async function startTcpProxy(target: Target): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => forward(client, targetAddress(target), sockets));
  const port = await listen(server, 0);
  const block = async (): Promise<void> => {
    const closed = server.listening ? once(server, 'close') : Promise.resolve();
    server.close();
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  const unblock = async (): Promise<void> => {
    if (!server.listening) await listen(server, port);
  };
  return { url: proxiedUrl(target, port), port, block, unblock, close: block };
}

function forward(client: net.Socket, to: { host: string; port: number }, sockets: Set<net.Socket>) {
  const upstream = net.connect(to.port, to.host);
  for (const socket of [client, upstream]) {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Either side failing ends the pair, as a real connection would end.
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
  client.pipe(upstream).pipe(client);
}

async function listen(server: net.Server, port: number): Promise<number> {
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
  return address.port;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'redis:': '6379' };

function targetAddress(target: Target): { host: string; port: number } {
  if (!(target instanceof URL)) return target;
  const port = target.port || DEFAULT_PORTS[target.protocol];
  if (!port) throw new Error(`no port in ${target.href}`);
  return { host: target.hostname, port: Number(port) };
}

function proxiedUrl(target: Target, port: number): string {
  if (!(target instanceof URL)) return `tcp://127.0.0.1:${port}`;
  const url = new URL(target.href);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  // `http://host:port/` → `http://host:port`, as services.sh prints it.
  return url.href.replace(/\/$/, '');
}
