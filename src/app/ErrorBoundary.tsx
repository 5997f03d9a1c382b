// An error boundary per panel: a rendering bug in one panel shows a message in that
// panel and leaves the rest of the playground working. With `?testhooks` a probe inside
// the boundary lets Playwright force a render crash of the named panel (testHooks.tsx).

import { Component, type ReactNode } from 'react';
import { CrashProbe, disarm } from './testHooks';

interface Props {
  /** Renders the fallback; gets the error message and a reset callback. */
  fallback(message: string, reset: () => void): ReactNode;
  children: ReactNode;
  /** The panel id, for the test crash hook (`__playground.crashPanel(name)`). */
  name?: string;
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

  private readonly reset = (): void => {
    if (this.props.name !== undefined) disarm(`panel:${this.props.name}`);
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error.message, this.reset);
    return (
      <>
        {this.props.name !== undefined && <CrashProbe target={`panel:${this.props.name}`} />}
        {this.props.children}
      </>
    );
  }
}
