// An error boundary per panel: a rendering bug in one panel shows a message in that
// panel and leaves the rest of the playground working.

import { Component, type ReactNode } from 'react';

interface Props {
  /** Renders the fallback; gets the error message and a reset callback. */
  fallback(message: string, reset: () => void): ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('panel failed to render', error);
  }

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error.message, () => this.setState({ error: null }));
    return this.props.children;
  }
}
