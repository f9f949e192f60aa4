import { useEffect, useState } from 'preact/hooks';
import { firstPaint } from './first-render';

let painted = false;
void firstPaint.then(() => (painted = true));

/**
 * False until the page's first paint is on screen, then true: what the first frame does not show (a folded
 * list's entries, say) can wait for it, and that frame comes sooner. True at once for what mounts later.
 */
export function useFirstPaint(): boolean {
  const [done, setDone] = useState(painted);
  useEffect(() => {
    if (done) return;
    let live = true;
    void firstPaint.then(() => live && setDone(true));
    return () => {
      live = false;
    };
  }, [done]);
  return done;
}
