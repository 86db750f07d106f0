import { readFile } from 'node:fs/promises';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { describe, expect, it } from 'vitest';
import { toSortedSdl } from '../src/graphql/schema-sdl.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

describe('health', () => {
  it('reports liveness without touching the database', async () => {
    const res = await fetch(`${t.url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'up' });
  });

  it('reports readiness with the database up', async () => {
    const res = await fetch(`${t.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'up', components: { database: { status: 'up' } } });
  });

  it('sends protective security headers', async () => {
    const res = await fetch(`${t.url}/health/live`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('GraphQL', () => {
  it('answers a query', async () => {
    const { status, body } = await t.graphql<{
      serverInfo: { name: string; schemaVersion: string };
    }>('{ serverInfo { name schemaVersion } }');
    expect(status).toBe(200);
    expect(body.data?.serverInfo).toEqual({ name: 'Parallax', schemaVersion: 'v2' });
  });

  it('blocks a cross-site GET without the CSRF header', async () => {
    const res = await fetch(
      `${t.url}/graphql?query=${encodeURIComponent('{ serverInfo { name } }')}`,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toMatch(/CSRF/);
  });

  it('reports an invalid query with a stable code', async () => {
    const { body } = await t.graphql('{ serverInfo { nope } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves exactly the committed, sorted schema.gql', async () => {
    const committed = await readFile(new URL('../schema.gql', import.meta.url), 'utf8');
    const served = toSortedSdl(t.app.get(GraphQLSchemaHost).schema);
    expect(served).toBe(committed);
  });
});
