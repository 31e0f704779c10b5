import type { HostGate } from '../core/host-gate.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../core/http-types.js';

/** Every request, feed or page, goes through the host gate: one politeness rule for both. */
export function politeClient(http: HttpClient, gate: HostGate): HttpClient {
  return {
    async get(request: HttpRequest): Promise<HttpResponse> {
      const release = await gate.acquire(new URL(request.url).host);
      try {
        return await http.get(request);
      } finally {
        await release();
      }
    },
  };
}
