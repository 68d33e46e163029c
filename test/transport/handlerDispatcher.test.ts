import { test as fcTest, fc } from '@fast-check/vitest';
import { getResponse, http, HttpResponse, matchRequestUrl } from 'msw';
import { describe, expect, test } from 'vitest';
import { createHandlerDispatcher } from '../../src/transport/handlerDispatcher.ts';
import { compileMswPath } from '../../src/transport/mswPathMatcher.ts';

const PATTERNS = [
  '*/services/data/:version/*',
  '*/services/data',
  '*/identity/oauth/token',
  '*/rest/v1/lead/:id.json',
  '*/rest/v1/lists/:listId/leads/ismember.json',
  '*/rest/v1/*',
  '*/prm/api/objects/v1/:object/:id/recall',
  '*/api/objects/v1/:object',
  '*/api/objects/v1/_describe',
  '*/intake/:entryPoint',
  '*',
];
const SEGMENTS = ['services', 'data', 'v62.0', 'rest', 'v1', 'lead', '42.json', 'lists', '7', 'leads', 'ismember.json', 'prm', 'api', 'objects', 'Prospect', 'recall', 'intake', 'web-form', 'a%20b', 'Identity', 'OAUTH', 'token', '_describe', ''];

describe('compileMswPath', () => {
  fcTest.prop([fc.constantFrom(...PATTERNS), fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 8 }), fc.boolean()], { numRuns: 100 })(
    'matches exactly as msw matchRequestUrl does',
    (pattern, segments, trailingSlash) => {
      const url = new URL(`https://x.example.com/${segments.join('/')}${trailingSlash ? '/' : ''}`);
      const msw = matchRequestUrl(url, pattern);
      const ours = compileMswPath(pattern)!(url.origin + url.pathname);
      expect(ours !== undefined).toBe(msw.matches);
      if (ours) expect({ ...ours }).toEqual({ ...msw.params });
    },
  );

  test('matches the paths the simulated APIs are called on, with msw params', () => {
    for (const [pattern, url] of [
      ['*/rest/v1/lead/:id.json', 'https://m.example.com/rest/v1/lead/42.json'],
      ['*/services/data/:version/*', 'https://sf.example.com/services/data/v62.0/sobjects/Lead/00Q1'],
      ['*/intake/:entryPoint', 'https://hooks.example.com/INTAKE/web-form/'],
    ] as const) {
      const u = new URL(url);
      expect({ ...compileMswPath(pattern)!(u.origin + u.pathname) }).toEqual({ ...matchRequestUrl(u, pattern).params });
    }
  });

  test('leaves other path syntax to msw', () => {
    expect(compileMswPath('/relative/:id')).toBeUndefined();
    expect(compileMswPath('*/users/:id?')).toBeUndefined();
    expect(compileMswPath('https://api.example.com/users')).toBeUndefined();
  });
});

describe('createHandlerDispatcher', () => {
  const seen: string[] = [];
  const handlers = [
    http.all('*', () => {
      seen.push('passthrough');
      return undefined;
    }),
    http.get('*/things/:id', ({ params, request }) => HttpResponse.json({ id: params['id'], url: request.url })),
    http.post('*/things', async ({ request }) => HttpResponse.json({ got: await request.json() }, { status: 201 })),
    http.get('*/thrown', () => {
      throw HttpResponse.json({ thrown: true }, { status: 418 });
    }),
    http.get('*/once', () => HttpResponse.json({ once: true }), { once: true }),
  ];
  const dispatch = createHandlerDispatcher(handlers);

  test('answers like getResponse: first answering handler, params, bodies, thrown responses, once', async () => {
    const requests = () => [
      new Request('https://a.example.com/things/7?x=1'),
      new Request('https://a.example.com/things', { method: 'POST', body: JSON.stringify({ a: 1 }) }),
      new Request('https://a.example.com/thrown'),
      new Request('https://a.example.com/nothing'),
    ];
    const ours = await Promise.all(requests().map(async (r) => { const res = await dispatch(r); return res && { status: res.status, body: await res.json() }; }));
    const msw = await Promise.all(requests().map(async (r) => { const res = await getResponse(handlers, r); return res && { status: res.status, body: await res.json() }; }));
    expect(ours).toEqual(msw);
    expect(ours[3]).toBeUndefined();
    expect(seen.length).toBeGreaterThanOrEqual(8);
  });

  test('hands once-handlers to msw, which answers only the first time', async () => {
    const fresh = createHandlerDispatcher([http.get('*/once', () => HttpResponse.json({ once: true }), { once: true })]);
    expect((await fresh(new Request('https://a.example.com/once')))?.status).toBe(200);
    expect(await fresh(new Request('https://a.example.com/once'))).toBeUndefined();
  });
});
