import { useEffect, useState } from 'preact/hooks';
import type { RequestOptions } from '../../help-center/panel/api';
import { asAgent } from '../services';

/** A call to one service's API as the signed-in admin, by path. */
export type ServiceCall = <T = void>(path: string, options?: Omit<RequestOptions, 'token'>) => Promise<T>;

export function serviceCall(baseUrl: string, accessToken: string): ServiceCall {
  return <T>(path: string, options?: Omit<RequestOptions, 'token'>) => asAgent<T>(`${baseUrl}${path}`, accessToken, options);
}

/**
 * What an admin page shows from a service, loaded again after each change the page makes so the list is the service's
 * own (its order, its defaults), never the page's guess; the last failure stays shown until the next change.
 */
export function useServiceData<T>(load: () => Promise<T>, dependencies: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    load()
      .then(setData)
      .catch((error: Error) => setFailure(error.message));
  }, [version, ...dependencies]);

  /** Runs a change and reloads; false (the failure shown) when the service refused it. */
  const change = async (action: () => Promise<unknown>): Promise<boolean> => {
    setFailure(null);
    try {
      await action();
      setVersion((current) => current + 1);
      return true;
    } catch (error) {
      setFailure((error as Error).message);
      return false;
    }
  };
  return { data, failure, change };
}
