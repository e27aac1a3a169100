import { describe, expect, it } from 'vitest';
import { testConnection, type FetchLike, type TestSocket } from '../../../src/connection/connection-test';

type Script = 'open' | 'open-then-frame' | 'fail' | 'hang';

function fakeSocket(script: Script) {
  const made: Array<{ url: string; closed: boolean }> = [];
  class FakeWs implements TestSocket {
    onopen: TestSocket['onopen'] = null;
    onmessage: TestSocket['onmessage'] = null;
    onerror: TestSocket['onerror'] = null;
    onclose: TestSocket['onclose'] = null;
    readonly record = { url: '', closed: false };
    constructor(url: string) {
      this.record.url = url;
      made.push(this.record);
      setTimeout(() => {
        if (script === 'fail') {
          this.onerror?.({});
          this.onclose?.({ code: 1006 });
        } else if (script !== 'hang') {
          this.onopen?.({});
          if (script === 'open-then-frame') setTimeout(() => this.onmessage?.({ data: '{"event":"call.dial"}' }), 5);
        }
      }, 1);
    }
    close() {
      this.record.closed = true;
    }
  }
  return { WebSocketImpl: FakeWs, made };
}

const URL_UNDER_TEST = 'wss://q.pbx.vega.ua/live/connector/v3/easy?domain=q.pbx.vega.ua&apiKey=k&subscriber=101';

function fetchAnswering(cors: number | 'throws', noCors: 'ok' | 'throws') {
  const calls: Array<{ url: string; mode: string | undefined }> = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, mode: init?.mode });
    if (init?.mode === 'no-cors') {
      if (noCors === 'throws') throw new TypeError('Failed to fetch');
      return { status: 0 };
    }
    if (cors === 'throws') throw new TypeError('Failed to fetch');
    return { status: cors };
  };
  return { fetchImpl, calls };
}

describe('testConnection', () => {
  it('says connected and hands back the first frame, then closes the socket', async () => {
    const ws = fakeSocket('open-then-frame');
    const report = await testConnection(URL_UNDER_TEST, { WebSocketImpl: ws.WebSocketImpl, fetchImpl: fetchAnswering(426, 'ok').fetchImpl, firstFrameWaitMs: 500 });
    expect(report).toMatchObject({ result: 'connected', firstFrame: '{"event":"call.dial"}' });
    expect(ws.made[0]).toEqual({ url: URL_UNDER_TEST, closed: true });
  });

  it('says connected without a frame when the PBX stays quiet', async () => {
    const ws = fakeSocket('open');
    const report = await testConnection(URL_UNDER_TEST, { WebSocketImpl: ws.WebSocketImpl, fetchImpl: fetchAnswering(426, 'ok').fetchImpl, firstFrameWaitMs: 20 });
    expect(report).toMatchObject({ result: 'connected', firstFrame: null });
  });

  it.each([
    [403, 'refused', 'optionsTestDetailAuth'],
    [401, 'refused', 'optionsTestDetailAuth'],
    [426, 'refused', 'optionsTestDetailHandshake'],
    [400, 'refused', 'optionsTestDetailHandshake'],
    [404, 'not-websocket', 'optionsTestDetailNotWs'],
    [200, 'not-websocket', 'optionsTestDetailNotWs'],
  ] as const)('classifies a failed handshake by the HTTP status %i as %s', async (status, result, detail) => {
    const { fetchImpl, calls } = fetchAnswering(status, 'throws');
    const report = await testConnection(URL_UNDER_TEST, { WebSocketImpl: fakeSocket('fail').WebSocketImpl, fetchImpl });
    expect(report).toEqual({ result, detail, httpStatus: status, firstFrame: null });
    // The probe asks the bare endpoint: no query, so no key in a request that can fail in the console.
    expect(calls[0]).toEqual({ url: 'https://q.pbx.vega.ua/live/connector/v3/easy', mode: 'cors' });
  });

  it('asks over http:// for a ws:// simulator', async () => {
    const { fetchImpl, calls } = fetchAnswering(426, 'throws');
    await testConnection('ws://127.0.0.1:9/live', { WebSocketImpl: fakeSocket('fail').WebSocketImpl, fetchImpl });
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/live');
  });

  it('says refused (maybe not the socket address) when the host answers only opaquely', async () => {
    const { fetchImpl, calls } = fetchAnswering('throws', 'ok');
    const report = await testConnection(URL_UNDER_TEST, { WebSocketImpl: fakeSocket('fail').WebSocketImpl, fetchImpl });
    expect(report).toMatchObject({ result: 'refused', detail: 'optionsTestDetailOpaque' });
    expect(calls[1]).toEqual({ url: 'https://q.pbx.vega.ua/', mode: 'no-cors' });
  });

  it('says unreachable when nothing answers at all, without ever opening the socket that carries the key', async () => {
    const { fetchImpl } = fetchAnswering('throws', 'throws');
    const ws = fakeSocket('fail');
    const report = await testConnection(URL_UNDER_TEST, { WebSocketImpl: ws.WebSocketImpl, fetchImpl });
    expect(report).toMatchObject({ result: 'unreachable', detail: 'optionsTestDetailUnreachable' });
    expect(ws.made).toEqual([]);
  });

  it('puts the key in no request but the WebSocket handshake (issue 16.2)', async () => {
    for (const cors of [403, 426, 404, 'throws'] as const) {
      const { fetchImpl, calls } = fetchAnswering(cors, 'ok');
      const ws = fakeSocket('fail');
      await testConnection(URL_UNDER_TEST.replace('apiKey=k', 'apiKey=S3cr3tKey'), { WebSocketImpl: ws.WebSocketImpl, fetchImpl });
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(call.url).not.toMatch(/S3cr3tKey|apiKey|\?/);
      expect(ws.made.map((m) => m.url.includes('S3cr3tKey'))).toEqual([true]);
    }
  });

  it('gives up with timeout when the handshake hangs, and closes the socket', async () => {
    const ws = fakeSocket('hang');
    const started = Date.now();
    const report = await testConnection(URL_UNDER_TEST, { WebSocketImpl: ws.WebSocketImpl, fetchImpl: fetchAnswering(426, 'ok').fetchImpl, timeoutMs: 50 });
    expect(report.result).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ws.made[0]?.closed).toBe(true);
  });

  it('says unreachable for a URL the socket refuses to parse', async () => {
    class Throws {
      constructor() {
        throw new SyntaxError('bad url');
      }
    }
    const report = await testConnection('wss://', { WebSocketImpl: Throws as unknown as new (url: string) => TestSocket });
    expect(report.result).toBe('unreachable');
  });
});
