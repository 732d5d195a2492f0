import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLResponse } from '@apollo/server';
import express from 'express';
import { Counter, Registry } from 'prom-client';
import { loadConfig } from '../core/config';
import {
  ANONYMOUS,
  BoundedLabel,
  codeLabel,
  MAX_OPERATION_NAME_LENGTH,
  MAX_OPERATION_NAMES,
  operationLabel,
  OTHER,
} from './metrics.plugin';
import { bearerMatches, metricsRouter } from './metrics.router';

const TOKEN = 'a-metrics-token-0123456789';

const response = (errors?: Array<{ message: string; extensions?: Record<string, unknown> }>) =>
  ({
    http: {},
    body: { kind: 'single', singleResult: { data: null, errors } },
  }) as never as GraphQLResponse;

describe('operation labels', () => {
  it('keeps names up to the length bound and collapses longer ones into "other"', () => {
    const bound = new BoundedLabel(MAX_OPERATION_NAME_LENGTH, MAX_OPERATION_NAMES);
    const longest = 'Q'.repeat(MAX_OPERATION_NAME_LENGTH);
    expect(operationLabel(bound, longest)).toBe(longest);
    expect(operationLabel(bound, `${longest}x`)).toBe(OTHER);
  });

  it('keeps the first 200 distinct names, the same ones again, and collapses new ones', () => {
    const bound = new BoundedLabel(MAX_OPERATION_NAME_LENGTH, MAX_OPERATION_NAMES);
    const names = Array.from({ length: MAX_OPERATION_NAMES }, (_, i) => `Op${i}`);
    expect(names.map((n) => operationLabel(bound, n))).toEqual(names);
    expect(operationLabel(bound, 'OneTooMany')).toBe(OTHER);
    expect(operationLabel(bound, 'Op0')).toBe('Op0');
    expect(operationLabel(bound, `Op${MAX_OPERATION_NAMES - 1}`)).toBe(
      `Op${MAX_OPERATION_NAMES - 1}`,
    );
  });

  it('names an unnamed operation "anonymous", which takes no place in the bound', () => {
    const bound = new BoundedLabel(64, 1);
    expect(operationLabel(bound, null)).toBe(ANONYMOUS);
    expect(operationLabel(bound, undefined)).toBe(ANONYMOUS);
    expect(operationLabel(bound, '')).toBe(ANONYMOUS);
    expect(operationLabel(bound, 'First')).toBe('First');
    expect(operationLabel(bound, 'Second')).toBe(OTHER);
  });
});

describe('code labels', () => {
  const bound = () => new BoundedLabel(64, 50);

  it('is OK without errors, else the first error code', () => {
    expect(codeLabel(bound(), response())).toBe('OK');
    expect(codeLabel(bound(), response([]))).toBe('OK');
    const two = [
      { message: 'a', extensions: { code: 'NOT_FOUND' } },
      { message: 'b', extensions: { code: 'BAD_USER_INPUT' } },
    ];
    expect(codeLabel(bound(), response(two))).toBe('NOT_FOUND');
  });

  it('does not pass on a code that is not one', () => {
    expect(codeLabel(bound(), response([{ message: 'no code' }]))).toBe('INTERNAL_SERVER_ERROR');
    const odd = [{ message: 'x', extensions: { code: 'lower case {}' } }];
    expect(codeLabel(bound(), response(odd))).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('the metrics bearer token', () => {
  it('accepts exactly `Bearer <token>`', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it('refuses a missing, wrong, shortened, extended or differently schemed token', () => {
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      TOKEN,
      `Bearer ${TOKEN} extra`,
    ])
      expect(bearerMatches(header, TOKEN)).toBe(false);
  });

  describe('on the public port', () => {
    let server: http.Server;
    let base: string;
    const registry = new Registry();
    new Counter({ name: 'spec_total', help: 'x', registers: [registry] });

    beforeAll(async () => {
      const app = express();
      app.use(metricsRouter(registry, TOKEN));
      server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('answers the bearer, uncacheable, and refuses others with a 401 JSON error', async () => {
      const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store');
      expect(await ok.text()).toContain('spec_total 0');
      const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('cache-control')).toBe('no-store');
      expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await wrong.json()).toMatchObject({
        errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
      });
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
    });

    it('mounts nothing without a token', () => {
      expect(metricsRouter(registry, undefined).stack).toHaveLength(0);
    });
  });
});

describe('metrics settings', () => {
  it('are off by default, the listener on HOST unless METRICS_HOST says otherwise', () => {
    expect(loadConfig({}).metrics).toEqual({ port: 0, host: '127.0.0.1', token: undefined });
    expect(loadConfig({ HOST: '0.0.0.0', METRICS_PORT: '9464' }).metrics).toMatchObject({
      port: 9464,
      host: '0.0.0.0',
    });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5' }).metrics.host).toBe(
      '10.0.0.5',
    );
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metrics.token).toBe(TOKEN);
  });

  it('name a bad port, a short token and a port shared with the API', () => {
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT=.*must be a port/);
    expect(() => loadConfig({ METRICS_PORT: '-1' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN=.*16 characters/);
    expect(() => loadConfig({ METRICS_TOKEN: `${TOKEN} x` })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ PORT: '4000', METRICS_PORT: '4000' })).toThrow(
      /METRICS_PORT and PORT are both 4000/,
    );
    expect(() => loadConfig({ METRICS_PORT: '7687' })).toThrow(/METRICS_PORT and LOCAL_NEO4J_PORT/);
    expect(
      loadConfig({ METRICS_PORT: '7687', NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'x' }).metrics
        .port,
    ).toBe(7687);
  });
});
