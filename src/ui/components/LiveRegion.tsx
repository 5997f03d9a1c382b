// Announces Job condition changes to screen readers (a polite live region).

import { useEffect, useRef, useState } from 'react';
import { selectTrueConditions } from '../../state/selectors';
import { useApp, useT } from '../hooks/store';

export function LiveRegion() {
  const t = useT();
  const conditions = useApp(selectTrueConditions);
  const prev = useRef<string | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (prev.current !== null && prev.current !== conditions) {
      setMessage(t('live.conditions', { list: conditions || t('live.none') }));
    }
    prev.current = conditions;
  }, [conditions, t]);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="live">
      {message}
    </div>
  );
}
