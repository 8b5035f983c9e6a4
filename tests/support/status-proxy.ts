/**
 * A local HTTPS proxy that plays the status hosts for a browser whose extension requests cannot be
 * intercepted from the test (Firefox: WebDriver BiDi sees no request that belongs to no tab). The
 * browser is pointed at it as its HTTP and SSL proxy; a CONNECT to a status host (STATUS_HOSTS) on port
 * 443 is answered by a TLS server with a certificate made at start (self-signed, one SAN per host;
 * the browser runs with `acceptInsecureCerts`) and served from a StatusMock; every other host, and
 * every plain HTTP request, gets 403. It never connects anywhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerOfHost, STATUS_HOSTS, toWire, type StatusMock } from './status-answers';

/** A running proxy. */
export interface StatusProxy {
  /** Port on 127.0.0.1. */
  port: number;
  /** Hosts the browser tried to reach that are not status hosts (answered 403). */
  refused: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for every status host, made with openssl. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'ai-status-cert-'));
  try {
    const san = STATUS_HOSTS.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', '/CN=AI Status test status hosts', '-addext', `subjectAltName=${san}`,
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the proxy; each request is answered by whatever `mock()` returns at that moment. */
export async function startStatusProxy(mock: () => StatusMock): Promise<StatusProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const refused: string[] = [];

  const tls = https.createServer(makeCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const provider = providerOfHost(host);
    if (!provider) {
      res.writeHead(403).end();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const reply = mock().answer(provider, new URL(req.url ?? '/', `https://${host}`), headers);
    if (reply.hang) return; // never answered: the extension's own timeout must fire
    if (reply.abort) {
      req.socket.destroy();
      return;
    }
    const wire = toWire(reply);
    res.writeHead(wire.status, wire.headers);
    res.end(wire.status === 304 ? undefined : wire.body);
  });
  tls.on('secureConnection', track);

  const proxy = http.createServer((req, res) => {
    refused.push(req.headers.host ?? req.url ?? '?');
    res.writeHead(403).end();
  });
  proxy.on('connection', track);
  proxy.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const [host = '', port = ''] = (req.url ?? '').split(':');
    if (port !== '443' || !providerOfHost(host)) {
      refused.push(req.url ?? '?');
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });

  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('the status proxy has no port');
  return {
    port: address.port,
    refused,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => tls.close(r))]);
    },
  };
}
