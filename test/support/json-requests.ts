import type { ServiceInProcess } from './service-in-process';

/**
 * The JSON body of a request to the service that succeeded (undefined for `204`); any other status fails the test,
 * naming the request and the answer.
 */
export async function jsonOk<T>(
  service: Pick<ServiceInProcess, 'request'>,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  const response = await service.request(method, path, body, headers);
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}
