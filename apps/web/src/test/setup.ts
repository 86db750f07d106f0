import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Routes are code-split (React.lazy): the first visit to a page imports its
// module, which on a loaded 2-core CI machine can take longer than Testing
// Library's 1 s default for findBy/waitFor. A wait still fails if the element
// never comes; it only stops failing because the machine is busy.
configure({ asyncUtilTimeout: 5_000 });

// Vitest runs without globals, so Testing Library cannot register this itself.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
});
