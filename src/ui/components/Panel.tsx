// A named region (`<section aria-label>`) with its own error boundary.

import type { ReactNode } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { useT } from '../hooks/store';

export function Panel({ title, id, actions, children, className }: { title: string; id: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const t = useT();
  return (
    <section aria-label={title} className={`panel ${className ?? ''}`} data-testid={`panel.${id}`}>
      <header className="panel-head">
        <h2>{title}</h2>
        {actions}
      </header>
      <ErrorBoundary
        name={id}
        fallback={(message, reset) => (
          <div role="alert" className="problem-block error">
            <p>{t('error.panel', { message })}</p>
            <button type="button" onClick={reset}>
              {t('error.retry')}
            </button>
          </div>
        )}
      >
        {children}
      </ErrorBoundary>
    </section>
  );
}
