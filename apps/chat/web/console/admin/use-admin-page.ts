import { useEffect, useState } from 'preact/hooks';

/**
 * What an administration page shows and changes: the data it loads, loaded again after each change; the failure of a
 * load or change (the service's error, shown with its code); the notice of a change that worked.
 */
export function useAdminPage<T>(load: () => Promise<T>, dependencies: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // Loaded again after a change, and when what the page shows changes (a list's filter).
  useEffect(() => {
    load().then(setData).catch(setFailure);
  }, [version, ...dependencies]);

  /** Runs a change; answers whether it worked, so a form clears only then. */
  const change = (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    setFailure(null);
    setNotice(null);
    return work()
      .then(() => {
        setNotice(done);
        setVersion((current) => current + 1);
        return true;
      })
      .catch((error: unknown) => {
        setFailure(error);
        return false;
      });
  };
  return { data, failure, notice, change, fail: setFailure };
}
