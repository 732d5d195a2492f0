import { responseMediaType, wantsGraphQLResponse } from './http-status.plugin';

describe('the media type of an answer, as Apollo negotiates it', () => {
  it('is application/json without Accept, for */* and when preferred', () => {
    for (const accept of [
      undefined,
      '*/*',
      'application/json',
      'application/json, application/graphql-response+json;q=0.9',
    ])
      expect(wantsGraphQLResponse(accept)).toBe(false);
  });

  it('is application/graphql-response+json when the client prefers it', () => {
    for (const accept of [
      'application/graphql-response+json',
      'application/graphql-response+json, application/json;q=0.9',
      'application/graphql-response+json, application/json',
    ]) {
      expect(wantsGraphQLResponse(accept)).toBe(true);
    }
  });

  it('is none for an Accept that names neither', () => {
    expect(responseMediaType('text/html')).toBeUndefined();
  });
});
