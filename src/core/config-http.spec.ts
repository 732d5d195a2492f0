import { loadConfig } from './config';
import { allows } from './config-http';

describe('HTTP settings', () => {
  it('never puts stack traces in answers unless DEBUG_ERRORS says so, in any environment', () => {
    for (const NODE_ENV of ['development', 'production', 'test'])
      expect(loadConfig({ NODE_ENV }).debugErrors).toBe(false);
    expect(loadConfig({ DEBUG_ERRORS: 'true' }).debugErrors).toBe(true);
  });

  it('lets any origin read and none write by default', () => {
    const { cors } = loadConfig({}).http;
    expect(cors).toEqual({ read: '*', write: [] });
    expect(allows(cors.read, 'https://portal.example.org')).toBe(true);
    expect(allows(cors.write, 'https://portal.example.org')).toBe(false);
  });

  it('reads allow-lists of origins', () => {
    const { cors } = loadConfig({
      CORS_ORIGINS: 'https://a.example.org, http://localhost:5173',
      CORS_WRITE_ORIGINS: 'https://editor.example.org/',
    }).http;
    expect(cors).toEqual({
      read: ['https://a.example.org', 'http://localhost:5173'],
      write: ['https://editor.example.org'],
    });
    expect(allows(cors.read, 'https://b.example.org')).toBe(false);
  });

  it('names a value that is not an origin, and timeouts that contradict each other', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example.org/path' })).toThrow(
      /CORS_ORIGINS=.*not an origin/,
    );
    expect(() => loadConfig({ CORS_WRITE_ORIGINS: 'portal.example.org' })).toThrow(
      /CORS_WRITE_ORIGINS=.*not an origin/,
    );
    expect(() =>
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS \(60000\) must not exceed HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '-1' })).toThrow(
      /HTTP_KEEP_ALIVE_TIMEOUT_MS/,
    );
  });

  it('has socket timeouts by default', () => {
    expect(loadConfig({}).http.timeouts).toEqual({
      headersMs: 10_000,
      requestMs: 30_000,
      keepAliveMs: 5_000,
    });
  });
});
