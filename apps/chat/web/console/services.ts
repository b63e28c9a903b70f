import { RequestOptions, requestJson } from '../help-center/panel/api';

/** Where each service's API answers the browser, from chat's `GET /console/config`. */
export interface Services {
  chat: string;
  identity: string;
  tickets: string;
  emailIngest: string;
}

export async function loadServices(): Promise<Services> {
  const { services } = await requestJson<{ services: Services }>('/console/config');
  return services;
}

/** A call to a service's API as the signed-in agent. */
export function asAgent<T>(url: string, accessToken: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> {
  return requestJson<T>(url, { ...options, token: accessToken });
}

/** One service's API as the signed-in agent: `call('/contacts/1')` on that service's URL. */
export type ServiceCall = <T = void>(path: string, options?: Omit<RequestOptions, 'token'>) => Promise<T>;

export function serviceCall(baseUrl: string, accessToken: string): ServiceCall {
  return (path, options) => asAgent(`${baseUrl}${path}`, accessToken, options);
}
