import { Component, type ComponentChildren } from 'preact';
import { useUi } from './UiContext';

function PanelError({ provider }: { provider: string }) {
  const { t } = useUi();
  return (
    <section class="panel panel--unknown" data-provider={provider} data-status="unknown">
      <p class="panel__problem">{t('panelError')}</p>
    </section>
  );
}

/** Keeps one broken panel from blanking the others. */
export class PanelErrorBoundary extends Component<{ provider: string; children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };
  override componentDidCatch(error: unknown) {
    console.error('[ai-status] panel failed to render', error);
    this.setState({ failed: true });
  }
  override render() {
    return this.state.failed ? <PanelError provider={this.props.provider} /> : this.props.children;
  }
}
