import { runInNewContext } from 'node:vm';
import { withAppearance } from './loader-appearance';

describe('withAppearance', () => {
  const appearance = { accentColor: '#7b1fa2', teamName: 'Lumen "Care" </script> $& team' };

  it('writes the appearance where the loader parses it, read back exactly whatever its characters', () => {
    for (const quote of ['"', "'", '`']) {
      const served = withAppearance(`(() => JSON.parse(${quote}__HELPGATE_APPEARANCE__${quote}))()`, appearance)!;
      expect(runInNewContext(served)).toEqual(appearance);
    }
  });

  it('answers null for a script without the slot, so a loader built without it is noticed rather than served bare', () => {
    expect(withAppearance('console.log("__HELPGATE_APPEARANCE__ is mentioned, not a literal")', appearance)).toBeNull();
  });
});
