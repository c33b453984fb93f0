import { useEffect } from 'react';

/** Sets the document title (what a screen reader announces and a tab shows) for the current page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — Cepat` : 'Cepat — Cepat Respon Masyarakat';
  }, [title]);
}
