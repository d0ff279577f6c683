import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 8080, ./data, PGlite and Jiangsu', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, databaseUrl: null, provinceCode: '32', demo: false });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads overrides from the environment', () => {
    const config = loadConfig({
      PORT: '9090',
      FANZHA_DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://u@h/db',
      FANZHA_DEMO: 'yes',
    });
    expect(config).toMatchObject({
      port: 9090,
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://u@h/db',
      demo: true,
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ FANZHA_PROVINCE: 'JS' })).toThrow(/FANZHA_PROVINCE/);
    expect(() => loadConfig({ FANZHA_DEMO: 'maybe' })).toThrow(/FANZHA_DEMO/);
  });

  it('reads the event intake settings, refusing names NATS cannot use', () => {
    expect(loadConfig({})).toMatchObject({
      eventQueueSize: 50_000,
      eventStreamName: 'FANZHA_EVENTS',
      eventSubjectPrefix: 'fanzha.events',
      eventConsumer: 'fanzha-correlation',
    });
    expect(loadConfig({ FANZHA_EVENT_QUEUE: '10', FANZHA_EVENT_SUBJECTS: 'test.run1.events' })).toMatchObject(
      { eventQueueSize: 10, eventSubjectPrefix: 'test.run1.events' },
    );
    expect(() => loadConfig({ FANZHA_EVENT_QUEUE: '0' })).toThrow(/FANZHA_EVENT_QUEUE/);
    expect(() => loadConfig({ FANZHA_EVENT_STREAM: 'EVENTS.X' })).toThrow(/FANZHA_EVENT_STREAM/);
    expect(() => loadConfig({ FANZHA_EVENT_SUBJECTS: 'fanzha.events.>' })).toThrow(/FANZHA_EVENT_SUBJECTS/);
  });
});
