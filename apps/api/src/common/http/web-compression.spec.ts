import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, gzipWebAssets } from './web-compression.js';

const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};`;
const dist = mkdtempSync(join(tmpdir(), 'parallax-web-'));
let server: Server;
let port = 0;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'index-Bbwa71_c.js'), SCRIPT);
  const handler = gzipWebAssets(dist);
  server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404; // stands for the static file server
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server?.close();
  rmSync(dist, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress and hide the encoding). */
function get(path: string, encoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const headers = encoding ? { 'accept-encoding': encoding } : {};
      request({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('gzipped web assets', () => {
  it('sends built JavaScript gzipped, immutable, to clients that take gzip', async () => {
    const res = await get('/assets/index-Bbwa71_c.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toMatch(/immutable/u);
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('leaves other clients, other paths and unknown files to the static server', async () => {
    expect((await get('/assets/index-Bbwa71_c.js')).body.toString()).toBe('next');
    expect((await get('/assets/index-Bbwa71_c.js', 'gzip;q=0')).body.toString()).toBe('next');
    expect((await get('/index.html', 'gzip')).body.toString()).toBe('next');
    expect((await get('/assets/missing-AAAAAAAA.js', 'gzip')).body.toString()).toBe('next');
    expect((await get('/assets/../secret.js', 'gzip')).body.toString()).toBe('next');
  });

  it('reads Accept-Encoding as HTTP says', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
